import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { isMap, type Node } from 'yaml';
import { EMPTY_CONFIG, type ScanConfig } from './config.js';
import { repoRoot, type FileKind, type TargetFile } from './files.js';
import { rule } from './rules/catalog.js';
import { RuleContext } from './rules/context.js';
import { checkCredentials, oidcCloud } from './rules/credentials.js';
import { FileFlow } from './flow/model.js';
import { checkHandoff } from './rules/handoff.js';
import { KEY_INPUT_NAMES, knownAction } from './rules/known-actions.js';
import { checkLiterals } from './rules/literals.js';
import { checkOidc } from './rules/oidc.js';
import { checkScripts } from './rules/scripts.js';
import { isCloudCredentialName } from './names.js';
import { expressionsIn } from './expressions.js';
import { applySuppressions, inlineSuppressions } from './suppress.js';
import { severityRank, type FilePosture, type Finding, type ScanResult } from './types.js';
import { actionName, buildModel, type Model, type Step } from './workflow.js';
import { YamlSource } from './yaml-source.js';

export interface FileScan {
  findings: Finding[];
  posture: FilePosture;
  suppressed: number;
}

/** Resolves `uses: ./path` against the repository of the file being scanned. */
export interface LocalResolver {
  read(relativeToRepo: string): string | undefined;
}

export function scanTargets(
  targets: TargetFile[],
  cwd: string,
  config: ScanConfig = EMPTY_CONFIG,
): ScanResult {
  const findings: Finding[] = [];
  const files: FilePosture[] = [];
  let suppressed = 0;
  // Local actions and reusable workflows are read once per run, however many steps use them.
  const reads = new Map<string, string | undefined>();
  for (const t of targets) {
    let text: string;
    try {
      text = readBounded(t.abs);
    } catch (err) {
      const reason = `The file could not be read: ${(err as Error).message}`;
      findings.push(fileError(t.rel, reason));
      files.push({ file: t.rel, kind: t.kind, oidcSteps: 0, notChecked: reason });
      continue;
    }
    const root = repoRoot(t.abs, cwd);
    const result = scanText(text, t.rel, t.kind, config, {
      read: (p) => {
        const abs = join(root, p);
        // `uses: ./../x` names a file outside the repository: never read, whatever it is.
        const rel = relative(root, abs);
        if (rel.split(sep)[0] === '..' || isAbsolute(rel)) return undefined;
        if (!reads.has(abs)) {
          let text: string | undefined;
          try {
            text = readBounded(abs);
          } catch {
            text = undefined;
          }
          reads.set(abs, text);
        }
        return reads.get(abs);
      },
    });
    findings.push(...result.findings);
    files.push(result.posture);
    suppressed += result.suppressed;
  }
  findings.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1),
  );
  return { findings, files, suppressed };
}

/** Scans one file's text. Never throws: a file that cannot be parsed is a JIT001 finding. */
export function scanText(
  text: string,
  file: string,
  kind: FileKind,
  config: ScanConfig = EMPTY_CONFIG,
  local?: LocalResolver,
  depth = 0,
): FileScan {
  const posture: FilePosture = { file, kind, oidcSteps: 0 };
  let src: YamlSource;
  try {
    src = new YamlSource(file, text);
  } catch (err) {
    posture.notChecked = `The YAML parser failed: ${(err as Error).message}`;
    return { findings: [fileError(file, posture.notChecked)], posture, suppressed: 0 };
  }
  const errors = src.errors;
  const root = src.contents;
  const ctx = new RuleContext(src, file, []);
  let model: Model | undefined;
  try {
    if (errors.length > 0) {
      const e = errors[0]!;
      const at = src.pos(e.pos[0]);
      posture.notChecked = `The file is not valid YAML (${e.code}): ${e.message.split('\n')[0]}`;
      ctx.report(
        'JIT001',
        { ...at, endLine: at.line, endColumn: at.column + 1 },
        posture.notChecked,
      );
    } else if (root !== null && !isMap(root)) {
      posture.notChecked = `The file is not ${kind === 'action' ? 'an action' : 'a workflow'}: its top level is not a mapping.`;
      ctx.report('JIT001', src.nodeLoc(root as Node), posture.notChecked);
    }
    model = buildModel(
      src,
      kind === 'action' || src.get(root, 'runs') !== undefined ? 'action' : 'workflow',
    );
    const rules = new RuleContext(src, file, model.kind === 'workflow' ? model.triggers : []);
    const flow = new FileFlow(
      src,
      model,
      model.kind === 'action' || model.triggers.includes('workflow_call'),
    );
    checkCredentials(rules, model, flow, {
      localKeyInputs: (uses) => (local && depth < 3 ? localKeyInputs(local, uses) : undefined),
    });
    checkScripts(rules, flow);
    checkLiterals(rules);
    checkHandoff(rules, model, {
      localWorkflowUsesKeys: (uses) => {
        const callee = local && depth < 3 ? local.read(uses.split('@')[0]!) : undefined;
        if (callee === undefined) return undefined;
        const keys = scanText(
          callee,
          uses,
          'workflow',
          EMPTY_CONFIG,
          local,
          depth + 1,
        ).findings.filter((f) => rule(f.rule).credential);
        // Unknown stays unknown: a callee that only hands secrets on proves nothing.
        if (keys.some((f) => !f.uncertain)) return true;
        return keys.length > 0 ? undefined : false;
      },
    });
    if (model.kind === 'workflow') checkOidc(rules, model);
    ctx.findings.push(...rules.findings);
    fillPosture(posture, src, model);
  } catch (err) {
    // A rule bug must not hide the rest of the scan: report it on the file and carry on.
    posture.notChecked = `The scanner failed on this file (please report it): ${(err as Error).message}`;
    ctx.findings.push(fileError(file, posture.notChecked));
  }
  const disabled = new Set(config.disable);
  const inline = inlineSuppressions(src.lines);
  const { kept, suppressed, missingReason } = applySuppressions(
    dedupe(ctx.findings.filter((f) => !disabled.has(f.rule))),
    inline,
    config.ignore,
    file,
  );
  for (const s of missingReason) {
    if (disabled.has('JIT002')) break;
    const r = rule('JIT002');
    kept.push({
      rule: 'JIT002',
      severity: r.severity,
      file,
      line: s.line,
      column: s.column,
      endLine: s.line,
      endColumn: (src.lines[s.line - 1] ?? '').length + 1,
      message: `This suppression of ${s.rules.join(', ') || 'no rule'} gives no reason, so it is not applied.`,
      help: r.help,
    });
  }
  fingerprint(kept, src.lines);
  return { findings: kept, posture, suppressed };
}

