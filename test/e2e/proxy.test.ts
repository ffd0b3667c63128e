/**
 * Behind a proxy, end to end through dist/: every request of the action (the runner's OIDC
 * token, the issuer's keys, the GitHub REST API, the cloud) goes through the proxy named by
 * HTTPS_PROXY / HTTP_PROXY (or the http-proxy input), NO_PROXY sends named hosts around it, and a
 * proxy that refuses or is gone is named in the error. Build first: npm run build.
 *
 * The emulators listen on 127.0.0.1. Loopback is not exempt from the proxy by itself (the rule of
 * src/runner/proxy.ts, as curl and Node), so these jobs set no NO_PROXY unless a test is about it.
 * AWS and Entra ID are served over https (CONNECT tunnels); the OIDC issuer, the GitHub API and
 * Google over http (absolute-form requests): both ways a proxy carries traffic.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { createTestCa, type TestCa } from '../emulators/entra/ca.ts';
import { startAwsEmulator, type AwsEmulator } from '../emulators/aws/index.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { PROXY_VIA, startProxy, type TestProxy } from '../emulators/proxy.ts';
import { EMULATOR_USER_AGENT, type LoggedRequest } from '../emulators/http.ts';
import { findLeaks, jobChannels } from '../harness/canary.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { azureInputs, startAzureWorld, type AzureWorld } from './azure-setup.ts';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const REVOKER = 'arn:aws:iam::123456789012:role/jit-revoker';
/** Trusts sessions of ROLE only: reached by role chaining (AssumeRole, signed with ROLE's keys). */
const CHAINED = 'arn:aws:iam::123456789012:role/chained';
const SA = 'deploy@acme-site.iam.gserviceaccount.com';
/** The proxy's password: a canary of its own, never to be printed or stored. */
const PROXY_PASSWORD = 'pr0xy-pa55word-canary';
const PROXY_USER = 'runner';

const hostOf = (url: string) => new URL(url).host;
const authed = (proxy: TestProxy) =>
  proxy.url.replace('//', `//${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@`);
const proxyEnv = (proxy: TestProxy) => ({ HTTPS_PROXY: authed(proxy), HTTP_PROXY: authed(proxy) });
const said = (step: StepResult) => step.stdout + step.stderr;

let proxy: TestProxy;
const jobs: Job[] = [];
beforeAll(async () => {
  proxy = await startProxy({ auth: `${PROXY_USER}:${PROXY_PASSWORD}` });
});
afterAll(async () => {
  for (const j of jobs) await j.cleanup();
  await proxy.close();
});
beforeEach(() => proxy.reset());

async function job(idToken: OidcIssuer, env: Record<string, string>): Promise<Job> {
  const j = await createJob({ idToken: idToken.forJob, env });
  jobs.push(j);
  return j;
}

/**
 * Every request the step sent to a plain-http emulator came through the proxy. The emulators
 * themselves fetch the issuer's keys from the test process (no proxy): those carry
 * EMULATOR_USER_AGENT; anything else that arrived directly is listed in the failure.
 */
function allForwarded(url: string, requests: readonly LoggedRequest[]): void {
  const viaProxy = requests.filter((r) => r.headers['via'] === PROXY_VIA);
  const direct = requests.filter((r) => r.headers['via'] !== PROXY_VIA);
  expect(viaProxy.length).toBeGreaterThan(0);
  expect(proxy.forwarded.get(hostOf(url)) ?? 0).toBe(viaProxy.length);
  expect(proxy.tunnels.get(hostOf(url)) ?? 0).toBe(0);
  const fromStep = direct.filter((r) => r.headers['user-agent'] !== EMULATOR_USER_AGENT);
  expect(fromStep.map((r) => r.path)).toEqual([]);
}

/**
 * Every connection an https emulator accepted since `mark` was opened by the proxy (a tunnel's
 * far end): its client port is one the proxy connected from.
 */
function allTunnelled(url: string, connections: readonly number[], mark: number): void {
  const since = connections.slice(mark);
  expect(since.length).toBeGreaterThan(0);
  expect(since.filter((port) => !proxy.upstreamPorts.has(port))).toEqual([]);
  expect(proxy.tunnels.get(hostOf(url)) ?? 0).toBe(since.length);
}

async function noProxyPasswordAnywhere(j: Job): Promise<void> {
  expect(findLeaks([PROXY_PASSWORD], await jobChannels(j))).toEqual([]);
}

