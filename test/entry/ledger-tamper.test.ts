/**
 * A ledger that a step of the job broke, truncated or forged (review findings F2, F3, F4, F7):
 * the ledger is a log, never an authority, so post closes its own grant from the action's state
 * whatever the ledger is, actions/revoke empties what the job holds whatever the ledger names,
 * and what both show of a grant is not rewritten by lines appended after the fact.
 */
import {
  appendFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { s3 } from '../emulators/aws/fixture.ts';
import { ledgerPath } from '../../src/grant/ledger.ts';
import type { FakeRunner } from '../fakes/runner.ts';
import { REVOKER, startWorld, type World } from './world.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w.close();
});
// Each test is a job of its own: a RUNNER_TEMP of its own, and no variable of an earlier one.
beforeEach(() => {
  for (const name of Object.keys(w.jobEnv))
    if (name.startsWith('AWS_') && name !== 'AWS_ENDPOINT_URL') delete w.jobEnv[name];
  w.jobEnv['RUNNER_TEMP'] = mkdtempSync(join(w.temp, 'job-'));
});

const privateDir = () => join(w.jobEnv['RUNNER_TEMP']!, 'jit-credentials');
const ledgerFile = () => ledgerPath(privateDir());
const credsOf = (main: FakeRunner) => ({
  accessKeyId: main.exported['AWS_ACCESS_KEY_ID']!,
  secretAccessKey: main.exported['AWS_SECRET_ACCESS_KEY']!,
  sessionToken: main.exported['AWS_SESSION_TOKEN']!,
});
const listWith = (main: FakeRunner) =>
  s3(w.env, credsOf(main)).send(new ListObjectsV2Command({ Bucket: 'site' }));
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ time: new Date().toISOString(), provider: 'aws', ...fields }) + '\n';
const hhmmss = (iso: string) => iso.slice(11, 19);

/** What every tampering with the ledger must leave: the own grant revoked, scrubbed, said, failed. */
async function expectOwnGrantClosed(main: FakeRunner, post: FakeRunner, what: RegExp) {
  for (const name of Object.keys(main.exported)) expect(post.exported[name], name).toBe('');
  await expect(listWith(main)).rejects.toThrow(/explicit deny|AccessDenied/);
  expect(post.summary, post.log.text()).toContain('end of job');
  expect(post.summary).toContain(main.outputs['grant-id']!);
  expect(post.summary).toMatch(/revoked/);
  expect(post.failures.join('\n')).toMatch(/ledger .* was tampered with/);
  expect(post.failures.join('\n')).toMatch(what);
}

describe('F2: post closes its own grant whatever the ledger is, and fails saying so', () => {
  it('the ledger replaced by a directory', async () => {
    const main = await w.main({ export: 'env', 'revoke-role': REVOKER });
    expect(main.failures).toEqual([]);
    rmSync(ledgerFile());
    mkdirSync(ledgerFile());
    const post = await w.post(main);
    await expectOwnGrantClosed(main, post, /ledger\.jsonl.*not a regular file/s);
  });

  it('RUNNER_TEMP/jit-credentials replaced by a file: revoked and scrubbed, the files said unreachable', async () => {
    const main = await w.main({ export: 'env', 'revoke-role': REVOKER });
    expect(main.failures).toEqual([]);
    rmSync(privateDir(), { recursive: true });
    writeFileSync(privateDir(), '');
    const post = await w.post(main);
    await expectOwnGrantClosed(main, post, /jit-credentials.*not a directory/s);
    expect(post.summary).toMatch(
      /revoked and its variables emptied, but its files .* could not be reached/,
    );
  });

  it('the ledger hard-linked elsewhere: appends are refused, the close and the record go on', async () => {
    const main = await w.main({ export: 'env', 'revoke-role': REVOKER });
    expect(main.failures).toEqual([]);
    linkSync(ledgerFile(), join(w.jobEnv['RUNNER_TEMP']!, 'elsewhere'));
    const post = await w.post(main);
    await expectOwnGrantClosed(main, post, /hard links/);
    // The closing this step could not append is still in its block.
    expect(post.summary).toMatch(/1 revoked and verified/);
  });

  it('a proxy variable that does not parse, set through GITHUB_ENV: post still scrubs, and fails', async () => {
    const main = await w.main({ export: 'env' });
    w.jobEnv['https_proxy'] = 'http://user:%zz@127.0.0.1:1';
    try {
      const post = await w.post(main);
      for (const name of Object.keys(main.exported)) expect(post.exported[name], name).toBe('');
      expect(post.failures.join('\n')).toMatch(/proxy settings of this step could not be read/);
    } finally {
      delete w.jobEnv['https_proxy'];
    }
  });

  it('a ledger that is fine: post passes, with no word of tampering', async () => {
    const main = await w.main({ export: 'env' });
    const post = await w.post(main);
    expect(post.failures).toEqual([]);
    expect(post.summary).not.toMatch(/tampered/);
    expect(post.log.text()).not.toMatch(/warning/);
  });
});

