import { expect } from 'vitest';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { fastParse } from '../../src/scan/fast-yaml.ts';

/**
 * Values, key order, duplicates and source ranges of a node tree, comparable across both parsers.
 * Collections compare by start only: `yaml` extends a collection's end over trailing comments and
 * the final newline, which no rule reads.
 */
export function shape(node: unknown): unknown {
  if (isMap(node)) {
    return {
      map: node.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'bad')),
      start: node.range?.[0],
    };
  }
  if (isSeq(node)) return { seq: node.items.map(shape), start: node.range?.[0] };
  if (isScalar(node)) return { v: node.value, range: node.range?.slice(0, 2) };
  return node ?? null;
}

/** If the fast path accepts a text, it must agree with `yaml` exactly; declining is always allowed. */
export function agree(text: string): 'fast' | 'declined' {
  const fast = fastParse(text);
  if (!fast) return 'declined';
  const doc = parseDocument(text, {
    uniqueKeys: false,
    merge: true,
    strict: false,
    lineCounter: new LineCounter(),
  });
  expect(
    doc.errors.map((e) => e.message),
    'fast path accepted a text yaml rejects',
  ).toEqual([]);
  expect(shape(fast.contents)).toEqual(shape(doc.contents));
  return 'fast';
}