describe('AWS behind a proxy', () => {
  let ca: TestCa;
  let oidc: OidcIssuer;
  let github: GitHubApi;
  let aws: AwsEmulator;
  beforeAll(async () => {
    const clock = new Clock();
    ca = createTestCa();
    oidc = await startOidcIssuer({ clock });
    github = await startGitHubApi({ clock });
    github.repo(oidc.claims().repository, { id: oidc.claims().repository_id });
    const trust = { aud: 'sts.amazonaws.com', sub: ['repo:acme/site:*'] };
    aws = await startAwsEmulator({
      clock,
      issuer: oidc.issuer,
      tls: { key: ca.keyPem, cert: ca.certPem },
      roles: {
        [ROLE]: {
          trust,
          maxSessionDuration: 3600,
          permissions: [
            { Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: '*' },
            { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: CHAINED },
          ],
        },
        [CHAINED]: {
          trust: { aud: 'sts.amazonaws.com', sub: [], assumeRoleFrom: [ROLE] },
          permissions: [{ Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: '*' }],
        },
        [REVOKER]: {
          trust,
          permissions: [
            {
              Effect: 'Allow',
              Action: [
                'iam:GetRolePolicy',
                'iam:PutRolePolicy',
                'iam:ListRolePolicies',
                'iam:DeleteRolePolicy',
              ],
              Resource: ROLE,
            },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await aws?.close();
    await github?.close();
    await oidc?.close();
  });

  const env = (extra: Record<string, string>) => ({
    ...github.env,
    AWS_ENDPOINT_URL: aws.url,
    AWS_ENDPOINT_URL_STS: aws.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_EXTRA_CA_CERTS: ca.caPath,
    ...extra,
  });
  const inputs = (extra: Record<string, string> = {}) => ({
    provider: 'aws',
    'oidc-issuer': oidc.issuer,
    role: ROLE,
    region: 'eu-west-1',
    export: 'outputs',
    ...extra,
  });

  it('sends the OIDC request, the GitHub API, STS and IAM through HTTPS_PROXY/HTTP_PROXY with its credentials', async () => {
    const marks = {
      oidc: oidc.requests.length,
      github: github.requests.length,
      aws: aws.connections.length,
    };
    const j = await job(oidc, env(proxyEnv(proxy)));
    const main = await j.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: inputs({ 'revoke-role': REVOKER }),
    });
    expect(main.exitCode, said(main)).toBe(0);
    const post = await j.runPost(main);
    expect(post.exitCode, said(post)).toBe(0);
    expect(said(post)).toMatch(/revoked, verified/);

    allForwarded(oidc.issuer, oidc.requests.slice(marks.oidc));
    allForwarded(github.env.GITHUB_API_URL, github.requests.slice(marks.github));
    const actions = aws.requests.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['AssumeRoleWithWebIdentity', 'PutRolePolicy', 'GetAccessKeyInfo']),
    );
    allTunnelled(aws.url, aws.connections, marks.aws);
    expect(proxy.forwarded.get(hostOf(aws.url)) ?? 0).toBe(0);
    expect(proxy.unauthorized).toBe(0);
    await noProxyPasswordAnywhere(j);
  });

  it('sends the AssumeRole of role chaining through the proxy too', async () => {
    const mark = aws.connections.length;
    const j = await job(oidc, env(proxyEnv(proxy)));
    const first = await j.runStep({
      action: 'actions/aws/action.yml',
      id: 'first',
      inputs: { 'oidc-issuer': oidc.issuer, 'aws-region': 'eu-west-1', 'role-to-assume': ROLE },
    });
    expect(first.exitCode, said(first)).toBe(0);
    const second = await j.runStep({
      action: 'actions/aws/action.yml',
      id: 'second',
      inputs: {
        'oidc-issuer': oidc.issuer,
        'aws-region': 'eu-west-1',
        'role-to-assume': CHAINED,
        'role-chaining': 'true',
      },
    });
    expect(second.exitCode, said(second)).toBe(0);
    expect(aws.requests.at(-1)).toMatchObject({ action: 'AssumeRole', status: 200 });
    allTunnelled(aws.url, aws.connections, mark);
    await noProxyPasswordAnywhere(j);
  });

  it('goes around the proxy for the hosts NO_PROXY names (host:port), and through it for the rest', async () => {
    const marks = { oidc: oidc.requests.length, aws: aws.connections.length };
    const noProxy = `${hostOf(oidc.issuer)}, ${hostOf(github.env.GITHUB_API_URL)}`;
    const j = await job(oidc, env({ ...proxyEnv(proxy), NO_PROXY: noProxy }));
    const main = await j.runStep({ action: 'action.yml', id: 'creds', inputs: inputs() });
    expect(main.exitCode, said(main)).toBe(0);
    expect(proxy.count(hostOf(oidc.issuer))).toBe(0);
    expect(proxy.count(hostOf(github.env.GITHUB_API_URL))).toBe(0);
    // The step's requests reached the issuer, directly.
    expect(oidc.requests.slice(marks.oidc).some((r) => r.headers['via'] === undefined)).toBe(true);
    allTunnelled(aws.url, aws.connections, marks.aws);
  });

  it('NO_PROXY=* (lower case no_proxy too) bypasses it entirely', async () => {
    for (const name of ['NO_PROXY', 'no_proxy']) {
      proxy.reset();
      const j = await job(oidc, env({ ...proxyEnv(proxy), [name]: '*' }));
      const main = await j.runStep({ action: 'action.yml', id: 'creds', inputs: inputs() });
      expect(main.exitCode, said(main)).toBe(0);
      expect([...proxy.tunnels.values(), ...proxy.forwarded.values()]).toEqual([]);
    }
  });

  it('takes the http-proxy input over the environment', async () => {
    const marks = {
      oidc: oidc.requests.length,
      github: github.requests.length,
      aws: aws.connections.length,
    };
    const other = await startProxy();
    try {
      const j = await job(oidc, env({ HTTPS_PROXY: other.url, HTTP_PROXY: other.url }));
      const main = await j.runStep({
        action: 'action.yml',
        id: 'creds',
        inputs: inputs({ 'http-proxy': authed(proxy) }),
      });
      expect(main.exitCode, said(main)).toBe(0);
      expect(other.tunnels.size + other.forwarded.size).toBe(0);
      allTunnelled(aws.url, aws.connections, marks.aws);
      allForwarded(oidc.issuer, oidc.requests.slice(marks.oidc));
      allForwarded(github.env.GITHUB_API_URL, github.requests.slice(marks.github));
      await noProxyPasswordAnywhere(j);
    } finally {
      await other.close();
    }
  });

  it("actions/aws takes configure-aws-credentials' http-proxy and no-proxy, over the environment", async () => {
    const marks = { oidc: oidc.requests.length, aws: aws.connections.length };
    const other = await startProxy();
    try {
      const j = await job(oidc, env({ HTTPS_PROXY: other.url, NO_PROXY: '*' }));
      const main = await j.runStep({
        action: 'actions/aws/action.yml',
        id: 'creds',
        inputs: {
          'oidc-issuer': oidc.issuer,
          'role-to-assume': ROLE,
          'aws-region': 'eu-west-1',
          'output-credentials': 'true',
          'http-proxy': authed(proxy),
          // The GitHub API directly; everything else through the input's proxy, NO_PROXY=* or not.
          'no-proxy': hostOf(github.env.GITHUB_API_URL),
        },
      });
      expect(main.exitCode, said(main)).toBe(0);
      expect(main.outputs['aws-access-key-id']).toBeTruthy();
      expect(other.tunnels.size + other.forwarded.size).toBe(0);
      expect(proxy.count(hostOf(github.env.GITHUB_API_URL))).toBe(0);
      allForwarded(oidc.issuer, oidc.requests.slice(marks.oidc));
      allTunnelled(aws.url, aws.connections, marks.aws);
      await noProxyPasswordAnywhere(j);
    } finally {
      await other.close();
    }
  });

  it('says which proxy refused CONNECT to STS, and never goes around it', async () => {
    const refusing = await startProxy({ refuse: [hostOf(aws.url)] });
    try {
      const before = aws.requests.length;
      const j = await job(oidc, env({ HTTPS_PROXY: refusing.url, HTTP_PROXY: refusing.url }));
      const main = await j.runStep({ action: 'action.yml', id: 'creds', inputs: inputs() });
      expect(main.exitCode).not.toBe(0);
      expect(said(main)).toContain(
        `the proxy at ${refusing.url} (HTTPS_PROXY) refused CONNECT to ${hostOf(aws.url)}: 403 Forbidden`,
      );
      expect(refusing.refused).toContain(hostOf(aws.url));
      expect(aws.requests.length).toBe(before);
    } finally {
      await refusing.close();
    }
  });

  it('says the proxy cannot be reached, before any cloud call', async () => {
    const gone = await startProxy();
    const url = gone.url;
    await gone.close();
    const before = aws.requests.length;
    const j = await job(oidc, env({ HTTPS_PROXY: url, HTTP_PROXY: url }));
    const main = await j.runStep({ action: 'action.yml', id: 'creds', inputs: inputs() });
    expect(main.exitCode).not.toBe(0);
    expect(said(main)).toMatch(
      new RegExp(
        `the proxy at ${url.replace(/\./g, '\\.')} \\(HTTP_PROXY\\) could not be reached for 127\\.0\\.0\\.1:\\d+`,
      ),
    );
    expect(aws.requests.length).toBe(before);
  });

  it('refuses a proxy URL it cannot use, quoting it without the password', async () => {
    const before = oidc.requests.length;
    const j = await job(
      oidc,
      env({ HTTPS_PROXY: `socks5://${PROXY_USER}:${PROXY_PASSWORD}@p:1080` }),
    );
    const main = await j.runStep({ action: 'action.yml', id: 'creds', inputs: inputs() });
    expect(main.exitCode).not.toBe(0);
    expect(said(main)).toContain("Invalid proxy 'socks5://***@p:1080' in HTTPS_PROXY");
    expect(oidc.requests.length).toBe(before);
    await noProxyPasswordAnywhere(j);
  });
});

describe('Azure behind a proxy', () => {
  let world: AzureWorld;
  beforeAll(async () => {
    world = await startAzureWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  const env = (extra: Record<string, string>) => ({
    ...world.github.env,
    NODE_EXTRA_CA_CERTS: world.entra.caPath,
    ...extra,
  });

  it('tunnels to Entra ID, and forwards the OIDC and GitHub API requests', async () => {
    const marks = {
      oidc: world.oidc.requests.length,
      github: world.github.requests.length,
      entra: world.entra.connections.length,
    };
    const j = await job(world.oidc, env(proxyEnv(proxy)));
    const main = await j.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: azureInputs(world, { export: 'outputs' }),
    });
    expect(main.exitCode, said(main)).toBe(0);
    expect(main.outputs['azure-access-token']).toBeTruthy();
    allForwarded(world.oidc.issuer, world.oidc.requests.slice(marks.oidc));
    allForwarded(world.github.env.GITHUB_API_URL, world.github.requests.slice(marks.github));
    allTunnelled(world.entra.authority, world.entra.connections, marks.entra);
    await noProxyPasswordAnywhere(j);
  });

  it('says which proxy refused CONNECT to Entra ID', async () => {
    const refusing = await startProxy({ refuse: [hostOf(world.entra.authority)] });
    try {
      const before = world.entra.requests.length;
      const j = await job(world.oidc, env({ HTTPS_PROXY: refusing.url, HTTP_PROXY: refusing.url }));
      const main = await j.runStep({
        action: 'action.yml',
        id: 'creds',
        inputs: azureInputs(world, { export: 'outputs' }),
      });
      expect(main.exitCode).not.toBe(0);
      expect(said(main)).toContain(
        `the proxy at ${refusing.url} (HTTPS_PROXY) refused CONNECT to ${hostOf(world.entra.authority)}: 403 Forbidden`,
      );
      expect(world.entra.requests.length).toBe(before);
      // Asking again cannot change a proxy's rule: one CONNECT, no retry.
      expect(refusing.refused).toEqual([hostOf(world.entra.authority)]);
    } finally {
      await refusing.close();
    }
  });

  it('reaches Entra ID directly when NO_PROXY names it', async () => {
    const j = await job(
      world.oidc,
      env({ ...proxyEnv(proxy), NO_PROXY: hostOf(world.entra.authority).split(':')[0]! }),
    );
    const main = await j.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: azureInputs(world, { export: 'outputs' }),
    });
    expect(main.exitCode, said(main)).toBe(0);
    // 127.0.0.1 (no port) covers every emulator here: nothing went through the proxy.
    expect([...proxy.tunnels.values(), ...proxy.forwarded.values()]).toEqual([]);
  });
});

