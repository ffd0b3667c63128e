/**
 * The deployment review of the job's environment, read through the GitHub API emulator in
 * process: recorded as read (approved, none, rejected, unavailable), never guessed; and a
 * policy rule with `require-approval` refusing before any request reaches AWS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Ledger, ledgerPath, type GrantEvent } from '../../src/grant/ledger.ts';
import type { GitHubApi } from '../emulators/github/index.ts';
import { DEPLOY_ROLE, startGitHubFor, startWorld, type World } from './world.ts';

const RUN_ID = '11873205521'; // the OIDC emulator's run_id

const policy = (approval: string) => `version: 1
rules:
  - name: production
    when:
      repository: acme/site
      environment: production
${approval}
    allow:
      provider: aws
      role: ${DEPLOY_ROLE}
      max-duration: 1h
`;

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
beforeEach(() => {
  w.env.oidc.setClaims({ environment: 'production' });
  github.commit('acme/site', { '.github/jit-policy.yml': null });
  github.approvals('acme/site', RUN_ID, []);
});

const events = (id: string): GrantEvent[] =>
  new Ledger(ledgerPath(join(w.temp, 'jit-credentials')))
    .read()
    .events.filter((e) => e.grant === id);
const approvalOf = (id: string) =>
  events(id).find((e) => e.phase === 'approved')?.['approval'] as
    Record<string, unknown> | undefined;
const stsCalls = () =>
  w.env.aws.requests.filter((r) => r.action === 'AssumeRoleWithWebIdentity').length;
const main = (inputs: Record<string, string> = {}) =>
  w.main({
    run: 'true',
    'policy-source': 'default-branch',
    'github-token': github.token,
    ...inputs,
  });

describe('the approval of the deployment, in the record', () => {
  it('records each reviewer, state and comment, and escapes what they wrote in the summary', async () => {
    github.approvals('acme/site', RUN_ID, [
      {
        login: 'alice',
        state: 'approved',
        comment: 'Ship it <img src=x onerror=alert(1)> | **now**',
        environments: ['production'],
      },
      { login: 'bob', state: 'approved', comment: 'staging only', environments: ['staging'] },
    ]);
    const m = await main();
    expect(m.failures).toEqual([]);
    const id = m.outputs['grant-id']!;
    expect(events(id).map((e) => e.phase)).toEqual([
      'requested',
      'approved',
      'allowed',
      'issued',
      'delivered',
      'used',
      'closed',
    ]);
    expect(approvalOf(id)).toMatchObject({
      status: 'approved',
      environment: 'production',
      repository: 'acme/site',
      runId: RUN_ID,
      reviews: [
        {
          login: 'alice',
          state: 'approved',
          comment: 'Ship it <img src=x onerror=alert(1)> | **now**',
        },
      ],
      readAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(m.summary).toContain('Approval of <code>production</code>: <code>alice</code> approved');
    expect(m.summary).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\| \\*\\*now\\*\\*');
    expect(m.summary).not.toContain('<img');
    expect(m.summary).not.toContain('bob');
    const req = github.requests.filter((r) => r.path.endsWith(`/actions/runs/${RUN_ID}/approvals`));
    expect(req.at(-1)?.headers['authorization']).toBe(`Bearer ${github.token}`);
  });

  it('records the run: command start, end and exit code as its use', async () => {
    const m = await main({ run: 'exit 3' });
    process.exitCode = 0;
    const used = events(m.outputs['grant-id']!).find((e) => e.phase === 'used')!;
    expect(used).toMatchObject({ by: 'run', exitCode: 3 });
    expect(Date.parse(used['endedAt'] as string)).toBeGreaterThanOrEqual(
      Date.parse(used['startedAt'] as string),
    );
    expect(m.summary).toMatch(/command ran \d\d:\d\d:\d\dZ → \d\d:\d\d:\d\dZ, exit 3/);
  });

  it('records "none" when the run has no review of this environment', async () => {
    const m = await main();
    expect(m.failures).toEqual([]);
    expect(approvalOf(m.outputs['grant-id']!)).toMatchObject({ status: 'none', reviews: [] });
    expect(m.summary).toContain("none in the run's review history");
  });

  it('records a rejection as such', async () => {
    github.approvals('acme/site', RUN_ID, [
      { login: 'mallory', state: 'rejected', comment: 'no', environments: ['production'] },
    ]);
    const m = await main();
    expect(approvalOf(m.outputs['grant-id']!)).toMatchObject({
      status: 'rejected',
      reviews: [{ login: 'mallory', state: 'rejected', comment: 'no' }],
    });
    expect(m.summary).toContain('**rejected**');
  });

  it('records "unavailable" with the permission to add when the API answers 403', async () => {
    const limited = 'ghs_no_actions_permission_0123456789';
    github.grant(limited, { actions: 'none' });
    const m = await main({ 'github-token': limited });
    expect(m.failures).toEqual([]);
    const a = approvalOf(m.outputs['grant-id']!)!;
    expect(a['status']).toBe('unavailable');
    expect(a['error']).toMatch(/HTTP 403 .*actions: read/);
    expect(m.summary).toContain('**unknown**, the review history could not be read');
  });

  it('records "unavailable" when the API does not answer, within the deadline', async () => {
    const before = w.jobEnv['JIT_CREDENTIALS_HTTP_TIMEOUT_MS'];
    w.jobEnv['JIT_CREDENTIALS_HTTP_TIMEOUT_MS'] = '1000';
    github.faults.next('hang', 2, /\/approvals$/);
    try {
      const m = await main();
      const a = approvalOf(m.outputs['grant-id']!)!;
      expect(a['status']).toBe('unavailable');
      expect(a['error']).toMatch(/took longer than 1000 ms/);
    } finally {
      w.jobEnv['JIT_CREDENTIALS_HTTP_TIMEOUT_MS'] = before;
    }
  }, 30_000);

  it('records no approval at all when the token names no environment', async () => {
    w.env.oidc.setClaims({ environment: '' });
    const m = await main();
    expect(approvalOf(m.outputs['grant-id']!)).toBeUndefined();
  });
});

describe('require-approval in the policy', () => {
  it('allows what an allowed reviewer approved, and records who', async () => {
    github.commit('acme/site', {
      '.github/jit-policy.yml': policy('    require-approval:\n      reviewers: [Alice]'),
    });
    github.approvals('acme/site', RUN_ID, [
      { login: 'alice', state: 'approved', comment: '', environments: ['production'] },
    ]);
    const m = await main();
    expect(m.failures).toEqual([]);
    const allowed = events(m.outputs['grant-id']!).find((e) => e.phase === 'allowed')!;
    expect(allowed['policy']).toMatchObject({
      rule: 'production',
      approval: { environment: 'production', approvedBy: ['alice'] },
    });
  });

  it.each([
    ['nobody approved', [], /require-approval: no one approved the deployment to 'production'/],
    [
      'someone not allowed approved',
      [{ login: 'bob', state: 'approved', environments: ['production'] }],
      /approved by bob, none of them an allowed reviewer \(alice\)/,
    ],
    [
      'a reviewer rejected',
      [
        { login: 'alice', state: 'approved', environments: ['production'] },
        { login: 'mallory', state: 'rejected', environments: ['production'] },
      ],
      /mallory rejected the deployment to 'production'/,
    ],
  ])('refuses before any request to AWS when %s', async (_what, reviews, reason) => {
    github.commit('acme/site', {
      '.github/jit-policy.yml': policy('    require-approval:\n      reviewers: [alice]'),
    });
    github.approvals('acme/site', RUN_ID, reviews);
    const before = stsCalls();
    const m = await main();
    expect(stsCalls()).toBe(before);
    expect(m.failures.join('\n')).toMatch(/allows no grant for this request/);
    expect(m.failures.join('\n')).toMatch(reason);
    const id = m.outputs['grant-id']!;
    expect(events(id).map((e) => e.phase)).toEqual(['requested', 'approved', 'denied']);
    expect(m.summary).toContain('**Policy: denied**');
  });

  it('refuses when the review history cannot be read, and says which permission is missing', async () => {
    github.commit('acme/site', { '.github/jit-policy.yml': policy('    require-approval: true') });
    const limited = 'ghs_no_actions_permission_abcdefghij';
    github.grant(limited, { actions: 'none' });
    const before = stsCalls();
    const m = await main({ 'github-token': limited });
    expect(stsCalls()).toBe(before);
    expect(m.failures.join('\n')).toMatch(
      /require-approval: the review history of run \d+ could not be read: HTTP 403.*actions: read/,
    );
  });

  it("counts a team member's approval when the token can read the team", async () => {
    github.commit('acme/site', {
      '.github/jit-policy.yml': policy('    require-approval:\n      teams: [acme/release]'),
    });
    github.team('acme/release', ['carol', 'dave']);
    github.approvals('acme/site', RUN_ID, [
      { login: 'carol', state: 'approved', environments: ['production'] },
    ]);
    // The job's own token cannot read team members: refused, saying so.
    const refused = await main();
    expect(refused.failures.join('\n')).toMatch(
      /team acme\/release: HTTP 403.*Members read permission/,
    );
    const reader = 'ghs_org_members_reader_0123456789';
    github.grant(reader, { members: 'read' });
    const m = await main({ 'github-token': reader });
    expect(m.failures).toEqual([]);
    const allowed = events(m.outputs['grant-id']!).find((e) => e.phase === 'allowed')!;
    expect(allowed['policy']).toMatchObject({ approval: { approvedBy: ['carol'] } });
  });

  it('refuses a token without an environment claim', async () => {
    github.commit('acme/site', { '.github/jit-policy.yml': policy('    require-approval: true') });
    w.env.oidc.setClaims({ environment: '' });
    const m = await main();
    expect(m.failures.join('\n')).toMatch(/the token has no 'environment' claim/);
  });
});
