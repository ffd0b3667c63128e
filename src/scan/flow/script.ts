import {
  article,
  cloudOfName,
  cloudOfText,
  isCloudCredentialName,
  isCredentialName,
  isExampleValue,
  isNonCloudName,
} from '../names.js';
import type { Cloud } from '../types.js';
import {
  describeSource,
  isStored,
  origin,
  sourceName,
  through,
  type Origin,
  type Site,
  type StoreKind,
} from './origin.js';
import { genericSecretShape, keyShape } from './shape.js';
import {
  atoms,
  commands,
  inRanges,
  readWord,
  testRanges,
  unquote,
  type Atom,
  type Command,
  type ScriptLine,
} from './shell.js';
import type { ExpressionSpan } from '../expressions.js';

/** A value held in a variable, with where it was set. */
export interface Binding {
  origins: Origin[];
  site?: Site;
  /** The value as written, when it is plain text (a path, for key files). */
  text?: string;
}

export type Env = Map<string, Binding>;

/** A use of a long-lived key found by following values. */
export interface Use {
  rule: 'JIT103' | 'JIT104' | 'JIT105';
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  cloud: Cloud;
  /** The stored values that make it a use; the places they passed through are reported too. */
  origins: Origin[];
}

/** A file written by a step: its content's origins, keyed by normalised path. */
export interface FileWrite {
  path: string;
  origins: Origin[];
  /** The script line that wrote it; none for an action's own file (its input is the use). */
  site?: Site;
}

/** Something that points at a key file; judged once the job's writes are known. */
export interface FilePointer {
  /** Path keys the pointer may name. */
  paths: string[];
  site: Site;
  what: string;
  /** An env entry is JIT103; a script line JIT104. */
  rule: 'JIT103' | 'JIT104';
}

export interface ScriptEffects {
  exports: Env;
  outputs: Map<string, Origin[]>;
  writes: FileWrite[];
  pointers: FilePointer[];
  uses: Use[];
}

/** How the walker resolves what a script cannot see for itself. */
export interface ScriptScope {
  /** Values of `${{ }}` expressions in this step (env context, step outputs). */
  expr: (span: ExpressionSpan) => Origin[];
  fromCallers: boolean;
  /** Files written earlier in the job, by path key. */
  file: (path: string) => Origin[];
}

/** Variables that name a Google key file. */
export const KEY_FILE_VARS = new Set([
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
  'GOOGLE_GHA_CREDS_PATH',
]);

const DECRYPT: Array<[RegExp, StoreKind]> = [
  [/\bsops\b[^|;]*(?:\s(?:-d|--decrypt)\b|\bexec-(?:env|file)\b)/, 'sops'],
  [/\bgpg2?\b[^|;]*\s(?:-d|--decrypt)\b/, 'gpg'],
  [/\bage\b[^|;]*\s(?:-d|--decrypt)\b/, 'age'],
  [/\bopenssl\b[^|;]*\s-d\b/, 'openssl'],
  [/\bansible-vault\s+(?:view|decrypt)\b/, 'ansible-vault'],
  [/\bop\s+(?:read|inject)\b/, '1password'],
];

/** Commands whose output is a credential made at run time, or no credential at all. */
const MINTED =
  /\b(?:gcloud\s+auth\s+(?:application-default\s+)?print-(?:access|identity)-token|az\s+account\s+get-access-token|aws\s+sts\b|aws\s+ecr(?:-public)?\s+get-login-password|aws\s+codeartifact\s+get-authorization-token|mktemp)\b|ACTIONS_ID_TOKEN_REQUEST/;

