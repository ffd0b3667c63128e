/**
 * What main does while the GitHub token is on its way (in process): the cloud's SDK starts
 * loading once the request has left, the issuer's keys and the job's repository's policy are
 * read, and still nothing reaches the cloud before the policy has decided.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestCounts } from '../../src/http/node-fetch.ts';
import * as policySource from '../../src/policy/source.ts';
import { clearKeyCache } from '../../src/policy/verify.ts';
import { awsProvider } from '../../src/providers/aws/index.ts';
import * as sts from '../../src/providers/aws/sts.ts';
import type { GitHubApi } from '../emulators/github/index.ts';
import { DEPLOY_ROLE, startGitHubFor, startWorld, type World } from './world.ts';

let w: World;
let github: GitHubApi;
beforeAll(async () => {
  w = await startWorld();
  github = await startGitHubFor(w);
});
afterAll(async () => {
  await github.close();
  await w.close();
});
afterEach(() => vi.restoreAllMocks());

const policy = (role: string) => `version: 1
rules:
  - name: deploy
    when:
      repository: acme/site
    allow:
      provider: aws
      role: ${role}
      max-duration: 1h
`;
const stsCalls = () =>
  w.env.aws.requests.filter((r) => r.action === 'AssumeRoleWithWebIdentity').length;
/** The action's own reads (the emulated STS reads the issuer's keys too). */
const keyReads = () =>
  w.env.oidc.requests.filter(
    (r) => r.path === '/.well-known/jwks' && r.headers['user-agent'] === 'jit-credentials',
  ).length;

const policyReads = () => github.requests.filter(github.readOf('acme/site')).length;

/** Records the order of events around the token request, as the runner's endpoint would see it. */
function watchToken(order: string[]): void {
  const mint = w.idToken;
  const before = policyReads();
  w.idToken = async (audience, options) => {
    order.push('token requested');
    // As the runner's request does: 'sent' comes after the engine has gone on (a microtask is
    // enough to tell an engine that loads the SDK at once from one that waits).
    queueMicrotask(() => options?.onSent?.());
    // The runner answers only once the policy's read ahead has reached GitHub.
    await vi.waitFor(() => expect(policyReads()).toBeGreaterThan(before), { timeout: 30_000 });
    order.push('policy read started');
    const token = await mint(audience);
    order.push('token received');
    return token;
  };
  const prepare = awsProvider.prepare!.bind(awsProvider);
  const made = requestCounts().made;
  vi.spyOn(awsProvider, 'prepare').mockImplementation((plan) => {
    const now = requestCounts();
    order.push(`SDK loading: ${now.made - made} reads made, ${now.unsent} not yet sent`);
    prepare(plan);
  });
}

const main = () =>
  w.main({ export: 'env', 'policy-source': 'default-branch', 'github-token': github.token });

