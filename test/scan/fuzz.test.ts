import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/scan/engine.ts';

// Seeded, so a failure reproduces: the seed and the input are in the assertion message.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fixtures = join(import.meta.dirname, 'fixtures/repo/.github/workflows');
const seeds = readdirSync(fixtures).map((f) => readFileSync(join(fixtures, f), 'utf8'));
const PIECES = [
  'on:',
  'jobs:',
  'steps:',
  '- uses: ',
  'with:',
  'env:',
  'run: |',
  'permissions:',
  'id-token: write',
  'secrets: inherit',
  '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
  '${{ toJSON(secrets) }}',
  "${{ secrets['X'] }}",
  '${{',
  '}}',
  '&a',
  '*a',
  '<<: *a',
  '{',
  '}',
  '[',
  ']',
  ': ',
  '- ',
  '"',
  "'",
  '|',
  '>-',
  '#',
  '\t',
  '\n',
  '  ',
  'aws-secret-access-key:',
  'credentials_json:',
  'AKIAQWERTYUIOPASDFGH',
  '-----BEGIN PRIVATE KEY-----',
  '? ',
  '!!binary',
  '%YAML 1.2',
  '---',
  '...',
  '\u0000',
  '\uFEFF',
  'é',
];

function mutate(text: string, rnd: () => number): string {
  let t = text;
  const n = 1 + Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const op = rnd();
    if (op < 0.3) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 20));
    else if (op < 0.7) t = t.slice(0, at) + PIECES[Math.floor(rnd() * PIECES.length)] + t.slice(at);
    else if (op < 0.85) t = t.slice(0, at);
    else t = t.slice(0, at) + t.slice(Math.floor(rnd() * t.length));
  }
  return t;
}

function random(rnd: () => number): string {
  const parts: string[] = [];
  const n = Math.floor(rnd() * 60);
  for (let i = 0; i < n; i++) {
    parts.push(
      rnd() < 0.2
        ? String.fromCharCode(Math.floor(rnd() * 0x3000))
        : PIECES[Math.floor(rnd() * PIECES.length)]!,
    );
  }
  return parts.join(rnd() < 0.5 ? '' : ' ');
}

function check(text: string, label: string): number {
  const started = performance.now();
  const kind = label.length % 2 === 0 ? 'workflow' : 'action';
  const { findings } = scanText(text, 'f.yml', kind);
  const ms = performance.now() - started;
  const lines = text.split(/\r?\n/).length;
  for (const f of findings) {
    expect(f.message, label).not.toMatch(/scanner failed/);
    expect(f.line >= 1 && f.line <= lines + 1, `${label}: line ${f.line} of ${lines}`).toBe(true);
    expect(f.endLine >= f.line, label).toBe(true);
  }
  return ms;
}

// Bounds that catch blow-ups (an alias bomb expanded, a quadratic walk of a huge document), not
// slowness: the 5,000-line document below took 4.2 s on a 2-core machine at load 18, past the
// former 2 s bound, so the bound is well above that; bench/scan.ts measures speed. The tests get
// a long timeout for the same reason (thousands of scans each).
const BLOW_UP_MS = 15_000;
const LONG = { timeout: 120_000 };

describe('fuzz: malformed and random YAML never crashes and stays fast', () => {
  it('3,000 mutated fixtures', LONG, () => {
    const rnd = prng(20261123);
    let worst = 0;
    for (let i = 0; i < 3000; i++) {
      const base = seeds[i % seeds.length]!;
      const text = mutate(base, rnd);
      worst = Math.max(worst, check(text, `mutation #${i} of seed ${i % seeds.length}`));
    }
    expect(worst).toBeLessThan(BLOW_UP_MS);
  });

  it('2,000 random token soups', LONG, () => {
    const rnd = prng(7);
    let worst = 0;
    for (let i = 0; i < 2000; i++) worst = Math.max(worst, check(random(rnd), `random #${i}`));
    expect(worst).toBeLessThan(BLOW_UP_MS);
  });

  it('an alias bomb and a very deep document are bounded', LONG, () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    bomb.push('jobs:\n  j:\n    env:\n      <<: *m\n    steps: *m');
    expect(check(bomb.join('\n'), 'alias bomb')).toBeLessThan(BLOW_UP_MS);
    const deep =
      'jobs:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 2) + `k${i}:`).join('\n');
    expect(check(deep, 'deep')).toBeLessThan(BLOW_UP_MS);
    const wide =
      'on: push\njobs:\n  j:\n    steps:\n' +
      '      - run: echo ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n'.repeat(5000);
    expect(check(wide, 'wide')).toBeLessThan(BLOW_UP_MS);
  });
});