const ENV_TARGET = /(?:\$\{?|\$env:|%)GITHUB_ENV\b/;
const OUTPUT_TARGET = /(?:\$\{?|\$env:|%)GITHUB_OUTPUT\b/;

/** Follows values through one `run:` script. */
export class ScriptWalker {
  private readonly vars: Env;
  private readonly fx: ScriptEffects = {
    exports: new Map(),
    outputs: new Map(),
    writes: [],
    pointers: [],
    uses: [],
  };

  constructor(
    env: Env,
    private readonly scope: ScriptScope,
  ) {
    this.vars = new Map(env);
  }

  walk(lines: ScriptLine[]): ScriptEffects {
    for (const cmd of commands(lines)) this.command(cmd);
    return this.fx;
  }

  private command(cmd: Command): void {
    const text = cmd.text;
    const tests = testRanges(text);
    this.interpolations(cmd, tests);
    this.assignments(cmd);
    const envWrite =
      writesTo(text, ENV_TARGET) || (cmd.heredoc !== undefined && ENV_TARGET.test(text));
    const outWrite =
      writesTo(text, OUTPUT_TARGET) || (cmd.heredoc !== undefined && OUTPUT_TARGET.test(text));
    if (envWrite) this.pairs(cmd, 'env');
    else if (outWrite || /::set-output\s/.test(text)) this.pairs(cmd, 'output');
    else this.fileWrite(cmd);
    this.awsConfigure(cmd);
    this.credentialsFile(cmd);
    this.azLogin(cmd);
    this.gcloud(cmd);
    this.dockerLogin(cmd);
  }

  // --- values ---

  private valueOf(text: string, at: number): Origin[] {
    const found = atoms(text, at);
    if (found.length === 0) {
      const literal = unquote(text);
      if (/^op:\/\//.test(literal))
        return [origin({ kind: 'stored', how: '1password', ref: literal })];
      return [origin({ kind: 'literal', text: literal })];
    }
    return found.flatMap((a) => this.atom(a));
  }

  private atom(a: Atom): Origin[] {
    if (a.kind === 'expr') return this.scope.expr(a.span);
    if (a.kind === 'var') {
      const b = this.vars.get(a.name);
      return b ? through(b.origins, b.site) : [origin({ kind: 'unset', name: a.name })];
    }
    return this.substitution(a.text, a.at);
  }

  /** `$(...)`: a decrypted or password-manager value, a value made at run time, or what it echoes. */
  private substitution(text: string, at: number): Origin[] {
    for (const [re, how] of DECRYPT) {
      if (re.test(text)) return [origin({ kind: 'stored', how, ref: operand(text) })];
    }
    const b64 = /\bbase64\s+(?:-d|--decode|-D)\s+(?:<\s*)?([^\s$|;'"`-][^\s|;]*)/.exec(text);
    if (b64 && !/\|\s*base64/.test(text))
      return [origin({ kind: 'stored', how: 'base64 file', ref: b64[1]! })];
    if (MINTED.test(text)) return [origin({ kind: 'minted', command: text.trim() })];
    const cat = /^\s*cat\s+("[^"]*"|'[^']*'|\S+)\s*$/.exec(text);
    if (cat) {
      const inFile = this.scope.file(pathKey(cat[1]!, this.vars));
      if (inFile.length > 0) return inFile;
    }
    const inner = atoms(text, at);
    if (inner.length === 0) return [origin({ kind: 'minted', command: text.trim() })];
    return inner.flatMap((a) => this.atom(a));
  }

  private site(cmd: Command, offset: number, name: string, label?: string, length?: number): Site {
    const line = cmd.lineOf(offset);
    const column = cmd.columnOf(offset);
    const end = length === undefined ? column + lineLength(cmd, offset) : column + length;
    return { kind: 'script', name, label, line, column, endLine: line, endColumn: end };
  }

  // --- what the script does with values ---

  /** `export NAME=value`, `NAME=value`, `$env:NAME = value`. */
  private assignments(cmd: Command): void {
    const text = cmd.text;
    const re =
      /(?:^|[;&|({]\s*|\b(?:export|declare\s+-x|local|readonly|then|do|else)\s+)([A-Za-z_]\w*)=(?=\S|$)|\$(?:env:)?([A-Za-z_]\w*)\s*=\s*(?!=)/g;
    for (const m of text.matchAll(re)) {
      const name = (m[1] ?? m[2])!;
      // PowerShell `$x = ...` only at the start of a statement.
      if (m[2] && !statementStart(text, m.index)) continue;
      const start = m.index + m[0].length;
      const { word } = readWord(text, start);
      const site = this.site(
        cmd,
        m.index + (m[0].length - m[0].trimStart().length),
        name,
        `$${name}`,
      );
      const binding: Binding = { origins: this.valueOf(word, start), site, text: unquote(word) };
      this.vars.set(name, binding);
      this.definition(name, binding, site, 'set in the script');
    }
  }

  /** `NAME=value` lines written to GITHUB_ENV or GITHUB_OUTPUT (echo, printf, heredoc). */
  private pairs(cmd: Command, into: 'env' | 'output'): void {
    const found: Array<{ name: string; value: string; at: number; cmd: Command }> = [];
    if (cmd.heredoc) {
      const body = cmd.heredoc;
      for (let i = 0; i < body.length; i++) {
        const m = /^(\s*)([A-Za-z_][\w-]*)(=|<<)(.*)$/.exec(body[i]!.text);
        if (!m) continue;
        const line = lineCommand(body[i]!);
        let value = m[4]!;
        if (m[3] === '<<') {
          const delim = value.trim();
          const parts: string[] = [];
          while (i + 1 < body.length && body[i + 1]!.text.trim() !== delim)
            parts.push(body[++i]!.text);
          value = parts.join('\n');
        }
        found.push({ name: m[2]!, value, at: m[1]!.length, cmd: line });
      }
    }
    const legacy = /::set-output\s+name=([\w-]+)::(.*)$/.exec(cmd.text);
    if (legacy) found.push({ name: legacy[1]!, value: legacy[2]!, at: legacy.index, cmd });
    // `echo "NAME=value"`, `printf 'NAME=%s\n' "$V"`, `"NAME=value" | Out-File ...`.
    if (
      !cmd.heredoc &&
      /\b(?:echo|printf|Write-Output|Add-Content|Out-File|Set-Content)\b|^\s*["']/.test(cmd.text)
    ) {
      const ws = wordsOf(cmd.text);
      for (let k = 0; k < ws.length; k++) {
        const w = ws[k]!;
        if (/^\d*>>?$|^tee$/.test(w.word)) break;
        const inner = unquote(w.word);
        const m = /^([A-Za-z_][\w-]*)=([\s\S]*?)(?:\\n)?$/.exec(inner);
        if (!m || k === 0) continue;
        const offset =
          w.at + (w.word.length - w.word.trimStart().length) + (inner === w.word ? 0 : 1);
        let value = m[2]!;
        if (value.includes('%s'))
          value = ws
            .slice(k + 1)
            .filter((x) => !/^\d*>>?$/.test(x.word))
            .map((x) => x.word)
            .join(' ');
        found.push({ name: m[1]!, value, at: offset + m[1]!.length + 1, cmd });
      }
    }
    for (const f of found) {
      const site = this.site(
        f.cmd,
        Math.max(0, f.at - f.name.length - 1),
        f.name,
        into === 'env' ? `GITHUB_ENV ${f.name}` : `step output ${f.name}`,
      );
      const binding: Binding = {
        origins: this.valueOf(f.value, f.at),
        site,
        text: unquote(f.value),
      };
      if (into === 'output') {
        this.fx.outputs.set(f.name, through(binding.origins, site));
        continue;
      }
      this.fx.exports.set(f.name, binding);
      this.definition(f.name, binding, site, 'written to GITHUB_ENV');
    }
  }

  /** A cloud key put in a variable whose name SDKs read (`AWS_SECRET_ACCESS_KEY`), or a key file pointer. */
  private definition(name: string, b: Binding, site: Site, how: string): void {
    if (KEY_FILE_VARS.has(name.toUpperCase())) {
      const paths = [pathKey(b.text ?? '', this.vars), `$${name}`].filter((p) => p !== '');
      this.fx.pointers.push({ paths, site, what: `${name} (${how})`, rule: 'JIT104' });
      return;
    }
    const cloud = cloudOfName(name);
    if (!cloud || !isCredentialName(name) || isNonCloudName(name)) return;
    const stored = b.origins.filter((o) => isStored(o, this.scope.fromCallers));
    if (stored.length > 0) {
      this.use(
        site,
        `${describeSource(stored[0]!.source)} is put in ${name} (${how}): a long-lived ${cloudLabel(cloud)} key.`,
        cloud,
        stored,
      );
      return;
    }
    const literal = b.origins.find((o) => o.source.kind === 'literal');
    const shape = literal ? keyShape(b.text ?? '') : undefined;
    if (shape) {
      this.fx.uses.push({
        rule: 'JIT105',
        ...site,
        message: `${name} is set to ${shape.what} written in the file.`,
        cloud: shape.cloud === 'other' ? cloud : shape.cloud,
        origins: [],
      });
    }
  }

  /** A file written with `>`, `>>`, `tee`, `-o`/`--output`, `Out-File` or a here-document. */
  private fileWrite(cmd: Command): void {
    const text = cmd.text;
    const target =
      /(?:^|[^0-9&>])>>?\s*("[^"]*"|'[^']*'|[^\s;|&]+)/.exec(text) ??
      /\btee\s+(?:-a\s+)?("[^"]*"|'[^']*'|[^\s;|&-][^\s;|&]*)/.exec(text) ??
      /\s(?:-o|--output|--out|-FilePath|-Path)[\s=]+("[^"]*"|'[^']*'|[^\s;|&]+)/.exec(text);
    if (!target) return;
    const path = pathKey(target[1]!, this.vars);
    if (path === '' || /^\/dev\/(null|stderr|stdout)$/.test(path) || /^&\d$/.test(path)) return;
    const source = cmd.heredoc
      ? cmd.heredoc.flatMap((l) => this.valueOfLine(l))
      : this.contentOf(
          text.slice(0, target.index) + ' ' + text.slice(target.index + target[0].length),
          target.index,
        );
    const origins = source.filter((o) => o.source.kind !== 'literal');
    if (origins.length === 0) return;
    const site = this.site(cmd, 0, path, `file ${path}`);
    this.fx.writes.push({ path, origins, site });
    const stored = origins.filter((o) => isStored(o, this.scope.fromCallers));
    const named = stored.filter((o) => {
      const names = [sourceName(o.source), ...o.via.map((v) => v.name)];
      return names.some((n) => n !== undefined && isCloudCredentialName(n));
    });
    if (named.length > 0) {
      const via = named[0]!.via.at(-1)?.name;
      const cloud = cloudOfStored(named) ?? 'other';
      this.use(
        site,
        `${via ? `The key in $${via}` : describeSource(named[0]!.source)} is written to a file (${path}), where any later step and any upload can read it.`,
        cloud,
        named,
      );
    }
  }

  /** What a command outputs: its decrypting or echoed values (a here-document is read by the caller). */
  private contentOf(text: string, at: number): Origin[] {
    for (const [re, how] of DECRYPT) {
      if (re.test(text)) return [origin({ kind: 'stored', how, ref: operand(text) })];
    }
    const b64 = /\bbase64\s+(?:-d|--decode|-D)\s+(?:<\s*)?([^\s$|;'"`-][^\s|;]*)/.exec(text);
    if (b64 && !/\|\s*base64/.test(text))
      return [origin({ kind: 'stored', how: 'base64 file', ref: b64[1]! })];
    if (MINTED.test(text)) return [origin({ kind: 'minted', command: text.trim() })];
    return atoms(text, at).flatMap((a) => this.atom(a));
  }

  private valueOfLine(l: ScriptLine): Origin[] {
    return atoms(l.text).flatMap((a) => this.atom(a));
  }

  // --- logins and key files ---

  /** `${{ secrets.X }}` typed into a command, unless only compared (`[ -z "${{ secrets.X }}" ]`). */
  private interpolations(cmd: Command, tests: Array<[number, number]>): void {
    for (const a of atoms(cmd.text)) {
      if (a.kind !== 'expr' || inRanges(a.at, tests)) continue;
      for (const r of a.span.flows) {
        const fromInput = r.context === 'inputs' && this.scope.fromCallers;
        if ((r.context !== 'secrets' && !fromInput) || r.whole) continue;
        const name = [r.path[0] ?? '', ...(r.fields ?? [])].join('_');
        if (isNonCloudName(name)) continue;
        if (!(
          isCloudCredentialName(name) ||
          (isCredentialName(name) && CLOUD_COMMAND.test(cmd.text))
        ))
          continue;
        const cloud = cloudOfName(name);
        const what =
          r.context === 'inputs' ? `The caller's input ${r.path[0]}` : `The secret ${r.path[0]}`;
        this.use(
          this.site(cmd, a.at, name, undefined, a.span.end - a.span.start),
          `${what}${r.fields?.length ? `.${r.fields.join('.')}` : ''} is written into a script${commandName(cmd.text)}: a long-lived ${cloudLabel(cloud)} key on a command line.`,
          cloud ?? 'other',
          [],
        );
      }
    }
  }

  private awsConfigure(cmd: Command): void {
    const m =
      /\baws\s+configure\s+set\s+(?:--profile[\s=]+\S+\s+)?(?:[\w-]+\.)?(aws_access_key_id|aws_secret_access_key)\s+/.exec(
        cmd.text,
      );
    if (!m) return;
    const start = m.index + m[0].length;
    const { word } = readWord(cmd.text, start);
    const origins = this.valueOf(word, start);
    const keys = origins.filter((o) => this.mayBeKey(o));
    if (keys.length === 0) return;
    this.use(
      this.site(cmd, m.index, m[1]!),
      `\`aws configure set ${m[1]}\` stores a long-lived AWS key in the runner's AWS config.`,
      'aws',
      keys,
    );
  }

  /** `aws_secret_access_key = ...` written into a shared-credentials file (heredoc, echo, printf). */
  private credentialsFile(cmd: Command): void {
    const lines: Array<{ text: string; line: number; col: number; cmd: Command }> = cmd.heredoc
      ? cmd.heredoc.map((l) => ({ text: l.text, line: l.line, col: 1, cmd: lineCommand(l) }))
      : [{ text: cmd.text, line: cmd.first, col: 0, cmd }];
    for (const l of lines) {
      // `\\n` before the name in a printf format is no word boundary.
      for (const m of l.text.matchAll(
        /(?:(?<=\\n)|\b)aws_(access_key_id|secret_access_key)\s*=\s*/g,
      )) {
        if (!cmd.heredoc && /\baws\s+configure\s+set\b/.test(l.text)) continue;
        const start = m.index + m[0].length;
        const { word } = readWord(l.text, start);
        let origins = this.valueOf(word.replace(/\\n.*$/, ''), start);
        if (/%s/.test(word) || /^\\?["']?%/.test(word)) {
          // printf '...aws_secret_access_key = %s\n' "$A" "$B": the values are the arguments.
          origins = atoms(l.text.slice(start)).flatMap((a) => this.atom(a));
        }
        const keys = origins.filter((o) => this.mayBeKey(o));
        if (keys.length === 0) continue;
        this.use(
          this.site(l.cmd, m.index, `aws_${m[1]}`),
          `An AWS key is written into a shared-credentials file (\`aws_${m[1]} = …\`), where every later AWS tool finds it.`,
          'aws',
          keys,
        );
      }
    }
  }

  private azLogin(cmd: Command): void {
    if (!/\baz\s+login\b/.test(cmd.text) || /--federated-token/.test(cmd.text)) return;
    const m = /(?:^|\s)(-p|--password|--secret)(?:=|\s+)/.exec(cmd.text);
    if (!m) return;
    const start = m.index + m[0].length;
    const origins = this.valueOf(readWord(cmd.text, start).word, start);
    this.use(
      this.site(cmd, m.index + (m[0].length - m[0].trimStart().length), 'az login'),
      '`az login` with a password or client secret logs in with a long-lived Azure service-principal secret.',
      'azure',
      origins.filter((o) => isStored(o, this.scope.fromCallers)),
    );
  }

  private gcloud(cmd: Command): void {
    const text = cmd.text;
    const activate = /\bgcloud\s+auth\s+activate-service-account\b/.exec(text);
    const credFile = /\bgcloud\s+auth\s+login\b.*?--cred-file[\s=]+("[^"]*"|'[^']*'|\S+)/.exec(
      text,
    );
    if (activate) {
      const file = /--key-file[\s=]+("[^"]*"|'[^']*'|\S+)/.exec(text);
      const origins = file ? this.keyFileOrigins(file[1]!) : [];
      this.use(
        this.site(cmd, activate.index, 'gcloud'),
        '`gcloud auth activate-service-account` logs in with a long-lived Google Cloud service-account key.',
        'gcp',
        origins.filter((o) => isStored(o, this.scope.fromCallers)),
      );
    } else if (credFile) {
      const site = this.site(cmd, credFile.index, 'gcloud');
      this.fx.pointers.push({
        paths: [pathKey(credFile[1]!, this.vars)],
        site,
        what: '`gcloud auth login --cred-file`',
        rule: 'JIT104',
      });
    }
  }

  /** `docker login` to ECR, ACR, GCR or Artifact Registry with a stored password. */
  private dockerLogin(cmd: Command): void {
    const m = /\bdocker\s+login\b/.exec(cmd.text);
    if (!m) return;
    const after = cmd.text.slice(m.index);
    const host = cloudOfText(expandVars(after, this.vars));
    if (!host) return;
    const p = /(?:^|\s)(?:-p|--password)(?:=|\s+)/.exec(after);
    let origins: Origin[];
    if (p) {
      const start = m.index + p.index + p[0].length;
      origins = this.valueOf(readWord(cmd.text, start).word, start);
    } else if (/--password-stdin/.test(after)) {
      origins = this.contentOf(cmd.text.slice(0, m.index), 0);
    } else return;
    const keys = origins.filter((o) => isStored(o, this.scope.fromCallers));
    if (keys.length === 0) return;
    this.use(
      this.site(cmd, m.index, 'docker login'),
      `\`docker login\` to ${article(cloudLabel(host))} registry with a stored password: a long-lived ${cloudLabel(host)} key.`,
      host,
      keys,
    );
  }

  private keyFileOrigins(word: string): Origin[] {
    const key = pathKey(word, this.vars);
    const direct = this.scope.file(key);
    const pending = this.fx.writes
      .filter((w) => samePath(w.path, key))
      .flatMap((w) => through(w.origins, w.site));
    return [...pending, ...direct];
  }

  /**
   * A value that can hold a stored key: not an OIDC output, not computed at run time, and a
   * literal only when it has a key's shape (a local MinIO's `minio123` is not one).
   */
  private mayBeKey(o: Origin): boolean {
    if (isStored(o, this.scope.fromCallers) || o.source.kind === 'unset') return true;
    if (o.source.kind === 'literal') {
      const v = unquote(o.source.text);
      return !isExampleValue(v) && (keyShape(v) !== undefined || genericSecretShape(v));
    }
    return false;
  }

  private use(site: Site, message: string, cloud: Cloud, origins: Origin[]): void {
    this.fx.uses.push({ rule: 'JIT104', ...site, message, cloud, origins });
  }
}

/** Commands that take cloud credentials on their command line. */
const CLOUD_COMMAND =
  /\b(aws|az|gcloud|gsutil|rclone|terraform|s3cmd|azcopy|rad|kubectl|helm|docker|b2|swift|openstack)\b/;

function commandName(command: string): string {
  const m = CLOUD_COMMAND.exec(command);
  return m ? ` (${m[1]})` : '';
}

export function cloudLabel(c: Cloud | undefined): string {
  return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}

function cloudOfStored(origins: Origin[]): Cloud | undefined {
  for (const o of origins) {
    for (const n of [sourceName(o.source), ...o.via.map((v) => v.name)]) {
      const c = n ? cloudOfName(n) : undefined;
      if (c) return c;
    }
  }
  return undefined;
}

const writePatterns = new Map<RegExp, RegExp>();

/** True when the command redirects, tees or (PowerShell) writes into the target. */
function writesTo(text: string, target: RegExp): boolean {
  if (!target.test(text)) return false;
  let re = writePatterns.get(target);
  if (!re) {
    const t = target.source;
    re = new RegExp(
      `>>?\\s*["']?${t}|\\btee\\s+(?:-a\\s+)?["']?${t}|(?:Out-File|Add-Content|Set-Content)\\b[^|;]*${t}`,
      'i',
    );
    writePatterns.set(target, re);
  }
  return re.test(text);
}

/** The file a decrypting command reads (its last plain operand). */
function operand(text: string): string {
  const words = text
    .split(/\s+/)
    .filter((w) => w !== '' && !w.startsWith('-') && !/[|;&<>]/.test(w));
  return unquote(words.at(-1) ?? '');
}

/**
 * A path as a key for matching writes to uses: quotes, the workspace prefix and `./` dropped;
 * `$X`/`${X}` kept as `$X` unless X holds a plain path.
 */
export function pathKey(word: string, vars?: Env): string {
  let p = unquote(word.trim());
  const v = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(p) ?? /^\$env:([A-Za-z_]\w*)$/.exec(p);
  if (v) {
    const text = vars?.get(v[1]!)?.text;
    if (text && !/[$`(]/.test(text) && text !== '') p = text;
    else return `$${v[1]}`;
  }
  return p
    .replace(/^\$\{\{\s*(?:github\.workspace|runner\.temp|env\.HOME)\s*\}\}\//, '')
    .replace(/^\$\{?(?:GITHUB_WORKSPACE|PWD|HOME|RUNNER_TEMP)\}?\//, '')
    .replace(/^~\//, '')
    .replace(/^\.\//, '');
}

/** Two path keys name the same file: equal, or the same file name with an extension. */
export function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith('$') || b.startsWith('$')) return false;
  const base = (p: string) => p.split('/').at(-1) ?? '';
  return base(a) !== '' && base(a) === base(b) && /\.\w+$/.test(base(a));
}

function expandVars(text: string, vars: Env): string {
  return text.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (all, n: string) => vars.get(n)?.text ?? all);
}

function lineLength(cmd: Command, offset: number): number {
  return Math.max(1, cmd.lineEndOf(offset) - offset);
}

/** A here-document line as a command of its own (its text is the whole source line). */
function lineCommand(l: ScriptLine): Command {
  return {
    text: l.text,
    first: l.line,
    lineOf: () => l.line,
    columnOf: (o) => o + 1,
    lineEndOf: () => l.text.length,
  };
}

/** The words of a command with their offsets. */
function wordsOf(text: string): Array<{ word: string; at: number }> {
  const out: Array<{ word: string; at: number }> = [];
  let i = 0;
  while (i < text.length && out.length < 500) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const { word, end } = readWord(text, i);
    if (end === i) {
      // An operator character (`|`, `;`, `>`): a word of its own.
      let j = i;
      while (j < text.length && /[;&|<>0-9]/.test(text[j]!) && j - i < 3) j++;
      out.push({ word: text.slice(i, Math.max(j, i + 1)), at: i });
      i = Math.max(j, i + 1);
      continue;
    }
    out.push({ word, at: i });
    i = end;
  }
  return out;
}

/** Only blanks between the statement's start (`;`, `{` or the text's start) and `at`: no copy of the prefix. */
function statementStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i < 0 || text[i] === ';' || text[i] === '{';
}
