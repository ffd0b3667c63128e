/**
 * Migrating from google-github-actions/auth: the input sets of the peer's README and
 * EXAMPLES.md, run through actions/gcp (dist/gcp.js, as the runner runs it) against the Google
 * emulator. Each gives what the peer documents for later steps (the project variables, the
 * `auth_token` / `access_token` / `id_token` / `project_id` outputs, a bearer call that works),
 * or fails with the refusal the README documents, before any request. Build first.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { Clock } from '../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { findLeaks, jobChannels, leaksOutside } from '../harness/canary.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';

const SA = 'my-service-account@my-project.iam.gserviceaccount.com';
/** Reached only through SA (delegates): SA holds Token Creator on it. */
const CHAINED = 'release@my-project.iam.gserviceaccount.com';
/** Nobody holds Token Creator on it. */
const LONELY = 'lonely@my-project.iam.gserviceaccount.com';
const ACTION = 'actions/gcp/action.yml';
const BEARER_GET = 'test/fronts/fixtures/bearer-get.mjs';

let clock: Clock;
let oidc: OidcIssuer;
let google: GoogleEmulator;
/** The repository's REST API, where every step reads the policy (its default branch has none). */
let github: GitHubApi;
const jobs: Job[] = [];

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  github = await startGitHubApi({ clock });
  github.repo('acme/site', { id: oidc.claims().repository_id });
  google = await startGoogleEmulator({
    clock,
    issuer: oidc.issuer,
    attributeCondition: "assertion.repository_owner == 'acme'",
  });
  const member = google.repositoryMember('acme/site');
  google.serviceAccounts[SA] = { workloadIdentityUsers: [member] };
  google.serviceAccounts[CHAINED] = {
    workloadIdentityUsers: [],
    tokenCreators: [`serviceAccount:${SA}`],
  };
  google.serviceAccounts[LONELY] = { workloadIdentityUsers: [] };
  google.storage.bindings.push(
    { member: `serviceAccount:${SA}`, bucket: 'my-bucket', role: 'roles/storage.objectViewer' },
    { member, bucket: 'my-bucket', role: 'roles/storage.objectViewer' },
  );
  google.storage.put('my-bucket', 'hello.txt', 'hello');
  google.services['myapp'] = { invokers: [`serviceAccount:${SA}`] };
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await github?.close();
  await google.close();
  await oidc.close();
});
beforeEach(() => oidc.setClaims({ repository: 'acme/site' }));

/**
 * A job whose front-door steps verify the GitHub token against the emulated issuer: the one input
 * beyond the peer's, as a GitHub Enterprise with its own issuer URL sets it.
 */
async function job(env: Record<string, string> = {}, emulator = google): Promise<Job> {
  const j = await createJob({
    idToken: oidc.forJob,
    env: { ...github.env, ...emulator.env, ...env },
  });
  jobs.push(j);
  const runStep = j.runStep.bind(j);
  j.runStep = (step) =>
    runStep(
      step.action ? { ...step, inputs: { 'oidc-issuer': oidc.issuer, ...step.inputs } } : step,
    );
  return j;
}

const objectUrl = () => `${google.storageUrl}/storage/v1/b/my-bucket/o/hello.txt?alt=media`;
const secrets = () => [...google.issued, ...oidc.issued, oidc.requestToken, github.token];
const failure = (step: StepResult) => step.annotations.map((a) => a.message).join('\n');

