import type { FileFlow } from '../flow/model.js';
import type { RuleContext } from './context.js';
import { reportVia } from './via.js';

/**
 * Keys typed into `run:` scripts (JIT104), found by following values through them (see
 * flow/script.ts): logins with a stored key (`aws configure set`, `az login -p`,
 * `gcloud auth activate-service-account`), shared-credentials files, key files pointed at by
 * `GOOGLE_APPLICATION_CREDENTIALS`, keys exported or written to GITHUB_ENV, and credential
 * secrets interpolated into a command. A value from an earlier OIDC login is not a key; a value
 * only compared (`[ -z "${{ secrets.X }}" ]`) is not a use.
 */
export function checkScripts(ctx: RuleContext, flow: FileFlow): void {
  for (const u of flow.uses) {
    ctx.report(u.rule, u, u.message, { cloud: u.cloud });
    reportVia(ctx, u.origins, u.line, u.cloud);
  }
}
