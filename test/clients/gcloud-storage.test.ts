/**
 * The real gcloud (Cloud SDK) uses what the Google path delivers, against the storage emulator:
 * `gcloud storage ls` of a prefix, `cat`, `cp` up (multipart, and resumable above the threshold)
 * and down, with the access token from CLOUDSDK_AUTH_ACCESS_TOKEN; and with a Credential Access
 * Boundary limited to one prefix, reading or writing outside it is refused. The emulator accepts
 * only tokens it issued, unexpired, and enforces the boundary on every call.
 *
 * gcloud is not in Debian's archive; without it on PATH the suite is skipped with the reason.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { findOnPath } from '../../src/providers/azure/settings.ts';

const GCLOUD = findOnPath('gcloud', process.env);
if (!GCLOUD)
  console.warn(
    'SKIPPED test/clients/gcloud-storage.test.ts: gcloud (the Google Cloud CLI) is not on PATH. It is not in Debian’s archive: ' +
      'install it from https://cloud.google.com/sdk/docs/install (the apt repository packages.cloud.google.com) to run these tests.',
  );

const SA = 'deploy@acme-site.iam.gserviceaccount.com';
const BOUNDARY = '- bucket: site-assets\n  role: roles/storage.objectAdmin\n  prefix: releases/';
let oidc: OidcIssuer;
let google: GoogleEmulator;
let github: GitHubApi;
const jobs: Job[] = [];

beforeAll(async () => {
  if (!GCLOUD) return;
  const clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  google = await startGoogleEmulator({ clock, issuer: oidc.issuer });
  // The policy is read from the default branch through GitHub's API: this one has none.
  github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  google.storage.bindings.push({
    member: `serviceAccount:${SA}`,
    bucket: 'site-assets',
    role: 'roles/storage.objectAdmin',
  });
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await google?.close();
  await github?.close();
  await oidc?.close();
});
beforeEach(() => {
  if (!GCLOUD) return;
  google.storage.buckets.clear();
  google.storage.put('site-assets', 'releases/v1.txt', 'one\n', 'text/plain');
  google.storage.put('site-assets', 'releases/sub/v2.txt', 'two\n', 'text/plain');
  google.storage.put('site-assets', 'releases-old.txt', 'old\n', 'text/plain');
  google.storage.put('site-assets', 'private/keys.txt', 'hidden\n', 'text/plain');
  google.requests.length = 0;
});

/** The workflow's job: the emulator's endpoints in its `env:`, as a user points gcloud elsewhere. */
async function job(): Promise<Job> {
  const j = await createJob({
    idToken: oidc.forJob,
    env: { ...google.env, ...google.gcloudEnv, ...github.env },
  });
  jobs.push(j);
  return j;
}

const inputs = (extra: Record<string, string>) => ({
  provider: 'gcp',
  'oidc-issuer': oidc.issuer,
  'workload-identity-provider': google.provider,
  'service-account': SA,
  ...extra,
});

/** `CHECK|label|ok|<stdout on one line>` or `CHECK|label|refused|<last error line>`. */
const check = (label: string, command: string) =>
  `if out=$(${command} 2>gcloud.err); then echo "CHECK|${label}|ok|$(echo "$out" | tr '\\n' ' ')"; ` +
  `else echo "CHECK|${label}|refused|$(grep -v '^\\s*$' gcloud.err | tail -1)"; fi`;

function checks(step: StepResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of step.stdout.matchAll(/^CHECK\|([^|]+)\|(.*)$/gm)) out[m[1]!] = m[2]!.trim();
  return out;
}

