import type { Cloud, Finding, Location, Severity } from '../types.js';
import type { YamlSource } from '../yaml-source.js';
import { CLOUD_HELP, GENERIC_HELP, rule } from './catalog.js';

/** Triggers that run with secrets on behalf of people outside the repository. */
export const RISKY_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment'];

export interface ReportOptions {
  cloud?: Cloud;
  severity?: Severity;
  uncertain?: boolean;
}

/** What a rule family gets: the parsed file, and one way to report. */
export class RuleContext {
  readonly findings: Finding[] = [];
  readonly risky: string[];

  constructor(
    readonly src: YamlSource,
    readonly file: string,
    triggers: string[],
  ) {
    this.risky = triggers.filter((t) => RISKY_TRIGGERS.includes(t));
  }

  report(id: string, loc: Location, message: string, opts: ReportOptions = {}): void {
    const meta = rule(id);
    let severity = opts.severity ?? meta.severity;
    let text = message;
    if (meta.credential && this.risky.length > 0) {
      severity = 'critical';
      text += ` The workflow runs on ${this.risky.join(', ')}, where people outside the repository can start it.`;
    }
    const cloudHelp = opts.cloud && opts.cloud !== 'other' ? CLOUD_HELP[opts.cloud] : undefined;
    const help = meta.help === GENERIC_HELP && cloudHelp ? cloudHelp : meta.help;
    this.findings.push({
      rule: id,
      severity,
      file: this.file,
      ...loc,
      message: text,
      help,
      ...(opts.cloud ? { cloud: opts.cloud } : {}),
      ...(opts.uncertain ? { uncertain: true } : {}),
    });
  }
}
