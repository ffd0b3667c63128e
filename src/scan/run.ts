import { loadConfig } from './config.js';
import { scanTargets } from './engine.js';
import { findTargets } from './files.js';
import { formatAnnotations } from './report/github.js';
import { formatJson } from './report/json.js';
import { formatMarkdown } from './report/markdown.js';
import { formatSarif } from './report/sarif.js';
import { formatText } from './report/text.js';
import { severityRank, type ScanResult, type Severity } from './types.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ScanRequest {
  paths: string[];
  cwd: string;
  configPath?: string;
  /** From the command line or the action input; overrides the config file. */
  failOn?: FailOn;
}

export interface ScanOutcome {
  result: ScanResult;
  failOn: FailOn;
  /** Findings at or above the threshold, plus every file that could not be checked. */
  failing: number;
  /** Files that could not be parsed or read: not checked at all. */
  notChecked: number;
  configPath?: string;
}

/** The one engine call behind the CLI and the action. Throws ConfigurationError for user mistakes. */
export function runScan(req: ScanRequest): ScanOutcome {
  const { config, path } = loadConfig(req.cwd, req.configPath);
  const targets = findTargets(req.paths, req.cwd);
  const result = scanTargets(targets, req.cwd, config);
  const failOn: FailOn = req.failOn ?? config.failOn ?? 'high';
  const notChecked = result.files.filter((p) => p.notChecked !== undefined).length;
  return {
    result,
    failOn,
    failing: countFailing(result, failOn),
    notChecked,
    configPath: path,
  };
}

/**
 * A file that could not be checked fails at any threshold but `none`: a scan that read nothing of
 * it must not pass as clean. Its JIT001 finding is that same failure, so it is counted once.
 */
export function countFailing(result: ScanResult, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  const min = severityRank(failOn as Severity);
  const unchecked = result.files.filter((p) => p.notChecked !== undefined).length;
  return (
    result.findings.filter((f) => f.rule !== 'JIT001' && severityRank(f.severity) >= min).length +
    unchecked
  );
}

/** 0 clean, 1 findings at the threshold, 2 files that could not be checked (unless `none`). */
export function exitCode(outcome: ScanOutcome): number {
  if (outcome.notChecked > 0 && outcome.failOn !== 'none') return 2;
  return outcome.failing > 0 ? 1 : 0;
}

export function render(
  outcome: ScanOutcome,
  format: Format,
  meta: { repository?: string } = {},
): string {
  switch (format) {
    case 'text':
      return formatText(outcome.result);
    case 'json':
      return formatJson(outcome.result, meta);
    case 'sarif':
      return formatSarif(outcome.result);
    case 'github':
      return formatAnnotations(outcome.result.findings);
    case 'markdown':
      return formatMarkdown(outcome.result, outcome.failOn);
  }
}
