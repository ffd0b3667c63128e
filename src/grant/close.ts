import { existsSync, rmSync } from 'node:fs';
import { errorMessage } from '../errors.js';
import type { IdTokenSource } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';
import { loadProvider, type ServerSideClose } from '../providers/provider.js';
import { isOpen, type GrantState, type Ledger } from './ledger.js';

export interface CloseDeps {
  readonly runner: Runner;
  readonly ledger: Ledger;
  readonly now: () => Date;
  readonly idToken: IdTokenSource;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Closes one grant: nothing reachable left on the runner (exported variables emptied, the
 * private directory deleted and checked gone), then whatever the cloud allows server-side,
 * then the record. Closing a closed grant does nothing.
 */
export async function closeGrant(grant: GrantState, deps: CloseDeps): Promise<GrantState> {
  if (!isOpen(grant)) return grant;
  const { runner, ledger } = deps;
  const problems: string[] = [];
  // Server-side first: a revocation check may need the grant's files, which the scrub deletes.
  let server: ServerSideClose;
  try {
    const provider = await loadProvider(grant.provider);
    server = await provider.close(
      {
        id: grant.id,
        provider: grant.provider,
        principal: grant.principal ?? '',
        expiresAt: grant.expiresAt ?? deps.now().toISOString(),
        details: grant.details,
      },
      { log: runner.log, now: deps.now(), dir: grant.dir, idToken: deps.idToken, env: deps.env },
    );
  } catch (err) {
    problems.push(`server-side close failed: ${errorMessage(err)}`);
    server = { method: 'expires', verified: false, note: 'the cloud will refuse it at its expiry' };
  }
  for (const name of grant.envNames) {
    // GITHUB_ENV cannot unset a variable; an empty value is what later steps will see.
    runner.exportVariable(name, '');
  }
  if (grant.dir) {
    try {
      rmSync(grant.dir, { recursive: true, force: true });
      if (existsSync(grant.dir)) problems.push(`directory ${grant.dir} is still there`);
    } catch (err) {
      problems.push(`could not delete ${grant.dir}: ${errorMessage(err)}`);
    }
  }
  ledger.append({
    time: deps.now().toISOString(),
    grant: grant.id,
    phase: problems.length ? 'close-failed' : 'closed',
    provider: grant.provider,
    method: server.method,
    verified: server.verified,
    note: server.note,
    scrubbed: { envNames: grant.envNames, dir: grant.dir ?? null },
    ...(problems.length ? { error: problems.join('; ') } : {}),
  });
  if (problems.length) {
    runner.log.warning(`Grant ${grant.id} was not fully closed: ${problems.join('; ')}`);
  }
  return ledger.grants().find((g) => g.id === grant.id) ?? grant;
}

/** Closes every open grant of the job (or those named); failures are warnings, never a failed job. */
export async function closeOpenGrants(
  deps: CloseDeps,
  only?: readonly string[],
): Promise<{ closed: GrantState[]; unknown: string[] }> {
  const grants = deps.ledger.grants();
  const unknown = (only ?? []).filter((id) => !grants.some((g) => g.id === id));
  const targets = grants.filter((g) => isOpen(g) && (!only || only.includes(g.id)));
  const closed: GrantState[] = [];
  for (const g of targets) closed.push(await closeGrant(g, deps));
  return { closed, unknown };
}
