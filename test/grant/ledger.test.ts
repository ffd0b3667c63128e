import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldEvents, isOpen, Ledger, ledgerPath, type GrantEvent } from '../../src/grant/ledger.ts';
import { summaryBlock, timeline, verdict } from '../../src/grant/render.ts';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  made.push(dir);
  return dir;
};
const fresh = () => new Ledger(ledgerPath(tempDir()));
const states = (l: Ledger) => foldEvents(l.read().events);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const G1 = 'aws-00000000a1';
const G2 = 'aws-00000000a2';
const base = { provider: 'aws' as const };
const issued = (grant: string, fields: Record<string, unknown> = {}): GrantEvent => ({
  ...base,
  time: '2026-11-23T18:00:01.000Z',
  grant,
  phase: 'issued',
  principal: 'arn:p',
  expiresAt: '2026-11-23T18:05:01.000Z',
  effectiveTtl: 300,
  ...fields,
});

describe('Ledger', () => {
  it('folds events into grants and keeps a closed grant closed', () => {
    const l = fresh();
    l.append({
      ...base,
      time: '2026-11-23T18:00:00.000Z',
      grant: G1,
      phase: 'requested',
      step: 'creds',
      mode: 'env',
    });
    l.append(issued(G1));
    l.append({
      ...base,
      time: '2026-11-23T18:00:01.500Z',
      grant: G1,
      phase: 'delivered',
      envNames: ['AWS_ACCESS_KEY_ID'],
    });
    expect(isOpen(states(l)[0]!)).toBe(true);
    l.append({
      ...base,
      time: '2026-11-23T18:01:00.000Z',
      grant: G1,
      phase: 'closed',
      method: 'expires',
      verified: false,
      note: 'n',
    });
    l.append({ ...base, time: '2026-11-23T18:01:01.000Z', grant: G1, phase: 'used' });
    const [g] = states(l);
    expect(g).toMatchObject({
      id: G1,
      phase: 'closed',
      step: 'creds',
      mode: 'env',
      principal: 'arn:p',
      envNames: ['AWS_ACCESS_KEY_ID'],
      closeMethod: 'expires',
      closedAt: '2026-11-23T18:01:00.000Z',
    });
    expect(isOpen(g!)).toBe(false);
  });

  it('ends a torn last line before appending, so the next event is not swallowed', () => {
    const l = fresh();
    l.append(issued(G1));
    appendFileSync(l.path, '{"time":"t","grant":"aws-00000000a2","pha');
    l.append(issued(G2));
    const read = l.read();
    expect(read.skipped).toBe(1);
    expect(foldEvents(read.events).map((g) => g.id)).toEqual([G1, G2]);
  });

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['an array', '[1,2]'],
    ['a foreign grant id', JSON.stringify({ ...issued(G1), grant: '../../etc' })],
    ['an unknown phase', JSON.stringify({ ...issued(G1), phase: 'pwned' })],
    ['a provider that does not match the id', JSON.stringify({ ...issued(G1), provider: 'gcp' })],
    ['a time that is not one', JSON.stringify({ ...issued(G1), time: 'yesterday' })],
  ])('skips %s and counts it, keeping every good line', (_, line) => {
    const l = fresh();
    l.append(issued(G1));
    appendFileSync(l.path, line + '\n');
    l.append(issued(G2));
    const read = l.read();
    expect(read.skipped).toBe(1);
    expect(foldEvents(read.events).map((g) => g.id)).toEqual([G1, G2]);
  });

  it('keeps the first issuance of a grant: a later line cannot rewrite its handle or expiry', () => {
    const l = fresh();
    l.append(issued(G1, { handle: { real: true } }));
    l.append(issued(G1, { handle: { forged: true }, expiresAt: '2026-11-23T18:00:02.000Z' }));
    expect(states(l)[0]).toMatchObject({
      handle: { real: true },
      expiresAt: '2026-11-23T18:05:01.000Z',
    });
  });

  it('takes principal, scope and expiry from the first issuance; a delivery may only move the expiry later, once', () => {
    const at = (phase: string, fields: Record<string, unknown>): GrantEvent =>
      ({ ...base, time: '2026-11-23T18:00:02.000Z', grant: G1, phase, ...fields }) as GrantEvent;
    const folded = (...events: GrantEvent[]) =>
      foldEvents([issued(G1, { scope: 'role s' }), ...events])[0];
    const forged = {
      principal: 'arn:forged',
      scope: 'forged',
      expiresAt: '2026-11-23T18:00:03.000Z',
    };
    for (const phase of ['delivered', 'used', 'closed', 'close-failed', 'requested']) {
      expect(folded(at(phase, forged)), phase).toMatchObject({
        principal: 'arn:p',
        scope: 'role s',
        expiresAt: '2026-11-23T18:05:01.000Z',
      });
    }
    // A tool's own token outliving the credential (what main writes on delivery) is kept ...
    const later = '2026-11-23T18:10:01.000Z';
    expect(folded(at('delivered', { expiresAt: later }))?.expiresAt).toBe(later);
    // ... but only the first delivery's, and never an earlier one.
    expect(
      folded(at('delivered', {}), at('delivered', { expiresAt: '2099-01-01T00:00:00.000Z' }))
        ?.expiresAt,
    ).toBe('2026-11-23T18:05:01.000Z');
  });

  it('is private to the job user and never written through a symlink', () => {
    const l = fresh();
    l.append(issued(G1));
    expect(readFileSync(l.path, 'utf8')).toContain(G1);
    expect(statSync(l.path).mode & 0o777).toBe(0o600);
    const dir = tempDir();
    const target = join(dir, 'elsewhere');
    writeFileSync(target, '');
    const linked = new Ledger(join(dir, 'ledger.jsonl'));
    symlinkSync(target, linked.path);
    expect(() => linked.append(issued(G1))).toThrow(/ELOOP|symbolic/);
    expect(() => linked.read()).toThrow(/ELOOP|symbolic/);
    expect(readFileSync(target, 'utf8')).toBe('');
  });

  it('returns nothing for a ledger that does not exist yet', () => {
    expect(fresh().read()).toEqual({ events: [], skipped: 0, truncated: false });
  });
});

