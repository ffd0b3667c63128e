import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPatternEngine } from '../../src/policy/matcher.ts';
import { parse } from 'yaml';
import { MATCHABLE_CLAIMS } from '../../src/policy/claims.ts';
import { parsePolicy } from '../../src/policy/index.ts';
import { schema, validate } from './schema-validate.ts';

// Policies here have ^...$ patterns, which a step loads the engine for (readPolicy).
beforeAll(loadPatternEngine);

const dir = new URL('./fixtures/', import.meta.url);
const files = (sub: string) =>
  readdirSync(new URL(`${sub}/`, dir)).map((f) => ({
    name: f,
    text: readFileSync(new URL(`${sub}/${f}`, dir), 'utf8'),
  }));

describe('schema and loader agree', () => {
  it("is a draft 2020-12 schema whose claim list is the loader's", () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    const when = (schema['$defs'] as Record<string, { properties: object }>)['when']!;
    expect(Object.keys(when.properties).sort()).toEqual([...MATCHABLE_CLAIMS].sort());
  });

  for (const { name, text } of files('valid')) {
    it(`both accept valid/${name}`, () => {
      expect(() => parsePolicy(text, name)).not.toThrow();
      expect(validate(schema, parse(text), schema)).toEqual([]);
    });
  }

  for (const { name, text } of files('invalid')) {
    const expected = /^# error: (.*)$/m.exec(text)?.[1];
    const schemaVerdict = /^# schema: (.*)$/m.exec(text)?.[1] ?? 'refuses';
    it(`loader refuses invalid/${name} at the right place`, () => {
      expect(expected, 'fixture needs a "# error:" line').toBeDefined();
      expect(() => parsePolicy(text, name)).toThrow(
        new RegExp(`${name.replace('.', '\\.')}:${expected}`),
      );
    });
    if (schemaVerdict === 'n/a') continue; // not parseable YAML: nothing for a schema to see
    it(`schema ${schemaVerdict === 'accepts' ? 'cannot see (loader-only check)' : 'refuses'} invalid/${name}`, () => {
      const errs = validate(schema, parse(text), schema);
      if (schemaVerdict === 'accepts') expect(errs).toEqual([]);
      else expect(errs.length).toBeGreaterThan(0);
    });
  }
});
