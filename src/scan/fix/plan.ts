import { isMap, type Node } from 'yaml';
import { scanText } from '../engine.js';
import type { FileKind } from '../files.js';
import { rule } from '../rules/catalog.js';
import { knownAction } from '../rules/known-actions.js';
import { oidcCloudsOf } from '../rules/oidc-steps.js';
import type { Cloud, Finding } from '../types.js';
import { actionName, buildModel, type Job, type Step, type WorkflowModel } from '../workflow.js';
import { YamlSource, type Entry } from '../yaml-source.js';
import { EditBuffer, indentOf } from './edits.js';

export interface FixNote {
  line: number;
  message: string;
}

export interface FileFix {
  file: string;
  before: string;
  after: string;
  /** What was rewritten (lines of the original). */
  fixed: FixNote[];
  /** What a person still has to do for the rewrite to work (lines of the original). */
  notes: FixNote[];
  /** Long-lived key uses that remain (lines of the result), each with why it was left. */
  left: FixNote[];
}

export interface FixOptions {
  /** `uses:` of the inserted jit-credentials steps. */
  action?: string;
}

export const DEFAULT_ACTION = 'OWNER/jit-credentials@v1';
const MARK = '# jit-credentials fix:';
const PLACEHOLDER = {
  awsRole: 'arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>',
  gcpProvider:
    'projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/providers/<PROVIDER_ID>',
  gcpAccount: '<SERVICE_ACCOUNT_NAME>@<PROJECT_ID>.iam.gserviceaccount.com',
  azureClient: '<CLIENT_ID>',
  azureTenant: '<TENANT_ID>',
  azureSubscription: '<SUBSCRIPTION_ID>',
};
const NOTE = {
  awsRole: `${MARK} placeholder, the IAM role that trusts this repository's GitHub OIDC token`,
  gcpProvider: `${MARK} placeholder, the workload identity provider for this repository`,
  gcpAccount: `${MARK} placeholder, the service account the provider may impersonate`,
  azure: `${MARK} placeholder, from the app registration with a federated credential for this repository`,
  action: `${MARK} replace OWNER and pin the action to a commit`,
};

/** Env names tools read as a static key, which a jit-credentials step's `export: env` replaces. */
const ENV_KEYS: Record<string, Cloud> = {
  AWS_ACCESS_KEY_ID: 'aws',
  AWS_SECRET_ACCESS_KEY: 'aws',
  AWS_SESSION_TOKEN: 'aws',
  ARM_CLIENT_SECRET: 'azure',
  AZURE_CLIENT_SECRET: 'azure',
  GOOGLE_CREDENTIALS: 'gcp',
};

const AWS_KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];

/**
 * Rewrites the common static-key patterns of one file into their OIDC form: configure-aws-
 * credentials keys → `role-to-assume`; google-github-actions/auth `credentials_json` →
 * `workload_identity_provider` + `service_account`; azure/login `creds` → client, tenant and
 * subscription ids; job or step env keys → a jit-credentials step with `export: env`. Adds
 * `id-token: write` to each job it changes. What it cannot rewrite is left as written, with a note.
 */
