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
  /** Findings at or above the threshold. */
  failing: number;
  configPath?: string;
}

/** The one engine call behind the CLI and the action. Throws ConfigurationError for user mistakes. */
export function runScan(req: ScanRequest): ScanOutcome {
  const { config, path } = loadConfig(req.cwd, req.configPath);
  const targets = findTargets(req.paths, req.cwd);
  const result = scanTargets(targets, req.cwd, config);
  const failOn: FailOn = req.failOn ?? config.failOn ?? 'high';
  return { result, failOn, failing: countFailing(result, failOn), configPath: path };
}

export function countFailing(result: ScanResult, failOn: FailOn): number {
  if (failOn === 'none') return 0;
  const min = severityRank(failOn as Severity);
  return result.findings.filter((f) => severityRank(f.severity) >= min).length;
}

export function render(outcome: ScanOutcome, format: Format): string {
  switch (format) {
    case 'text':
      return formatText(outcome.result);
    case 'json':
      return formatJson(outcome.result);
    case 'sarif':
      return formatSarif(outcome.result);
    case 'github':
      return formatAnnotations(outcome.result.findings);
    case 'markdown':
      return formatMarkdown(outcome.result, outcome.failOn);
  }
}
