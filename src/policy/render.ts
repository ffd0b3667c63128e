import { mdCode, mdText } from '../runner/markdown.js';
import { formatDuration } from './duration.js';
import type { Decision } from './types.js';

/** A few lines of markdown for the job summary: the verdict, the rule or why none matched, the digest. */
export function renderDecision(decision: Decision): string {
  const r = decision.record;
  const digest =
    typeof r['policyDigest'] === 'string'
      ? (r['policyDigest'] as string).slice(0, 'sha256:'.length + 12)
      : '';
  const path = typeof r['policyPath'] === 'string' ? (r['policyPath'] as string) : 'policy';
  const lines: string[] = [];
  if (decision.allowed) {
    const ceiling =
      decision.maxDuration !== undefined ? `, max ${formatDuration(decision.maxDuration)}` : '';
    lines.push(
      `**Policy: allowed** by rule ${mdCode(decision.rule ?? '?')}${ceiling} · ${mdText(path)} ${mdCode(digest)}`,
    );
    for (const reason of decision.reasons) lines.push(`- ${mdText(reason)}`);
  } else {
    lines.push(
      `**Policy: denied**, no rule allows this request · ${mdText(path)} ${mdCode(digest)}`,
    );
    const shown = decision.reasons.slice(0, 10);
    for (const reason of shown) lines.push(`- ${mdText(reason)}`);
    if (decision.reasons.length > shown.length)
      lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
  }
  return lines.join('\n') + '\n';
}
