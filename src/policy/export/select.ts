import { ConfigurationError } from '../../errors.js';
import type { ProviderId } from '../../providers/provider.js';
import { compileMatcher } from '../matcher.js';
import type { LoadedPolicy, Rule } from '../types.js';

export interface ExportOptions {
  /** Only the rules that allow this principal (role ARN, client id, service account). */
  principal?: string;
  /** Issuer the cloud trusts; GitHub's by default. */
  issuer?: string;
  /** Audience the cloud expects in `aud`. */
  audience?: string;
  /** AWS: account that holds the OIDC provider, when the role is a pattern. */
  accountId?: string;
  /**
   * The repository's OIDC subject template (`include_claim_keys`), when it is not GitHub's
   * default `repo, context`: subjects are written in that shape.
   */
  subjectClaims?: readonly string[];
  /** Pins every exported rule that names no job_workflow_ref to this workflow (exact or glob). */
  workflowRef?: string;
}

export interface ExportResult {
  /** What to hand to the cloud (JSON-serialisable). */
  readonly document: unknown;
  /** What the export could not carry, and what to do about it. */
  readonly notes: readonly string[];
}

/**
 * The rules for one cloud, narrowed to one principal. AWS trust policies and Azure federated
 * credentials belong to one role / one app, so several principals without `--principal` is a
 * question for the user, not something to guess.
 */
export function rulesFor(
  policy: LoadedPolicy,
  target: ProviderId,
  opts: ExportOptions,
  perPrincipal: boolean,
): Rule[] {
  return selectRules(policy, target, opts, perPrincipal).map((r) =>
    pinWorkflow(r, opts.workflowRef),
  );
}

/** The rule with a job_workflow_ref condition added, unless it has one: the cloud then trusts that workflow only. */
function pinWorkflow(rule: Rule, workflowRef: string | undefined): Rule {
  if (workflowRef === undefined || rule.when.some((c) => c.claim === 'job_workflow_ref'))
    return rule;
  // A pattern is refused before it is compiled: the pattern engine may not be loaded.
  const m = workflowRef.startsWith('^') ? undefined : compileMatcher(workflowRef);
  if (m === undefined || typeof m === 'string' || m.kind === 'regex') {
    throw new ConfigurationError(
      `--workflow-ref '${workflowRef}' must be an exact job_workflow_ref or a * glob, such as acme/platform/.github/workflows/deploy.yml@refs/heads/main.`,
    );
  }
  return {
    ...rule,
    when: [...rule.when, { claim: 'job_workflow_ref', anyOf: [m], pos: rule.pos }],
  };
}

function selectRules(
  policy: LoadedPolicy,
  target: ProviderId,
  opts: ExportOptions,
  perPrincipal: boolean,
): Rule[] {
  const mine = policy.rules.filter((r) => r.allow.provider === target);
  if (mine.length === 0) {
    throw new ConfigurationError(
      `${policy.path} has no rule for provider ${target}: there is nothing to export.`,
    );
  }
  if (opts.principal !== undefined) {
    const chosen = mine.filter((r) => r.allow.principal.test(opts.principal!));
    if (chosen.length === 0) {
      throw new ConfigurationError(
        `No ${target} rule in ${policy.path} allows '${opts.principal}'. Principals in the policy: ${principals(mine).join(', ')}.`,
      );
    }
    return chosen;
  }
  const distinct = principals(mine);
  if (perPrincipal && distinct.length > 1) {
    throw new ConfigurationError(
      `The ${target} rules allow ${distinct.length} principals (${distinct.join(', ')}); each has its own trust configuration. Choose one with --principal.`,
    );
  }
  return mine;
}

function principals(rules: readonly Rule[]): string[] {
  return [...new Set(rules.map((r) => r.allow.principal.source))];
}
