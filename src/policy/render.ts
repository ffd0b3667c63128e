import { mdCode, mdText } from '../runner/markdown.js';
import { formatDuration } from './duration.js';
import type { Decision } from './types.js';

/** A few lines of markdown for the job summary: the verdict, the rule or why none matched, the digest. */
export function renderDecision(decision: Decision, warnings: readonly string[] = []): string {
  const r = decision.record;
  const digest = typeof r['policyDigest'] === 'string' ? (r['policyDigest'] as string) : '';
  const path = typeof r['policyPath'] === 'string' ? (r['policyPath'] as string) : 'policy';
  // The source is one of our own modes; anything else (a tampered record) is not shown.
  const mode = typeof r['policySource'] === 'string' ? (r['policySource'] as string) : '';
  const source = /^[a-z-]{1,20}$/.test(mode) ? ` (${mode})` : '';
  const lines: string[] = [];
  if (decision.allowed) {
    const ceiling =
      decision.maxDuration !== undefined ? `, max ${formatDuration(decision.maxDuration)}` : '';
    lines.push(
      `**Policy: allowed** by rule ${mdCode(decision.rule ?? '?')}${ceiling} · ${mdText(path)}${source} ${mdCode(digest)}`,
    );
    for (const reason of decision.reasons) lines.push(`- ${mdText(reason)}`);
  } else {
    lines.push(
      `**Policy: denied**, no rule allows this request · ${mdText(path)}${source} ${mdCode(digest)}`,
    );
    const shown = decision.reasons.slice(0, 10);
    for (const reason of shown) lines.push(`- ${mdText(reason)}`);
    if (decision.reasons.length > shown.length)
      lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
  }
  for (const w of warnings) lines.push(`- ⚠️ ${mdText(w)}`);
  return lines.join('\n') + '\n';
}

/** No policy file on the trusted ref: said as plainly as a decision, so a reviewer sees it. */
export function renderNoPolicy(
  location: string,
  source: string,
  warnings: readonly string[],
): string {
  const lines = [
    `**Policy: none** at ${mdText(location)} (${mdText(source)}): the cloud's trust configuration alone decided.`,
  ];
  for (const w of warnings) if (!w.startsWith('No policy file')) lines.push(`- ⚠️ ${mdText(w)}`);
  return lines.join('\n') + '\n';
}

/** The policy could not be read or was refused before a decision: the grant was refused. */
export function renderPolicyFailure(message: string): string {
  return `**Policy: not applied**, so nothing was asked of the cloud: ${mdText(message.split('\n')[0]!)}\n`;
}
