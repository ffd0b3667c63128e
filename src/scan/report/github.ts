import type { Finding } from '../types.js';
import { ruleTitle } from './summary-data.js';

const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' } as const;

/** Workflow commands that put each finding on its line in the pull request's "Files changed". */
export function formatAnnotations(findings: Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        `file=${prop(f.file)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        ...(f.line === f.endLine ? [`col=${f.column}`, `endColumn=${f.endColumn}`] : []),
        `title=${prop(`${ruleTitle(f.rule)} (${f.severity})`)}`,
      ].join(',');
      return `::${LEVEL[f.severity]} ${props}::${data(`${f.message}\n\nFix: ${f.help}`)}\n`;
    })
    .join('');
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
