import { describe, expect, it } from 'vitest';
import { findLeaks, leaksOutside, searchForms } from './canary.ts';

const secret = 'ASIAQ3EGUX5JEXAMPLE1/sEcReT+key';
const other = 'ya29.c.other-token-value';

describe('findLeaks', () => {
  it('finds raw, base64 (any alignment), base64url, URL- and JSON-escaped forms', () => {
    const channels: Record<string, string> = {
      raw: `x ${secret} y`,
      b64: Buffer.from(secret).toString('base64'),
      b64shifted: Buffer.from(`ab:${secret}:cd`).toString('base64'),
      b64url: Buffer.from(`z${secret}`).toString('base64url'),
      url: `https://x/?t=${encodeURIComponent(secret)}`,
      clean: 'nothing here',
    };
    const leaks = findLeaks([secret], channels);
    const found = Object.fromEntries(leaks.map((l) => [l.channel, l.form]));
    expect(found.raw).toBe('raw');
    expect(found.b64).toBe('base64');
    expect(found.b64shifted).toBe('base64');
    expect(['base64url', 'base64']).toContain(found.b64url);
    expect(found.url).toBe('url');
    expect(found.clean).toBeUndefined();
  });

  it('never prints the secret: label is 4 characters, context redacts every secret', () => {
    const leaks = findLeaks([secret, other], { log: `aaa ${secret} bbb ${other} ccc` });
    expect(leaks).toHaveLength(2);
    for (const l of leaks) {
      expect(JSON.stringify(l)).not.toContain(secret.slice(0, 10));
      expect(JSON.stringify(l)).not.toContain(other.slice(0, 10));
    }
    expect(leaks[0]).toMatchObject({ secret: 'ASIA…', channel: 'log', form: 'raw', count: 1 });
    expect(leaks[0]!.context).toBe('aaa <secret> bbb <secret> ccc');
  });

  it('finds the JSON-escaped form of a secret with quotes or backslashes', () => {
    const quoted = 'pa"ss\\word-12345';
    const leaks = findLeaks([quoted], { file: JSON.stringify({ password: quoted }) });
    expect(leaks.map((l) => l.form)).toEqual(['json']);
  });

  it('finds the hex form, in either case', () => {
    const hex = Buffer.from(secret).toString('hex');
    const leaks = findLeaks([secret], { lower: `x${hex}y`, upper: hex.toUpperCase() });
    expect(leaks.map((l) => [l.channel, l.form])).toEqual([
      ['lower', 'hex'],
      ['upper', 'hex'],
    ]);
  });

  it('counts repeats', () => {
    expect(findLeaks([secret], { c: `${secret}\n${secret}` })[0]!.count).toBe(2);
  });

  it('refuses secrets too short to search for', () => {
    expect(() => findLeaks(['abc'], {})).toThrow(/at least 8/);
  });

  it('leaksOutside keeps only channels not allowed', () => {
    const leaks = findLeaks([secret], {
      'main:creds:envWrites': secret,
      'main:creds:stdout': secret,
    });
    expect(leaksOutside(leaks, [/:envWrites$/]).map((l) => l.channel)).toEqual([
      'main:creds:stdout',
    ]);
  });

  it('searchForms drops duplicate forms', () => {
    const texts = searchForms('abcdefgh12345678').map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
