import type { ScanResult } from '../types.js';
import { summarise } from './summary-data.js';

/**
 * Stable JSON: `{"version":1,"repository"?,"findings":[{rule,severity,file,line,column,endLine,endColumn,message,
 * help,cloud?}],"summary":{...},"notChecked":[{file,reason}],"files":[{file,kind,oidcSteps,
 * longestTtlSeconds?,checked}]}`. Fields are only ever added, never renamed; the README's scanner
 * section lists them. `files` is what `jit-credentials report` needs to merge results.
 */
export function formatJson(result: ScanResult, meta: { repository?: string } = {}): string {
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
  const notChecked = result.files
    .filter((p) => p.notChecked !== undefined)
    .map((p) => ({ file: p.file, reason: p.notChecked! }));
  const files = result.files.map((p) => ({
    file: p.file,
    kind: p.kind,
    oidcSteps: p.oidcSteps,
    ...(p.longestTtlSeconds !== undefined ? { longestTtlSeconds: p.longestTtlSeconds } : {}),
    checked: p.notChecked === undefined,
  }));
  return (
    JSON.stringify(
      {
        version: 1,
        ...(meta.repository ? { repository: meta.repository } : {}),
        findings,
        summary: summarise(result),
        notChecked,
        files,
      },
      null,
      2,
    ) + '\n'
  );
}
