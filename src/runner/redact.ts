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
/** Shorter secrets are matched whole only: a 16-character piece of them would be most of it. */
const PIECES_FROM = 32;
const REDACTED = '***';

interface Pieces {
  readonly forms: readonly string[];
  readonly pieces: ReadonlySet<string> | undefined;
}

/** Registers `secret` for redaction; called wherever a secret is masked. */
export function rememberSecret(secret: string): void {
  if (secret.length < 6 || known.has(secret)) return;
  const forms = secretForms(secret).sort((a, b) => b.length - a.length);
  let pieces: Set<string> | undefined;
  if (secret.length >= PIECES_FROM) {
    pieces = new Set();
    for (let i = 0; i + PIECE <= secret.length; i++) pieces.add(secret.slice(i, i + PIECE));
  }
  known.set(secret, { forms, pieces });
}

/** Tests only: forget what was registered. */
export function forgetSecrets(): void {
  known.clear();
}

/** `text` with every registered secret, in each of its forms or in pieces, replaced by `***`. */
export function redact(text: string): string {
  if (known.size === 0 || text.length < 6) return text;
  let out = text;
  for (const { forms, pieces } of known.values()) {
    for (const form of forms) if (out.includes(form)) out = out.replaceAll(form, REDACTED);
    if (pieces && out.length >= PIECE) out = withoutPieces(out, pieces);
  }
  return out;
}

/** Values of an event, strings redacted at any depth; anything else as it is. */
export function redactDeep<T>(value: T): T {
  if (known.size === 0) return value;
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  }
  return value;
}

/** Replaces each maximal run of `text` covered by 16-character pieces of one secret. */
function withoutPieces(text: string, pieces: ReadonlySet<string>): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i + PIECE <= text.length) {
    if (!pieces.has(text.slice(i, i + PIECE))) {
      i++;
      continue;
    }
    let end = i + PIECE;
    while (end < text.length && pieces.has(text.slice(end - PIECE + 1, end + 1))) end++;
    out += text.slice(copied, i) + REDACTED;
    copied = end;
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
