/**
 * `jit-credentials trail` on the ledgers of 50 jobs: one written by the real main and post steps
 * in process (test/entry/world.ts), 49 generated in the same shapes with planted anomalies.
 * What the trail must report is derived from what was planted, never written down by hand.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trailCli } from '../../src/cli/trail.ts';
import { startWorld, type World } from '../entry/world.ts';

type Event = Record<string, unknown>;
type Kind =
  | 'run-revoked'
  | 'env-post'
  | 'never-closed'
  | 'not-verified'
  | 'refused'
  | 'approved'
  | 'approval-unknown'
  | 'rejected-issued'
  | 'closed-before-issued';
const KINDS: Kind[] = [
  'run-revoked',
  'env-post',
  'never-closed',
  'not-verified',
  'refused',
  'approved',
  'approval-unknown',
  'rejected-issued',
  'closed-before-issued',
];
/** The anomalies each kind plants, by the trail's names. */
const PLANTS: Record<Kind, string[]> = {
  'run-revoked': [],
  'env-post': [],
  'never-closed': ['never-closed'],
  'not-verified': ['not-verified'],
  refused: ['refused'],
  approved: [],
  'approval-unknown': ['approval-unknown'],
  'rejected-issued': ['approval-rejected'],
  'closed-before-issued': ['contradiction'],
};

const at = (base: number, s: number) => new Date(base + s * 1000).toISOString();

/** One grant's events as the engine, post and revoke write them. */
function grantEvents(kind: Kind, job: number, n: number, base: number): Event[] {
  const id = `aws-${randomBytes(5).toString('hex')}`;
  const g = { grant: id, provider: 'aws' };
  const claims = {
    repository: 'acme/site',
    run_id: String(9000 + job),
    run_attempt: '1',
    environment: 'production',
    actor: 'alice',
  };
  const mode = kind === 'run-revoked' ? 'run' : 'env';
  const role = 'arn:aws:iam::123456789012:role/deploy';
  const ev: Event[] = [
    { time: at(base, 0), ...g, phase: 'requested', step: `step${n}`, mode, principal: role },
  ];
  const approval =
    kind === 'approval-unknown'
      ? { status: 'unavailable', environment: 'production', reviews: [], error: 'HTTP 403' }
      : kind === 'rejected-issued'
        ? {
            status: 'rejected',
            environment: 'production',
            reviews: [{ login: 'mallory', state: 'rejected', comment: '<script>x</script> | no' }],
          }
        : {
            status: 'approved',
            environment: 'production',
            reviews: [{ login: 'alice', state: 'approved', comment: 'ship **it**' }],
          };
  ev.push({ time: at(base, 1), ...g, phase: 'approved', approval });
  if (kind === 'refused') {
    ev.push({ time: at(base, 1), ...g, phase: 'denied', by: 'policy', error: 'no rule', claims });
    return ev;
  }
  ev.push({ time: at(base, 1), ...g, phase: 'allowed', by: 'policy', claims });
  const expiresAt = at(base, 900);
  ev.push({ time: at(base, 2), ...g, phase: 'issued', principal: role, expiresAt, claims });
  ev.push({ time: at(base, 2), ...g, phase: 'delivered', mode, envNames: ['AWS_ACCESS_KEY_ID'] });
  if (kind === 'never-closed') return ev;
  if (kind === 'run-revoked') {
    ev.push({
      time: at(base, 9),
      ...g,
      phase: 'used',
      by: 'run',
      startedAt: at(base, 3),
      endedAt: at(base, 9),
      exitCode: 0,
    });
    ev.push({
      time: at(base, 10),
      ...g,
      phase: 'closed',
      by: 'main',
      method: 'revoked',
      verified: true,
    });
    return ev;
  }
  ev.push({
    time: at(base, 60),
    ...g,
    phase: 'used',
    by: 'post',
    mode,
    from: at(base, 2),
    until: at(base, 60),
  });
  const closedAt = kind === 'closed-before-issued' ? at(base, -30) : at(base, 61);
  ev.push({
    time: closedAt,
    ...g,
    phase: 'closed',
    by: 'post',
    method: kind === 'not-verified' ? 'revoked' : 'expires',
    verified: false,
  });
  return ev;
}

