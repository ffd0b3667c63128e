import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.ts';
import {
  formatDuration,
  Inputs,
  parseBoolean,
  parseDuration,
  parseList,
} from '../../src/runner/inputs.ts';

describe('parseDuration', () => {
  it.each([
    ['300', 300],
    ['300s', 300],
    ['5m', 300],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2m5s', 125],
    [' 15m ', 900],
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration('duration', text)).toBe(seconds);
  });

  it.each(['', 'abc', '5 m', '1.5h', '-5', '0', '0m', '5d', 'm', '1h1h'])(
    'refuses %j with the accepted forms',
    (text) => {
      expect(() => parseDuration('duration', text)).toThrow(ConfigurationError);
      try {
        parseDuration('duration', text);
      } catch (err) {
        expect((err as Error).message).toContain(`'${text}'`);
      }
    },
  );

  it('formats back', () => {
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(300)).toBe('5m');
    expect(formatDuration(59)).toBe('59s');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('parseBoolean and parseList', () => {
  it('accepts only the YAML core spellings', () => {
    expect(parseBoolean('x', 'true')).toBe(true);
    expect(parseBoolean('x', 'FALSE')).toBe(false);
    expect(() => parseBoolean('x', 'yes')).toThrow(/Expected true or false/);
  });
  it('splits on newlines and commas and drops empties', () => {
    expect(parseList('a, b\n\n c,,\n')).toEqual(['a', 'b', 'c']);
    expect(parseList('')).toEqual([]);
  });
});

describe('Inputs', () => {
  const from = (values: Record<string, string>) => new Inputs({ input: (n) => values[n] ?? '' });
  it('treats blank as absent and enforces required', () => {
    const inputs = from({ a: '  ', b: ' x ' });
    expect(inputs.optional('a')).toBeUndefined();
    expect(inputs.optional('b')).toBe('x');
    expect(() => inputs.required('a')).toThrow("Input 'a' is required");
  });
  it('keeps the layout of raw inputs', () => {
    expect(from({ p: '{\n  "a": 1\n}\n' }).raw('p')).toBe('{\n  "a": 1\n}\n');
  });
  it('quotes the bad value of a choice', () => {
    expect(() => from({ e: 'file' }).oneOf('e', ['env', 'outputs'])).toThrow(
      "Invalid e 'file'. Expected one of: env, outputs.",
    );
  });
});
