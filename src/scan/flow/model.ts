import type { ContextRef, ExpressionSpan } from '../expressions.js';
import { knownAction } from '../rules/known-actions.js';
import { oidcCloud } from '../rules/oidc-steps.js';
import { actionName, type Model, type Step } from '../workflow.js';
import type { Entry, YamlSource } from '../yaml-source.js';
import { isStored, origin, through, type Origin, type Site } from './origin.js';
import {
  KEY_FILE_VARS,
  ScriptWalker,
  pathKey,
  samePath,
  type Binding,
  type Env,
  type FilePointer,
  type FileWrite,
  type Use,
} from './script.js';

/**
 * Follows values through a file: env at workflow, job and step level, GITHUB_ENV and GITHUB_OUTPUT
 * writes, the environment and outputs of login actions (OIDC or keys), files written by scripts.
 * Steps are walked in order, so a value is judged by what was set before it is used.
 */
export class FileFlow {
  private readonly values = new Map<Entry, Origin[]>();
  readonly uses: Use[] = [];

  constructor(
    private readonly src: YamlSource,
    model: Model,
    readonly fromCallers: boolean,
  ) {
    if (model.kind === 'action') {
      this.job(model.steps, new Map());
      return;
    }
    const workflowEnv = this.bindAll(model.env, new Map());
    for (const job of model.jobs) {
      const jobEnv = new Map([...workflowEnv, ...this.bindAll(job.env, workflowEnv)]);
      for (const e of [...job.with, ...job.secrets])
        this.values.set(e, this.entryValue(e, jobEnv, new Map()));
      this.job(job.steps, jobEnv, [...model.env, ...job.env]);
    }
  }

  /** What an entry's value is made of. Entries the walk did not reach are read on their own. */
  origins(entry: Entry): Origin[] {
    return this.values.get(entry) ?? this.entryValue(entry, new Map(), new Map());
  }

  private job(steps: Step[], base: Env, yamlEnv: Entry[] = []): void {
    let exported: Env = new Map();
    const outputs = new Map<string, Map<string, Origin[]> | 'oidc'>();
    const writes: FileWrite[] = [];
    const pointers: FilePointer[] = [];
    // A key file named in workflow or job env (`GOOGLE_APPLICATION_CREDENTIALS: key.json`).
    for (const e of yamlEnv) this.envPointer(e, base, pointers);
    for (const step of steps) {
      const context: Env = exported.size === 0 ? base : new Map([...base, ...exported]);
      const own = this.bindAll(step.env, context, outputs);
      const env: Env = own.size === 0 ? context : new Map([...context, ...own]);
      for (const e of step.env) this.envPointer(e, env, pointers);
      for (const e of step.with) this.values.set(e, this.entryValue(e, env, outputs));
      if (step.uses) {
        const fx = this.actionEffects(step, env);
        exported = new Map([...exported, ...fx.exports]);
        if (step.id && fx.outputs) outputs.set(step.id, fx.outputs);
        writes.push(...fx.writes);
      }
      if (step.run?.value) {
        const walker = new ScriptWalker(env, {
          expr: (span) => this.spanValue(span, env, outputs),
          fromCallers: this.fromCallers,
          file: (path) =>
            writes.filter((w) => samePath(w.path, path)).flatMap((w) => through(w.origins, w.site)),
        });
        const fx = walker.walk(this.src.sourceLines(step.run.value));
        exported = new Map([...exported, ...fx.exports]);
        if (step.id) outputs.set(step.id, fx.outputs);
        writes.push(...fx.writes);
        pointers.push(...fx.pointers);
        this.uses.push(...fx.uses);
      }
    }
    this.resolvePointers(pointers, writes);
  }

  /** A pointer to a file that a step of the job filled from a stored key is a use of that key. */
  private resolvePointers(pointers: FilePointer[], writes: FileWrite[]): void {
    for (const p of pointers) {
      const stored = writes
        .filter((w) => p.paths.some((path) => samePath(w.path, path)))
        .flatMap((w) => through(w.origins, w.site))
        .filter((o) => isStored(o, this.fromCallers));
      if (stored.length === 0) continue;
      this.uses.push({
        rule: p.rule,
        line: p.site.line,
        column: p.site.column,
        endLine: p.site.endLine,
        endColumn: p.site.endColumn,
        message: `${p.what} points at a key file written from a stored Google Cloud key.`,
        cloud: 'gcp',
        origins: stored,
      });
    }
  }

  private envPointer(e: Entry, env: Env, pointers: FilePointer[]): void {
    if (!KEY_FILE_VARS.has(e.key.toUpperCase())) return;
    const text = (e.text ?? '').replace(
      /\$\{\{\s*env\.(\w+)\s*\}\}/g,
      (all, n: string) => env.get(n)?.text ?? all,
    );
    pointers.push({
      paths: [pathKey(text, env), `$${e.key}`],
      site: this.site(e),
      what: `env ${e.key}`,
      rule: 'JIT103',
    });
  }

  private bindAll(
    entries: Entry[],
    context: Env,
    outputs = new Map<string, Map<string, Origin[]> | 'oidc'>(),
  ): Env {
    const out: Env = new Map();
    for (const e of entries) {
      const origins = this.entryValue(e, context, outputs);
      this.values.set(e, origins);
      out.set(e.key, { origins, site: this.site(e), text: e.text });
    }
    return out;
  }