let w: World;
let dir: string;
const planted = new Map<string, number>();
let grants = 0;
let issued = 0;
let refused = 0;
let realGrants = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jit-trail-'));
  // Job 0: the real main and post steps of one job (a run: grant, and an env grant closed by post).
  w = await startWorld();
  await w.main({ run: 'true' });
  const env = await w.main({ export: 'env' });
  await w.post(env);
  mkdirSync(join(dir, 'ledger-job-00'));
  copyFileSync(
    join(w.temp, 'jit-credentials/ledger.jsonl'),
    join(dir, 'ledger-job-00/ledger.jsonl'),
  );
  realGrants = 2;
  grants += 2;
  issued += 2;
  // Jobs 1..49: generated, as download-artifact lays them out (one directory per artifact).
  const base = Date.parse('2026-11-23T08:00:00Z');
  for (let job = 1; job < 50; job++) {
    const lines: string[] = [];
    for (let n = 0; n < 3; n++) {
      const kind = KINDS[(job * 3 + n) % KINDS.length]!;
      for (const p of PLANTS[kind]) planted.set(p, (planted.get(p) ?? 0) + 1);
      grants++;
      if (kind === 'refused') refused++;
      else issued++;
      lines.push(
        ...grantEvents(kind, job, n, base + job * 3600_000 + n * 120_000).map((e) =>
          JSON.stringify(e),
        ),
      );
    }
    if (job === 7) lines.push('{"not": "an event"}', 'torn {"time":');
    const sub = join(dir, `ledger-job-${String(job).padStart(2, '0')}`);
    mkdirSync(sub);
    writeFileSync(join(sub, 'ledger.jsonl'), `${lines.join('\n')}\n`);
  }
  planted.set('unreadable', 1);
}, 60_000);
afterAll(async () => {
  await w?.close();
});

async function trail(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await trailCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
  });
  return { code, stdout, stderr };
}

