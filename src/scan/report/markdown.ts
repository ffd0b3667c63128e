import { formatDuration } from '../../runner/inputs.js';
import { mdCode, mdText } from '../../runner/markdown.js';
import type { ScanResult } from '../types.js';
import { ruleTitle, summarise } from './summary-data.js';

const MAX_ROWS = 50;

/** The job summary: posture figures first (what reviewers and admins track), then the findings. */
export function formatMarkdown(result: ScanResult, failOn: string): string {
  const s = summarise(result);
  const keys = s.staticKeyUses;
  const lines = [
    '## jit-credentials scan',
    '',
    `| | |`,
    `|---|---|`,
    `| files checked | ${s.checked} of ${s.files} (${s.workflows} workflows, ${s.actions} actions)${s.notChecked ? ` — **${s.notChecked} could not be checked**` : ''} |`,
    `| findings | ${s.findings}: ${s.bySeverity.critical} critical, ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low${s.suppressed ? ` (${s.suppressed} suppressed)` : ''} |`,
    `| long-lived key uses | AWS ${keys.aws}, Azure ${keys.azure}, Google Cloud ${keys.gcp}, other ${keys.other} |`,
    `| files using keys | ${s.filesWithKeys} |`,
    `| files already on OIDC | ${s.oidcFiles}${s.oidcFilesWithKeys ? ` (${s.oidcFilesWithKeys} still keep a key)` : ''} |`,
    `| longest requested credential lifetime | ${s.longestTtlSeconds === null ? 'not set in any step' : `${formatDuration(s.longestTtlSeconds)} (${mdText(s.longestTtlFile ?? '')})`} |`,
    `| fails on | ${failOn} |`,
    '',
  ];
  const unchecked = result.files.filter((p) => p.notChecked !== undefined);
  if (unchecked.length > 0) {
    lines.push('**Not checked** (fix these files and scan again):', '');
    for (const p of unchecked.slice(0, MAX_ROWS))
      lines.push(`- \`${escape(p.file)}\`: ${escape(p.notChecked ?? '')}`);
    lines.push('');
  }
  if (result.findings.length > 0) {
    lines.push('| severity | rule | where | finding |', '|---|---|---|---|');
    for (const f of result.findings.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${f.severity} | ${ruleTitle(f.rule)} | ${mdCode(`${f.file}:${f.line}`)} | ${mdText(f.message)} |`,
      );
    }
    if (result.findings.length > MAX_ROWS)
      lines.push(
        '',
        `…and ${result.findings.length - MAX_ROWS} more: see the annotations or the SARIF file.`,
      );
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