/** A later step that calls `url` with `token` as a bearer token, as the README's curl examples do. */
async function bearer(j: Job, url: string, token: string | undefined) {
  const step = await j.runStep({
    entry: BEARER_GET,
    env: { URL: url, TOKEN: token ?? '' },
  });
  const line = step.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no RESULT line:\n${step.stdout}\n${step.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as {
    status: number;
    body: Record<string, unknown>;
  };
}

async function refusedBeforeAnyRequest(inputs: Record<string, string>): Promise<StepResult> {
  const j = await job();
  const tokens = oidc.issued.length;
  const requests = google.requests.length;
  const step = await j.runStep({ action: ACTION, id: 'auth', inputs });
  expect(step.exitCode).toBe(1);
  expect(oidc.issued.length).toBe(tokens);
  expect(google.requests.length).toBe(requests);
  expect(step.envWrites).toEqual({});
  return step;
}

describe('README and EXAMPLES.md of google-github-actions/auth through actions/gcp', () => {
  it('direct Workload Identity Federation: project variables and auth_token, usable as a bearer token', async () => {
    const j = await job();
    const auth = await j.runStep({
      action: ACTION,
      id: 'auth',
      inputs: { project_id: 'my-project', workload_identity_provider: google.provider },
    });
    expect(auth.exitCode, failure(auth)).toBe(0);
    expect(auth.outputs['project_id']).toBe('my-project');
    const token = auth.outputs['auth_token']!;
    expect(google.token(token)?.kind).toBe('federated');
    expect(auth.envWrites).toMatchObject({
      CLOUDSDK_AUTH_ACCESS_TOKEN: token,
      CLOUDSDK_CORE_PROJECT: 'my-project',
      CLOUDSDK_PROJECT: 'my-project',
      GCLOUD_PROJECT: 'my-project',
      GCP_PROJECT: 'my-project',
      GOOGLE_CLOUD_PROJECT: 'my-project',
    });
    // No credentials file, so none of the variables that would point at one.
    expect(auth.envWrites).not.toHaveProperty('GOOGLE_APPLICATION_CREDENTIALS');
    expect(auth.outputs).not.toHaveProperty('credentials_file_path');
    expect(auth.outputs).not.toHaveProperty('access_token');
    expect((await bearer(j, objectUrl(), token)).status).toBe(200);
    const post = await j.runPost(auth);
    expect(post.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe('');
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(
      leaksOutside(leaks, [/^main:auth:envWrites$/, /^main:auth:outputs$/, /^main:step\d+:/]),
    ).toEqual([]);
  });

  it('through a service account: the service account token for gcloud, project_id from its email', async () => {
    const j = await job();
    const auth = await j.runStep({
      action: ACTION,
      id: 'auth',
      inputs: { workload_identity_provider: google.provider, service_account: SA },
    });
    expect(auth.exitCode, failure(auth)).toBe(0);
    const token = auth.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']!;
    expect(google.token(token)).toMatchObject({ kind: 'service-account' });
    expect(auth.outputs['project_id']).toBe('my-project');
    // As documented by the peer: auth_token is then the intermediate federated token, which never leaves here.
    expect(auth.outputs).not.toHaveProperty('auth_token');
    expect(auth.outputs).not.toHaveProperty('access_token');
  });

  it('generating an OAuth 2.0 access token (token_format: access_token, 300s): the access_token output', async () => {
    const j = await job();
    const auth = await j.runStep({
      action: ACTION,
      id: 'auth',
      inputs: {
        token_format: 'access_token',
        workload_identity_provider: google.provider,
        service_account: SA,
        access_token_lifetime: '300s',
      },
    });
    expect(auth.exitCode, failure(auth)).toBe(0);
    const token = auth.outputs['access_token']!;
    const record = google.token(token)!;
    expect(record.kind).toBe('service-account');
    expect(record.expiresAt - clock.nowMs()).toBeLessThanOrEqual(300_000);
    expect(auth.masks).toContain(token);
    expect(auth.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']).toBe(token);
    expect(auth.summary).toMatch(/also in the step outputs `access_token`/);
    expect((await bearer(j, objectUrl(), token)).status).toBe(200);
  });

  it('generating an ID token (token_format: id_token) that the Cloud Run service accepts', async () => {
    const j = await job();
    const audience = google.serviceUrl('myapp');
    const auth = await j.runStep({
      action: ACTION,
      id: 'auth',
      inputs: {
        token_format: 'id_token',
        workload_identity_provider: google.provider,
        service_account: SA,
        id_token_audience: audience,
        id_token_include_email: 'true',
      },
    });
    expect(auth.exitCode, failure(auth)).toBe(0);
    const idToken = auth.outputs['id_token']!;
    expect(auth.masks).toContain(idToken);
    const claims = await google.verifyIdToken(idToken, audience);
    expect(claims).toMatchObject({ email: SA, email_verified: true, aud: audience });
    expect(auth.envWrites['GOOGLE_ID_TOKEN']).toBe(idToken);
    // An ID token is not an access token: gcloud and Terraform are not handed it.
    expect(auth.envWrites).not.toHaveProperty('CLOUDSDK_AUTH_ACCESS_TOKEN');
    expect(auth.outputs['expires-at']).toBe(
      new Date((decodeJwt(idToken).exp ?? 0) * 1000).toISOString(),
    );
    const call = await bearer(j, audience, idToken);
    expect(call).toMatchObject({ status: 200, body: { caller: SA, emailClaim: SA } });
    // Another audience refuses it.
    google.services['other'] = { invokers: [`serviceAccount:${SA}`] };
    expect((await bearer(j, google.serviceUrl('other'), idToken)).status).toBe(401);
    expect(auth.summary).toMatch(/ID token/);
    const post = await j.runPost(auth);
    expect(post.envWrites['GOOGLE_ID_TOKEN']).toBe('');
    expect(post.summary + auth.summary).toMatch(/cannot revoke ID tokens|nothing revokes it/);
  });

  it('an ID token for a run: command only, closed in the same step', async () => {
    const j = await job();
    const audience = google.serviceUrl('myapp');
    const step = await j.runStep({
      action: ACTION,
      id: 'invoke',
      env: { URL: audience },
      inputs: {
        token_format: 'id_token',
        workload_identity_provider: google.provider,
        service_account: SA,
        id_token_audience: audience,
        run: `TOKEN="$GOOGLE_ID_TOKEN" "${nodeBinary()}" "${REPO_ROOT}/${BEARER_GET}"`,
      },
    });
    expect(step.exitCode, failure(step)).toBe(0);
    expect(step.stdout).toMatch(
      /RESULT \{"status":200,"body":\{"service":"myapp","caller":"my-service-account@my-project\.iam\.gserviceaccount\.com","emailClaim":null\}\}/,
    );
    expect(step.envWrites).toEqual({});
    expect(step.outputs).not.toHaveProperty('id_token');
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(leaksOutside(leaks, [])).toEqual([]);
  });

  it('export_environment_variables: false keeps everything out of GITHUB_ENV', async () => {
    const j = await job();
    const auth = await j.runStep({
      action: ACTION,
      id: 'auth',
      inputs: {
        workload_identity_provider: google.provider,
        service_account: SA,
        token_format: 'access_token',
        export_environment_variables: 'false',
        create_credentials_file: 'false',
        cleanup_credentials: 'true',
      },
    });
    expect(auth.exitCode, failure(auth)).toBe(0);
    expect(auth.envWrites).toEqual({});
    expect(google.token(auth.outputs['access_token']!)?.kind).toBe('service-account');
    expect(auth.outputs['project_id']).toBe('my-project');
  });

  it('a service account key (credentials_json) is refused, pointing at jit-credentials fix', async () => {
    const key = JSON.stringify({
      type: 'service_account',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIEexample\n-----END PRIVATE KEY-----\n',
    });
    const step = await refusedBeforeAnyRequest({ credentials_json: key });
    expect(failure(step)).toMatch(/refuses 'credentials_json'.*jit-credentials fix/s);
    expect(step.stdoutWithoutMaskCommands).not.toContain('MIIEexample');
  });

  it('create_credentials_file: true with run: the client library gets ADC from a metadata server that stops with the command', async () => {
    const j = await job({ OBJECT_URL: objectUrl() });
    const step = await j.runStep({
      action: ACTION,
      id: 'adc',
      inputs: {
        workload_identity_provider: google.provider,
        service_account: SA,
        create_credentials_file: 'true',
        run: `"${nodeBinary()}" "${REPO_ROOT}/test/fronts/fixtures/adc.mjs"`,
      },
    });
    expect(step.exitCode, failure(step) + step.stderr).toBe(0);
    const line = step.stdout.split('\n').find((l) => l.startsWith('RESULT '))!;
    const result = JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
    expect(result).toMatchObject({
      client: 'Compute',
      project: 'my-project',
      sameToken: true,
      status: 200,
      adcFile: null,
    });
    // Closed with the command: the port answers no more, and the record says how often it served.
    await expect(
      fetch(`http://${String(result['host'])}/computeMetadata/v1/instance`),
    ).rejects.toThrow();
    expect(step.summary).toMatch(/metadata server answered [1-9]\d* token request/);
    expect((await j.allFiles()).some((f) => /gha-creds|credentials\.json/.test(f.path))).toBe(
      false,
    );
    const leaks = findLeaks(secrets(), await jobChannels(j));
    expect(leaksOutside(leaks, [])).toEqual([]);
  });

  it('create_credentials_file: true without run: is refused: the file would hold the request token', async () => {
    const step = await refusedBeforeAnyRequest({
      workload_identity_provider: google.provider,
      create_credentials_file: 'true',
    });
    expect(failure(step)).toMatch(/ACTIONS_ID_TOKEN_REQUEST_TOKEN/);
  });

  it('domain-wide delegation (access_token_subject) is refused with the reason, before any request', async () => {
    const step = await refusedBeforeAnyRequest({
      workload_identity_provider: google.provider,
      service_account: SA,
      token_format: 'access_token',
      access_token_subject: 'admin@example.com',
    });
    expect(failure(step)).toMatch(/refuses 'access_token_subject': domain-wide delegation/);
  });

  it('a misspelt input fails the step instead of being ignored', async () => {
    const step = await refusedBeforeAnyRequest({
      workload_identity_provider: google.provider,
      service_acount: SA,
    });
    expect(failure(step)).toContain("'service_acount': did you mean 'service_account'?");
  });
});

describe('delegates, universe and request_reason', () => {
  it('impersonates through the delegation chain, and names the chain when it is broken', async () => {
    const j = await job();
    const ok = await j.runStep({
      action: ACTION,
      inputs: {
        workload_identity_provider: google.provider,
        service_account: CHAINED,
        delegates: SA,
        token_format: 'access_token',
      },
    });
    expect(ok.exitCode, failure(ok)).toBe(0);
    expect(google.token(ok.outputs['access_token']!)?.principal).toBe(`serviceAccount:${CHAINED}`);
    const body = JSON.parse(
      google.requests.filter((r) => r.path.endsWith(':generateAccessToken')).at(-1)!.body,
    ) as { delegates?: string[] };
    expect(body.delegates).toEqual([`projects/-/serviceAccounts/${SA}`]);
    const broken = await j.runStep({
      action: ACTION,
      inputs: {
        workload_identity_provider: google.provider,
        service_account: LONELY,
        delegates: SA,
      },
    });
    expect(broken.exitCode).toBe(1);
    expect(failure(broken)).toContain(`delegation chain ${SA} → ${LONELY} is broken`);
    expect(broken.envWrites).toEqual({});
  });

  it('builds the STS audience and scope from universe, and sends request_reason on every call', async () => {
    const tpc = await startGoogleEmulator({
      clock,
      issuer: oidc.issuer,
      universe: 'apis-tpc.goog',
    });
    try {
      tpc.serviceAccounts[SA] = { workloadIdentityUsers: [tpc.repositoryMember('acme/site')] };
      const j = await job({}, tpc);
      const inputs = {
        workload_identity_provider: tpc.provider,
        service_account: SA,
        universe: 'apis-tpc.goog',
        request_reason: 'release 1.2.3',
      };
      const auth = await j.runStep({ action: ACTION, inputs });
      expect(auth.exitCode, failure(auth)).toBe(0);
      expect(tpc.token(auth.envWrites['CLOUDSDK_AUTH_ACCESS_TOKEN']!)?.kind).toBe(
        'service-account',
      );
      const calls = tpc.requests.filter((r) => r.method === 'POST');
      expect(calls.map((r) => r.headers['x-goog-request-reason'])).toEqual([
        'release 1.2.3',
        'release 1.2.3',
      ]);
      expect(calls[0]!.body).toContain('apis-tpc.goog');
      // The same inputs in the default universe are refused by an STS that expects googleapis.com.
      const other = await (
        await job({}, google)
      ).runStep({
        action: ACTION,
        inputs: { ...inputs, workload_identity_provider: google.provider },
      });
      expect(other.exitCode).toBe(1);
      expect(failure(other)).toMatch(/No enabled provider has that name/);
    } finally {
      await tpc.close();
    }
  });
});
