import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/scan/fast-yaml.ts';
import { agree } from './yaml-agree.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const samples: Array<[string, string]> = [
  ['plain map', 'a: 1\nb: two\nc:\n'],
  [
    'nested',
    'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: x\n        run: echo hi # c\n',
  ],
  ['sequence at key indent', 'on:\n- push\n- pull_request\nenv:\n  A: b\n'],
  ['quoted', "a: 'it''s'\nb: \"x: y\"\n'c d': e\n"],
  ['literal', 'run: |\n  echo a\n\n  echo b\n\nnext: 1\n'],
  ['strip and folded', 'a: |-\n  x\n  y\nb: >-\n  p\n  q\nc: >\n  r\n'],
  ['empty items', 'a:\n  -\n  - x\n  - # c\n'],
  ['compact maps', '- a: 1\n  b:\n    - c\n- d: |\n    text\n  e: f\n'],
  ['comments and document marker', '---\n# head\na: 1 # x\n\n# mid\nb: 2\n'],
  ['typed scalars', 'a: true\nb: False\nc: ~\nd: 0x1F\ne: 1.5e3\nf: 0o17\ng: 08\nh: -3\ni: null\n'],
  ['flow', 'on: [push]\nb: [ main , \'release-*\', "x", 3 ] # c\nc: {}\nd: [ ]\ne:\n  - [a, b,]\n'],
  ['multi-line plain', 'a: one\n  two\n\n  three\nb:\n  c\n- x\n'.replace('- x\n', '')],
  [
    'scalar on the next line',
    'runs-on:\n  ubuntu-latest\nif: ${{ a\n  || b }}\nseq:\n  - one\n    two\n',
  ],
  [
    'escapes and multi-line quotes',
    'a: "x\\ny\\t\\u00e9\\"q\\\\"\nb: "one,\\\n    two\n\n    three "\nc: \'it\'\'s\n  folded\'\nd: "trailing   \n  "\n',
  ],
  ['urls and colons', 'a: https://x.y/z\nb: C:\\\\x\nc: a:b\n'],
];
const declined: Array<[string, string]> = [
  ['nested flow', 'on: [push, [a]]\n'],
  ['flow map with content', 'a: { b: c }\n'],
  ['multi-line flow', 'a: [b,\n  c]\n'],
  ['anchor', 'a: &x 1\nb: *x\n'],
  ['unknown escape', 'a: "x\\qy"\n'],
  ['unterminated quote', 'a: "x\n'],
  ['tab', 'a:\n\tb: 1\n'],
  ['two documents', 'a: 1\n---\nb: 2\n'],
  ['bad indentation', 'a: 1\n  b: 2\n'],
  ['nested mapping in a plain value', 'run: echo a: b\n'],
  ['comment inside a multi-line plain scalar', 'a: one\n  # c\n  two\n'],
  ['keep chomping', 'a: |+\n  x\n\n'],
];

describe('fast YAML path', () => {
  it.each(samples)('accepts and agrees with yaml: %s', (_name, text) => {
    expect(agree(text)).toBe('fast');
  });

  it.each(declined)('declines: %s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('agrees with yaml on every fixture it accepts, and accepts most of them', () => {
    const dir = join(fixtures, 'repo/.github/workflows');
    const results = readdirSync(dir).map((f) => agree(readFileSync(join(dir, f), 'utf8')));
    expect(results.filter((r) => r === 'fast').length).toBeGreaterThanOrEqual(results.length - 3);
  });

  it.skipIf(!existsSync('/work/shared/corpus/files'))(
    'agrees with yaml on the labelled corpus',
    () => {
      const dir = '/work/shared/corpus/files';
      const results = readdirSync(dir).map((f) => agree(readFileSync(join(dir, f), 'utf8')));
      expect(results.filter((r) => r === 'fast').length).toBeGreaterThan(results.length * 0.8);
    },
  );
});
