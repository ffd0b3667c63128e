import type { ProviderId } from '../../providers/provider.js';
import type { LoadedPolicy } from '../types.js';
import { exportAws } from './aws.js';
import { exportAzure } from './azure.js';
import { exportGcp } from './gcp.js';
import type { ExportOptions, ExportResult } from './select.js';
import { DEFAULT_SUBJECT_CLAIMS } from './subjects.js';

export type { ExportOptions, ExportResult } from './select.js';
export { exportAws, exportAzure, exportGcp };

export function exportTrust(
  policy: LoadedPolicy,
  target: ProviderId,
  opts: ExportOptions = {},
): ExportResult {
  const result =
    target === 'aws'
      ? exportAws(policy, opts)
      : target === 'gcp'
        ? exportGcp(policy, opts)
        : exportAzure(policy, opts);
  return {
    ...result,
    notes: [
      ...result.notes,
      ...approvalNotes(policy, target),
      ...subjectNotes(policy, target, opts),
    ],
  };
}

/**
 * A trust policy sees the token, never GitHub's deployment reviews: a rule's require-approval
 * cannot be exported, and the output says so rather than dropping it.
 */
export function approvalNotes(policy: LoadedPolicy, target: ProviderId): string[] {
  return policy.rules
    .filter((r) => r.allow.provider === target && r.requireApproval)
    .map((r) => {
      const pinned = r.when.some((c) => c.claim === 'environment');
      return (
        `rule '${r.name}': require-approval cannot be expressed in a cloud trust configuration (the cloud never sees GitHub's deployment reviews); it is enforced by the workflow-side policy only` +
        (pinned
          ? ", and the exported 'environment' condition makes the cloud accept only tokens of that protected environment"
          : "; add 'environment' to the rule's 'when' so that the cloud at least requires the protected environment")
      );
    });
}

/**
 * What the repository must be set to for the export to hold (a custom subject template), or
 * how to make job_workflow_ref checkable where only `sub` is compared exactly (Azure's
 * non-preview credentials). AWS (condition key `token.actions.githubusercontent.com:job_workflow_ref`)
 * and Google (any mapped claim) check job_workflow_ref without it.
 */
export function subjectNotes(
  policy: LoadedPolicy,
  target: ProviderId,
  opts: ExportOptions,
): string[] {
  const template = opts.subjectClaims;
  if (template && template.join() !== DEFAULT_SUBJECT_CLAIMS.join()) {
    const body = JSON.stringify({ use_default: false, include_claim_keys: template });
    const repo = singleRepository(policy, target) ?? 'OWNER/REPO';
    return [
      `this export assumes the repository's OIDC subject template ${body}; until it is set, GitHub issues the default 'repo:…:context' subject and the cloud refuses every token. ` +
        `Set it (repository admin): echo '${body}' | gh api -X PUT repos/${repo}/actions/oidc/customization/sub --input -` +
        ` (an organisation's default: PUT orgs/ORG/actions/oidc/customization/sub with {"include_claim_keys": [...]}).`,
    ];
  }
  const pins = policy.rules.some(
    (r) => r.allow.provider === target && r.when.some((c) => c.claim === 'job_workflow_ref'),
  );
  if (target === 'azure' && (pins || opts.workflowRef !== undefined)) {
    return [
      "Entra ID compares only 'sub' exactly outside the preview flexible credentials: export with --sub-claims repo,context,job_workflow_ref to pin the workflow in exact subjects instead, and set that subject template on the repository",
    ];
  }
  return [];
}

function singleRepository(policy: LoadedPolicy, target: ProviderId): string | undefined {
  const repos = new Set<string>();
  for (const r of policy.rules.filter((x) => x.allow.provider === target)) {
    const c = r.when.find((w) => w.claim === 'repository');
    if (!c || c.anyOf.length !== 1 || c.anyOf[0]!.kind !== 'exact') return undefined;
    repos.add(c.anyOf[0]!.source);
  }
  return repos.size === 1 ? [...repos][0] : undefined;
}
