import { describe, expect, it } from 'vitest';
import { htmlText, mdCode, mdText } from '../../src/runner/markdown.ts';
import { renderGfm, tableRows, tagsOf, textOf } from './gfm.ts';

/** Values a branch name, a workflow name, a cloud error or a tampered ledger can hold. */
const HOSTILE: Array<[string, string]> = [
  ['HTML heading', '<h1>x</h1>'],
  ['script', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['open details', '<details open>'],
  ['HTML comment that would hide the rest', '<!--'],
  ['a cell break', 'a|b'],
  ['an escaped cell break', 'a\\|b'],
  ['a code span', '`x`'],
  ['an unclosed code span', 'a ` b'],
  ['a javascript link', '[x](javascript:alert(1))'],
  ['a reference link', '[x][y]'],
  ['an image', '![i](https://evil.example/p.png)'],
  ['a footnote', '[^1]'],
  ['an autolink', '<https://evil.example>'],
  ['a bare URL', 'see https://evil.example/login now'],
  ['a www link', 'www.evil.example'],
  ['emphasis', '**bold** *it* _em_ __strong__'],
  ['strikethrough', '~~gone~~ ~also~'],
  ['a heading mark', '# title'],
  ['math', '$x^2$'],
  ['entities', '&lt;b&gt; &amp; &#60;'],
  ['quotes', `"double" 'single'`],
  ['a trailing backslash', 'a\\'],
  ['a mention', '@octocat'],
  ['an emoji code', ':smile:'],
  ['identifiers', 'refs/heads/feature_x_y job_workflow_ref'],
  ['a realistic sub', 'repo:acme/site:ref:refs/heads/<b>main</b>|x'],
];

/** Line breaks of any kind become spaces: a new line would end the table row. */
const BREAKS: Array<[string, string, string]> = [
  ['LF', 'line1\nline2', 'line1 line2'],
  ['CRLF', 'a\r\nb', 'a b'],
  ['CR', 'a\rb', 'a b'],
  ['line separator', 'a\u2028b', 'a b'],
  ['NUL', 'a\u0000b', 'a b'],
  ['a new row', 'x\n| injected | row |', 'x | injected | row |'],
];

const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']);

function inCell(markdown: string): { cells: string[][]; tags: Set<string>; html: string } {
  const html = renderGfm(`| before | value | after |\n|---|---|---|\n| 1 | ${markdown} | 2 |\n`);
  return { cells: tableRows(html), tags: tagsOf(html), html };
}

describe('mdText in a table cell renders as the value itself, and nothing more', () => {
  it.each([...HOSTILE.map(([name, v]): [string, string, string] => [name, v, v]), ...BREAKS])(
    '%s',
    (_name, value, shown) => {
      const { cells, tags } = inCell(mdText(value));
      expect(cells).toHaveLength(2);
      expect(cells[1]).toHaveLength(3);
      expect(textOf(cells[1]![1]!)).toBe(shown);
      expect(cells[1]![0]).toBe('1');
      expect(cells[1]![2]).toBe('2');
      // No element of any kind: no HTML, link, image, code, emphasis or strikethrough.
      expect([...tags].filter((t) => !TABLE_TAGS.has(t))).toEqual([]);
    },
  );
});

describe('mdCode', () => {
  it.each(HOSTILE)('%s: one code element holding the value', (_name, value) => {
    const { cells, tags } = inCell(mdCode(value));
    expect(cells[1]).toHaveLength(3);
    const cell = cells[1]![1]!;
    expect(cell.startsWith('<code>') && cell.endsWith('</code>')).toBe(true);
    expect(textOf(cell)).toBe(value);
    expect([...tags].filter((t) => !TABLE_TAGS.has(t))).toEqual(['code']);
  });
});

describe('mdText outside tables', () => {
  it.each(HOSTILE)('%s: in a list item', (_name, value) => {
    const html = renderGfm(`- claim: ${mdText(value)}\n`);
    expect([...tagsOf(html)].sort()).toEqual(['li', 'ul']);
    expect(textOf(html).trim()).toBe(`claim: ${value}`);
  });

  it('leaves identifiers readable in the raw file', () => {
    expect(mdText('job_workflow_ref')).toBe('job_workflow_ref');
    expect(mdText('refs/heads/main')).toBe('refs/heads/main');
    expect(mdText('arn:aws:iam::123456789012:role/deploy')).toBe(
      'arn:aws:iam::123456789012:role/deploy',
    );
    expect(mdText('_x')).toBe('\\_x');
  });

  it('cuts a value too long for a summary and says so', () => {
    const shown = mdText('a'.repeat(10_000));
    expect(shown).toBe(`${'a'.repeat(4000)}… (10000 characters)`);
    expect(textOf(renderGfm(mdText('<'.repeat(5000))))).toBe(
      `${'<'.repeat(4000)}… (5000 characters)`,
    );
  });

  it('would not be needed if GFM made these inert anyway (the checks above can fail)', () => {
    const { cells, tags } = inCell('<h1>x</h1> [x](https://e.example) a|b');
    expect(cells[1]![2]).toBe('b');
    expect(tags).toContain('h1');
    expect(tags).toContain('a');
  });
});

/** The rule of mdText, one character at a time: the oracle its regular expression must match. */
function byCharacter(text: string): string {
  const alnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
  };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (entities[c]) out += entities[c];
    else if ('\\`*~[]()!#|$'.includes(c)) out += `\\${c}`;
    else if (c === '_' && !(alnum(text[i - 1]) && alnum(text[i + 1]))) out += '\\_';
    else if (c === ':' && text[i + 1] === '/') out += '\\:';
    else if (c === '.' && /www$/i.test(text.slice(Math.max(0, i - 3), i))) out += '\\.';
    else out += c;
  }
  return out;
}

describe('mdText against its rule', () => {
  it('escapes exactly what the character-by-character rule escapes, on 5000 random strings', () => {
    const alphabet = [...'aZ9_:/.wW&<>"\\`*~[]()!#|$@ -', 'www', 'wWw', '://', 'a_b'];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = Math.floor(random() * 12); i > 0; i--)
        text += alphabet[Math.floor(random() * alphabet.length)];
      expect(mdText(text), JSON.stringify(text)).toBe(byCharacter(text));
    }
  });
});

describe('htmlText', () => {
  it('makes text inert inside a raw HTML block', () => {
    const html = renderGfm(
      `<details><summary>Record of ${htmlText('<img src=x onerror=alert(1)>"\n')}</summary>\n\nbody\n\n</details>\n`,
    );
    expect(tagsOf(html)).not.toContain('img');
    expect(html).toContain('Record of &#60;img src=x onerror=alert(1)&#62;&#34; </summary>');
  });
});

describe('invisible characters', () => {
  // A branch name with U+202E shows the rest of its table cell reversed; zero-width characters
  // make two different values look the same.
  const INVISIBLE = [
    ...'\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff',
  ];
  it.each(INVISIBLE.map((c) => [c.codePointAt(0)!.toString(16), c]))(
    'U+%s is taken out by mdText and mdCode',
    (_code, c) => {
      expect(mdText(`main${c}x`)).toBe('mainx');
      expect(mdCode(`${c}main`)).toBe('<code>main</code>');
    },
  );
});
