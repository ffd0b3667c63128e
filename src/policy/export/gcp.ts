import { ConfigurationError } from '../../errors.js';
import { GITHUB_ISSUER } from '../issuer.js';
import { globToRegExp } from '../matcher.js';
import type { Condition, LoadedPolicy, Matcher } from '../types.js';
import { rulesFor, type ExportOptions, type ExportResult } from './select.js';

/** Google's limit on an attribute condition. */
const MAX_CONDITION_LENGTH = 4096;

/**
 * The workload identity pool provider's `attributeMapping` and `attributeCondition`
 * (field names as in the IAM REST resource; gcloud takes the same values through
 * --attribute-mapping and --attribute-condition). Google sees every claim, so each rule
 * becomes `assertion.<claim>` tests AND'ed together, and the rules are OR'ed. All rules for
 * Google Cloud are exported together: the condition belongs to the provider, which every
 * service account reached through it shares.
 */
export function exportGcp(policy: LoadedPolicy, opts: ExportOptions = {}): ExportResult {
  const rules = rulesFor(policy, 'gcp', opts, false);
  // Direct federation: the principal is the provider, and each provider has its own condition.
  const providers = [
    ...new Set(
      rules
        .filter((r) => r.allow.principalKey === 'workload-identity-provider')
        .map((r) => r.allow.principal.source),
    ),
  ];
  if (opts.principal === undefined && providers.length > 1) {
    throw new ConfigurationError(
      `The gcp rules name ${providers.length} workload identity providers (${providers.join(', ')}); each has its own attribute condition. Choose one with --principal.`,
    );
  }
  const notes: string[] = [];
  const mapping: Record<string, string> = { 'google.subject': 'assertion.sub' };
  const clauses: string[] = [];
  for (const rule of rules) {
    if (rule.when.length === 0) {
      notes.push(
        `rule '${rule.name}' has no conditions: the attribute condition accepts every token of the issuer; add conditions`,
      );
      clauses.push('true');
      continue;
    }
    const tests = rule.when.map((c) => {
      mapping[`attribute.${c.claim}`] = `assertion.${c.claim}`;
      return cel(c, notes, rule.name);
    });
    clauses.push(tests.length === 1 ? tests[0]! : `(${tests.join(' && ')})`);
  }
  const condition = clauses.join(' || ');
  if (condition.length > MAX_CONDITION_LENGTH) {
    throw new ConfigurationError(
      `The attribute condition would be ${condition.length} characters; Google accepts at most ${MAX_CONDITION_LENGTH}. Merge rules or use globs.`,
    );
  }
  notes.push(
    "mapped attributes let you bind service accounts narrowly, e.g. member 'principalSet://iam.googleapis.com/projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO' with roles/iam.workloadIdentityUser",
  );
  const serviceAccounts = [
    ...new Set(
      rules
        .filter((r) => r.allow.principalKey === 'service-account')
        .map((r) => r.allow.principal.source),
    ),
  ];
  if (serviceAccounts.length > 1) {
    notes.push(
      `the condition is the union of the rules for ${serviceAccounts.join(', ')}; which repository may use which account is decided by each account's IAM bindings`,
    );
  }
  return {
    document: {
      attributeMapping: mapping,
      attributeCondition: condition,
      oidc: {
        issuerUri: opts.issuer ?? GITHUB_ISSUER,
        ...(opts.audience ? { allowedAudiences: [opts.audience] } : {}),
      },
    },
    notes,
  };
}

/** A CEL string literal: single-quoted, with backslash and quote escaped. */
function str(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function cel(c: Condition, notes: string[], rule: string): string {
  const field = `assertion.${c.claim}`;
  const exact = c.anyOf.filter((m) => m.kind === 'exact').map((m) => m.source);
  const parts: string[] = [];
  if (exact.length === 1) parts.push(`${field} == ${str(exact[0]!)}`);
  else if (exact.length > 1) parts.push(`${field} in [${exact.map(str).join(', ')}]`);
  for (const m of c.anyOf.filter((x) => x.kind !== 'exact'))
    parts.push(`${field}.matches(${str(re2(m, notes, rule, c.claim))})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
}

/**
 * CEL's matches() is an RE2 search, not a whole-value match: globs become anchored regexes, and a
 * pattern's body is grouped inside its anchors, since in `^main|v1$` the alternation binds looser
 * than the anchors (a search would accept `main-anything`, which the policy refuses). JS-only
 * syntax is flagged.
 */
function re2(m: Matcher, notes: string[], rule: string, claim: string): string {
  if (m.kind === 'glob') return globToRegExp(m.source).source.replace(/\[\\s\\S\]/g, '.');
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(m.source)) {
    notes.push(
      `rule '${rule}': the '${claim}' pattern uses lookaround or backreferences, which Google's RE2 rejects; rewrite it before applying`,
    );
  }
  // compileMatcher accepts a pattern only when it starts with ^ and ends with an unescaped $.
  return `^(?:${m.source.slice(1, -1)})$`;
}
