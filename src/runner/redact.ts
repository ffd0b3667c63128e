import { secretForms } from './secret-forms.js';

/**
 * Every secret this process has registered with the runner's masker, kept to take them out of
 * what the masker never sees (the ledger, a file any later step reads) and of what it cannot
 * match: the masker works line by line, so a cloud error that quotes the GitHub token split over
 * two lines would print both halves. Cloud answers are anyone's text (an endpoint override, a
 * proxy): whatever they quote passes through here before it is written anywhere.
 */
const known = new Map<string, Pieces>();

/** A run of this many characters of a secret, found anywhere, is taken for part of it. */
const PIECE = 16;
/**
 * The secret's windows of STEP characters at every STEP-th position: a run of PIECE = 2 × STEP
 * characters it shares with a text always holds one of them whole, so looking for these few in
 * the text (natively, with indexOf) finds every such run.
 */
const STEP = PIECE / 2;
/** Shorter secrets are matched whole only: a 16-character piece of them would be most of it. */
const PIECES_FROM = 32;
const REDACTED = '***';

interface Pieces {
  readonly secret: string;
  readonly forms: readonly string[];
  /** Windows at 0, STEP, 2 × STEP, …, when the secret is long enough to be found in pieces. */
  readonly anchors: readonly string[] | undefined;
}

/** Registers `secret` for redaction; called wherever a secret is masked. */
export function rememberSecret(secret: string): void {
  if (secret.length < 6 || known.has(secret)) return;
  const forms = secretForms(secret).sort((a, b) => b.length - a.length);
  let anchors: string[] | undefined;
  if (secret.length >= PIECES_FROM) {
    anchors = [];
    for (let i = 0; i + STEP <= secret.length; i += STEP) anchors.push(secret.slice(i, i + STEP));
  }
  known.set(secret, { secret, forms, anchors });
}

/** Tests only: forget what was registered. */
export function forgetSecrets(): void {
  known.clear();
}

/** More than a step writes in one piece; beyond it, text is cut before it is looked at. */
const MAX_TEXT = 1 << 20;

/** `text` with every registered secret, in each of its forms or in pieces, replaced by `***`. */
export function redact(text: string): string {
  if (known.size === 0 || text.length < 6) return text;
  let out =
    text.length > MAX_TEXT
      ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters not shown)`
      : text;
  for (const entry of known.values()) {
    for (const form of entry.forms) if (out.includes(form)) out = out.replaceAll(form, REDACTED);
    if (entry.anchors && out.length >= PIECE) out = withoutPieces(out, entry);
  }
  return out;
}

/** Values of an event, strings redacted at any depth; anything else as it is. */
export function redactDeep<T>(value: T): T {
  if (known.size === 0) return value;
  // One look at all of its text first: nearly every event holds no secret, and is kept as it is.
  const strings: string[] = [];
  collect(value, strings);
  const text = strings.join('\n');
  if (redact(text) === text) return value;
  return walk(value) as T;
}

function collect(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      into.push(k);
      collect(v, into);
    }
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(walk);
  if (isPlainObject(value)) {
    // Keys too: a variable's name, a fact's name, can be anyone's text.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), walk(v)]));
  }
  return value;
}

/** Replaces each run of 16 or more characters that `text` shares with the secret. */
function withoutPieces(text: string, { secret, anchors }: Pieces): string {
  const runs: Run[] = [];
  // Where a run was found already: a window inside it is not followed again, so that text made
  // of near-copies of the secret costs time in its length, not its length times the secret's.
  let covered: Uint8Array | undefined;
  anchors!.forEach((anchor, k) => {
    for (let t = text.indexOf(anchor); t >= 0; t = text.indexOf(anchor, t + 1)) {
      if (covered?.[t]) continue;
      const run = sharedRun(text, t, secret, k * STEP);
      if (run.end - run.start < PIECE) continue;
      runs.push(run);
      (covered ??= new Uint8Array(text.length)).fill(1, run.start, run.end);
    }
  });
  if (!runs.length) return text;
  runs.sort((x, y) => x.start - y.start);
  let out = '';
  let copied = -1;
  for (const run of runs) {
    if (run.end <= copied) continue;
    // Runs that overlap or touch are taken out as one.
    if (run.start > copied) out += text.slice(Math.max(copied, 0), run.start) + REDACTED;
    copied = run.end;
  }
  return out + text.slice(copied);
}

interface Run {
  readonly start: number;
  readonly end: number;
}

/** The run around text[t, t + STEP) = secret[s, s + STEP) that both share, in text positions. */
function sharedRun(text: string, t: number, secret: string, s: number): Run {
  let start = t;
  for (let j = s; start > 0 && j > 0 && text[start - 1] === secret[j - 1]; j--) start--;
  let end = t + STEP;
  for (let j = s + STEP; end < text.length && j < secret.length && text[end] === secret[j]; j++)
    end++;
  return { start, end };
}
