import { ConfigurationError } from '../../errors.js';
import { GITHUB_ISSUER } from '../issuer.js';
import type { LoadedPolicy, Rule } from '../types.js';
import { rulesFor, type ExportOptions, type ExportResult } from './select.js';
import { condition, subjectPlan, workflowRefs } from './subjects.js';

export const AZURE_AUDIENCE = 'api://AzureADTokenExchange';
/** Entra ID allows 20 federated identity credentials per application or managed identity. */
const MAX_CREDENTIALS = 20;

interface FederatedCredential {
  name: string;
  issuer: string;
  audiences: string[];
  description: string;
  subject?: string;
  claimsMatchingExpression?: { value: string; languageVersion: 1 };
}

/**
 * Federated identity credentials for one app (client id), as the Microsoft Graph
 * `federatedIdentityCredential` resource takes them. Entra matches `sub` exactly, so a rule
 * whose subjects are all exact becomes one credential per subject. A rule with a glob, or with
 * a `job_workflow_ref` condition, needs the flexible credential (preview): `subject` is then
 * replaced by `claimsMatchingExpression`, whose language has no "or" — hence one credential
 * per subject pattern. `matches` without a wildcard is an exact comparison, so it is the only
 * operator used.
 */
export function exportAzure(policy: LoadedPolicy, opts: ExportOptions = {}): ExportResult {
  const rules = rulesFor(policy, 'azure', opts, true);
  const notes: string[] = [];
  const issuer = opts.issuer ?? GITHUB_ISSUER;
  const audiences = [opts.audience ?? AZURE_AUDIENCE];
  const credentials: FederatedCredential[] = [];
  let flexible = false;
  for (const rule of rules) {
    const plan = subjectPlan(rule, opts.subjectClaims);
    // With job_workflow_ref in the subject template, exact subjects already pin the workflow.
    const inSubject = opts.subjectClaims?.includes('job_workflow_ref') ?? false;
    const wf = inSubject ? { glob: false } : workflowRefs(rule);
    notes.push(...plan.notes);
    const quoted = [...plan.subjects, ...(wf.values ?? [])].find((v) => v.includes("'"));
    const problem =
      plan.inexpressible ??
      wf.inexpressible ??
      (quoted ? `rule '${rule.name}': value ${quoted} contains a quote` : undefined);
    if (problem) {
      notes.push(`${problem}; the rule is left out, so Entra ID refuses what it would allow`);
      continue;
    }
    if (plan.notCarried.length > 0) {
      notes.push(
        `rule '${rule.name}': ${plan.notCarried.join(', ')} ${plan.notCarried.length === 1 ? 'is' : 'are'} checked only by the workflow-side policy, not by Entra ID`,
      );
    }
    const description = `jit-credentials policy rule ${rule.name}`.slice(0, 600);
    if (!plan.glob && !wf.values) {
      for (const subject of plan.subjects) {
        credentials.push({
          name: credentialName(rule, credentials.length),
          issuer,
          subject,
          audiences,
          description,
        });
      }
      continue;
    }
    flexible = true;
    const owner = immutableClause(rule);
    if (!owner) {
      notes.push(
        `rule '${rule.name}': Entra ID requires flexible credentials for GitHub to also match repository_id or repository_owner_id; add one of them (a single exact value) to the rule's 'when' and export again`,
      );
    }
    for (const subject of plan.subjects) {
      for (const ref of wf.values ?? [undefined]) {
        const parts = [`claims['sub'] matches '${subject}'`];
        if (ref !== undefined) parts.push(`claims['job_workflow_ref'] matches '${ref}'`);
        if (owner) parts.push(owner);
        credentials.push({
          name: credentialName(rule, credentials.length),
          issuer,
          audiences,
          description,
          claimsMatchingExpression: { value: parts.join(' and '), languageVersion: 1 },
        });
      }
    }
  }
  if (credentials.length === 0) {
    throw new ConfigurationError(
      `No Azure rule can be written as federated identity credentials:\n  ${notes.join('\n  ')}`,
    );
  }
  if (flexible) {
    notes.push(
      'flexible federated identity credentials (claimsMatchingExpression) are a preview feature: create them through Microsoft Graph (beta) or the portal',
    );
  }
  if (credentials.length > MAX_CREDENTIALS) {
    notes.push(
      `${credentials.length} credentials exceed Entra ID's ${MAX_CREDENTIALS} per application: use globs (flexible credentials) or split the rules across apps`,
    );
  }
  notes.push(
    'max-duration cannot be expressed in Entra ID: access tokens live 60-90 minutes; the workflow-side check is the only ceiling',
  );
  return { document: credentials, notes };
}

function immutableClause(rule: Rule): string | undefined {
  for (const claim of ['repository_owner_id', 'repository_id']) {
    const c = condition(rule, claim);
    if (
      c &&
      c.anyOf.length === 1 &&
      c.anyOf[0]!.kind === 'exact' &&
      !c.anyOf[0]!.source.includes("'")
    ) {
      return `claims['${claim}'] matches '${c.anyOf[0]!.source}'`;
    }
  }
  return undefined;
}

/** Names: 3-120 characters, letters, digits, '-' and '_', unique within the app. */
function credentialName(rule: Rule, index: number): string {
  const base = rule.name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100);
  return `${base}-${index + 1}`.padEnd(3, '0');
}
