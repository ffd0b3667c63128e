import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultLedgerPath, isOpen, Ledger } from '../../src/grant/ledger.ts';
import { summaryBlock, timeline, verdict } from '../../src/grant/render.ts';

const made: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  made.push(dir);
  return new Ledger(defaultLedgerPath(dir));
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const base = { provider: 'aws' as const };

describe('Ledger', () => {
  it('folds events into grants and keeps a closed grant closed', () => {
    const l = fresh();
    l.append({
      ...base,
      time: '2026-11-23T18:00:00.000Z',
      grant: 'g1',
      phase: 'requested',
      step: 'creds',
      mode: 'env',
    });
    l.append({
      ...base,
      time: '2026-11-23T18:00:01.000Z',
      grant: 'g1',
      phase: 'issued',
      principal: 'arn:p',
      expiresAt: '2026-11-23T18:05:01.000Z',
      effectiveTtl: 300,
    });
    l.append({
      ...base,
      time: '2026-11-23T18:00:01.500Z',
      grant: 'g1',
      phase: 'delivered',
      envNames: ['AWS_ACCESS_KEY_ID'],
      dir: '/tmp/x',
    });
    expect(isOpen(l.grants()[0]!)).toBe(true);
    l.append({
      ...base,
      time: '2026-11-23T18:01:00.000Z',
      grant: 'g1',
      phase: 'closed',
      method: 'expires',
      verified: false,
      note: 'n',
    });
    l.append({ ...base, time: '2026-11-23T18:01:01.000Z', grant: 'g1', phase: 'used' });
    const [g] = l.grants();
    expect(g).toMatchObject({
      id: 'g1',
      phase: 'closed',
      step: 'creds',
      mode: 'env',
      principal: 'arn:p',
      envNames: ['AWS_ACCESS_KEY_ID'],
      dir: '/tmp/x',
      closeMethod: 'expires',
      closedAt: '2026-11-23T18:01:00.000Z',
    });
    expect(isOpen(g!)).toBe(false);
  });
  it('survives a line torn by a crash', () => {
    const l = fresh();
    l.append({ ...base, time: 't', grant: 'g1', phase: 'issued' });
    appendFileSync(l.path, '{"time":"t","grant":"g2","pha');
    expect(l.grants().map((g) => g.id)).toEqual(['g1']);
  });
  it('is private to the job user', () => {
    const l = fresh();
    l.append({ ...base, time: 't', grant: 'g1', phase: 'issued' });
    expect(readFileSync(l.path, 'utf8')).toContain('"g1"');
    expect(statSync(l.path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(l.path)).mode & 0o777).toBe(0o700);
  });
  it('returns nothing for a ledger that does not exist yet', () => {
    expect(fresh().grants()).toEqual([]);
  });
});

describe('render', () => {
  const closed = (id: string, method: string, verified = false) => {
    const l = fresh();
    l.append({
      ...base,
      time: '2026-11-23T18:00:00.000Z',
      grant: id,
      phase: 'issued',
      principal: 'arn:aws:sts::1:assumed-role/r/s',
      expiresAt: '2026-11-23T18:42:07.000Z',
      effectiveTtl: 300,
    });
    l.append({
      ...base,
      time: '2026-11-23T18:00:09.000Z',
      grant: id,
      phase: 'closed',
      method,
      verified,
      note: 'why',
    });
    return l.grants()[0]!;
  };
  it('says how every grant ended in one verdict line', () => {
    expect(
      verdict([closed('a', 'revoked', true), closed('b', 'revoked', true), closed('c', 'expires')]),
    ).toBe('3 grants: 2 revoked and verified, 1 closed on the runner, expires 18:42:07Z');
    expect(verdict([])).toBe('0 grants: nothing issued');
  });
  it('renders a table row per grant and a timeline, with no pipes breaking the table', () => {
    const g = closed('a', 'expires');
    g.principal = 'evil|name';
    const block = summaryBlock('t', [g], [timeline([g])]);
    expect(block).toContain('| <code>a</code> | aws | <code>evil\\|name</code> |');
    expect(block).toContain('```mermaid');
    expect(block).toContain('accepted by the cloud :18:00:00, 18:42:07');
  });
});