describe('main overlaps the token request', () => {
  it('starts loading the SDK once the token request has left, and reads the keys meanwhile', async () => {
    github.commit('acme/site', { '.github/jit-policy.yml': policy(DEPLOY_ROLE) });
    const order: string[] = [];
    watchToken(order);
    clearKeyCache(); // a new step is a new process
    const k0 = keyReads();
    const p0 = policyReads();
    const m = await main();
    expect(m.failures).toEqual([]);
    // The SDK's load holds the event loop: it waits until the reads started meanwhile (the
    // issuer's keys, the repository) have all left.
    expect(order[0]).toBe('token requested');
    expect(order).toContain('SDK loading: 2 reads made, 0 not yet sent');
    expect(order.slice(1, 3)).toContain('policy read started');
    expect(order[3]).toBe('token received');
    // One query for the repository, its head and the file: the read ahead was the one used.
    expect(policyReads() - p0).toBe(1);
    // Read ahead once, and that read is the one the verification used.
    expect(keyReads() - k0).toBe(1);
    expect(m.exported['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
  });

  it("warms the policy's reader on the checkout's copy while the token is on its way; the default branch's copy decides", async () => {
    github.commit('acme/site', { '.github/jit-policy.yml': policy(DEPLOY_ROLE) });
    // The checkout's copy would refuse: only its parse is used, to compile the reader.
    const copy = join(w.temp, '.github/jit-policy.yml');
    mkdirSync(join(w.temp, '.github'), { recursive: true });
    writeFileSync(copy, policy(DEPLOY_ROLE.replace('deploy', 'other')));
    const warmed: Array<Promise<void>> = [];
    const warm = policySource.warmPolicyReader;
    vi.spyOn(policySource, 'warmPolicyReader').mockImplementation((settings) => {
      const done = warm(settings);
      warmed.push(done);
      return done;
    });
    const idToken = w.idToken;
    w.idToken = async (audience, options) => {
      queueMicrotask(() => options?.onSent?.());
      // The runner answers only once the warming has finished: an engine that warms only after
      // the token would never get it (the wait gives up after 30 s, and says so).
      await vi.waitFor(() => expect(warmed).toHaveLength(1), { timeout: 30_000 });
      await warmed[0];
      return idToken(audience);
    };
    try {
      const m = await main();
      expect(m.failures).toEqual([]);
      expect(m.exported['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
      expect(m.summary).toContain('differs from the policy that decided');
    } finally {
      w.idToken = idToken;
      rmSync(copy);
    }
  });

  it('makes the STS client while the token is on its way, and sends the call with it', async () => {
    github.commit('acme/site', { '.github/jit-policy.yml': policy(DEPLOY_ROLE) });
    const made: STSClient[] = [];
    const sends: Array<ReturnType<typeof vi.spyOn>> = [];
    const prepareClient = sts.prepareClient;
    vi.spyOn(sts, 'prepareClient').mockImplementation((settings, timeoutMs) => {
      const client = prepareClient(settings, timeoutMs);
      made.push(client);
      sends.push(vi.spyOn(client, 'send'));
      return client;
    });
    const idToken = w.idToken;
    w.idToken = async (audience, options) => {
      queueMicrotask(() => options?.onSent?.());
      // The runner answers only once the client is made: an engine that made it only after the
      // token would never get one (the wait gives up after 30 s, and says so).
      await vi.waitFor(() => expect(made).toHaveLength(1), { timeout: 30_000 });
      return idToken(audience);
    };
    try {
      clearKeyCache();
      const m = await main();
      expect(m.failures).toEqual([]);
      expect(m.exported['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
      // The call went out on the client made in the wait.
      expect(sends[0]).toHaveBeenCalledTimes(1);
    } finally {
      w.idToken = idToken;
    }
  });

  it('a refusal by the policy still sends nothing to the cloud, whatever was loaded', async () => {
    github.commit('acme/site', {
      '.github/jit-policy.yml': policy(DEPLOY_ROLE.replace('deploy', 'other')),
    });
    const order: string[] = [];
    watchToken(order);
    const before = stsCalls();
    const m = await main();
    expect(m.failures.join('\n')).toMatch(/allows no grant for this request/);
    expect(order.some((e) => e.startsWith('SDK loading'))).toBe(true);
    expect(stsCalls()).toBe(before);
  });

  it("ends a read ahead that the token's repository did not need, without waiting for it", async () => {
    github.commit('acme/site', { '.github/jit-policy.yml': policy(DEPLOY_ROLE) });
    github.repo('acme/elsewhere', { id: '77' });
    const reads = () => github.requests.filter(github.readOf('acme/elsewhere'));
    const r0 = reads().length;
    github.faults.next('hang', 1, github.readOf('acme/elsewhere'));
    const saved = { ...w.jobEnv };
    // The environment names another repository than the token will; its API never answers.
    Object.assign(w.jobEnv, {
      GITHUB_REPOSITORY: 'acme/elsewhere',
      JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '60000',
    });
    try {
      const m = await main();
      expect(m.failures).toEqual([]);
      expect(m.exported['AWS_ACCESS_KEY_ID']).toMatch(/^ASIA/);
      // Left alone it would hold the step open until the 60 s deadline.
      await vi.waitFor(() => expect(reads()[r0]?.abandoned).toBe(true), { timeout: 20_000 });
    } finally {
      Object.assign(w.jobEnv, saved);
    }
  });

  it('ends the reads ahead when the token never comes, instead of waiting them out', async () => {
    clearKeyCache(); // a new step is a new process
    const reads = () =>
      w.env.oidc.requests.filter(
        (r) => r.path === '/.well-known/jwks' && r.headers['user-agent'] === 'jit-credentials',
      );
    const r0 = reads().length;
    w.env.oidc.faults.next('hang', 1, '/.well-known/jwks');
    const [saved, idToken] = [{ ...w.jobEnv }, w.idToken];
    Object.assign(w.jobEnv, { JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '60000' });
    w.idToken = async (_audience, options) => {
      queueMicrotask(() => options?.onSent?.());
      // The runner refuses once the issuer's keys have been asked (and hang).
      await vi.waitFor(() => expect(reads().length).toBe(r0 + 1), { timeout: 30_000 });
      throw new Error('the runner refused the token request');
    };
    try {
      const m = await main();
      expect(m.failures.join('\n')).toMatch(/the runner refused the token request/);
      // Left alone it would hold the failed step open until the 60 s deadline.
      await vi.waitFor(() => expect(reads()[r0]?.abandoned).toBe(true), { timeout: 20_000 });
    } finally {
      Object.assign(w.jobEnv, saved);
      w.idToken = idToken;
    }
  });
});