function fingerprint(findings: Finding[], lines: string[]): void {
  const seen = new Map<string, number>();
  for (const f of [...findings].sort((a, b) => a.line - b.line || a.column - b.column)) {
    const text = (lines[f.line - 1] ?? '').trim().replace(/\s+/g, ' ');
    const key = `${f.rule}\0${f.file}\0${text}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    f.fingerprint = createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  }
}

/** One finding per rule and line: a line with several expressions is still one problem. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.rule}:${f.line}`;
    const prev = seen.get(key);
    if (!prev || severityRank(f.severity) > severityRank(prev.severity)) seen.set(key, f);
  }
  return [...seen.values()];
}

/** A workflow file is small: a regular file (never through a symbolic link) of at most 1 MiB. */
export const MAX_FILE_BYTES = 1024 * 1024;
export function readBounded(abs: string): string {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > MAX_FILE_BYTES)
      throw new Error(`${st.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function fileError(file: string, message: string): Finding {
  const r = rule('JIT001');
  return {
    rule: 'JIT001',
    severity: r.severity,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message,
    help: r.help,
  };
}

const keyInputCache = new WeakMap<LocalResolver, Map<string, Set<string> | undefined>>();

/** Inputs of a local composite action that end up as cloud keys (once per action and resolver). */
function localKeyInputs(local: LocalResolver, uses: string): Set<string> | undefined {
  let cache = keyInputCache.get(local);
  if (!cache) keyInputCache.set(local, (cache = new Map()));
  if (!cache.has(uses)) cache.set(uses, readKeyInputs(local, uses));
  return cache.get(uses);
}

function readKeyInputs(local: LocalResolver, uses: string): Set<string> | undefined {
  if (/\.ya?ml(@.*)?$/.test(uses)) return workflowKeyInputs(local, uses.split('@')[0]!);
  const dir = uses.replace(/^\.\//, '').replace(/\/$/, '');
  const text = local.read(`${dir}/action.yml`) ?? local.read(`${dir}/action.yaml`);
  if (text === undefined) return undefined;
  const src = new YamlSource(uses, text);
  const model = buildModel(src, 'action');
  if (model.kind !== 'action') return undefined;
  const out = new Set<string>();
  for (const input of model.inputs) {
    if (KEY_INPUT_NAMES[input.key.toLowerCase()] || isCloudCredentialName(input.key))
      out.add(input.key);
  }
  for (const step of model.steps) {
    const known = knownAction(actionName(step.uses));
    for (const e of step.with) {
      if (!known?.keyInputs.includes(e.key) && !KEY_INPUT_NAMES[e.key.toLowerCase()]) continue;
      for (const span of e.spans)
        for (const r of span.refs) if (r.context === 'inputs' && r.path[0]) out.add(r.path[0]);
    }
  }
  return out;
}

/**
 * Inputs and secrets a local reusable workflow uses as cloud keys: the `inputs.X` and `secrets.X`
 * read on the lines of its own credential findings. A caller feeding them is then reported even
 * when the names it uses say nothing (`token: ${{ secrets.PROD }}`).
 */
function workflowKeyInputs(local: LocalResolver, path: string): Set<string> | undefined {
  const text = local.read(path.replace(/^\.\//, ''));
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  const out = new Set<string>();
  const { findings } = scanText(text, path, 'workflow', EMPTY_CONFIG, local, 3);
  for (const f of findings) {
    if (!rule(f.rule).credential) continue;
    for (const span of expressionsIn(lines[f.line - 1] ?? '')) {
      for (const r of span.refs) {
        if ((r.context === 'inputs' || r.context === 'secrets') && r.path[0]) out.add(r.path[0]);
      }
    }
  }
  return out;
}

function fillPosture(posture: FilePosture, src: YamlSource, model: Model): void {
  const steps: Step[] = model.kind === 'action' ? model.steps : model.jobs.flatMap((j) => j.steps);
  for (const step of steps) {
    if (!oidcCloud(step)) continue;
    posture.oidcSteps++;
    const known = knownAction(actionName(step.uses));
    const ttl = known?.ttlInput ? step.with.find((e) => e.key === known.ttlInput)?.text : undefined;
    const seconds = ttl ? ttlSeconds(ttl) : undefined;
    if (seconds !== undefined && seconds > (posture.longestTtlSeconds ?? 0))
      posture.longestTtlSeconds = seconds;
  }
  void src;
}

/** `3600`, `3600s`, `15m`, `1h`, `1h30m`; undefined for expressions and anything else. */
export function ttlSeconds(value: string): number | undefined {
  const v = value.trim();
  if (/^\d+s?$/.test(v)) return Number.parseInt(v, 10);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v);
  if (!m || v === '') return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
