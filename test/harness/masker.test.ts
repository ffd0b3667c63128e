import { describe, expect, it } from 'vitest';
import { Masker } from './masker.ts';
import { StepLog, parseCommand } from './workflow-commands.ts';

describe('Masker', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY';

  it('masks the value, its JSON, URL and base64 forms, inside longer base64 too', () => {
    const m = new Masker();
    m.add(secret);
    expect(m.mask(`k=${secret};`)).toBe('k=***;');
    expect(m.mask(encodeURIComponent(secret))).toBe('***');
    expect(m.mask(Buffer.from(secret).toString('base64'))).not.toContain(
      Buffer.from(secret).toString('base64').slice(0, 20),
    );
    for (const prefix of ['', 'a', 'ab']) {
      const blob = Buffer.from(`${prefix}{"key":"${secret}"}`).toString('base64');
      expect(m.mask(blob), `prefix '${prefix}'`).toContain('***');
    }
  });

  it('masks a multi-line value whole and per line, and merges overlaps', () => {
    const m = new Masker();
    m.add('line-one-aaaa\nline-two-bbbb');
    expect(m.mask('x line-two-bbbb y')).toBe('x *** y');
    expect(m.mask('line-one-aaaa\nline-two-bbbb')).toBe('***');
    m.add('two-bbbb-and-more');
    expect(m.mask('line-two-bbbb-and-more')).toBe('***');
  });

  it('ignores empty and blank values', () => {
    const m = new Masker();
    m.add('');
    m.add('   ');
    expect(m.mask('a   b')).toBe('a   b');
    expect(m.values()).toEqual([]);
  });
});

describe('workflow commands', () => {
  it.each([
    ['::add-mask::abc', { command: 'add-mask', properties: {}, data: 'abc' }],
    [
      '  ::warning file=a.yml,line=3,title=T%3A x%2C y::m%0Anext%25',
      {
        command: 'warning',
        properties: { file: 'a.yml', line: '3', title: 'T: x, y' },
        data: 'm\nnext%',
      },
    ],
    ['::endgroup::', { command: 'endgroup', properties: {}, data: '' }],
  ])('parses %s', (line, parsed) => {
    expect(parseCommand(line)).toEqual(parsed);
  });

  it.each(['plain', ':: no command', '::open only', 'x ::error::not at the start'])(
    'leaves %s as output',
    (line) => {
      expect(parseCommand(line)).toBeUndefined();
    },
  );

  it('ignores commands between stop-commands and its token', () => {
    const log = new StepLog(new Masker());
    log.line('stdout', '::stop-commands::pause-123');
    log.line('stdout', '::add-mask::not-registered');
    log.line('stdout', '::error::not an annotation');
    log.line('stdout', '::pause-123::');
    log.line('stdout', '::add-mask::registered');
    expect(log.masks).toEqual(['registered']);
    expect(log.annotations).toEqual([]);
    expect(log.rawWithoutMaskCommands('stdout')).toContain('::add-mask::not-registered');
    expect(log.rawWithoutMaskCommands('stdout')).not.toContain('::add-mask::registered');
  });

  it('masks across streams in arrival order', () => {
    const log = new StepLog(new Masker());
    log.line('stderr', 'early tok-123456');
    log.line('stdout', '::add-mask::tok-123456');
    log.line('stderr', 'late tok-123456');
    expect(log.shown('stderr')).toBe('early tok-123456\nlate ***\n');
  });
});