describe('jit-credentials trail', () => {
  it('merges 50 job ledgers into one JSON timeline with every planted anomaly', async () => {
    const r = await trail('--format', 'json', '.');
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as {
      ledgers: unknown[];
      grants: Array<Record<string, unknown>>;
      anomalies: Array<{ kind: string; grant?: string }>;
    };
    expect(t.ledgers).toHaveLength(50);
    expect(t.grants).toHaveLength(grants);
    expect(t.grants.filter((g) => g['issuedAt'])).toHaveLength(issued);
    expect(
      t.grants.filter(
        (g) => (g['decision'] as { outcome?: string } | undefined)?.outcome === 'denied',
      ),
    ).toHaveLength(refused);
    const counts: Record<string, number> = {};
    for (const a of t.anomalies) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
    expect(counts).toEqual(Object.fromEntries(planted));
    // The worst first: a credential that may still work leads.
    expect(t.anomalies[0]!.kind).toBe('never-closed');
    // Ordered by time, and each grant from approval to closing.
    const first = t.grants.map((g) => String(g['requestedAt']));
    expect([...first].sort()).toEqual(first);
    const run = t.grants.find(
      (g) => (g['used'] as Record<string, unknown> | undefined)?.['by'] === 'run' && g['approval'],
    )!;
    expect(run).toMatchObject({
      approval: { status: 'approved', reviews: [{ login: 'alice' }] },
      decision: { outcome: 'allowed' },
      used: { by: 'run', exitCode: 0 },
      closed: { by: 'main', method: 'revoked', verified: true },
    });
  });

  it("shows the real job's grants: the run: command's use, and post closing the export", async () => {
    const r = await trail('--format', 'json', 'ledger-job-00/ledger.jsonl');
    const t = JSON.parse(r.stdout) as {
      grants: Array<Record<string, unknown>>;
      anomalies: unknown[];
    };
    expect(t.grants).toHaveLength(realGrants);
    expect(t.anomalies).toEqual([]);
    const [run, env] = t.grants as Array<{
      used: Record<string, unknown>;
      closed: Record<string, unknown>;
      mode: string;
    }>;
    expect(run!.mode).toBe('run');
    expect(run!.used).toMatchObject({ by: 'run', exitCode: 0, startedAt: expect.any(String) });
    expect(env!.mode).toBe('env');
    expect(env!.used).toMatchObject({
      by: 'post',
      note: expect.stringMatching(/does not say which steps read it/),
    });
    expect(env!.closed).toMatchObject({ by: 'post' });
  });

  it('writes Markdown with the anomalies before the grants, every value escaped', async () => {
    const r = await trail('.');
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# jit-credentials trail\n\n50 ledgers, \d+ grants/);
    expect(md.indexOf('## Anomalies')).toBeLessThan(md.indexOf('## Grants'));
    expect(md).toContain(`## Anomalies (${[...planted.values()].reduce((a, b) => a + b, 0)})`);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;x&lt;/script&gt; \\| no');
    const rows = md.split('\n').filter((l) => /^\| <code>aws-/.test(l));
    expect(rows).toHaveLength(grants);
    expect(rows.every((l) => l.split(' | ').length === 7)).toBe(true);
  });

  it('counts a ledger given twice once, and flags a grant whose copies differ', async () => {
    copyFileSync(join(dir, 'ledger-job-01/ledger.jsonl'), join(dir, 'copy.jsonl'));
    const same = JSON.parse(
      (await trail('--format', 'json', 'ledger-job-01', 'copy.jsonl')).stdout,
    ) as {
      grants: unknown[];
      anomalies: Array<{ kind: string }>;
    };
    expect(same.grants).toHaveLength(3);
    expect(same.anomalies.some((a) => a.kind === 'contradiction')).toBe(false);
    const lines = readFileSync(join(dir, 'copy.jsonl'), 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as Event;
    lines[lines.length - 1] = JSON.stringify({ ...last, method: 'revoked', verified: true });
    writeFileSync(join(dir, 'copy.jsonl'), lines.join('\n'));
    const differ = JSON.parse(
      (await trail('--format', 'json', 'ledger-job-01', 'copy.jsonl')).stdout,
    ) as {
      anomalies: Array<{ kind: string; message: string }>;
    };
    expect(differ.anomalies).toContainEqual(
      expect.objectContaining({
        kind: 'contradiction',
        message: expect.stringMatching(/differ between 2 ledgers/),
      }),
    );
  });

  it('takes later re-closings of a verified revocation as such, and flags one that found it undone', async () => {
    const g = { grant: 'aws-00c0ffee01', provider: 'aws' };
    const base = Date.parse('2026-11-24T08:00:00Z');
    const events: Event[] = [
      { time: at(base, 0), ...g, phase: 'requested', step: 'creds', mode: 'env' },
      { time: at(base, 1), ...g, phase: 'allowed', by: 'policy' },
      { time: at(base, 2), ...g, phase: 'issued', expiresAt: at(base, 900) },
      { time: at(base, 5), ...g, phase: 'closed', by: 'revoke', method: 'revoked', verified: true },
      // Every post step closes the job's grants again, without asking the cloud.
      { time: at(base, 9), ...g, phase: 'closed', by: 'post', method: 'revoked', verified: false },
      { time: at(base, 10), ...g, phase: 'closed', by: 'post', method: 'revoked', verified: false },
    ];
    const file = join(dir, 'reclosed.jsonl');
    const json = async () =>
      JSON.parse((await trail('--format', 'json', file)).stdout) as {
        anomalies: Array<{ kind: string; message: string }>;
      };
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    expect((await json()).anomalies).toEqual([]);
    events.push({ time: at(base, 11), ...g, phase: 'closed', by: 'post', method: 'expires' });
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    expect((await json()).anomalies).toEqual([
      expect.objectContaining({
        kind: 'contradiction',
        message: expect.stringMatching(/verified at .*closing by post .* found no revocation/),
      }),
    ]);
  });

  it("says who refused, and why: the cloud's refusal after the policy allowed", async () => {
    const g = { grant: 'aws-00c0ffee02', provider: 'aws' };
    const base = Date.parse('2026-11-24T09:00:00Z');
    const file = join(dir, 'cloud-refused.jsonl');
    writeFileSync(
      file,
      [
        { time: at(base, 0), ...g, phase: 'requested', step: 'denied', mode: 'run' },
        { time: at(base, 1), ...g, phase: 'allowed', by: 'policy' },
        {
          time: at(base, 2),
          ...g,
          phase: 'denied',
          by: 'cloud',
          error: 'STS refused: not trusted',
        },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    const out = JSON.parse((await trail('--format', 'json', file)).stdout) as {
      anomalies: Array<{ kind: string; message: string }>;
    };
    expect(out.anomalies).toEqual([
      expect.objectContaining({
        kind: 'refused',
        message: 'refused by the cloud: STS refused: not trusted',
      }),
    ]);
  });

  it('cuts a ledger over its size limit and says so; --strict fails on anomalies', async () => {
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, `${'x'.repeat(1023)}\n`.repeat(9 * 1024));
    const r = await trail('--format', 'json', '--strict', 'big.jsonl');
    expect(r.code).toBe(1);
    const t = JSON.parse(r.stdout) as { ledgers: Array<{ truncated: boolean; skipped: number }> };
    expect(t.ledgers[0]).toMatchObject({ truncated: true });
    expect(t.ledgers[0]!.skipped).toBeLessThanOrEqual(8 * 1024 + 1);
  });

  it('usage errors exit 2', async () => {
    expect((await trail()).code).toBe(2);
    expect((await trail('--format', 'html', '.')).stderr).toMatch(
      /--format must be markdown or json/,
    );
    expect((await trail('nope.jsonl')).code).toBe(2);
    expect((await trail('--help')).stdout).toMatch(/^Usage: jit-credentials trail/);
  });
});
