import { RULES, rule } from '../rules/catalog.js';
import { SEVERITIES, type Cloud, type ScanResult, type Severity } from '../types.js';

/** The posture figures every reporter shares; the JSON `summary` object is exactly this. */
export interface Summary {
  files: number;
  /** Files read and checked by every rule; `files - checked` could not be (see `notChecked`). */
  checked: number;
  notChecked: number;
  workflows: number;
  actions: number;
  findings: number;
  suppressed: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  /** Uses of long-lived credentials (findings of credential rules), by cloud. */
  staticKeyUses: Record<Cloud, number>;
  /** Files that log in to a cloud with OIDC, and those of them that also still use a key. */
  oidcFiles: number;
  oidcFilesWithKeys: number;
  filesWithKeys: number;
  /** Longest credential lifetime a step asks for, in seconds (null when none says). */
  longestTtlSeconds: number | null;
  longestTtlFile: string | null;
}

export function summarise(result: ScanResult): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  const staticKeyUses: Record<Cloud, number> = { aws: 0, azure: 0, gcp: 0, other: 0 };
  const keyFiles = new Set<string>();
  for (const f of result.findings) {
    bySeverity[f.severity]++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (RULES.get(f.rule)?.credential) {
      staticKeyUses[f.cloud ?? 'other']++;
      keyFiles.add(f.file);
    }
  }
  let longest: { s: number; file: string } | undefined;
  for (const p of result.files) {
    if (p.longestTtlSeconds !== undefined && (!longest || p.longestTtlSeconds > longest.s)) {
      longest = { s: p.longestTtlSeconds, file: p.file };
    }
  }
  const oidc = result.files.filter((p) => p.oidcSteps > 0);
  const notChecked = result.files.filter((p) => p.notChecked !== undefined).length;
  return {
    files: result.files.length,
    checked: result.files.length - notChecked,
    notChecked,
    workflows: result.files.filter((p) => p.kind === 'workflow').length,
    actions: result.files.filter((p) => p.kind === 'action').length,
    findings: result.findings.length,
    suppressed: result.suppressed,
    bySeverity,
    byRule,
    staticKeyUses,
    oidcFiles: oidc.length,
    oidcFilesWithKeys: oidc.filter((p) => keyFiles.has(p.file)).length,
    filesWithKeys: keyFiles.size,
    longestTtlSeconds: longest?.s ?? null,
    longestTtlFile: longest?.file ?? null,
  };
}

export function ruleTitle(id: string): string {
  return `${id} ${rule(id).name}`;
}