describe('Google Cloud behind a proxy', () => {
  let oidc: OidcIssuer;
  let github: GitHubApi;
  let google: GoogleEmulator;
  beforeAll(async () => {
    const clock = new Clock();
    oidc = await startOidcIssuer({ clock });
    github = await startGitHubApi({ clock });
    github.repo('acme/site', { id: oidc.claims().repository_id });
    google = await startGoogleEmulator({
      clock,
      issuer: oidc.issuer,
      attributeCondition: "assertion.repository == 'acme/site'",
    });
    google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  });
  afterAll(async () => {
    await google?.close();
    await github?.close();
    await oidc?.close();
  });

  it('sends STS and IAM Credentials through the proxy, with the OIDC and GitHub API requests', async () => {
    const j = await job(oidc, { ...google.env, ...github.env, ...proxyEnv(proxy) });
    const main = await j.runStep({
      action: 'action.yml',
      id: 'creds',
      inputs: {
        provider: 'gcp',
        'oidc-issuer': oidc.issuer,
        'workload-identity-provider': google.provider,
        'service-account': SA,
        export: 'outputs',
      },
    });
    expect(main.exitCode, said(main)).toBe(0);
    expect(main.outputs['gcp-access-token']).toBeTruthy();
    allForwarded(oidc.issuer, oidc.requests);
    allForwarded(github.env.GITHUB_API_URL, github.requests);
    allForwarded(google.url, google.requests);
    await noProxyPasswordAnywhere(j);
  });
});
