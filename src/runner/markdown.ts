/**
 * Values from outside (token claims such as branch names, cloud errors, the ledger, workflow
 * files) made inert for the job summary, which GitHub renders as GitHub Flavored Markdown with
 * some HTML. A branch may be named `<h1>x</h1>`, `a|b` or `` `x` ``: shown, it must read as
 * exactly that text, stay inside its table cell, and make no HTML, link, image or formatting.
 */

/** Long enough for a cloud's explanation; a padded ledger value cannot fill the 1 MiB summary. */
const MAX_CHARS = 4000;

// Line breaks end a table row (and any other construct); other control characters have no
// business in a reviewer's record.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /\r\n|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

// Bidirectional overrides and isolates reorder what follows them (a branch name holding U+202E
// shows the rest of its table cell reversed), and zero-width characters make two different
// values look the same: none of them is shown.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

// Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
// that can start something: code spans, emphasis, strikethrough, links and images, table cells,
// headings and math. `_` is escaped unless it sits between two letters or digits (`event_name`
// cannot delimit emphasis there); `https://` and `www.` start extended autolinks, and an escape
// inside them breaks the match. One regular expression, not a loop over characters: a step runs
// this code once, before any JIT, and the summary of a post step holds kilobytes of values.
const SPECIAL = /[&<>"\\`*~[\]()!#|$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|:(?=\/)|(?<=[Ww]{3})\./g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const inert = (c: string) => ENTITIES[c] ?? `\\${c}`;

/**
 * Inline Markdown text that renders as `value` itself, anywhere in a line (a table cell, a list
 * item, a heading): `&<>"` become entities, Markdown punctuation is backslash-escaped, line breaks
 * become spaces, bidirectional and zero-width characters are taken out. `_` between two letters
 * or digits (`event_name`) is left as it is, so that identifiers stay readable in the raw file;
 * `@` is left too (a mention in a job summary notifies no one). Over MAX_CHARS characters, the
 * value is cut and says so.
 */
export function mdText(value: unknown): string {
  const whole = String(value).replace(BREAKS, ' ').replace(INVISIBLE, '');
  const out = whole.slice(0, MAX_CHARS).replace(SPECIAL, inert);
  return whole.length > MAX_CHARS ? `${out}… (${whole.length} characters)` : out;
}

/**
 * The value in code style. A Markdown code span cannot hold every value safely inside a table (a
 * backslash before `|` would show), so this is the HTML element around the escaped text.
 */
export function mdCode(value: unknown): string {
  return `<code>${mdText(value)}</code>`;
}

/**
 * Text inside a raw HTML block (`<details><summary>…</summary>`), where Markdown is not parsed
 * and backslash escapes would show: entities only.
 */
export function htmlText(value: unknown): string {
  return String(value)
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `text` exactly as written, in a fenced code block that nothing in it can close: the fence is of
 * whichever character needs the shorter one, longer than any run of that character in the text
 * (only a run of the fence's own character, at least as long, closes a fence). Inside, no
 * Markdown or HTML is parsed, nor link definitions that could reach the rest of the page.
 */
export function codeBlock(text: string): string {
  const backticks = longestRun(text, '`');
  const tildes = longestRun(text, '~');
  const [char, run] = backticks <= tildes ? ['`', backticks] : ['~', tildes];
  const fence = char.repeat(Math.max(3, run + 1));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}text\n${body}${fence}\n`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text[i] === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
