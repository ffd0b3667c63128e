import { formatDuration } from '../../runner/inputs.js';
import type { ScanResult } from '../types.js';
import { ruleTitle, summarise } from './summary-data.js';

export function formatText(result: ScanResult, opts: { help?: boolean } = {}): string {
  const out: string[] = [];
  for (const f of result.findings) {
    out.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${ruleTitle(f.rule)}: ${f.message}`);
    if (opts.help !== false) out.push(`    fix: ${f.help}`);
  }
  const s = summarise(result);
  const keys = Object.entries(s.staticKeyUses)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  if (out.length > 0) out.push('');
  out.push(
    `${s.checked} file${s.checked === 1 ? '' : 's'} checked` +
      (s.notChecked ? `, ${s.notChecked} could not be checked` : '') +
      `: ${s.findings} finding${s.findings === 1 ? '' : 's'}` +
      ` (${(['critical', 'high', 'medium', 'low'] as const).map((v) => `${s.bySeverity[v]} ${v}`).join(', ')})` +
      (s.suppressed ? `, ${s.suppressed} suppressed` : '') +
      `; static-key uses: ${keys || 'none'}; files on OIDC: ${s.oidcFiles}` +
      (s.longestTtlSeconds !== null
        ? `; longest requested lifetime ${formatDuration(s.longestTtlSeconds)}`
        : '') +
      '.',
  );
  return out.join('\n') + '\n';
}
