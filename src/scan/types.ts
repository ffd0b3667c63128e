/** Severities in rising order; the index is the rank used by `--fail-on`. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Cloud = 'aws' | 'azure' | 'gcp' | 'other';

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  /** Path as given to the scanner, with forward slashes. */
  file: string;
  message: string;
  /** The OIDC replacement for this step, in a sentence or two. */
  help: string;
  /** Which cloud the credential belongs to, for the posture figures. */
  cloud?: Cloud;
  /**
   * Stable across edits that move the line: hash of rule, file, the line's text and its
   * occurrence number. SARIF's partial fingerprint, so code scanning tracks an alert, not a line.
   */
  fingerprint?: string;
  /**
   * The use cannot be seen from this file (`secrets: inherit` to a callee that cannot be read):
   * reported, but never taken as proof that a caller uses keys.
   */
  uncertain?: boolean;
}

/** Per-file facts the summary turns into posture figures. */
export interface FilePosture {
  file: string;
  kind: 'workflow' | 'action' | 'other';
  /** Steps or jobs that authenticate to a cloud through OIDC. */
  oidcSteps: number;
  /** Longest credential lifetime requested by a step, in seconds. */
  longestTtlSeconds?: number;
  /** Why the file could not be checked (it does not parse, or could not be read); absent when it was. */
  notChecked?: string;
}

export interface ScanResult {
  findings: Finding[];
  files: FilePosture[];
  /** Findings silenced by inline comments or the config file, kept for the summary. */
  suppressed: number;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
