import { createHash } from 'node:crypto';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { ConfigurationError } from '../errors.js';
import {
  DELIVERY_MODES,
  PROVIDER_IDS,
  type DeliveryMode,
  type ProviderId,
} from '../providers/provider.js';
import {
  closest,
  MATCHABLE_CLAIMS,
  REF_CLAIMS,
  REPOSITORY_CLAIMS,
  suggestClaim,
} from './claims.js';
import { MAX_POLICY_DURATION, formatDuration, parseDuration } from './duration.js';
import {
  compileMatcher,
  loadPatternEngine,
  matchesAnything,
  PatternEngineNeeded,
} from './matcher.js';
import { isLogin } from './approvals.js';
import type {
  ApprovalRequirement,
  Condition,
  LoadedPolicy,
  Matcher,
  PolicyWarning,
  Rule,
  RuleAllow,
  SourcePos,
} from './types.js';
import { ROLE_ARN } from '../providers/aws/arn.js';

export const DEFAULT_POLICY_PATH = '.github/jit-policy.yml';

const RULE_KEYS = ['name', 'description', 'when', 'allow', 'require-approval'];
const APPROVAL_KEYS = ['reviewers', 'teams'];
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Which allow key names the principal, per provider; the first listed is the usual one. */
export const PRINCIPAL_KEYS: Record<ProviderId, readonly string[]> = {
  aws: ['role'],
  azure: ['client-id'],
  gcp: ['service-account', 'workload-identity-provider'],
};
const ALL_PRINCIPAL_KEYS = Object.values(PRINCIPAL_KEYS).flat();
const ALLOW_KEYS = ['provider', ...ALL_PRINCIPAL_KEYS, 'max-duration', 'delivery'];

/** Shapes an exact principal must have, so that a typo is caught here rather than as a silent deny. */
const PRINCIPAL_SHAPES: Record<string, { re: RegExp; example: string }> = {
  role: {
    re: ROLE_ARN,
    example: 'arn:aws:iam::123456789012:role/deploy',
  },
  'service-account': {
    re: /^[^@\s]+@[^@\s]+$/,
    example: 'deploy@my-project.iam.gserviceaccount.com',
  },
  'workload-identity-provider': {
    re: /^projects\/[0-9]+\/locations\/global\/workloadIdentityPools\/[a-z0-9-]+\/providers\/[a-z0-9-]+$/,
    example: 'projects/123456789/locations/global/workloadIdentityPools/github/providers/actions',
  },
  'client-id': {
    re: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    example: '00000000-0000-0000-0000-000000000000',
  },
};

/**
 * Reads a policy file. Without `explicit` (the default path, no `policy:` input) a missing
 * file means "no policy" and returns undefined; every other problem is a ConfigurationError
 * listing each mistake as file:line:col.
 */
export async function loadPolicy(
  path: string,
  opts: { explicit: boolean },
): Promise<LoadedPolicy | undefined> {
  let bytes: Buffer;
  try {
    // Loaded here, not at start: a step that reads its policy from the API never needs it.
    bytes = await process.getBuiltinModule('node:fs/promises').readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && !opts.explicit) return undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ConfigurationError(
        `Policy file '${path}' does not exist. Create it, or fix the 'policy' input (paths are relative to the workspace; the default is ${DEFAULT_POLICY_PATH}).`,
      );
    }
    throw new ConfigurationError(`Cannot read policy file '${path}': ${(err as Error).message}`);
  }
  return readPolicy(bytes, path);
}

/** parsePolicy, with the pattern engine loaded first when the policy turns out to need it. */
export async function readPolicy(bytes: Buffer | string, path: string): Promise<LoadedPolicy> {
  try {
    return parsePolicy(bytes, path);
  } catch (err) {
    if (!(err instanceof PatternEngineNeeded)) throw err;
  }
  await loadPatternEngine();
  return parsePolicy(bytes, path);
}

