import { formatDuration } from './duration.js';
import type { Decision } from './types.js';

/** Claim values come from branch and workflow names: keep them from being read as markdown or HTML. */
function plain(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

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
      `**Policy: allowed** by rule \`${plain(decision.rule ?? '?')}\`${ceiling} · ${plain(path)} \`${digest}\``,
    );
    for (const reason of decision.reasons) lines.push(`- ${plain(reason)}`);
  } else {
    lines.push(`**Policy: denied**, no rule allows this request · ${plain(path)} \`${digest}\``);
    const shown = decision.reasons.slice(0, 10);
    for (const reason of shown) lines.push(`- ${plain(reason)}`);
    if (decision.reasons.length > shown.length)
      lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
  }
  return lines.join('\n') + '\n';
}
