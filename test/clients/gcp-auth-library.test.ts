/**
 * A real client library consumes what the Google path delivers: google-auth-library's
 * OAuth2Client, given the access token from GOOGLE_OAUTH_ACCESS_TOKEN (the way client libraries
 * take a bare token), calls the Cloud Storage JSON API on the emulator from inside `run:`; then a
 * later step shows the same token is refused once its lifetime has passed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { createJob, type Job } from '../harness/job.ts';
import { REPO_ROOT } from '../harness/node.ts';

const SA = 'deploy@acme-site.iam.gserviceaccount.com';
let clock: Clock;
let oidc: OidcIssuer;
let google: GoogleEmulator;
let github: GitHubApi;
let job: Job;

/** CommonJS so that the library resolves by absolute path from the job's workspace. */
const CONSUMER = `
const { OAuth2Client } = require(process.env.GAL);
(async () => {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: process.env.GOOGLE_OAUTH_ACCESS_TOKEN });
  const base = process.env.STORAGE;
  const up = await client.request({ url: base + '/upload/storage/v1/b/site-assets/o?uploadType=media&name=releases/app.tgz', method: 'POST', data: 'built', headers: { 'content-type': 'application/octet-stream' } });
  const list = await client.request({ url: base + '/storage/v1/b/site-assets/o?prefix=releases/' });
  let outside;
  try { await client.request({ url: base + '/storage/v1/b/site-assets/o/private%2Fkeys.txt?alt=media' }); outside = 'allowed'; }
  catch (e) { outside = e.response ? e.response.status : 'error'; }
  console.log(JSON.stringify({ uploaded: up.data.name, listed: list.data.items.map((i) => i.name), outside }));
})().catch((e) => { console.error('consumer failed:', e.response ? e.response.status : e.message); process.exit(1); });
`;

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  google = await startGoogleEmulator({ clock, issuer: oidc.issuer });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  google.storage.bindings.push({
    member: `serviceAccount:${SA}`,
    bucket: 'site-assets',
    role: 'roles/storage.objectAdmin',
  });
  google.storage.put('site-assets', 'private/keys.txt', 'hidden');
  job = await createJob({ idToken: oidc.forJob, env: { ...google.env, ...github.env } });
});
afterAll(async () => {
  await job?.cleanup();
  await google?.close();
  await github?.close();
  await oidc?.close();
});

describe('google-auth-library consumes the delivered token', () => {
  it('uploads and lists inside the boundary, is refused outside it', async () => {
    const step = await job.runStep({
      entry: 'dist/main.js',
      id: 'publish',
      env: {
        STORAGE: google.storageUrl,
        GAL: path.join(REPO_ROOT, 'node_modules/google-auth-library'),
      },
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': SA,
        'access-boundary':
          '- bucket: site-assets\n  role: roles/storage.objectAdmin\n  prefix: releases/',
        run: `node -e '${CONSUMER.replaceAll("'", "'\\''")}'`,
      },
    });
    expect(step.stderr).toBe('');
    expect(step.exitCode).toBe(0);
    const line = step.stdout.split('\n').find((l) => l.startsWith('{"uploaded"'))!;
    expect(JSON.parse(line)).toEqual({
      uploaded: 'releases/app.tgz',
      listed: ['releases/app.tgz'],
      outside: 403,
    });
    expect(google.storage.buckets.get('site-assets')?.get('releases/app.tgz')).toBe('built');
    const leaks = findLeaks(
      [...google.issued, ...oidc.issued, oidc.requestToken],
      await jobChannels(job),
    );
    expect(leaksOutside(leaks, [])).toEqual([]);
  });

  it('the same token is refused once its lifetime has passed', async () => {
    const main = await job.runStep({
      entry: 'dist/main.js',
      id: 'auth',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': SA,
        duration: '2m',
        export: 'outputs',
      },
    });
    const token = main.outputs['gcp-access-token']!;
    const { OAuth2Client } = await import('google-auth-library');
    const client = new OAuth2Client();
    client.setCredentials({ access_token: token });
    const ok = await client.request({ url: `${google.storageUrl}/storage/v1/b/site-assets/o` });
    expect(ok.status).toBe(200);
    // One second past the expiry the action recorded for the token.
    clock.advanceTo(main.outputs['expires-at']!, 1);
    const refused = await client
      .request({ url: `${google.storageUrl}/storage/v1/b/site-assets/o` })
      .catch((e: { response?: { status: number } }) => e.response?.status);
    expect(refused).toBe(401);
  });
});
