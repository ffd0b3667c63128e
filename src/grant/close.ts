import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage, RevocationError } from '../errors.js';
import type { IdTokenSource } from '../runner/oidc.js';
import type { Runner } from '../runner/runner.js';
import { closerOf } from '../providers/closers.js';
import {
  type CloseMethod,
  type Credential,
  type ProviderId,
  type ServerSideClose,
} from '../providers/provider.js';
import type { Recorder } from './recorder.js';

export interface CloseDeps {
  readonly runner: Runner;
  readonly recorder: Recorder;
  readonly now: () => Date;
  readonly idToken: IdTokenSource;
  /** This step's environment: what GITHUB_ENV holds now. */
  readonly env: NodeJS.ProcessEnv;
  /** RUNNER_TEMP/jit-credentials, already checked. */
  readonly privateDir: string;
  /**
   * Set when privateDir is not a usable directory of ours (a step put a file or a symlink there):
   * the grant's files are not looked for or deleted through it, and the close says so.
   */
  readonly privateDirUnusable?: string;
  /** Which action closed it, for the record. */
  readonly by: 'main' | 'post' | 'revoke';
}

/** A grant to close, from the trusted record of its step or, failing that, from the ledger. */
export interface CloseTarget {
  readonly id: string;
  readonly provider: ProviderId;
  /** Unchecked: the provider checks it before use. */
  readonly handle: unknown;
  readonly expiresAt: Date;
  /** Variables known to hold the credential; the cloud's others are emptied when set. */
  readonly envNames: readonly string[];
  /** True when the target came from this job's own state or memory, not from the ledger. */
  readonly trusted: boolean;
  /** The credential as issued, when this process holds it (main): in memory only, never recorded. */
  readonly credential?: Credential;
}

export interface CloseResult {
  readonly id: string;
  readonly provider: ProviderId;
  readonly closedAt: string;
  readonly method: CloseMethod;
  /** True only when this step saw the cloud refuse the credential. */
  readonly verified: boolean;
  readonly note: string;
  /** What could not be done; empty when closed. */
  readonly problems: readonly string[];
  /** A revocation that was asked for and could not be made: the step must fail. */
  readonly revocationFailed: boolean;
}

/**
 * The step log's line for a closed grant. The job summary takes any step's text, text that looks
 * like this action's blocks included, and does not say which step wrote what; a step's log is
 * written by that step alone, so each closing is said there too, in one form everywhere.
 */
export function closedLine(r: CloseResult): string {
  return `Closed grant ${r.id} (${r.provider}): ${r.method}${r.verified ? ', verified' : ''}.`;
}

/**
 * Closes one grant: server-side first (a revocation check may read the grant's files), then
 * nothing reachable left on the runner (variables emptied, the private directory deleted and
 * checked gone), then the record. Safe to repeat: every closer redoes all of it.
 */
export async function closeGrant(target: CloseTarget, deps: CloseDeps): Promise<CloseResult> {
  const { runner } = deps;
  const problems: string[] = [];
  const dir = join(deps.privateDir, target.id);
  const reachable = deps.privateDirUnusable === undefined;
  const provider = closerOf(target.provider);
  let server: ServerSideClose;
  let revocationFailed = false;
  try {
    server = await provider.close(provider.readHandle(target.handle), {
      log: runner.log,
      grantId: target.id,
      now: deps.now(),
      expiresAt: target.expiresAt,
      dir: reachable && existsSync(dir) ? dir : undefined,
      idToken: deps.idToken,
      mask: (secret) => runner.mask(secret),
      env: deps.env,
      handleTrusted: target.trusted,
      ...(target.credential ? { issuedCredential: target.credential } : {}),
    });
  } catch (err) {
    revocationFailed =
      err instanceof RevocationError ||
      (target.trusted && provider.asksRevocation?.(target.handle) === true);
    const expired = target.expiresAt <= deps.now();
    problems.push(
      `${revocationFailed ? 'not revoked' : 'server-side close failed'}: ${errorMessage(err)}`,
    );
    server = {
      method: expired ? 'expired' : 'expires',
      verified: false,
      note: revocationFailed
        ? `not revoked — expires ${target.expiresAt.toISOString()}`
        : 'the cloud refuses it at its expiry',
    };
  }
  server = ledgerExpiryIsAClaim(server, target);
  const emptied = new Set(target.envNames);
  // Whatever the ledger says of its delivery: any variable of this cloud that is set now is emptied.
  if (!target.trusted) for (const n of provider.envNames) if (deps.env[n]) emptied.add(n);
  // GITHUB_ENV cannot unset a variable; an empty value is what later steps will see.
  for (const name of emptied) runner.exportVariable(name, '');
  problems.push(...deleteGrantDir(dir, reachable, server));
  const closedAt = deps.now().toISOString();
  deps.recorder.append({
    time: closedAt,
    grant: target.id,
    phase: problems.length ? 'close-failed' : 'closed',
    provider: target.provider,
    by: deps.by,
    method: server.method,
    verified: server.verified,
    note: server.note,
    ...(server.answeredBy ? { answeredBy: server.answeredBy } : {}),
    scrubbed: { envNames: [...emptied], dir },
    ...(problems.length ? { error: problems.join('; ') } : {}),
  });
  if (problems.length && !revocationFailed) {
    runner.log.warning(`Grant ${target.id} was not fully closed: ${problems.join('; ')}`);
  }
  return {
    id: target.id,
    provider: target.provider,
    closedAt,
    ...server,
    problems,
    revocationFailed,
  };
}

/** The grant's private directory, deleted and checked gone; or why it could not be. */
function deleteGrantDir(dir: string, reachable: boolean, server: ServerSideClose): string[] {
  if (!reachable) {
    const cloud = `${server.method}${server.verified ? ' and verified' : ''}`;
    return [
      `${cloud} and its variables emptied, but its files under ${dir} could not be reached, so were not deleted: the directory above it is not one this action made (see the step's error)`,
    ];
  }
  try {
    rmSync(dir, { recursive: true, force: true });
    return existsSync(dir) ? [`directory ${dir} is still there`] : [];
  } catch (err) {
    return [`could not delete ${dir}: ${errorMessage(err)}`];
  }
}

/**
 * A grant known only from the ledger has the ledger's expiry, which any step can write: a time
 * in the past there proves nothing about the cloud. Only the trusted record may say `expired`.
 */
function ledgerExpiryIsAClaim(server: ServerSideClose, target: CloseTarget): ServerSideClose {
  if (target.trusted || server.method !== 'expired') return server;
  return {
    ...server,
    method: 'expires',
    note: `${server.note}; the expiry ${target.expiresAt.toISOString()} is the ledger's claim, which any step of the job can write, and this step did not see the cloud refuse it`,
  };
}
