/**
 * A policy the judged job cannot weaken, end to end through dist/ (action.yml) against the
 * OIDC, STS and GitHub API emulators. The job's claims are a pull request's unless a test says
 * otherwise; the default branch's policy allows pushes to main only. Every refusal is checked
 * to have sent nothing to AWS.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job, StepResult } from '../harness/job.ts';
import { startGitHubApi } from '../emulators/github/index.ts';
import {
  awsInputs,
  awsJob,
  ledgerEvents,
  ROLE,
  startAwsWorld,
  USE_AWS,
  type AwsWorld,
} from './aws-setup.ts';

const FILE = '.github/jit-policy.yml';
const TRUSTED = `version: 1
rules:
  - name: deploy-main
    when:
      repository: acme/site
      ref: refs/heads/main
      event_name: [push, workflow_dispatch]
    allow:
      provider: aws
      role: ${ROLE}
      max-duration: 15m
      delivery: run
`;
/** What an attacker's pull request writes into its checkout. */
const ANYTHING = `version: 1
rules:
  - name: anything
    when: {}
    allow: { provider: aws, role: "*", max-duration: 12h }
`;

let world: AwsWorld;
let trustedCommit: string;
beforeAll(async () => {
  world = await startAwsWorld();
  trustedCommit = world.github.commit('acme/site', { [FILE]: TRUSTED });
});
afterAll(async () => {
  await world?.close();
});
const jobs: Job[] = [];
beforeEach(() => {
  world.oidc.resetClaims();
  world.oidc.faults.clear();
  world.github.faults.clear();
});
afterEach(async () => {
  for (const j of jobs.splice(0)) await j.cleanup();
});

const errorsOf = (step: StepResult) =>
  step.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
const warningsOf = (step: StepResult) =>
  step.annotations
    .filter((a) => a.level === 'warning')
    .map((a) => a.message)
    .join('\n');
const stsCalls = () =>
  world.aws.requests.filter((r) => r.action === 'AssumeRoleWithWebIdentity').length;

