import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCli, suggest, UsageError } from '../../src/cli/args.ts';
import { VERSION } from '../../src/version.ts';

const options = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  diff: { type: 'boolean' },
} as const;

describe('parseCli', () => {
  it.each([
    [['--formt', 'sarif'], "Unknown option '--formt'. Did you mean '--format'?"],
    [['--dif'], "Unknown option '--dif'. Did you mean '--diff'?"],
    [['--zzzzzzzz'], "Unknown option '--zzzzzzzz'."],
    [['--format'], "Option '--format' needs a value."],
  ])('%j → %s', (args, message) => {
    let caught: unknown;
    try {
      parseCli(args, options);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toBe(message);
  });

  it('parses what is right', () => {
    expect(parseCli(['--format', 'json', 'a'], options)).toMatchObject({
      values: { format: 'json' },
      positionals: ['a'],
    });
  });

  it('suggests only near words', () => {
    expect(suggest('scna', ['scan', 'policy', 'fix'])).toBe(" Did you mean 'scan'?");
    expect(suggest('deploy', ['scan', 'policy', 'fix'])).toBe('');
  });
});

describe('VERSION', () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
