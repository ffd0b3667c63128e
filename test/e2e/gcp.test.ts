/**
 * Google Cloud end to end: the built bundle (dist/main.js, dist/post.js, actions/gcp) run as the
 * runner runs it, against the OIDC issuer and the Google emulator. Build first: npm run build.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { createJob, type Job } from '../harness/job.ts';

const SA = 'deploy@acme-site.iam.gserviceaccount.com';
let clock: Clock;
let oidc: OidcIssuer;
let google: GoogleEmulator;
let github: GitHubApi;
const jobs: Job[] = [];

/** A `run:` command that reads objects with the delivered token and prints only the HTTP statuses. */
const PROBE = [
  'node -e "',
  "const h={authorization:'Bearer '+process.env.CLOUDSDK_AUTH_ACCESS_TOKEN};",
  "const get=p=>fetch(process.env.STORAGE+'/storage/v1/b/site-assets/o/'+encodeURIComponent(p)+'?alt=media',{headers:h}).then(r=>r.status);",
  "Promise.all(['releases/v1.txt','private/keys.txt'].map(get)).then(s=>console.log('statuses',s.join(','),'project',process.env.CLOUDSDK_CORE_PROJECT,'same',process.env.GOOGLE_OAUTH_ACCESS_TOKEN===process.env.CLOUDSDK_AUTH_ACCESS_TOKEN,'oidc',process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN===undefined?'absent':'present','adc',process.env.GOOGLE_APPLICATION_CREDENTIALS===undefined?'absent':'present'))",
  '"',
].join('');

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  google = await startGoogleEmulator({
    clock,
    issuer: oidc.issuer,
    attributeCondition: "assertion.repository == 'acme/site'",
  });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  google.storage.bindings.push({
    member: `serviceAccount:${SA}`,
    bucket: 'site-assets',
    role: 'roles/storage.objectAdmin',
  });
  google.storage.put('site-assets', 'releases/v1.txt', 'one');
  google.storage.put('site-assets', 'private/keys.txt', 'hidden');
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await google.close();
  await github.close();
  await oidc.close();
});
beforeEach(() => oidc.resetClaims());

async function job(env: Record<string, string> = {}): Promise<Job> {
  const j = await createJob({
    idToken: oidc.forJob,
    env: {
      ...google.env,
      ...github.env,
      GOOGLE_APPLICATION_CREDENTIALS: '/home/runner/old-key.json',
      ...env,
    },
  });
  jobs.push(j);
  return j;
}

