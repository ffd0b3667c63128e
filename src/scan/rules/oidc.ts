import { actionName, grantsIdToken, type Job, type WorkflowModel } from '../workflow.js';
import type { RuleContext } from './context.js';
import { cloudName, oidcCloud } from './credentials.js';

/** Third-party steps that may mint OIDC tokens: signing, attestations, trusted publishing, logins. */
const TOKEN_USER =
  /(auth|login|credential|oidc|token|attest|sign|sigstore|cosign|publish|deploy|release|sts|federat)/i;

/** `id-token: write` missing where an OIDC login needs it (JIT201), or granted too widely (JIT202). */
export function checkOidc(ctx: RuleContext, model: WorkflowModel): void {
  const reusable = model.triggers.includes('workflow_call');
  for (const job of model.jobs) {
    const effective = job.permissions ?? model.permissions;
    const step = job.steps.find((s) => oidcCloud(s) !== undefined);
    const envOidc = [...model.env, ...job.env].find(
      (e) => e.key === 'ARM_USE_OIDC' && e.text === 'true',
    );
    if (!step && !envOidc) continue;
    if (grantsIdToken(effective)) continue;
    // A reusable workflow without any permissions block runs with the caller's.
    if (!effective && reusable) continue;
    const where = step ? step.loc : envOidc!.loc;
    const cloud = step ? oidcCloud(step) : 'azure';
    const why = effective
      ? `its permissions (line ${effective.entry.loc.line}) do not include id-token: write`
      : 'the default token permissions never include id-token: write';
    ctx.report(
      'JIT201',
      { ...where, endLine: where.line, endColumn: where.column + 1 },
      `Job '${job.id}' logs in to ${cloudName(cloud)} with OIDC, but ${why}; the step will fail with "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL".`,
      { cloud },
    );
  }
  for (const job of model.jobs) {
    if (!job.permissions || !grantsIdToken(job.permissions) || needsToken(job)) continue;
    ctx.report(
      'JIT202',
      job.permissions.entry.loc,
      `Job '${job.id}' grants id-token: write, but none of its steps logs in with OIDC, signs or attests; any step of it can mint OIDC tokens.`,
      { severity: ctx.risky.length > 0 ? 'high' : undefined },
    );
  }
  if (!grantsIdToken(model.permissions) || model.jobs.length < 2) return;
  const idle = model.jobs.filter((j) => !j.permissions && !needsToken(j)).map((j) => j.id);
  if (idle.length === 0) return;
  const p = model.permissions!;
  const grant =
    p.all === 'write-all' ? '`permissions: write-all`' : 'workflow-level `id-token: write`';
  ctx.report(
    'JIT202',
    p.entry.loc,
    `${grant} lets job${idle.length > 1 ? 's' : ''} ${idle.map((j) => `'${j}'`).join(', ')} mint OIDC tokens although ${idle.length > 1 ? 'they log' : 'it logs'} in to no cloud.`,
    { severity: ctx.risky.length > 0 ? 'high' : undefined },
  );
}

function needsToken(job: Job): boolean {
  if (job.uses) return true;
  return job.steps.some((s) => {
    if (oidcCloud(s)) return true;
    if (s.uses) {
      const name = actionName(s.uses);
      if (name.startsWith('./')) return true;
      if (
        !name.startsWith('actions/checkout') &&
        !name.startsWith('actions/setup-') &&
        TOKEN_USER.test(name)
      )
        return true;
    }
    return /ACTIONS_ID_TOKEN_REQUEST|\bcosign\b|id-token/.test(s.run?.text ?? '');
  });
}
