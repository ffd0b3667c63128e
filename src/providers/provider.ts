import type { Inputs } from '../runner/inputs.js';
import type { Logger } from '../runner/logger.js';
import type { IdTokenSource } from '../runner/oidc.js';

export type ProviderId = 'aws' | 'azure' | 'gcp';
export const PROVIDER_IDS: readonly ProviderId[] = ['aws', 'azure', 'gcp'];

export type DeliveryMode = 'run' | 'env' | 'outputs';

/** Settings every provider shares, read once by the engine before the provider parses its own. */
export interface CommonSettings {
  readonly provider: ProviderId;
  /** Requested lifetime in seconds; undefined means the provider's default. */
  readonly duration: number | undefined;
  readonly mode: DeliveryMode;
  /** The `run:` script, when mode is 'run'. */
  readonly run: string | undefined;
  /** Overrides the provider's default audience for the GitHub OIDC token. */
  readonly audience: string | undefined;
  /** Unique per step by default: run id, attempt, job, step. */
  readonly sessionName: string;
}

export interface IssueContext {
  readonly log: Logger;
  readonly grantId: string;
  /** Mints a fresh, already masked GitHub OIDC token; call it once per exchange. */
  readonly idToken: IdTokenSource;
  readonly now: () => Date;
}

/** What a provider issued. Holds secrets: never log it, never put it in the ledger. */
export interface Credential {
  /** Role ARN, service account or client id: who the step acts as. */
  readonly principal: string;
  /** When the cloud will refuse the credential, whatever happens on the runner. */
  readonly expiresAt: Date;
  /** Every secret value in this credential; all are masked before anything else happens. */
  readonly secrets: readonly string[];
  /** Human-readable scope (resource, boundary, session policy) and its digest, for the record. */
  readonly scope: string;
  readonly scopeDigest?: string;
  /** Non-secret facts for the ledger (AssumedRoleId, token type...). */
  readonly details: Readonly<Record<string, string | number | boolean>>;
  /** Notes for the summary, e.g. "direct federation tokens die with the 5-minute GitHub token". */
  readonly notes?: readonly string[];
}

/** How a credential reaches tools. Paths in `env` point into `dir`, the grant's private 0700 directory. */
export interface Delivery {
  readonly env: Readonly<Record<string, string>>;
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
  /** Step outputs for `export: outputs`, by output name. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Inherited variables the `run:` command must not see (they would override or confuse the grant). */
  readonly unset?: readonly string[];
  /**
   * Secrets that delivery itself produced (a tool's own token after its login); masked before
   * anything is written or run.
   */
  readonly secrets?: readonly string[];
  /** When delivery made something that outlives the credential (a tool's own token), its expiry. */
  readonly expiresAt?: Date;
  readonly notes?: readonly string[];
}

export interface DeliverContext {
  readonly log: Logger;
  readonly mode: DeliveryMode;
  /** Private 0700 directory for this grant under RUNNER_TEMP; deleted on close. */
  readonly dir: string;
  readonly run: string | undefined;
}

/** What the grant's record holds when it is closed (no secrets in it). */
export interface GrantSummary {
  readonly id: string;
  readonly provider: ProviderId;
  readonly principal: string;
  readonly expiresAt: string;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export type CloseMethod = 'revoked' | 'expires' | 'expired';

/** What a provider may use to close server-side; it runs before the runner-side scrub. */
export interface CloseContext {
  readonly log: Logger;
  readonly now: Date;
  /** The grant's private directory, still there (files a revocation check may read). */
  readonly dir: string | undefined;
  /** Mints a GitHub OIDC token (e.g. to assume a revoker role); throws when the job has none. */
  readonly idToken: IdTokenSource;
  readonly env: NodeJS.ProcessEnv;
}

export interface ServerSideClose {
  readonly method: CloseMethod;
  /** True only when a call with the credential was shown to be refused. */
  readonly verified: boolean;
  readonly note: string;
}

/**
 * One cloud. `parse` is pure (no network) and throws ConfigurationError on any bad
 * input; `issue` makes the exchange; `deliver` shapes what tools read; `close` does what
 * the cloud allows server-side (the runner-side scrub is the engine's job).
 */
export interface Provider<S = unknown> {
  readonly id: ProviderId;
  parse(inputs: Inputs, common: CommonSettings, env: NodeJS.ProcessEnv): S;
  audience(settings: S): string;
  /**
   * Facts for the summary, ledger and policy before the exchange: the principal asked for,
   * the scope, and the lifetime it will have (seconds) where the provider decides it.
   */
  describe(settings: S): { principal: string; scope: string; duration?: number };
  issue(settings: S, ctx: IssueContext): Promise<Credential>;
  deliver(settings: S, credential: Credential, ctx: DeliverContext): Promise<Delivery>;
  close(grant: GrantSummary, ctx: CloseContext): Promise<ServerSideClose>;
  /** Names of the step outputs `export: outputs` sets, for action.yml and the README. */
  readonly outputNames: readonly string[];
}

export async function loadProvider(id: ProviderId): Promise<Provider> {
  // Lazy, so that an AWS step never loads the Azure or Google SDKs.
  switch (id) {
    case 'aws':
      return (await import('./aws/index.js')).awsProvider as Provider;
    case 'azure':
      return (await import('./azure/index.js')).azureProvider as Provider;
    case 'gcp':
      return (await import('./gcp/index.js')).gcpProvider as Provider;
  }
}

/** For expiry-only closes: whether the credential is already dead or will be at a known time. */
export function expiryClose(expiresAt: string, now: Date, why: string): ServerSideClose {
  const expired = Date.parse(expiresAt) <= now.getTime();
  return {
    method: expired ? 'expired' : 'expires',
    verified: false,
    note: why,
  };
}