describe('F3: actions/revoke empties what the job holds whatever the ledger names', () => {
  it("the grant's lines deleted: every AWS variable still set is emptied, and named", async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    const kept = readFileSync(ledgerFile(), 'utf8')
      .split('\n')
      .filter((l) => !l.includes(id))
      .join('\n');
    writeFileSync(ledgerFile(), kept);
    const revoke = await w.revoke();
    // The credential, and the files in this action's directory; not the region, which the
    // job's own `env:` may have set and later steps still need.
    for (const [name, value] of Object.entries(main.exported)) {
      const credential = /KEY|TOKEN/.test(name) || value.startsWith(privateDir());
      expect(revoke.exported[name], name).toBe(credential ? '' : undefined);
    }
    expect(revoke.exported).toHaveProperty('AWS_SECRET_ACCESS_KEY', '');
    expect(main.exported['AWS_REGION']).toBeTruthy();
    expect(revoke.exported).not.toHaveProperty('AWS_REGION');
    expect(revoke.summary).toContain('AWS_SECRET_ACCESS_KEY');
    expect(revoke.log.text()).toMatch(/AWS_SESSION_TOKEN/);
    await w.post(main);
  });

  it('8 MiB in front of the lines: the ledger is cut, revoke empties everything and fails', async () => {
    const main = await w.main({ export: 'env' });
    const original = readFileSync(ledgerFile(), 'utf8');
    writeFileSync(ledgerFile(), 'x'.repeat(8 << 20) + '\n' + original);
    const revoke = await w.revoke();
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
      expect(revoke.exported[name], name).toBe('');
    expect(revoke.failures.join('\n')).toMatch(/cut at its size limit/);
    await w.post(main);
  });

  it('a line that is not an event of ours fails the revoke step; the grants are still closed', async () => {
    const main = await w.main({ export: 'env' });
    appendFileSync(ledgerFile(), 'null\n');
    const revoke = await w.revoke();
    expect(revoke.outputs['closed']).toBe(main.outputs['grant-id']);
    expect(revoke.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(revoke.failures.join('\n')).toMatch(/1 line\(s\) that are not jit-credentials events/);
  });

  it('a grant-id the ledger does not know fails the step', async () => {
    const main = await w.main({ export: 'env' });
    const revoke = await w.revoke({ 'grant-id': 'aws-0123456789' });
    expect(revoke.failures.join('\n')).toMatch(/No grant 'aws-0123456789'/);
    // Only the grants named are closed: this one stays open until it is named or the job ends.
    expect(revoke.exported['AWS_SECRET_ACCESS_KEY']).toBeUndefined();
    await w.post(main);
  });
});

describe("F4: post's block for its own export", () => {
  it('a forged "closed, expires" line does not hide it', async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    appendFileSync(
      ledgerFile(),
      line({ grant: id, phase: 'closed', method: 'expires', verified: false, note: 'x' }),
    );
    const post = await w.post(main);
    expect(post.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
    expect(post.summary).toContain('end of job');
    expect(post.summary).toContain(id);
  });
});