  private site(e: Entry): Site {
    const l = e.loc;
    return { kind: 'env', name: e.key, label: `env ${e.key}`, ...l };
  }

  private entryValue(
    e: Entry,
    env: Env,
    outputs: Map<string, Map<string, Origin[]> | 'oidc'>,
  ): Origin[] {
    const text = e.text;
    if (text === undefined) return [];
    if (e.spans.length === 0) {
      if (/^\s*op:\/\//.test(text))
        return [origin({ kind: 'stored', how: '1password', ref: text.trim() })];
      return [origin({ kind: 'literal', text })];
    }
    return e.spans.flatMap((s) => this.spanValue(s, env, outputs));
  }

  private spanValue(
    span: ExpressionSpan,
    env: Env,
    outputs: Map<string, Map<string, Origin[]> | 'oidc'>,
  ): Origin[] {
    return span.flows.flatMap((r) => refValue(r, env, outputs));
  }

  /** What a `uses:` step puts in the job's environment and its outputs. */
  private actionEffects(
    step: Step,
    env: Env,
  ): { exports: Env; outputs?: Map<string, Origin[]> | 'oidc'; writes: FileWrite[] } {
    const name = actionName(step.uses);
    const cloud = oidcCloud(step);
    const input = (key: string) => step.with.find((e) => e.key === key);
    const exports: Env = new Map();
    const writes: FileWrite[] = [];
    if (cloud) {
      const o = [origin({ kind: 'oidc', cloud, step: step.uses ?? '' })];
      for (const v of OIDC_EXPORTS[cloud] ?? []) exports.set(v, { origins: o });
      if (cloud === 'gcp') writes.push({ path: '$GOOGLE_APPLICATION_CREDENTIALS', origins: o });
      return { exports, outputs: 'oidc', writes };
    }
    const known = knownAction(name);
    if (known?.label === 'configure-aws-credentials') {
      const id = input('aws-access-key-id');
      const secret = input('aws-secret-access-key');
      // With a role the keys only sign the AssumeRole call: the job gets session credentials.
      if (!input('role-to-assume') && id && secret) {
        exports.set('AWS_ACCESS_KEY_ID', { origins: this.origins(id) });
        exports.set('AWS_SECRET_ACCESS_KEY', { origins: this.origins(secret) });
      }
      return { exports, outputs: undefined, writes };
    }
    if (known?.label === 'google-github-actions/auth') {
      const key = input('credentials_json');
      if (key) {
        exports.set('GOOGLE_APPLICATION_CREDENTIALS', { origins: [] });
        writes.push({ path: '$GOOGLE_APPLICATION_CREDENTIALS', origins: this.origins(key) });
      }
      return { exports, outputs: undefined, writes };
    }
    if (/^1password\/load-secrets-action/.test(name)) {
      // The action resolves every `op://` reference in its env into a masked env var or output.
      const loaded = new Map<string, Origin[]>();
      for (const e of step.env) {
        const b = env.get(e.key);
        if (b && b.origins.some((o) => o.source.kind === 'stored')) loaded.set(e.key, b.origins);
      }
      for (const [k, b] of env) {
        if (b.origins.some((o) => o.source.kind === 'stored' && o.source.how === '1password'))
          loaded.set(k, b.origins);
      }
      if (input('export-env')?.text !== 'false')
        for (const [k, o] of loaded) exports.set(k, { origins: o, site: env.get(k)?.site });
      return { exports, outputs: loaded, writes };
    }
    return { exports, outputs: undefined, writes };
  }
}

const OIDC_EXPORTS: Record<string, string[]> = {
  aws: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  gcp: [...KEY_FILE_VARS, 'CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN'],
  azure: [],
  other: [],
};

function refValue(
  r: ContextRef,
  env: Env,
  outputs: Map<string, Map<string, Origin[]> | 'oidc'>,
): Origin[] {
  const name = r.path[0] ?? '*';
  switch (r.context) {
    case 'secrets':
      return [origin({ kind: 'secret', name: r.whole ? '*' : name, fields: r.fields })];
    case 'vars':
      return [origin({ kind: 'var', name })];
    case 'inputs':
      return [origin({ kind: 'input', name, fields: r.fields })];
    case 'env': {
      const b: Binding | undefined = env.get(name);
      return b ? through(b.origins, b.site) : [origin({ kind: 'unset', name })];
    }
    case 'steps': {
      if (r.path[1] !== 'outputs') return [origin({ kind: 'context', name: 'steps' })];
      const out = outputs.get(name);
      const key = r.path[2] ?? '*';
      if (out === 'oidc') return [origin({ kind: 'oidc', cloud: 'other', step: name })];
      const hit = out?.get(key);
      return hit ?? [origin({ kind: 'output', step: name, output: key })];
    }
    case 'needs':
      return r.path[1] === 'outputs'
        ? [origin({ kind: 'output', step: name, output: r.path[2] ?? '*' })]
        : [origin({ kind: 'context', name: 'needs' })];
    default:
      return [origin({ kind: 'context', name: r.context })];
  }
}