describe('render', () => {
  const closed = (id: string, method: string, verified = false, answeredBy?: string) =>
    foldEvents([
      issued(id, {
        principal: 'arn:aws:sts::1:assumed-role/r/s',
        expiresAt: '2026-11-23T18:42:07.000Z',
      }),
      {
        ...base,
        time: '2026-11-23T18:00:09.000Z',
        grant: id,
        phase: 'closed',
        method,
        verified,
        note: 'why',
        ...(answeredBy ? { answeredBy } : {}),
      },
    ])[0]!;
  it('says how every grant ended in one verdict line', () => {
    expect(
      verdict([
        closed('aws-000000000a', 'revoked', true),
        closed('aws-000000000b', 'revoked', true),
        closed('aws-000000000c', 'expires'),
      ]),
    ).toBe('3 grants: 2 revoked and verified, 1 closed on the runner, expires 18:42:07Z');
    expect(verdict([])).toBe('0 grants: nothing issued');
  });
  it("says when a verification's answers came from an endpoint override", () => {
    const override = 'IAM and STS at http://127.0.0.1:9';
    expect(
      verdict([
        closed('aws-000000000a', 'revoked', true, override),
        closed('aws-000000000b', 'revoked', true),
      ]),
    ).toBe(
      "2 grants: 2 revoked and verified (1 of them by an endpoint override, not the cloud's own)",
    );
    expect(verdict([closed('aws-000000000a', 'revoked', true, override)])).toBe(
      "1 grant: 1 revoked and verified (by an endpoint override, not the cloud's own)",
    );
  });
  it('renders a table row per grant and a timeline, with no pipes breaking the table', () => {
    const g = closed('aws-000000000a', 'expires');
    g.principal = 'evil|name';
    const block = summaryBlock('t', [g], [timeline([g])]);
    expect(block).toContain('| <code>aws-000000000a</code> | aws <code>evil\\|name</code> |');
    expect(block).toContain(
      '| 8s / 42m6s | the cloud accepts it until 18:42:07Z (cannot be revoked); off the runner 18:00:09Z |',
    );
    expect(block).toContain('```mermaid');
    const from = Date.parse('2026-11-23T18:00:01.000Z');
    expect(block).toContain(`on the runner :active, ${from}, ${from + 8000}`);
    expect(block).toContain(
      `accepted by the cloud :${from}, ${Date.parse('2026-11-23T18:42:07.000Z')}`,
    );
  });
});