/** Parses and checks a policy; one with `^...$` patterns needs loadPatternEngine to have run. */
export function parsePolicy(bytes: Buffer | string, path: string): LoadedPolicy {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const digest = createHash('sha256').update(buf).digest('hex');
  const lineCounter = new LineCounter();
  const doc = parseDocument(buf.toString('utf8'), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const checker = new Checker(path, lineCounter, doc);
  for (const e of doc.errors) checker.error(e.pos[0], e.message.split('\n')[0]!);
  if (doc.errors.length === 0) checker.root();
  checker.throwIfAny();
  return { path, digest, version: 1, rules: checker.rules, warnings: checker.warnings };
}

class Checker {
  readonly rules: Rule[] = [];
  readonly warnings: PolicyWarning[] = [];
  private readonly errors: string[] = [];

  constructor(
    private readonly path: string,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {}

  pos(node: Node | null | undefined, fallback = 0): SourcePos {
    const offset = node?.range?.[0] ?? fallback;
    return this.lines.linePos(offset);
  }

  error(at: Node | null | undefined | number, message: string): void {
    const { line, col } = typeof at === 'number' ? this.lines.linePos(at) : this.pos(at);
    this.errors.push(`${this.path}:${line}:${col}: ${message}`);
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const shown = this.errors.slice(0, 20);
    const more =
      this.errors.length > shown.length
        ? `\n  ... and ${this.errors.length - shown.length} more`
        : '';
    throw new ConfigurationError(
      `Policy file '${this.path}' is not valid (${this.errors.length} problem${this.errors.length === 1 ? '' : 's'}):\n  ${shown.join('\n  ')}${more}`,
    );
  }

  private resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  /** Pairs of a mapping, with string keys; errors for anything else. */
  private entries(
    node: Node | null,
    what: string,
  ): Array<{ key: string; keyNode: Node; value: Node | null }> {
    if (!isMap(node)) {
      this.error(node, `${what} must be a mapping (key: value lines)`);
      return [];
    }
    const out: Array<{ key: string; keyNode: Node; value: Node | null }> = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        this.error(keyNode, `${what}: keys must be plain names`);
        continue;
      }
      out.push({ key: keyNode.value, keyNode, value: this.resolve(pair.value) });
    }
    return out;
  }

  private unknownKey(keyNode: Node, key: string, where: string, known: readonly string[]): void {
    const hint = closest(key, known);
    this.error(
      keyNode,
      `unknown key '${key}' in ${where}${hint ? ` (did you mean '${hint}'?)` : ''}; allowed: ${known.join(', ')}`,
    );
  }

  private string(node: Node | null, what: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value !== '') return node.value;
    this.error(node, `${what} must be a non-empty string`);
    return undefined;
  }

  root(): void {
    const root = this.resolve(this.doc.contents);
    if (root === null) {
      this.error(0, "the file is empty: write 'version: 1' and a 'rules:' list");
      return;
    }
    let version: Node | null | undefined;
    let rules: Node | null | undefined;
    for (const { key, keyNode, value } of this.entries(root, 'the policy file')) {
      if (key === 'version') version = value;
      else if (key === 'rules') rules = value;
      else this.unknownKey(keyNode, key, 'the policy file', ['version', 'rules']);
    }
    if (version === undefined) this.error(root, "missing 'version: 1'");
    else if (!(isScalar(version) && (version.value === 1 || version.value === '1'))) {
      this.error(
        version,
        `unsupported version '${isScalar(version) ? String(version.value) : '?'}': this action reads version 1`,
      );
    }
    if (rules === undefined) {
      this.error(
        root,
        "missing 'rules:' (a list of rules; with a policy file, whatever no rule allows is denied)",
      );
      return;
    }
    if (!isSeq(rules)) {
      this.error(rules, "'rules' must be a list (each rule starts with '- name: ...')");
      return;
    }
    if (rules.items.length === 0) {
      this.warnings.push({
        rule: '',
        message: 'the policy has no rules: every request is denied',
        pos: this.pos(rules),
      });
    }
    const seen = new Map<string, SourcePos>();
    for (const item of rules.items) {
      const rule = this.rule(this.resolve(item));
      if (!rule) continue;
      const prev = seen.get(rule.name);
      if (prev) {
        this.error(
          item as Node,
          `rule name '${rule.name}' is used twice (first at line ${prev.line}); names must be unique, they are what the ledger records`,
        );
        continue;
      }
      seen.set(rule.name, rule.pos);
      this.rules.push(rule);
      this.warnBroad(rule);
    }
  }

  private rule(node: Node | null): Rule | undefined {
    const before = this.errors.length;
    let name: string | undefined;
    let description: string | undefined;
    let when: Condition[] | undefined;
    let allow: RuleAllow | undefined;
    let requireApproval: ApprovalRequirement | undefined;
    let whenSeen = false;
    let allowSeen = false;
    const entries = this.entries(node, 'a rule');
    if (!isMap(node)) return undefined;
    for (const { key, keyNode, value } of entries) {
      switch (key) {
        case 'name':
          name = this.string(value, 'rule name');
          if (name !== undefined && !RULE_NAME.test(name)) {
            this.error(
              value,
              `rule name '${name}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
            );
          }
          break;
        case 'description':
          description = this.string(value, 'description');
          break;
        case 'when':
          whenSeen = true;
          when = this.when(value);
          break;
        case 'allow':
          allowSeen = true;
          allow = this.allow(value);
          break;
        case 'require-approval':
          requireApproval = this.requireApproval(value);
          break;
        default:
          this.unknownKey(keyNode, key, 'a rule', RULE_KEYS);
      }
    }
    if (name === undefined && !entries.some((e) => e.key === 'name'))
      this.error(node, "a rule needs a 'name'");
    if (!whenSeen)
      this.error(
        node,
        `rule '${name ?? '?'}' needs 'when:' (the claims it requires; write 'when: {}' only if it really is for every workflow)`,
      );
    if (!allowSeen)
      this.error(node, `rule '${name ?? '?'}' needs 'allow:' (provider, principal, max-duration)`);
    if (this.errors.length > before || !name || !when || !allow) return undefined;
    return {
      name,
      ...(description ? { description } : {}),
      when,
      allow,
      ...(requireApproval ? { requireApproval } : {}),
      pos: this.pos(node),
    };
  }

  /** `true`, `false`, or `{reviewers: [login...], teams: [org/slug...]}` (either list may be left out). */
  private requireApproval(node: Node | null): ApprovalRequirement | undefined {
    if (isScalar(node) && typeof node.value === 'boolean')
      return node.value ? { reviewers: [], teams: [] } : undefined;
    if (!isMap(node)) {
      this.error(
        node,
        "'require-approval' must be true, false, or a mapping with 'reviewers' (GitHub logins) and/or 'teams' (org/team-slug)",
      );
      return undefined;
    }
    const lists: Record<string, string[]> = { reviewers: [], teams: [] };
    for (const { key, keyNode, value } of this.entries(node, "'require-approval'")) {
      if (!APPROVAL_KEYS.includes(key)) {
        this.unknownKey(keyNode, key, "'require-approval'", APPROVAL_KEYS);
        continue;
      }
      const items = isSeq(value) ? value.items.map((i) => this.resolve(i)) : [value];
      if (items.length === 0)
        this.error(
          value,
          `'require-approval.${key}' is an empty list: name at least one, or leave it out`,
        );
      for (const item of items) {
        const v = isScalar(item) ? item.value : undefined;
        const ok = typeof v === 'string' && (key === 'reviewers' ? isLogin(v) : TEAM.test(v));
        if (!ok) {
          this.error(
            item ?? value,
            key === 'reviewers'
              ? `reviewer '${String(v)}' is not a GitHub login (letters, digits and hyphens, such as octocat)`
              : `team '${String(v)}' must be written org/team-slug, such as acme/release-managers`,
          );
          continue;
        }
        lists[key]!.push((v as string).toLowerCase());
      }
    }
    return { reviewers: lists['reviewers']!, teams: lists['teams']! };
  }

  private when(node: Node | null): Condition[] | undefined {
    const out: Condition[] = [];
    for (const { key, keyNode, value } of this.entries(node, "'when'")) {
      if (!MATCHABLE_CLAIMS.includes(key)) {
        const hint = suggestClaim(key);
        this.error(
          keyNode,
          `unknown claim '${key}' in 'when'${hint ? ` (did you mean '${hint}'?)` : ''}; see the claims of a GitHub OIDC token: ${MATCHABLE_CLAIMS.join(', ')}`,
        );
        continue;
      }
      const anyOf: Matcher[] = [];
      const items: Array<Node | null> = isSeq(value)
        ? value.items.map((i) => this.resolve(i))
        : [value];
      if (isSeq(value) && items.length === 0)
        this.error(
          value,
          `'${key}': an empty list matches nothing; remove the condition or list values`,
        );
      for (const item of items) {
        if (
          !isScalar(item) ||
          (typeof item.value !== 'string' && typeof item.value !== 'number') ||
          item.value === ''
        ) {
          this.error(
            item ?? value,
            `'${key}' must be a string or a list of strings (exact value, glob with * or ?, or a ^...$ pattern)`,
          );
          continue;
        }
        const m = compileMatcher(String(item.value));
        if (typeof m === 'string') this.error(item, `'${key}': ${m}`);
        else anyOf.push(m);
      }
      out.push({ claim: key, anyOf, pos: this.pos(keyNode) });
    }
    return isMap(node) ? out : undefined;
  }

  private allow(node: Node | null): RuleAllow | undefined {
    const before = this.errors.length;
    const fields = new Map<string, { keyNode: Node; value: Node | null }>();
    for (const { key, keyNode, value } of this.entries(node, "'allow'")) {
      if (!ALLOW_KEYS.includes(key)) this.unknownKey(keyNode, key, "'allow'", ALLOW_KEYS);
      else fields.set(key, { keyNode, value });
    }
    if (!isMap(node)) return undefined;
    const providerField = fields.get('provider');
    let provider: ProviderId | undefined;
    if (!providerField) this.error(node, `'allow' needs 'provider' (${PROVIDER_IDS.join(', ')})`);
    else {
      const p = isScalar(providerField.value) ? providerField.value.value : undefined;
      if (typeof p === 'string' && (PROVIDER_IDS as readonly string[]).includes(p))
        provider = p as ProviderId;
      else
        this.error(
          providerField.value,
          `provider must be one of ${PROVIDER_IDS.join(', ')}, not '${String(p)}'`,
        );
    }
    let principal: Matcher | undefined;
    let principalKey: string | undefined;
    if (provider) {
      const mine = PRINCIPAL_KEYS[provider];
      for (const key of ALL_PRINCIPAL_KEYS) {
        const f = fields.get(key);
        if (!f) continue;
        if (!mine.includes(key)) {
          this.error(
            f.keyNode,
            `'${key}' does not apply to provider ${provider}; use ${mine.map((k) => `'${k}'`).join(' or ')}`,
          );
          continue;
        }
        if (principalKey) {
          this.error(
            f.keyNode,
            `give either '${principalKey}' or '${key}', not both: a rule allows one principal`,
          );
          continue;
        }
        const text = this.string(f.value, `'${key}'`);
        if (text === undefined) continue;
        const m = compileMatcher(text);
        if (typeof m === 'string') {
          this.error(f.value, `'${key}': ${m}`);
          continue;
        }
        const shape = PRINCIPAL_SHAPES[key]!;
        if (m.kind === 'exact' && !shape.re.test(text)) {
          this.error(
            f.value,
            `'${key}' value '${text}' does not look like ${key === 'client-id' ? 'a client id' : `a ${key}`} (expected e.g. ${shape.example})`,
          );
          continue;
        }
        principal = m;
        principalKey = key;
      }
      if (!principalKey && this.errors.length === before) {
        this.error(
          node,
          `'allow' for provider ${provider} needs ${mine.map((k) => `'${k}'`).join(' or ')}`,
        );
      }
    }
    let maxDuration: number | undefined;
    let maxDurationText = '';
    const md = fields.get('max-duration');
    if (!md)
      this.error(
        node,
        "'allow' needs 'max-duration' (such as 15m or 1h): the longest lifetime this rule grants",
      );
    else {
      const raw = isScalar(md.value) ? md.value.value : undefined;
      const seconds =
        typeof raw === 'string' || typeof raw === 'number' ? parseDuration(raw) : undefined;
      if (seconds === undefined) {
        this.error(
          md.value,
          `max-duration '${String(raw)}' is not a duration: write seconds (900) or 90s, 15m, 1h, 1h30m`,
        );
      } else if (seconds > MAX_POLICY_DURATION) {
        this.error(
          md.value,
          `max-duration ${formatDuration(seconds)} is above 12h, the longest any cloud issues`,
        );
      } else {
        maxDuration = seconds;
        maxDurationText = String(raw);
      }
    }
    let delivery: DeliveryMode[] = [...DELIVERY_MODES];
    const dv = fields.get('delivery');
    if (dv) {
      const items = isSeq(dv.value) ? dv.value.items.map((i) => this.resolve(i)) : [dv.value];
      delivery = [];
      if (items.length === 0)
        this.error(dv.value, "'delivery' is an empty list: name run, env or outputs");
      for (const item of items) {
        const v = isScalar(item) ? item.value : undefined;
        if (typeof v === 'string' && (DELIVERY_MODES as readonly string[]).includes(v))
          delivery.push(v as DeliveryMode);
        else
          this.error(
            item ?? dv.value,
            `delivery must be run, env or outputs (or a list of them), not '${String(v)}'`,
          );
      }
    }
    if (
      this.errors.length > before ||
      !provider ||
      !principal ||
      !principalKey ||
      maxDuration === undefined
    )
      return undefined;
    return { provider, principal, principalKey, maxDuration, maxDurationText, delivery };
  }

  private warnBroad(rule: Rule): void {
    const constrains = (claims: readonly string[]) =>
      rule.when.some((c) => claims.includes(c.claim) && !c.anyOf.some(matchesAnything));
    if (!constrains(REPOSITORY_CLAIMS)) {
      this.warnings.push({
        rule: rule.name,
        message: `rule '${rule.name}' matches every repository: add 'repository' (or 'repository_id') to 'when'`,
        pos: rule.pos,
      });
    }
    if (!constrains(REF_CLAIMS)) {
      this.warnings.push({
        rule: rule.name,
        message: `rule '${rule.name}' matches any ref: add 'ref' or 'environment' to 'when'`,
        pos: rule.pos,
      });
    }
    if (rule.requireApproval && !constrains(['environment'])) {
      this.warnings.push({
        rule: rule.name,
        message: `rule '${rule.name}' requires an approval but does not name the 'environment' in 'when': an approval of any environment of the run counts`,
        pos: rule.pos,
      });
    }
    for (const c of rule.when) {
      if (c.anyOf.some(matchesAnything)) {
        this.warnings.push({
          rule: rule.name,
          message: `rule '${rule.name}': '${c.claim}' matches any value, so it restricts nothing`,
          pos: c.pos,
        });
      }
    }
  }
}
