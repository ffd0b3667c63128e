import type { ScanResult } from '../types.js';
import { summarise } from './summary-data.js';

/**
 * Stable JSON: `{"version":1,"findings":[{rule,severity,file,line,column,endLine,endColumn,message,
 * help,cloud?}],"summary":{...}}`. Fields are only ever added, never renamed; the README's scanner section lists them.
 */
export function formatJson(result: ScanResult): string {
  const findings = result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    help: f.help,
    ...(f.cloud ? { cloud: f.cloud } : {}),
  }));
  return JSON.stringify({ version: 1, findings, summary: summarise(result) }, null, 2) + '\n';
}
