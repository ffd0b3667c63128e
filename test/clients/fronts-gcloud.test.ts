/**
 * google-github-actions/auth's own promise, kept through actions/gcp: after the auth step,
 * gcloud in later steps works as the service account (as after setup-gcloud), with no
 * credentials file anywhere; after the post step the job's variables no longer give it access.
 * The real gcloud against the storage emulator, which accepts only tokens it issued.
 *
 * gcloud is not in Debian's archive; without it on PATH the suite is skipped with the reason.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { createJob } from '../harness/job.ts';
import { findOnPath } from '../../src/providers/azure/settings.ts';

const run = promisify(execFile);
const GCLOUD = findOnPath('gcloud', process.env);
if (!GCLOUD)
  console.warn(
    'SKIPPED test/clients/fronts-gcloud.test.ts: gcloud (the Google Cloud CLI) is not on PATH. It is not in Debian’s archive: ' +
      'install it from https://cloud.google.com/sdk/docs/install to run this test.',
  );

const SA = 'my-service-account@my-project.iam.gserviceaccount.com';
let oidc: OidcIssuer;
let google: GoogleEmulator;
let github: GitHubApi;

beforeAll(async () => {
  if (!GCLOUD) return;
  const clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  google = await startGoogleEmulator({ clock, issuer: oidc.issuer });
  github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  google.storage.bindings.push({
    member: `serviceAccount:${SA}`,
    bucket: 'my-bucket',
    role: 'roles/storage.objectViewer',
  });
  google.storage.put('my-bucket', 'hello.txt', 'hello from storage\n', 'text/plain');
});
afterAll(async () => {
  await google?.close();
  await github?.close();
  await oidc?.close();
});

describe.skipIf(!GCLOUD)(
  'google-github-actions/auth README example through actions/gcp, then gcloud',
  () => {
    it('workload_identity_provider + service_account: a later gcloud step reads as the service account; nothing after post', async () => {
      const job = await createJob({
        idToken: oidc.forJob,
        env: { ...google.env, ...google.gcloudEnv, ...github.env },
      });
      const auth = await job.runStep({
        action: 'actions/gcp/action.yml',
        id: 'auth',
        inputs: {
          workload_identity_provider: google.provider,
          service_account: SA,
          'oidc-issuer': oidc.issuer,
        },
      });
      expect(auth.exitCode, auth.stderr + auth.stdout).toBe(0);
      expect(auth.outputs['project_id']).toBe('my-project');

      // A later `run: gcloud ...` step: the job's env: plus what GITHUB_ENV now holds.
      const gcloud = (env: Record<string, string>) =>
        run(GCLOUD!, ['storage', 'cat', 'gs://my-bucket/hello.txt'], {
          env: {
            ...process.env,
            ...google.gcloudEnv,
            HOME: job.home,
            CLOUDSDK_CONFIG: `${job.home}/.config/gcloud`,
            CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
            ...env,
          },
        }).then(
          (r) => ({ ok: true, out: r.stdout }),
          (e: { stderr?: string }) => ({ ok: false, out: String(e.stderr ?? '') }),
        );
      const during = await gcloud(job.env);
      expect(during).toEqual({ ok: true, out: 'hello from storage\n' });
      const bearer = google.requests
        .filter((r) => r.path.includes('/b/my-bucket/'))
        .map((r) => /^Bearer (\S+)$/.exec(String(r.headers.authorization ?? ''))?.[1]);
      expect(bearer.length).toBeGreaterThan(0);
      for (const token of bearer)
        expect(google.token(token!)?.principal).toBe(`serviceAccount:${SA}`);
      // No credentials file: nothing in the job's files holds a token or the request token.
      const files = await job.allFiles();
      expect(files.some((f) => /gha-creds|credentials\.json/.test(f.path))).toBe(false);

      const post = await job.runPost(auth);
      expect(post.exitCode).toBe(0);
      expect(job.env['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe('');
      const after = await gcloud(job.env);
      // The token cannot be revoked: what post ends is every copy on the runner, so gcloud has none.
      expect(after).toMatchObject({
        ok: false,
        out: expect.stringMatching(/no.* active account/i),
      });

      const secrets = [...google.issued, ...oidc.issued, oidc.requestToken, github.token];
      expect(
        leaksOutside(findLeaks(secrets, await jobChannels(job)), ['main:auth:envWrites']),
      ).toEqual([]);
      await job.cleanup();
    });
  },
);
