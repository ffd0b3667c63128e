/**
 * What the documentation tests need from a Markdown file, read with a GFM parser (micromark's
 * event stream), never with regular expressions over the Markdown: a fence inside a list, a `#`
 * inside a code block or a link inside inline code is then what GitHub says it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { micromark, parse, postprocess, preprocess } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export const REPO_ROOT = join(import.meta.dirname, '../..');

/** The user-facing Markdown files: the top-level documents and everything under docs/. */
export function docFiles(): string[] {
  const top = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md'];
  let docs: string[] = [];
  try {
    docs = readdirSync(join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`);
  } catch {
    // no docs/ folder: nothing more to read
  }
  return [...top, ...docs.sort()];
}

export interface CodeBlock {
  /** The info string's first word (`yaml`, `sh`), '' for none. */
  lang: string;
  /** The block's text, without the fences and the fence's indentation. */
  text: string;
  /** 1-based line of the opening fence in the Markdown file. */
  line: number;
}

export interface Link {
  /** The destination as written (after the parser's unescaping of `\` escapes). */
  url: string;
  line: number;
}

interface Token {
  type: string;
  start: { line: number };
  end: { line: number };
}
interface Context {
  sliceSerialize(token: Token): string;
}
type Event = ['enter' | 'exit', Token, Context];

// Parsing the README takes a second on a busy machine; each file is parsed once per test file.
const parsed = new Map<string, Event[]>();

function events(markdown: string): Event[] {
  let found = parsed.get(markdown);
  if (!found) {
    const chunks = preprocess()(markdown, undefined, true);
    found = postprocess(
      parse({ extensions: [gfm()] })
        .document()
        .write(chunks),
    ) as unknown as Event[];
    parsed.set(markdown, found);
  }
  return found;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let current: { lang: string; line: number; parts: string[]; fences: number } | undefined;
  for (const [kind, token, ctx] of events(markdown)) {
    if (token.type === 'codeFenced') {
      if (kind === 'enter') current = { lang: '', line: token.start.line, parts: [], fences: 0 };
      else if (current) {
        // Drop the line endings that belong to the fences, not to the content.
        const parts = current.parts;
        if (parts[0] === '\n') parts.shift();
        if (current.fences > 1 && parts.at(-1) === '\n') parts.pop();
        blocks.push({ lang: current.lang, text: parts.join(''), line: current.line });
        current = undefined;
      }
      continue;
    }
    if (!current || kind !== 'enter') continue;
    if (token.type === 'codeFencedFence') current.fences++;
    else if (token.type === 'codeFencedFenceInfo')
      current.lang = ctx.sliceSerialize(token).split(/\s/)[0]!;
    else if (token.type === 'codeFlowValue') current.parts.push(ctx.sliceSerialize(token));
    else if (token.type === 'lineEnding' && current.fences === 1) current.parts.push('\n');
  }
  return blocks;
}

/** Destinations of links, images and link definitions, and `href`/`src` in raw HTML. */
export function links(markdown: string): Link[] {
  const found: Link[] = [];
  for (const [kind, token, ctx] of events(markdown)) {
    if (kind !== 'enter') continue;
    if (
      token.type === 'resourceDestinationString' ||
      token.type === 'definitionDestinationString'
    ) {
      found.push({ url: unescapeMarkdown(ctx.sliceSerialize(token)), line: token.start.line });
    } else if (token.type === 'htmlFlow' || token.type === 'htmlText') {
      for (const m of ctx.sliceSerialize(token).matchAll(/\b(?:href|src)\s*=\s*["']([^"']*)["']/g))
        found.push({ url: m[1]!, line: token.start.line });
    }
  }
  return found;
}

/** The anchors GitHub gives a file: one per heading (its slug, with -1, -2 for repeats), plus HTML ids. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [kind, token, ctx] of events(markdown)) {
    if (kind !== 'enter') continue;
    if (token.type === 'atxHeadingText' || token.type === 'setextHeadingText') {
      const base = githubSlug(headingText(ctx.sliceSerialize(token)));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    } else if (token.type === 'htmlFlow' || token.type === 'htmlText') {
      for (const m of ctx.sliceSerialize(token).matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/g))
        out.add(m[1]!);
    }
  }
  return out;
}

/** A heading's text as GitHub reads it: rendered inline Markdown, tags dropped, entities decoded. */
export function headingText(source: string): string {
  const html = micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
}

/**
 * GitHub's heading ids (github-slugger): lower case, every character that is not a letter, a
 * mark, a digit, `_`, `-` or a space removed, spaces turned into `-`.
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function unescapeMarkdown(s: string): string {
  return decodeEntities(s.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

export function read(file: string): string {
  return readFileSync(join(REPO_ROOT, file), 'utf8');
}
