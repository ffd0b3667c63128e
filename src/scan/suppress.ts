import { matchesGlob } from 'node:path';
import type { Finding } from './types.js';

const INLINE = /#\s*jit-credentials:\s*ignore\[([^\]]*)\](.*)$/i;

export interface InlineSuppression {
  line: number;
  column: number;
  rules: string[];
  reason: string;
}

/** `# jit-credentials: ignore[JIT103,JIT104] reason` comments of one file. */
export function inlineSuppressions(lines: string[]): InlineSuppression[] {
  const out: InlineSuppression[] = [];
  if (!lines.some((l) => l.includes('jit-credentials'))) return out;
  lines.forEach((text, i) => {
    const m = INLINE.exec(text);
    if (!m) return;
    out.push({
      line: i + 1,
      column: m.index + 1,
      rules: m[1]!
        .split(',')
        .map((r) => r.trim().toUpperCase())
        .filter((r) => r !== ''),
      // A later `# ...` on the line is another comment, not the reason.
      reason: m[2]!.split(/\s#/)[0]!.trim(),
    });
  });
  return out;
}

export interface ConfigSuppression {
  rule: string;
  /** Glob against the path as reported (forward slashes). */
  path?: string;
  line?: number;
  reason: string;
}

/**
 * A suppression applies to findings on its own line or the line below, for the rules it names
 * (`*` for all). One without a reason applies to nothing and is reported (JIT002): an accepted
 * risk must say why, or reviewers cannot judge it.
 */
export function applySuppressions(
  findings: Finding[],
  inline: InlineSuppression[],
  config: ConfigSuppression[],
  file: string,
): { kept: Finding[]; suppressed: number; missingReason: InlineSuppression[] } {
  const valid = inline.filter((s) => s.reason !== '');
  const fileRules = config.filter(
    (c) => c.reason.trim() !== '' && (!c.path || matchesGlob(file, c.path)),
  );
  let suppressed = 0;
  const kept = findings.filter((f) => {
    const hit =
      valid.some(
        (s) =>
          (s.line === f.line || s.line === f.line - 1) &&
          (s.rules.includes(f.rule) || s.rules.includes('*')),
      ) ||
      fileRules.some(
        (c) => (c.rule === f.rule || c.rule === '*') && (c.line === undefined || c.line === f.line),
      );
    if (hit) suppressed++;
    return !hit;
  });
  return { kept, suppressed, missingReason: inline.filter((s) => s.reason === '') };
}