/** The storage calls gcloud made, with the kind of token each carried. */
function storageCalls(): Array<{ call: string; token: string }> {
  return google.requests
    .filter((r) => /^\/(storage|download|upload|resumable)\//.test(r.path))
    .map((r) => {
      const bearer = /^Bearer (\S+)$/.exec(String(r.headers.authorization ?? ''))?.[1];
      const uploadType = r.query.get('uploadType');
      return {
        call: `${r.method} ${r.path.split('/b/')[0]}${uploadType ? ` ${uploadType}` : ''}`,
        token: bearer ? (google.token(bearer)?.kind ?? 'unknown') : 'none',
      };
    });
}

const secrets = () => [...google.issued, ...oidc.issued, oidc.requestToken];

describe.skipIf(!GCLOUD)('gcloud storage with the delivered access token', () => {
  it('run: ls of a prefix, cat, cp up (multipart and resumable) and down', async () => {
    const j = await job();
    const script = [
      "printf 'built artefact\\n' > app.txt",
      'head -c 3000 /dev/zero | tr "\\0" "x" > big.txt',
      check('ls', 'gcloud storage ls gs://site-assets/releases/'),
      check('cat', 'gcloud storage cat gs://site-assets/releases/v1.txt'),
      check('cp up', 'gcloud storage cp app.txt gs://site-assets/releases/app.txt'),
      check(
        'cp resumable',
        'CLOUDSDK_STORAGE_RESUMABLE_THRESHOLD=1000 gcloud storage cp big.txt gs://site-assets/releases/big.txt',
      ),
      check(
        'cp down',
        'gcloud storage cp gs://site-assets/releases/sub/v2.txt got.txt && cat got.txt',
      ),
    ].join('\n');
    const step = await j.runStep({
      action: 'action.yml',
      id: 'publish',
      inputs: inputs({ run: script }),
      timeoutMs: 200_000,
    });
    expect(step.exitCode, step.stderr + step.stdout).toBe(0);
    const c = checks(step);
    expect(c['ls']).toBe('ok|gs://site-assets/releases/v1.txt gs://site-assets/releases/sub/');
    expect(c['cat']).toBe('ok|one');
    expect(c['cp up']).toMatch(/^ok\|/);
    expect(c['cp resumable']).toMatch(/^ok\|/);
    expect(c['cp down']).toMatch(/^ok\|.*two$/);
    const bucket = google.storage.buckets.get('site-assets')!;
    expect(bucket.get('releases/app.txt')).toBe('built artefact\n');
    expect(bucket.get('releases/big.txt')).toBe('x'.repeat(3000));

    // Every call carried the service account token the grant issued: gcloud used nothing else.
    const calls = storageCalls();
    expect(new Set(calls.map((x) => x.token))).toEqual(new Set(['service-account']));
    expect(calls.map((x) => x.call)).toEqual(
      expect.arrayContaining([
        'GET /storage/v1',
        'GET /download/storage/v1',
        'POST /upload/storage/v1 multipart',
        'POST /resumable/upload/storage/v1 resumable',
        'PUT /upload/storage/v1 resumable',
      ]),
    );
    expect(leaksOutside(findLeaks(secrets(), await jobChannels(j)), [])).toEqual([]);
  }, 360_000);

  it('run: with an access boundary on releases/, reads and writes outside it are refused', async () => {
    const j = await job();
    const script = [
      "printf 'built\\n' > app.txt",
      check('ls inside', "gcloud storage ls 'gs://site-assets/releases/*'"),
      check('cat inside', 'gcloud storage cat gs://site-assets/releases/v1.txt'),
      check('cp inside', 'gcloud storage cp app.txt gs://site-assets/releases/app.txt'),
      check('cat outside', 'gcloud storage cat gs://site-assets/private/keys.txt'),
      check('cp outside', 'gcloud storage cp app.txt gs://site-assets/private/app.txt'),
      check('ls outside', "gcloud storage ls 'gs://site-assets/private/*'"),
      // gcloud lists `gs://b/releases/` with prefix `releases` (no slash): outside a `releases/` boundary.
      check('ls folder', 'gcloud storage ls gs://site-assets/releases/'),
    ].join('\n');
    const step = await j.runStep({
      action: 'action.yml',
      id: 'publish',
      inputs: inputs({ run: script, 'access-boundary': BOUNDARY }),
      timeoutMs: 200_000,
    });
    expect(step.exitCode, step.stderr + step.stdout).toBe(0);
    const c = checks(step);
    // A wildcard that matches a folder lists its contents too, as gsutil did.
    expect(c['ls inside']).toBe(
      'ok|gs://site-assets/releases/v1.txt  gs://site-assets/releases/sub/: gs://site-assets/releases/sub/v2.txt',
    );
    expect(c['cat inside']).toBe('ok|one');
    expect(c['cp inside']).toMatch(/^ok\|/);
    for (const label of ['cat outside', 'cp outside', 'ls outside', 'ls folder'])
      expect(c[label], JSON.stringify(c)).toMatch(
        /^refused\|.*(403|does not have storage\.objects)/,
      );
    const bucket = google.storage.buckets.get('site-assets')!;
    expect(bucket.get('releases/app.txt')).toBe('built\n');
    expect(bucket.has('private/app.txt')).toBe(false);
    // Only the downscoped token reached storage.
    expect(new Set(storageCalls().map((x) => x.token))).toEqual(new Set(['downscoped']));
    expect(leaksOutside(findLeaks(secrets(), await jobChannels(j)), [])).toEqual([]);
  }, 360_000);

  it('export: env: a later step’s gcloud reads with the exported token; gcloud keeps no copy of it', async () => {
    const j = await job();
    const main = await j.runStep({
      action: 'action.yml',
      id: 'auth',
      inputs: inputs({ export: 'env', 'access-boundary': BOUNDARY }),
    });
    expect(main.exitCode, main.stderr + main.stdout).toBe(0);
    const later = await j.runStep({
      entry: 'test/e2e/fixtures/shell-step.mjs',
      id: 'use',
      env: {
        STEP_SCRIPT: [
          check('cat', 'gcloud storage cat gs://site-assets/releases/v1.txt'),
          check('cat outside', 'gcloud storage cat gs://site-assets/private/keys.txt'),
        ].join('\n'),
      },
      timeoutMs: 200_000,
    });
    expect(later.exitCode, later.stderr + later.stdout).toBe(0);
    expect(checks(later)).toMatchObject({ cat: 'ok|one' });
    expect(checks(later)['cat outside']).toMatch(/^refused\|/);
    const post = await j.runPost(main);
    expect(post.exitCode).toBe(0);
    expect(post.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe('');
    // gcloud wrote its config and logs under HOME; the token is only where export: env put it.
    expect(
      leaksOutside(findLeaks(secrets(), await jobChannels(j)), ['main:auth:envWrites']),
    ).toEqual([]);
  }, 360_000);
});
