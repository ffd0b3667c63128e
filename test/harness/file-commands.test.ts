import { describe, expect, it } from 'vitest';
import { isBlockedEnvName, parseKeyValueFile, parsePathFile } from './file-commands.ts';

describe('parseKeyValueFile', () => {
  const ok: Array<[string, string, Record<string, string>]> = [
    ['name=value', 'A=1\n', { A: '1' }],
    ['value with = and <<', 'A=x=y<<z\n', { A: 'x=y<<z' }],
    ['empty value', 'A=\n', { A: '' }],
    ['empty lines skipped', '\n\nA=1\n\n', { A: '1' }],
    ['last write wins', 'A=1\nA=2\n', { A: '2' }],
    ['no final newline', 'A=1', { A: '1' }],
    ['heredoc', 'A<<EOF\nx\ny\nEOF\n', { A: 'x\ny' }],
    ['heredoc keeps a trailing empty line', 'A<<EOF\nx\n\nEOF\n', { A: 'x\n' }],
    ['empty heredoc', 'A<<EOF\nEOF\n', { A: '' }],
    ['heredoc name may contain =? no: = before << is name=value', 'A=B<<EOF\n', { A: 'B<<EOF' }],
    ['heredoc delimiter with =', 'A<<D=1\nv\nD=1\n', { A: 'v' }],
    ['CRLF', 'A=1\r\nB<<E\r\nx\r\ny\r\nE\r\n', { A: '1', B: 'x\r\ny' }],
    ['delimiter must match the whole line', 'A<<EOF\nEOF2\nEOF\n', { A: 'EOF2' }],
    [
      '@actions/core form',
      'role<<ghadelimiter_1b2c\narn:aws:iam::1:role/r\nghadelimiter_1b2c\n',
      { role: 'arn:aws:iam::1:role/r' },
    ],
  ];
  it.each(ok)('%s', (_n, text, values) => {
    expect(parseKeyValueFile(text)).toEqual({ values, errors: [] });
  });

  const bad: Array<[string, string, RegExp]> = [
    ['no = or <<', 'just words\n', /Invalid format 'just words'/],
    ['empty name', '=1\n', /Name must not be empty/],
    ['empty delimiter', 'A<<\n', /delimiter must not be empty/],
    ['unclosed heredoc', 'A<<EOF\nx\n', /Matching delimiter not found 'EOF'/],
  ];
  it.each(bad)('refuses %s, and stops there', (_n, text, error) => {
    const r = parseKeyValueFile(`OK=1\n${text}LATER=2\n`);
    expect(r.errors[0]).toMatch(error);
    expect(r.values.OK).toBe('1');
    expect(r.values.LATER).toBeUndefined();
  });
});

describe('parsePathFile', () => {
  it('keeps non-empty lines in order', () => {
    expect(parsePathFile('/a\n\n/b\r\n')).toEqual(['/a', '/b']);
  });
});

describe('isBlockedEnvName', () => {
  it.each([
    ['NODE_OPTIONS', true],
    ['GITHUB_TOKEN', true],
    ['RUNNER_TEMP', true],
    ['AWS_ACCESS_KEY_ID', false],
    ['node_options', false],
  ])('%s → %s', (name, blocked) => {
    expect(isBlockedEnvName(name)).toBe(blocked);
  });
});
