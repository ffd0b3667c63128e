import { expressionsIn } from '../expressions.js';
import {
  cloudOfName,
  isCloudCredentialName,
  isCredentialName,
  isExampleValue,
  isNonCloudName,
} from '../names.js';
import type { Cloud } from '../types.js';
import type { Model, Step } from '../workflow.js';
import type { Entry } from '../yaml-source.js';
import type { RuleContext } from './context.js';
import { sourcesOf } from './sources.js';

/** Commands that take cloud credentials on their command line. */
const CLOUD_COMMAND =
  /\b(aws|az|gcloud|gsutil|rclone|terraform|s3cmd|azcopy|rad|kubectl|helm|docker|b2|swift|openstack)\b/;

/**
 * Keys typed into `run:` scripts (JIT104): logins with a stored key, credential secrets
 * interpolated into a command, and key material written to a file. Works line by line on the
 * source, so a finding points at the line of a multi-line script that holds the key.
 */
export function checkScripts(ctx: RuleContext, model: Model): void {
  if (model.kind === 'action') {
    for (const step of model.steps) checkStep(ctx, step, []);
    return;
  }
  for (const job of model.jobs) {
    const inherited = [...model.env, ...job.env];
    for (const step of job.steps) checkStep(ctx, step, inherited);
  }
}

/** A script none of the checks below can match is skipped without splitting it into lines. */
const SCRIPT_HINT =
  /\$\{\{|aws\s+configure|az\s+login|activate-service-account|GOOGLE_APPLICATION_CREDENTIALS/;

function checkStep(ctx: RuleContext, step: Step, inherited: Entry[]): void {
  if (!step.run?.value) return;
  const credEnv = credentialEnv([...inherited, ...step.env]);
  if (credEnv.size === 0 && !SCRIPT_HINT.test(step.run.text ?? '')) return;
  const lines = ctx.src.sourceLines(step.run.value);
  const envRef =
    credEnv.size > 0 ? new RegExp(`\\$\\{?(${[...credEnv.keys()].join('|')})\\b`) : undefined;
  let command = '';
  const reported = new Set<number>();
  const report = (line: number, column: number, length: number, message: string, cloud: Cloud) => {
    if (reported.has(line)) return;
    reported.add(line);
    ctx.report('JIT104', { line, column, endLine: line, endColumn: column + length }, message, {
      cloud,
    });
  };
  for (const { line, text } of lines) {
    const code = stripComment(text);
    command = command.endsWith('\\') ? command.slice(0, -1) + ' ' + code.trim() : code.trim();
    const col = text.length - text.trimStart().length + 1;
    for (const span of expressionsIn(text)) {
      for (const r of span.refs) {
        if (r.context !== 'secrets' || r.whole) continue;
        const name = r.path[0] ?? '';
        if (isNonCloudName(name)) continue;
        if (
          isCloudCredentialName(name) ||
          (isCredentialName(name) && CLOUD_COMMAND.test(command))
        ) {
          report(
            line,
            span.start + 1,
            span.end - span.start,
            `The secret ${name} is written into a script${commandName(command)}: a long-lived ${cloudLabel(cloudOfName(name))} key on a command line.`,
            cloudOfName(name) ?? 'other',
          );
        }
      }
    }
    const configure =
      /\baws\s+configure\s+set\s+(aws_access_key_id|aws_secret_access_key)\s+("?)([^\s"]*)/.exec(
        code,
      );
    if (configure && !isExampleValue(configure[3] ?? '')) {
      report(
        line,
        col,
        code.trim().length,
        `\`aws configure set ${configure[1]}\` stores a long-lived AWS key in the runner's AWS config.`,
        'aws',
      );
    }
    if (
      /\baz\s+login\b/.test(command) &&
      /(^|\s)(-p|--password|--secret)(\s|=|$)/.test(code) &&
      !/--federated-token/.test(command)
    ) {
      report(
        line,
        col,
        code.trim().length,
        '`az login` with a password or client secret logs in with a long-lived Azure service-principal secret.',
        'azure',
      );
    }
    if (/\bgcloud\s+auth\s+activate-service-account\b/.test(code)) {
      report(
        line,
        col,
        code.trim().length,
        '`gcloud auth activate-service-account` logs in with a long-lived Google Cloud service-account key.',
        'gcp',
      );
    }
    const used = envRef?.exec(code)?.[1];
    if (used && /(^|[^2&])>{1,2}\s*\S|\btee\b/.test(code)) {
      report(
        line,
        col,
        code.trim().length,
        `The key in $${used} is written to a file, where any later step and any upload can read it.`,
        credEnv.get(used)!,
      );
    }
    if (/\bexport\s+GOOGLE_APPLICATION_CREDENTIALS=/.test(code) && credEnv.size > 0) {
      report(
        line,
        col,
        code.trim().length,
        'GOOGLE_APPLICATION_CREDENTIALS is pointed at a key file built from a stored service-account key.',
        'gcp',
      );
    }
  }
}

/** Env names in scope that carry a cloud key, and its cloud. */
function credentialEnv(entries: Entry[]): Map<string, Cloud> {
  const out = new Map<string, Cloud>();
  for (const e of entries) {
    const secrets = sourcesOf(e).secrets.filter((n) => !isNonCloudName(n));
    if (secrets.length === 0) continue;
    const cloud = cloudOfName(e.key) ?? secrets.map(cloudOfName).find((c) => c !== undefined);
    // Only shell-variable names can be read as `$NAME`; anything else cannot reach the script this way.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key)) continue;
    if ((isCredentialName(e.key) && cloud) || secrets.some(isCloudCredentialName))
      out.set(e.key, cloud ?? 'other');
  }
  return out;
}

function stripComment(text: string): string {
  const t = text.trimStart();
  return t.startsWith('#') ? '' : text;
}

function commandName(command: string): string {
  const m = CLOUD_COMMAND.exec(command);
  return m ? ` (${m[1]})` : '';
}

function cloudLabel(c: Cloud | undefined): string {
  return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}
