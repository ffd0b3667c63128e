import { ConfigurationError } from '../../errors.js';
import type { LoadedPolicy } from '../types.js';
import { GITHUB_ISSUER } from '../issuer.js';
import { rulesFor, type ExportOptions, type ExportResult } from './select.js';
import { issuerHostPath, safeId, subjectPlan, workflowRefs } from './subjects.js';

const ARN = /^arn:(aws[a-z-]*):iam::([0-9]{12}):role\//;

/**
 * An IAM role trust policy: one statement per rule (statements are OR'ed), each trusting the
 * account's OIDC provider for `sts:AssumeRoleWithWebIdentity` under conditions on
 * `<issuer>:aud`, `<issuer>:sub` and, when the rule names it, `<issuer>:job_workflow_ref`.
 * Exact values use StringEquals; once any value of a key is a glob, all of that key's values
 * go to StringLike (operators are AND'ed, so splitting one key across both would require both).
 */
export function exportAws(policy: LoadedPolicy, opts: ExportOptions = {}): ExportResult {
  const rules = rulesFor(policy, 'aws', opts, true);
  const notes: string[] = [];
  const role = opts.principal ?? rules[0]!.allow.principal.source;
  const fromArn = ARN.exec(role);
  const partition = fromArn?.[1] ?? 'aws';
  const account = opts.accountId ?? fromArn?.[2];
  if (!account || !/^[0-9]{12}$/.test(account)) {
    throw new ConfigurationError(
      opts.accountId !== undefined
        ? `--account-id '${opts.accountId}' is not a 12-digit AWS account id.`
        : `The role '${role}' is a pattern: give the account that holds the OIDC provider with --account-id.`,
    );
  }
  const host = issuerHostPath(opts.issuer ?? GITHUB_ISSUER);
  const audience = opts.audience ?? 'sts.amazonaws.com';
  const statements: unknown[] = [];
  for (const rule of rules) {
    const plan = subjectPlan(rule, opts.subjectClaims);
    const wf = workflowRefs(rule);
    notes.push(...plan.notes);
    if (plan.inexpressible || wf.inexpressible) {
      notes.push(
        `${plan.inexpressible ?? wf.inexpressible}; the rule is left out, so AWS refuses what it would allow`,
      );
      continue;
    }
    const equals: Record<string, string | string[]> = { [`${host}:aud`]: audience };
    const like: Record<string, string | string[]> = {};
    const put = (key: string, values: string[], glob: boolean) => {
      (glob ? like : equals)[`${host}:${key}`] = values.length === 1 ? values[0]! : values;
    };
    put('sub', [...plan.subjects], plan.glob);
    if (wf.values) put('job_workflow_ref', wf.values, wf.glob);
    const notCarried = plan.notCarried.filter((c) => c !== 'job_workflow_ref');
    if (notCarried.length > 0) {
      notes.push(
        `rule '${rule.name}': ${notCarried.join(', ')} ${notCarried.length === 1 ? 'is' : 'are'} checked only by the workflow-side policy, not by AWS`,
      );
    }
    statements.push({
      Sid: `JitPolicy${safeId(rule.name)}`.slice(0, 100),
      Effect: 'Allow',
      Principal: { Federated: `arn:${partition}:iam::${account}:oidc-provider/${host}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: equals,
        ...(Object.keys(like).length ? { StringLike: like } : {}),
      },
    });
  }
  const longest = Math.max(...rules.map((r) => r.allow.maxDuration));
  notes.push(
    `max-duration is not part of a trust policy: set the role's MaxSessionDuration to ${Math.max(3600, longest)} s (IAM's floor is 3600) and rely on the workflow-side check for shorter ceilings`,
  );
  if (statements.length === 0)
    throw new ConfigurationError(
      `No rule for '${role}' can be written as an AWS trust policy:\n  ${notes.join('\n  ')}`,
    );
  return { document: { Version: '2012-10-17', Statement: statements }, notes };
}
