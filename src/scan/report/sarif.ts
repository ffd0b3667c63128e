import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULE_LIST } from '../rules/catalog.js';
import type { ScanResult, Severity } from '../types.js';

/** Code scanning sorts alerts by this CVSS-like score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};
const LEVEL: Record<Severity, Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

export const INFORMATION_URI =
  'https://github.com/OWNER/jit-credentials#scanner-find-long-lived-cloud-keys-in-workflows';
/** The README's rule table: one anchor for all rules (GitHub makes none per table row). */
const RULES_URI = 'https://github.com/OWNER/jit-credentials#rules';

/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: every rule with full description, help and
 * `security-severity`; results with a partial fingerprint so alerts survive lines moving; paths
 * relative to the checkout (`%SRCROOT%`).
 */
export function formatSarif(result: ScanResult, version = '0.1.0'): string {
  const rules: ReportingDescriptor[] = RULE_LIST.map((r) => ({
    id: r.id,
    // SARIF wants a PascalCase friendly name (SARIF2012); the kebab-case name stays in the text.
    name: r.name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: r.help, markdown: `${r.full}\n\n**Fix:** ${r.help}` },
    helpUri: RULES_URI,
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[r.severity],
      precision: r.credential ? 'high' : 'medium',
      'problem.severity':
        r.severity === 'low' ? 'recommendation' : r.severity === 'medium' ? 'warning' : 'error',
      tags: ['security', r.credential ? 'long-lived-credential' : 'oidc', 'github-actions'],
    },
  }));
  const index = new Map(RULE_LIST.map((r, i) => [r.id, i]));
  const results: Result[] = result.findings.map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule)!,
    level: LEVEL[f.severity],
    message: { text: `${f.message} Fix: ${f.help}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column + 1 : 1),
          },
        },
      },
    ],
    partialFingerprints: { 'jitCredentials/v1': f.fingerprint ?? `${f.rule}:${f.file}:${f.line}` },
    properties: {
      'security-severity': SECURITY_SEVERITY[f.severity],
      severity: f.severity,
      ...(f.cloud ? { cloud: f.cloud } : {}),
    },
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jit-credentials',
            informationUri: INFORMATION_URI,
            semanticVersion: version,
            version,
            rules,
          },
        },
        automationDetails: { id: 'jit-credentials/scan/' },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository checkout.' } } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
