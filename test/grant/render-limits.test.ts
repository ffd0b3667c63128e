/**
 * A block stays well under the runner's 1 MiB step-summary limit (over it, the runner uploads
 * none of the step's summary) whatever the ledger holds: each grant's record shows a bounded
 * number of values, the block a bounded number of bytes, and what is left out is counted. The
 * step's own grant is always shown, first.
 */
import { describe, expect, it } from 'vitest';
import { foldEvents, type GrantEvent, type GrantState } from '../../src/grant/ledger.ts';
import { summaryBlock, timeline, verdict } from '../../src/grant/render.ts';
import { renderGfm, tableRows, textOf } from '../runner/gfm.ts';

const BLOCK_LIMIT = 256 * 1024;
const bytes = (s: string) => Buffer.byteLength(s);
const T0 = Date.UTC(2026, 10, 23, 18, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const idOf = (n: number) => `aws-${n.toString(16).padStart(10, '0')}`;
/** Each character becomes a six-byte entity in the summary: the most a value can cost. */
const FAT = '"'.repeat(4000);

function grant(id: string, fields: Record<string, unknown> = {}): GrantState {
  const events: GrantEvent[] = [
    { time: at(0), grant: id, phase: 'requested', provider: 'aws', step: 'creds', mode: 'env' },
    {
      time: at(1),
      grant: id,
      phase: 'issued',
      provider: 'aws',
      principal: 'arn:aws:sts::123456789012:assumed-role/deploy/s',
      expiresAt: at(900),
      ...fields,
    },
  ];
  return foldEvents(events)[0]!;
}

const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const manyKeys = (n: number, value: string) => Object.fromEntries(many(n, (i) => [`k${i}`, value]));

describe("one grant's record", () => {
  it('shows at most 20 notes, facts, claims and variables, and counts the rest', () => {
    const g = grant(idOf(1), {
      notes: many(300, (i) => `note ${i}`),
      facts: manyKeys(50, 'v'),
      claims: manyKeys(40, 'c'),
      envNames: many(30, (i) => `V${i}`),
    });
    const block = summaryBlock('t', [g]);
    expect(block).toContain('- note: note 19\n');
    expect(block).not.toContain('note 20');
    expect(block).toMatch(/280 more notes not shown; the ledger is at /);
    expect(block).toContain('- k19: <code>v</code>');
    expect(block).not.toContain('- k20:');
    expect(block).toMatch(/30 more facts not shown/);
    expect(block).toContain('<code>k19</code>=<code>c</code>');
    expect(block).not.toContain('<code>k20</code>=');
    expect(block).toMatch(/20 more claims not shown/);
    expect(block).toContain('<code>V19</code>');
    expect(block).not.toContain('<code>V20</code>');
    expect(block).toMatch(/10 more variables not shown/);
  });

  it('of the largest values the ledger can hold, stays bounded and renders whole', () => {
    const g = grant(idOf(1), {
      notes: many(300, () => FAT),
      facts: manyKeys(300, FAT),
      claims: manyKeys(300, FAT),
      scope: FAT,
      error: FAT,
      policy: manyKeys(300, FAT),
    });
    g.approval = {
      status: 'approved',
      environment: FAT,
      reviews: many(50, () => ({ login: FAT, state: FAT, comment: FAT })),
    };
    const block = summaryBlock('t', [g]);
    expect(bytes(block)).toBeLessThan(BLOCK_LIMIT);
    expect(block).toMatch(/the approval's reviews are too long to show here/);
    const html = renderGfm(block);
    expect(tableRows(html)).toHaveLength(2);
    expect(html).toContain('</details>');
    expect(textOf(html)).toMatch(/more lines of this record not shown/);
  });
});

describe('the block', () => {
  it('shows the own grant first and in full, however many grants come before it', () => {
    const others = many(3000, (i) => grant(idOf(i + 10), { notes: [FAT] }));
    const own = grant(idOf(1), { notes: ['the own note'] });
    const block = summaryBlock('t', [...others, own], [], new Date(T0), {
      own: own.id,
      ledgerPath: '/tmp/r/jit-credentials/ledger.jsonl',
    });
    expect(bytes(block)).toBeLessThan(BLOCK_LIMIT + 16 * 1024);
    const rows = tableRows(renderGfm(block));
    expect(textOf(rows[1]![0]!)).toBe(own.id);
    expect(block).toContain('- note: the own note');
    expect(block).toMatch(
      /\*\*\d+ more grants not shown\*\* \(to stay within the runner's 1 MiB step-summary limit\); the ledger is at <code>\/tmp\/r\/jit-credentials\/ledger\.jsonl<\/code>/,
    );
    // Counted: shown rows plus those left out are every grant.
    const left = Number(/(\d+) more grants not shown/.exec(block)![1]);
    expect(rows.length - 1 + left).toBe(3001);
  });

  it('without a hint, keeps the order and never leaves out the first grant', () => {
    const first = grant(idOf(1), { notes: many(20, () => FAT) });
    const rest = many(200, (i) => grant(idOf(i + 10), { notes: many(20, () => FAT) }));
    const block = summaryBlock('t', [first, ...rest]);
    expect(bytes(block)).toBeLessThan(BLOCK_LIMIT + 16 * 1024);
    const rows = tableRows(renderGfm(block));
    expect(textOf(rows[1]![0]!)).toBe(first.id);
    expect(block).toMatch(/more grants not shown/);
  });

  it('shows at most 50 grants, however small', () => {
    const block = summaryBlock(
      't',
      many(500, (i) => grant(idOf(i))),
    );
    expect(tableRows(renderGfm(block))).toHaveLength(51);
    expect(block).toMatch(/450 more grants not shown/);
    expect(block).toContain('**500 grants: 500 still open, the last until 18:15:00Z**');
  });

  it('leaves out extra lines that do not fit, and counts them', () => {
    const g = grant(idOf(1));
    const extras = many(400, () => `⚠️ ${'x'.repeat(1000)}`);
    const block = summaryBlock('t', [g], extras);
    expect(bytes(block)).toBeLessThan(BLOCK_LIMIT + 16 * 1024);
    expect(block).toMatch(/\d+ more lines not shown/);
    expect(block).toContain(`| <code>${g.id}</code> |`);
  });
});

describe('lines made of every grant', () => {
  it('the verdict names at most a few expiry times', () => {
    const grants = many(5000, (i) => grant(idOf(i), { expiresAt: at(900 + i) }));
    const line = verdict(grants);
    expect(bytes(line)).toBeLessThan(300);
    expect(line).toMatch(/^5000 grants: 5000 still open, the last until /);
  });

  it('the timeline draws at most 50 grants and says how many it left out', () => {
    const grants = many(5000, (i) => grant(idOf(i)));
    const text = timeline(grants);
    expect(text.match(/section /g)).toHaveLength(50);
    expect(text).toMatch(/```\n\nThe timeline shows the first 50 of 5000 grants\.$/);
  });
});

describe('how a revocation ended', () => {
  const revoked = (verified: boolean): GrantState => ({
    id: 'aws-00000000b1',
    provider: 'aws',
    phase: 'closed',
    step: 'creds',
    closeMethod: 'revoked',
    verified,
    closedAt: '2026-12-02T03:43:14.000Z',
    expiresAt: '2026-12-02T03:53:12.000Z',
    closeNote: "not verified: the grant's credentials file was not there",
    envNames: [],
    details: {},
    notes: [],
  });

  it('verified: the cloud refuses it; not verified: the closing step saw no refusal, and why is in the record', () => {
    expect(summaryBlock('t', [revoked(true)])).toContain(
      'revoked 03:43:14Z: the cloud refuses it (verified)',
    );
    const block = summaryBlock('t', [revoked(false)]);
    expect(block).toContain(
      'revoked 03:43:14Z: deny written; the closing step saw no refusal (its record says why); it expires 03:53:12Z',
    );
    expect(block).toContain("- closing: not verified: the grant's credentials file was not there");
  });
});