function ledger(path: string | undefined): Array<Record<string, unknown>> {
  if (!path) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const secrets = () => [...google.issued, ...oidc.issued, oidc.requestToken];

describe('gcp through dist/main.js', () => {
  it('run: the command gets the token, the boundary holds, and the grant closes in the same step', async () => {
    const j = await job();
    const step = await j.runStep({
      entry: 'dist/main.js',
      id: 'deploy',
      env: { STORAGE: google.storageUrl },
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': SA,
        duration: '5m',
        'access-boundary':
          '- bucket: site-assets\n  role: roles/storage.objectViewer\n  prefix: releases/',
        run: PROBE,
      },
    });
    expect(step.stderr).toBe('');
    expect(step.exitCode).toBe(0);
    expect(step.stdout).toContain(
      'statuses 200,403 project acme-site same true oidc absent adc absent',
    );
    expect(step.envWrites).toEqual({});
    expect(step.summary).toMatch(/gcp/);
    expect(step.summary).toMatch(/cannot revoke/i);
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(leaksOutside(leaks, [])).toEqual([]);
    // The emulator issued a downscoped token that expires with its 5-minute source.
    const delivered = google.issued
      .map((t) => google.token(t)!)
      .filter((t) => t.kind === 'downscoped')
      .at(-1)!;
    expect(delivered.expiresAt - clock.nowMs()).toBeLessThanOrEqual(300_000);
    expect(step.outputs['expires-at']).toBe(new Date(delivered.expiresAt).toISOString());
  });

  it('export: env reaches later steps; the post step empties the variables', async () => {
    const j = await job();
    const main = await j.runStep({
      entry: 'dist/main.js',
      id: 'auth',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': SA,
        export: 'env',
      },
    });
    expect(main.exitCode).toBe(0);
    const token = main.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']!;
    expect(google.token(token)?.kind).toBe('service-account');
    expect(main.envWrites['GOOGLE_OAUTH_ACCESS_TOKEN']).toBe(token);
    expect(main.envWrites['GOOGLE_CLOUD_PROJECT']).toBe('acme-site');
    expect(main.envWrites).not.toHaveProperty('CLOUDSDK_CONFIG');
    const later = await j.runStep({
      entry: 'test/harness/fixtures/print-env.mjs',
      inputs: { names: 'CLOUDSDK_AUTH_ACCESS_TOKEN' },
    });
    expect(later.rawStdout).toContain(token);
    const post = await j.runPost(main, { entry: 'dist/post.js' });
    expect(post.exitCode).toBe(0);
    expect(post.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe('');
    expect(post.envWrites['GOOGLE_OAUTH_ACCESS_TOKEN']).toBe('');
    expect(post.summary).toMatch(/expires/i);
    const leaks = findLeaks(secrets(), await jobChannels(j));
    // Only the intended channel holds it (and the later step that printed it on purpose).
    expect(leaksOutside(leaks, [/^main:auth:envWrites$/, /^main:step\d+:stdout$/])).toEqual([]);
  });

  it('export: outputs sets the masked gcp-access-token output only', async () => {
    const j = await job();
    const main = await j.runStep({
      entry: 'dist/main.js',
      id: 'auth',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        export: 'outputs',
      },
    });
    expect(main.exitCode).toBe(0);
    const token = main.outputs['gcp-access-token']!;
    expect(google.token(token)?.kind).toBe('federated');
    expect(main.masks).toContain(token);
    expect(main.envWrites).toEqual({});
    expect(main.summary).toMatch(/direct federation/i);
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(leaksOutside(leaks, [/^main:auth:outputs$/])).toEqual([]);
  });

  it('the front door takes google-github-actions/auth input names and exports to env', async () => {
    const j = await job();
    const main = await j.runStep({
      action: 'actions/gcp/action.yml',
      id: 'auth',
      inputs: {
        workload_identity_provider: google.provider,
        service_account: SA,
        access_token_lifetime: '300s',
        'oidc-issuer': oidc.issuer,
        project_id: 'other-project',
      },
    });
    expect(main.stderr).toBe('');
    expect(main.exitCode).toBe(0);
    const token = main.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']!;
    const record = google.token(token)!;
    expect(record.kind).toBe('service-account');
    expect(Math.round((record.expiresAt - clock.nowMs()) / 1000)).toBeLessThanOrEqual(300);
    expect(main.envWrites['CLOUDSDK_CORE_PROJECT']).toBe('other-project');
    const post = await j.runPost(main);
    expect(post.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe('');
  });

  it('a bad input fails before any request, and says what to change', async () => {
    const j = await job();
    const before = google.requests.length;
    const issuedBefore = oidc.issued.length;
    const main = await j.runStep({
      entry: 'dist/main.js',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider':
          'projects/acme-site/locations/global/workloadIdentityPools/github/providers/actions',
        export: 'env',
      },
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.stdout).toMatch(/project number, not the project id/);
    expect(google.requests.length).toBe(before);
    expect(oidc.issued.length).toBe(issuedBefore);
    expect(main.envWrites).toEqual({});
  });

  it('a refused token fails the step with the claims, and nothing is exported', async () => {
    oidc.setClaims({ repository: 'evil/fork', repository_id: '31337' });
    // A repository without a policy: the gate lets it through, Google's condition refuses it.
    github.repo('evil/fork', { id: '31337' });
    const j = await job();
    const main = await j.runStep({
      entry: 'dist/main.js',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': SA,
        export: 'env',
      },
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.stdout).toMatch(/attribute condition rejected/);
    expect(main.stdout).toContain('repository="evil/fork"');
    expect(main.envWrites).toEqual({});
  });

  it('a missing workloadIdentityUser binding is named', async () => {
    const j = await job();
    const main = await j.runStep({
      entry: 'dist/main.js',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': 'other-sa@acme-site.iam.gserviceaccount.com',
        export: 'env',
      },
    });
    expect(main.exitCode).not.toBe(0);
    expect(main.stdout).toContain('roles/iam.workloadIdentityUser');
    const denied = ledger(main.outputs['ledger']).filter((e) => e['phase'] === 'denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ by: 'cloud', provider: 'gcp' });
  });
});