function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-src-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** One step of a job, with `pull_request` claims unless `claims` says otherwise. */
async function runStep(options: {
  workspace?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  claims?: Parameters<AwsWorld['oidc']['setClaims']>[0];
  timeoutMs?: number;
}): Promise<StepResult> {
  world.oidc.setClaims(options.claims ?? { event_name: 'pull_request' });
  const job = await awsJob(world, options.workspace ? { workspace: options.workspace } : {});
  jobs.push(job);
  return job.runStep({
    action: 'action.yml',
    id: 'deploy',
    inputs: awsInputs({ export: 'env', ...options.inputs }),
    ...(options.env ? { env: options.env } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

function expectRefusedBeforeAws(step: StepResult, stsBefore: number): void {
  expect(step.exitCode, step.stdout).toBe(1);
  expect(stsCalls()).toBe(stsBefore);
  expect(step.envWrites).toEqual({});
  expect(world.aws.issued.length).toBe(issuedBefore);
}
let issuedBefore = 0;
beforeEach(() => {
  issuedBefore = world.aws.issued.length;
});

describe('the two pull-request attacks', () => {
  it('a pull request that rewrote the policy in its checkout is judged by the default branch’s', async () => {
    const before = stsCalls();
    const step = await runStep({ workspace: checkout({ [FILE]: ANYTHING }) });
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(
      new RegExp(`The policy acme/site@${trustedCommit}:.github/jit-policy.yml \\(default-branch`),
    );
    expect(errorsOf(step)).toMatch(
      /event_name is 'pull_request', wants 'push' or 'workflow_dispatch'/,
    );
    expect(warningsOf(step)).toMatch(
      /checkout's .github\/jit-policy.yml differs from the policy that decided .* it was ignored/,
    );
    expect(step.summary).toContain('**Policy: denied**');
    expect(step.summary).not.toContain('anything');
    expect(ledgerEvents(step).map((e) => e['phase'])).toEqual(['requested', 'denied']);
  });

  it('a pull request that deleted the policy from its checkout is still judged by it', async () => {
    const before = stsCalls();
    const step = await runStep({ workspace: checkout({ 'README.md': 'no policy here' }) });
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(/allows no grant for this request/);
    expect(warningsOf(step)).not.toMatch(/No policy file/);
    expect(step.summary).toContain(`**Policy: denied**`);
    expect(step.summary).toContain(
      `acme/site@${trustedCommit}:.github/jit-policy.yml (default-branch)`,
    );
  });

  it('the same job on a push to main is allowed by the same policy', async () => {
    const step = await runStep({
      claims: { event_name: 'push' },
      inputs: { export: '', run: USE_AWS, duration: '10m' },
      workspace: checkout({ [FILE]: TRUSTED }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(step.summary).toContain('**Policy: allowed** by rule <code>deploy-main</code>');
    expect(warningsOf(step)).not.toMatch(/differs/);
  });
});

describe('no policy, and policy-required', () => {
  it('without a policy on the default branch: the cloud decides, and the summary and ledger say where we looked', async () => {
    const none = world.github.commit('acme/site', { [FILE]: null });
    try {
      const before = stsCalls();
      const step = await runStep({
        claims: { event_name: 'push' },
        inputs: { export: '', run: 'true' },
      });
      expect(step.exitCode, errorsOf(step)).toBe(0);
      expect(stsCalls()).toBe(before + 1);
      expect(step.summary).toContain(
        `**Policy: none** at acme/site@${none}:.github/jit-policy.yml (default-branch)`,
      );
      expect(warningsOf(step)).toMatch(/No policy file at acme\/site@.*policy-required: true/);
      const allowed = ledgerEvents(step).find((e) => e['phase'] === 'allowed')!;
      expect(allowed['policy']).toMatchObject({
        decision: 'no-policy',
        policySource: 'default-branch',
        policyCommit: none,
      });
    } finally {
      world.github.commit('acme/site', { [FILE]: TRUSTED });
    }
  });

  it('policy-required: true and no policy file: refused with what to add, nothing sent to AWS', async () => {
    world.github.commit('acme/site', { [FILE]: null });
    try {
      const before = stsCalls();
      const step = await runStep({
        claims: { event_name: 'push' },
        inputs: { export: '', run: 'true', 'policy-required': 'true' },
      });
      expectRefusedBeforeAws(step, before);
      expect(errorsOf(step)).toMatch(
        /No policy file at acme\/site@[0-9a-f]{40}:.github\/jit-policy.yml, and 'policy-required' is true: nothing was asked of the cloud\. Add .github\/jit-policy.yml to acme\/site on refs\/heads\/main/,
      );
      expect(step.summary).toContain('**Policy: not applied**');
      expect(ledgerEvents(step).map((e) => e['phase'])).toEqual(['requested', 'denied']);
    } finally {
      world.github.commit('acme/site', { [FILE]: TRUSTED });
    }
  });
});

describe('a policy that cannot be read refuses, whatever policy-required says', () => {
  it.each(['true', 'false'])(
    'unreachable API (policy-required: %s): says where it looked and what to check',
    async (required) => {
      const before = stsCalls();
      const step = await runStep({
        claims: { event_name: 'push' },
        inputs: { 'policy-required': required },
        env: { GITHUB_API_URL: 'http://127.0.0.1:9' },
      });
      expectRefusedBeforeAws(step, before);
      expect(errorsOf(step)).toMatch(
        /GitHub's API at http:\/\/127\.0\.0\.1:9 could not be reached.*Check GITHUB_API_URL.*nothing was asked of the cloud/s,
      );
    },
  );

  it('403 (a token without contents: read): says which permission to grant', async () => {
    world.github.grant('ghs_metadata_only', { contents: 'none' });
    const before = stsCalls();
    const step = await runStep({
      claims: { event_name: 'push' },
      inputs: { 'policy-required': 'true' },
      env: { GITHUB_TOKEN: 'ghs_metadata_only' },
    });
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(/may not read acme\/site's contents \(GraphQL FORBIDDEN/);
    expect(errorsOf(step)).toMatch(
      /Grant the job `permissions: \{ id-token: write, contents: read \}`/,
    );
  });

  it('403 without policy-required refuses all the same', async () => {
    // Every query fails, the one made ahead of the token included.
    world.github.faults.next('forbidden', 10, '/graphql');
    const before = stsCalls();
    const step = await runStep({ claims: { event_name: 'push' } });
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(/contents: read/);
  });

  it('an exhausted rate limit refuses, and says when it resets', async () => {
    world.github.faults.next('rate-limit', 10, '/graphql');
    const before = stsCalls();
    const step = await runStep({ claims: { event_name: 'push' } });
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(/rate limit is exhausted until \d{4}-\d\d-\d\dT/);
  });

  it('an API that hangs fails within the configured deadline, not at the step timeout', async () => {
    world.github.faults.next('hang', 10, '/graphql');
    const before = stsCalls();
    const step = await runStep({
      claims: { event_name: 'push' },
      env: { JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '300' },
      timeoutMs: 30_000,
    });
    expect(step.timedOut).toBe(false);
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(/took longer than 300 ms/);
  });
});

describe('an older GitHub Enterprise Server, whose GraphQL schema lacks Commit.file', () => {
  it("reads the default branch's policy through REST, and it decides as the query's would", async () => {
    const legacy = await startGitHubApi({ graphqlSchema: 'withoutCommitFile' });
    try {
      const { repository, repository_id } = world.oidc.claims();
      legacy.repo(repository, { id: repository_id });
      const head = legacy.commit(repository, { [FILE]: TRUSTED });
      const allowed = await runStep({
        claims: { event_name: 'push' },
        inputs: { export: '', run: USE_AWS, duration: '10m' },
        env: legacy.env,
      });
      expect(allowed.exitCode, errorsOf(allowed)).toBe(0);
      expect(allowed.summary).toContain('**Policy: allowed** by rule <code>deploy-main</code>');
      expect(legacy.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /graphql',
        `GET /repos/${repository}`,
        `GET /repos/${repository}/git/ref/heads/main`,
        `GET /repos/${repository}/contents/${FILE}`,
      ]);
      const record = ledgerEvents(allowed).find((e) => e['phase'] === 'allowed')!;
      expect(record['policy']).toMatchObject({
        policySource: 'default-branch',
        policyCommit: head,
      });
      // The same policy still refuses what it does not allow.
      const before = stsCalls();
      issuedBefore = world.aws.issued.length;
      const denied = await runStep({ env: legacy.env });
      expectRefusedBeforeAws(denied, before);
      expect(errorsOf(denied)).toMatch(/event_name is 'pull_request'/);
    } finally {
      await legacy.close();
    }
  });
});

describe('policy-source: workflow and workspace', () => {
  it('workflow: the policy of the reusable workflow’s repository at job_workflow_sha decides', async () => {
    world.github.repo('acme/platform', { id: '4242' });
    const sha = world.github.commit('acme/platform', {
      [FILE]: `version: 1
rules:
  - name: reviewed-deploys
    when:
      repository: acme/site
      event_name: pull_request
      job_workflow_ref: acme/platform/.github/workflows/deploy.yml@refs/heads/main
    allow: { provider: aws, role: ${ROLE}, max-duration: 15m, delivery: run }
`,
    });
    const step = await runStep({
      claims: {
        event_name: 'pull_request',
        job_workflow_ref: 'acme/platform/.github/workflows/deploy.yml@refs/heads/main',
        job_workflow_sha: sha,
      },
      inputs: { export: '', run: 'true', 'policy-source': 'workflow' },
      workspace: checkout({ [FILE]: ANYTHING }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(step.summary).toContain(`acme/platform@${sha}:.github/jit-policy.yml (workflow)`);
    const allowed = ledgerEvents(step).find((e) => e['phase'] === 'allowed')!;
    expect(allowed['policy']).toMatchObject({ policySource: 'workflow', policyCommit: sha });
  });

  it('workspace on a push reads the checkout', async () => {
    const step = await runStep({
      claims: { event_name: 'push' },
      inputs: { export: '', run: 'true', 'policy-source': 'workspace' },
      workspace: checkout({ [FILE]: TRUSTED }),
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(step.summary).toContain('workspace:.github/jit-policy.yml (workspace)');
  });

  it('workspace on a pull request with a rewritten file is refused', async () => {
    const before = stsCalls();
    const step = await runStep({
      inputs: { 'policy-source': 'workspace' },
      workspace: checkout({ [FILE]: ANYTHING }),
    });
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(
      /'policy-source: workspace' on a pull_request event: the checkout's .* differs/,
    );
  });
});

describe('bounded before any decision', () => {
  it('a hung OIDC token endpoint fails within the configured deadline', async () => {
    world.oidc.faults.next('hang', 3, /\/idtoken$/);
    const before = stsCalls();
    const step = await runStep({
      claims: { event_name: 'push' },
      env: { JIT_CREDENTIALS_HTTP_TIMEOUT_MS: '300' },
      timeoutMs: 30_000,
    });
    expect(step.timedOut).toBe(false);
    expectRefusedBeforeAws(step, before);
    expect(errorsOf(step)).toMatch(/Could not get a GitHub OIDC token .*took longer than 300 ms/);
  });

  it("the issuer's keys failing at their usual address: its discovery document names them, and they decide", async () => {
    // The action's reads only (the emulated STS reads the keys too).
    const ours = (path: string) => (r: { path: string; headers: Record<string, unknown> }) =>
      r.path === path && r.headers['user-agent'] === 'jit-credentials';
    world.oidc.faults.next('status500', 1, ours('/.well-known/jwks'));
    const reads = (path: string) => world.oidc.requests.filter(ours(path)).length;
    const [keys, discovery] = [
      reads('/.well-known/jwks'),
      reads('/.well-known/openid-configuration'),
    ];
    const step = await runStep({
      claims: { event_name: 'push' },
      inputs: { export: '', run: 'true' },
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(reads('/.well-known/openid-configuration') - discovery).toBe(1);
    // The failed read, then the address the document names (the same one).
    expect(reads('/.well-known/jwks') - keys).toBe(2);
  });

  it('plain http to a non-loopback STS endpoint is refused before the token is even asked for', async () => {
    const oidcBefore = world.oidc.requests.length;
    const step = await runStep({
      claims: { event_name: 'push' },
      env: { AWS_ENDPOINT_URL_STS: 'http://sts.example.com' },
    });
    expect(step.exitCode).toBe(1);
    expect(errorsOf(step)).toMatch(
      /Invalid STS endpoint 'http:\/\/sts\.example\.com' in AWS_ENDPOINT_URL_STS: plain http is accepted only on loopback/,
    );
    expect(world.oidc.requests.length).toBe(oidcBefore);
  });

  it('an endpoint override in effect is named in a warning and in the record', async () => {
    const step = await runStep({
      claims: { event_name: 'push' },
      inputs: { export: '', run: 'true' },
    });
    expect(step.exitCode, errorsOf(step)).toBe(0);
    expect(warningsOf(step)).toContain(
      `AWS_ENDPOINT_URL_STS=${world.aws.url}: the GitHub OIDC token for this grant is sent there`,
    );
    const allowed = ledgerEvents(step).find((e) => e['phase'] === 'allowed')!;
    expect(allowed['policy']).toMatchObject({
      endpointOverrides: [`AWS_ENDPOINT_URL_STS=${world.aws.url}`],
    });
  });
});