export function fixText(
  text: string,
  file: string,
  kind: FileKind,
  opts: FixOptions = {},
): FileFix {
  const result: FileFix = { file, before: text, after: text, fixed: [], notes: [], left: [] };
  const src = new YamlSource(file, text);
  const before = scanText(text, file, kind);
  if (src.errors.length > 0 || !isMap(src.contents)) {
    result.left.push({ line: 1, message: 'not fixed: the file could not be parsed' });
    return result;
  }
  // A literal key (JIT105) stays until it is revoked: deleting it would hide that it leaked.
  const keyLines = new Set(
    before.findings
      .filter((f) => rule(f.rule).credential && !f.uncertain && f.rule !== 'JIT105')
      .map((f) => f.line),
  );
  const model = buildModel(
    src,
    kind === 'action' || src.get(src.contents, 'runs') ? 'action' : 'workflow',
  );
  const fixer = new Fixer(src, keyLines, opts.action ?? DEFAULT_ACTION, result);
  if (model.kind === 'action') {
    for (const step of model.steps) fixer.step(step, new Set());
    if (fixer.changedJobs.size > 0)
      result.notes.push({
        line: 1,
        message:
          "a composite action cannot grant `id-token: write`: every job that uses it must (the callers' permissions)",
      });
  } else {
    fixer.workflow(model);
  }
  if (fixer.buffer.empty) {
    result.left = leftNotes(before.findings);
    return result;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const after = fixer.buffer.apply(eol);
  const check = new YamlSource(file, after);
  if (check.errors.length > 0) {
    // Never hand back a file GitHub would reject: keep the original and say so.
    result.fixed = [];
    result.notes = [];
    result.left = [
      {
        line: 1,
        message: `not fixed: the rewrite would not parse (${check.errors[0]!.code}); please report it`,
      },
      ...leftNotes(before.findings),
    ];
    return result;
  }
  result.after = after;
  result.left = leftNotes(scanText(after, file, kind).findings);
  return result;
}

function leftNotes(findings: Finding[]): FixNote[] {
  return findings
    .filter((f) => rule(f.rule).credential)
    .sort((a, b) => a.line - b.line)
    .map((f) => ({ line: f.line, message: `not fixed (${f.rule}): ${f.message} ${why(f)}` }));
}

function why(f: Finding): string {
  switch (f.rule) {
    case 'JIT104':
      return 'Scripts are not rewritten: make the command use the credential of an OIDC step.';
    case 'JIT105':
      return 'Revoke the key first (it is in the git history), then delete it.';
    case 'JIT106':
    case 'JIT107':
      return 'Pass only the secrets the callee needs.';
    case 'JIT108':
      return 'Callers depend on this input: remove it once they no longer pass a key.';
    case 'JIT102':
      return 'The fix does not know an OIDC form of this input.';
    case 'JIT103':
      return 'Only env names tools read by themselves are rewritten (AWS_*, ARM_/AZURE_CLIENT_SECRET, GOOGLE_CREDENTIALS).';
    default:
      return 'The fix knows no OIDC form of this action.';
  }
}

class Fixer {
  readonly buffer: EditBuffer;
  /** Jobs (by id) whose steps now log in with OIDC. */
  readonly changedJobs = new Set<string>();
  private job?: Job;
  /** Env of the enclosing scopes (workflow and job), for the step being fixed. */
  private scopeEnv?: Entry[];

  constructor(
    private readonly src: YamlSource,
    private readonly keyLines: Set<number>,
    private readonly action: string,
    private readonly result: FileFix,
  ) {
    this.buffer = new EditBuffer(src.text.split(/\r?\n/));
  }

  workflow(model: WorkflowModel): void {
    const workflowKeys = this.envKeys(this.src.getAll(this.src.contents, 'env')[0], model.env);
    for (const job of model.jobs) {
      this.job = job;
      const oidc = oidcCloudsOf(job.steps);
      const jobNode = this.src.get(this.src.get(this.src.contents, 'jobs'), job.id);
      this.scopeEnv = model.env;
      const jobKeys = this.envKeys(this.src.getAll(jobNode, 'env')[0], job.env);
      this.scopeEnv = [...model.env, ...job.env];
      const clouds = new Set<Cloud>();
      for (const step of job.steps) this.step(step, oidc);
      for (const k of [...workflowKeys, ...jobKeys]) if (!oidc.has(k.cloud)) clouds.add(k.cloud);
      if (jobKeys.length > 0 || (workflowKeys.length > 0 && job.steps.length > 0)) {
        const first = job.steps[0];
        if (first) {
          for (const cloud of clouds) this.jitStep(first, cloud, [...job.env, ...model.env]);
          if (clouds.size > 0) this.changedJobs.add(job.id);
        }
      }
      if (this.changedJobs.has(job.id)) this.idToken(job, jobNode, model);
    }
    if (workflowKeys.length > 0 && model.jobs.some((j) => j.uses))
      this.result.notes.push({
        line: workflowKeys[0]!.entry.loc.line,
        message: 'workflow env does not reach reusable-workflow jobs; nothing was added to them',
      });
  }

  /** Static keys handed to a login action, and env keys of the step. */
  step(step: Step, oidc: Set<Cloud>): void {
    const stepKeys = this.envKeys(this.src.getAll(step.node, 'env')[0], step.env);
    const clouds = new Set(stepKeys.map((k) => k.cloud).filter((c) => !oidc.has(c)));
    for (const cloud of clouds) this.jitStep(step, cloud, step.env);
    if (clouds.size > 0) this.markJob();
    if (!step.uses) return;
    const name = actionName(step.uses);
    const known = knownAction(name);
    if (known?.label === 'configure-aws-credentials') this.aws(step);
    else if (known?.label === 'google-github-actions/auth') this.gcp(step);
    else if (name === 'azure/login') this.azure(step);
  }

  private aws(step: Step): void {
    const keys = step.with.filter((e) => AWS_KEY_INPUTS.includes(e.key));
    if (!keys.some((e) => this.keyLines.has(e.loc.line)) || !this.blockEntries(step, keys)) return;
    for (const e of keys) this.removeEntry(e);
    const first = keys[0]!;
    if (!step.with.some((e) => e.key === 'role-to-assume')) {
      this.buffer.insert(first.loc.line, [
        `${this.pad(first)}role-to-assume: ${PLACEHOLDER.awsRole} ${NOTE.awsRole}`,
      ]);
    }
    this.fixed(first, 'configure-aws-credentials keys replaced by `role-to-assume` (OIDC)');
  }

  private gcp(step: Step): void {
    const key = step.with.find((e) => e.key === 'credentials_json');
    if (!key || !this.keyLines.has(key.loc.line) || !this.blockEntries(step, [key])) return;
    this.removeEntry(key);
    const lines = [
      `${this.pad(key)}workload_identity_provider: ${PLACEHOLDER.gcpProvider} ${NOTE.gcpProvider}`,
    ];
    if (!step.with.some((e) => e.key === 'service_account'))
      lines.push(`${this.pad(key)}service_account: ${PLACEHOLDER.gcpAccount} ${NOTE.gcpAccount}`);
    this.buffer.insert(key.loc.line, lines);
    this.fixed(
      key,
      '`credentials_json` replaced by `workload_identity_provider` and `service_account` (Workload Identity Federation)',
    );
  }

  private azure(step: Step): void {
    const creds = step.with.find((e) => e.key === 'creds');
    if (!creds || !this.keyLines.has(creds.loc.line) || !this.blockEntries(step, [creds])) return;
    this.removeEntry(creds);
    // A creds JSON written in the file names its ids; keep those expressions.
    const text = creds.text ?? '';
    const field = (n: string) => new RegExp(`"${n}"\\s*:\\s*"([^"]*)"`).exec(text)?.[1];
    const has = (k: string) => step.with.some((e) => e.key === k);
    const ids: Array<[string, string | undefined, string]> = [
      ['client-id', field('clientId'), PLACEHOLDER.azureClient],
      ['tenant-id', field('tenantId'), PLACEHOLDER.azureTenant],
      ['subscription-id', field('subscriptionId'), PLACEHOLDER.azureSubscription],
    ];
    const lines = ids
      .filter(([k]) => !has(k))
      .map(
        ([k, v, p]) =>
          `${this.pad(creds)}${k}: ${v !== undefined ? quoteIfNeeded(v) : `${p} ${NOTE.azure}`}`,
      );
    this.buffer.insert(creds.loc.line, lines);
    this.fixed(
      creds,
      '`creds` replaced by `client-id`, `tenant-id` and `subscription-id` (federated credential)',
    );
  }

  /** The env keys of one `env:` block that this fix replaces, removed from the file. */
  private envKeys(
    envEntry: Entry | undefined,
    entries: Entry[],
  ): Array<{ entry: Entry; cloud: Cloud }> {
    if (!envEntry || !isMap(envEntry.value) || envEntry.value.flow) return [];
    const [from, to] = [envEntry.loc.line, envEntry.loc.endLine];
    const own = entries.filter((e) => e.loc.line > from && e.loc.line <= to);
    const keys = own.filter((e) => ENV_KEYS[e.key] !== undefined);
    const clouds = new Set(
      keys.filter((e) => this.keyLines.has(e.loc.line)).map((e) => ENV_KEYS[e.key]!),
    );
    // AWS_* keys with an endpoint of their own belong to an S3-compatible store, which AWS OIDC
    // does not reach (R2, B2, MinIO...): rewriting them would break the upload.
    const endpoint = [...own, ...(this.scopeEnv ?? [])].find((e) =>
      /^AWS_(ENDPOINT_URL(_S3)?|S3_ENDPOINT)$/.test(e.key),
    );
    if (clouds.has('aws') && endpoint) {
      clouds.delete('aws');
      this.result.notes.push({
        line: endpoint.loc.line,
        message: `not changed: ${endpoint.key} points the AWS keys at an S3-compatible store, which AWS OIDC does not reach; keep the key scoped to one bucket, in an environment with required reviewers`,
      });
    }
    const out = keys
      .filter((e) => clouds.has(ENV_KEYS[e.key]!))
      .map((e) => ({ entry: e, cloud: ENV_KEYS[e.key]! }));
    for (const k of out) {
      this.removeEntry(k.entry);
      this.fixed(
        k.entry,
        `env ${k.entry.key} removed: a jit-credentials step exports a short-lived ${cloudWord(k.cloud)} credential instead`,
      );
    }
    // An `env:` left with nothing in it goes too.
    if (out.length > 0 && own.every((e) => out.some((k) => k.entry === e)))
      this.buffer.remove(from, from);
    return out;
  }

  /** A jit-credentials step before `step`, exporting a short-lived credential for `cloud`. */
  private jitStep(step: Step, cloud: Cloud, env: Entry[]): void {
    const line = step.loc.line;
    const text = this.buffer.lines[line - 1] ?? '';
    const dash = text.indexOf('-');
    const keyCol = step.loc.column - 1;
    const unit = Math.max(2, keyCol - dash);
    const pad = ' '.repeat(dash);
    const key = ' '.repeat(keyCol);
    const sub = ' '.repeat(keyCol + unit);
    const idOf = (...names: string[]) => env.find((e) => names.includes(e.key))?.text;
    const inputs: string[] = [`provider: ${cloud}`];
    if (cloud === 'aws') inputs.push(`role: ${PLACEHOLDER.awsRole} ${NOTE.awsRole}`);
    else if (cloud === 'gcp')
      inputs.push(
        `workload-identity-provider: ${PLACEHOLDER.gcpProvider} ${NOTE.gcpProvider}`,
        `service-account: ${PLACEHOLDER.gcpAccount} ${NOTE.gcpAccount}`,
      );
    else if (cloud === 'azure') {
      const client = idOf('ARM_CLIENT_ID', 'AZURE_CLIENT_ID');
      const tenant = idOf('ARM_TENANT_ID', 'AZURE_TENANT_ID');
      const sub = idOf('ARM_SUBSCRIPTION_ID', 'AZURE_SUBSCRIPTION_ID');
      inputs.push(
        `client-id: ${client ? quoteIfNeeded(client) : `${PLACEHOLDER.azureClient} ${NOTE.azure}`}`,
      );
      inputs.push(
        `tenant-id: ${tenant ? quoteIfNeeded(tenant) : `${PLACEHOLDER.azureTenant} ${NOTE.azure}`}`,
      );
      if (sub) inputs.push(`subscription-id: ${quoteIfNeeded(sub)}`);
    }
    inputs.push('export: env');
    const at = this.aboveComments(line, dash);
    this.buffer.insert(at, [
      `${pad}- name: Short-lived ${cloudWord(cloud)} credentials from OIDC`,
      `${key}uses: ${this.action} ${NOTE.action}`,
      `${key}with:`,
      ...inputs.map((i) => `${sub}${i}`),
    ]);
    this.result.fixed.push({
      line,
      message: `a jit-credentials step (provider ${cloud}, export: env) inserted before line ${line} in place of the stored key`,
    });
  }

  /** `id-token: write` for the job, keeping the permissions it already has. */
  private idToken(job: Job, jobNode: Node | undefined, model: WorkflowModel): void {
    const p = job.permissions;
    if (p) {
      if (p.all === 'write-all' || p.idToken === 'write') return;
      if (p.all !== undefined || !isMap(p.entry.value) || p.entry.value.flow) {
        this.result.notes.push({
          line: p.entry.loc.line,
          message: `not changed: job '${job.id}' has \`permissions: ${p.all ?? 'a flow mapping'}\`; add \`id-token: write\` to it by hand`,
        });
        return;
      }
      const items = this.src.entries(p.entry.value);
      const existing = items.find((e) => e.key === 'id-token');
      if (existing) {
        const l = existing.loc.line;
        this.buffer.replace(l, `${' '.repeat(existing.loc.column - 1)}id-token: write`);
      } else {
        const col = items[0] ? items[0].loc.column - 1 : p.entry.loc.column + 1;
        this.buffer.insert(p.entry.loc.line + 1, [`${' '.repeat(col)}id-token: write`]);
      }
      this.result.fixed.push({
        line: p.entry.loc.line,
        message: `job '${job.id}' gets \`id-token: write\``,
      });
      return;
    }
    const wp = model.permissions;
    if (wp && (wp.all === 'write-all' || wp.idToken === 'write')) return;
    // A job-level block replaces the workflow's: repeat what it granted, plus id-token.
    const lines: string[] = [];
    let note = '';
    if (wp && wp.all === undefined && isMap(wp.entry.value)) {
      for (const e of this.src.entries(wp.entry.value))
        if (e.key !== 'id-token' && e.text !== undefined) lines.push(`${e.key}: ${e.text}`);
    } else {
      lines.push('contents: read');
      note = wp?.all
        ? ` (the workflow grants \`${wp.all}\`: list what else this job needs)`
        : ' (it ran with the default token permissions: list any others it needs)';
    }
    lines.push('id-token: write');
    const entries = this.src.entries(jobNode);
    const steps = entries.find((e) => e.key === 'steps');
    const anchor = steps ?? entries[0];
    if (!anchor) return;
    const col = anchor.loc.column - 1;
    const unit = this.unit();
    const at = this.aboveComments(anchor.loc.line, col);
    this.buffer.insert(at, [
      `${' '.repeat(col)}permissions:`,
      ...lines.map((l) => `${' '.repeat(col + unit)}${l}`),
    ]);
    this.result.fixed.push({
      line: anchor.loc.line,
      message: `job '${job.id}' gets \`permissions: id-token: write\``,
    });
    if (note) this.result.notes.push({ line: anchor.loc.line, message: `job '${job.id}'${note}` });
  }

  private markJob(): void {
    this.changedJobs.add(this.job?.id ?? '');
  }

  private fixed(e: Entry, message: string): void {
    this.markJob();
    this.result.fixed.push({ line: e.loc.line, message });
  }

  /** Only entries written in block style, each on its own lines, are rewritten. */
  private blockEntries(step: Step, entries: Entry[]): boolean {
    const withEntry = this.src.getAll(step.node, 'with')[0];
    const ok =
      withEntry !== undefined &&
      isMap(withEntry.value) &&
      !withEntry.value.flow &&
      entries.every((e) => e.loc.line > withEntry.loc.line && e.loc.line <= withEntry.loc.endLine);
    if (!ok)
      this.result.notes.push({
        line: entries[0]?.loc.line ?? step.loc.line,
        message:
          'not changed: the inputs are written in flow style or through an alias; rewrite them by hand',
      });
    return ok;
  }

  private removeEntry(e: Entry): void {
    this.buffer.remove(e.loc.line, e.loc.endLine);
  }

  private pad(e: Entry): string {
    return ' '.repeat(e.loc.column - 1);
  }

  /** The file's indentation step, from its first nested mapping. */
  private unit(): number {
    for (const l of this.buffer.lines) {
      const n = indentOf(l);
      if (n > 0 && l.trim() !== '' && !l.trimStart().startsWith('#')) return n;
    }
    return 2;
  }

  /** Moves an insertion point above the comment lines that introduce the line. */
  private aboveComments(line: number, col: number): number {
    let at = line;
    while (at > 1) {
      const prev = this.buffer.lines[at - 2] ?? '';
      if (prev.trimStart().startsWith('#') && indentOf(prev) >= col) at--;
      else break;
    }
    return at;
  }
}

function cloudWord(c: Cloud): string {
  return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}

/** A value taken from the file, quoted when it would not stay a plain scalar. */
function quoteIfNeeded(v: string): string {
  if (/^\$\{\{.*\}\}$/.test(v) || /^[\w.@/-]+$/.test(v)) return v;
  return `'${v.replace(/'/g, "''")}'`;
}