describe('F7: appended lines do not rewrite what post and revoke show', () => {
  it("post shows its own grant's principal and expiry from the state, not a later line", async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    const realExpiry = main.outputs['expires-at']!;
    const forged = new Date(Date.parse(realExpiry) - 50 * 60_000).toISOString();
    appendFileSync(
      ledgerFile(),
      line({
        grant: id,
        phase: 'delivered',
        principal: 'arn:aws:sts::123456789012:assumed-role/read-only-docs/x',
        expiresAt: forged,
        mode: 'env',
      }),
    );
    const post = await w.post(main);
    expect(post.summary).not.toContain('read-only-docs');
    expect(post.summary).not.toContain(hhmmss(forged));
    expect(post.summary).toContain(`expires ${hhmmss(realExpiry)}Z`);
  });

  it("an approval after the decision, and claims, policy, facts and notes on a later line: none is shown as the grant's", async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    // The job's token has no environment: no review was read, none is on record.
    expect(main.summary).not.toMatch(/Approval of/);
    const now = new Date().toISOString();
    appendFileSync(
      ledgerFile(),
      line({
        grant: id,
        phase: 'approved',
        approval: {
          status: 'approved',
          environment: 'production',
          reviews: [{ login: 'alice', state: 'approved', comment: 'ship it' }],
          readAt: now,
        },
      }) +
        line({
          grant: id,
          phase: 'delivered',
          claims: { ref: 'refs/heads/main', environment: 'production', actor: 'release-bot' },
          policy: { decision: 'allowed', rule: 'production-reviewed' },
          facts: { roleArn: 'arn:aws:iam::123456789012:role/read-only-docs' },
          notes: ['Approved by the change board.'],
        }),
    );
    const post = await w.post(main);
    expect(post.failures).toEqual([]);
    for (const forged of [
      'alice',
      'release-bot',
      'production-reviewed',
      'read-only-docs',
      'change board',
    ])
      expect(post.summary).not.toContain(forged);
    // What the step that issued it recorded first is still shown.
    expect(post.summary).toContain(main.outputs['grant-id']!);
    expect(post.summary).toContain('<code>actor</code>=<code>octocat</code>');
    expect(post.summary).toContain('roleArn: <code>arn:aws:iam::123456789012:role/deploy</code>');
  });

  it('revoke does not call a grant expired on a forged past expiry', async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    appendFileSync(
      ledgerFile(),
      line({ grant: id, phase: 'delivered', expiresAt: '2020-01-01T00:00:00.000Z' }),
    );
    const revoke = await w.revoke();
    expect(revoke.summary).not.toMatch(/already expired/);
    expect(revoke.summary).toContain(`expires ${hhmmss(main.outputs['expires-at']!)}Z`);
    await w.post(main);
  });

  it("a grant known only from the ledger, with a past expiry: 'expires', said to be the ledger's claim", async () => {
    const main = await w.main({ export: 'env' });
    const id = main.outputs['grant-id']!;
    // Every line of the grant rewritten with an expiry in the past (its handle too).
    const rewritten = readFileSync(ledgerFile(), 'utf8').replace(
      /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g,
      '2020-01-01T00:00:00.000Z',
    );
    writeFileSync(ledgerFile(), rewritten);
    const revoke = await w.revoke();
    expect(revoke.outputs['closed']).toBe(id);
    expect(revoke.summary).not.toMatch(/already expired/);
    expect(revoke.summary).toMatch(/the ledger's claim/);
    await w.post(main);
  });
});

describe('the action state rewritten', () => {
  it('a grant record this action did not write, and the ledger gone: post fails and says so', async () => {
    const main = await w.main({ export: 'env' });
    // What a run: command can do through /proc/$PPID/environ before it kills the main step.
    main.state['grant'] = 'x';
    rmSync(ledgerFile());
    const post = await w.post(main);
    expect(post.failures.join('\n')).toMatch(/rewrote GITHUB_STATE/);
    expect(post.summary).toMatch(/⚠️ The grant record the main step saved/);
  });

  it('a revocation the state asks for, with a handle that cannot be read: post fails, not revoked', async () => {
    const main = await w.main({ export: 'env', 'revoke-role': REVOKER });
    const grant = JSON.parse(main.state['grant']!) as {
      handle: { revoke: Record<string, unknown> };
    };
    // A handle main could not have written (main refuses such an audience): one from another
    // version of the action, or a state rewritten in a way decodeOpenGrant lets through.
    grant.handle.revoke['audience'] = 'has a space';
    main.state['grant'] = JSON.stringify(grant);
    const post = await w.post(main);
    expect(post.failures.join('\n')).toMatch(/not revoked/);
    expect(post.exported['AWS_SECRET_ACCESS_KEY']).toBe('');
  });

  it("no state at all (the step never issued) is no one's doing: no failure", async () => {
    const main = await w.main({ export: 'env' });
    delete main.state['grant'];
    const post = await w.post(main);
    expect(post.failures.join('\n')).not.toMatch(/GITHUB_STATE/);
  });
});
