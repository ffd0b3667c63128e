import type { Inputs } from '../runner/inputs.js';
import type { Logger } from '../runner/logger.js';
import type { IdTokenSource } from '../runner/oidc.js';

export type ProviderId = 'aws' | 'azure' | 'gcp';
export const PROVIDER_IDS: readonly ProviderId[] = ['aws', 'azure', 'gcp'];

export type DeliveryMode = 'run' | 'env' | 'outputs';
/** The one list of delivery modes: inputs, policy rules and the CLI all check against it. */
export const DELIVERY_MODES: readonly DeliveryMode[] = ['run', 'env', 'outputs'];

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
  /** Chosen before anything else, so the session name and the ledger share it. */
  readonly grantId: string;
}

/**
 * What is asked of the cloud, resolved once before anything is sent: what the policy judges,
 * what the record shows as requested, and the audience of the GitHub token the exchange needs.
 */
export interface GrantRequest {
  readonly provider: ProviderId;
  /** Role ARN, service account, workload identity provider or client id. */
  readonly principal: string;
  readonly scope: string;
  readonly audience: string;
  /** The longest the cloud may really honour the credential, in seconds: what a policy's max-duration judges. */
  readonly lifetime: number;
  /** The `duration` input, when one was given. */
  readonly requestedLifetime: number | undefined;
  /** Endpoint overrides in effect (`NAME=url`): the GitHub token goes there, not to the cloud. */
  readonly endpointOverrides: readonly string[];
}

/** A provider's parsed settings with the request they make. */
export interface Plan<S> {
  readonly settings: S;
  readonly request: GrantRequest;
}

export interface IssueContext {
  readonly log: Logger;
  readonly grantId: string;
  /** A GitHub OIDC token for `request.audience`, minted (and verified when a policy decided) by the engine. */
  readonly token: string;
  /** Mints further GitHub OIDC tokens, already masked, for any later exchange. */
  readonly idToken: IdTokenSource;
  readonly now: () => Date;
  /**
   * Masks a secret at once: a token that exists only between two calls (Google's federated
   * token) is masked on arrival, since the next call's error may quote it.
   */
  readonly mask: (secret: string) => void;
}

/**
 * What a provider issued: the facts every grant has. Each provider extends it with typed fields
 * for its secrets, which only its own `deliver` reads. Never logged, never put in the ledger.
 */
export interface Credential {
  /** Who the step acts as: role session ARN, service account, client id. */
  readonly principal: string;
  /** When the cloud will refuse the credential, whatever happens on the runner. */
  readonly expiresAt: Date;
  /** Every secret value in this credential: masked before anything else happens. */
  readonly secrets: readonly string[];
  /** Human-readable scope (resource, boundary, session policy) and its digest, for the record. */
  readonly scope: string;
  readonly scopeDigest?: string;
  /** Non-secret facts for reviewers (displayed only; closing never reads them). */
  readonly facts: Readonly<Record<string, string | number | boolean>>;
  readonly notes: readonly string[];
}

/** JSON without secrets: what `close` needs, kept apart from what the summary displays. */
export type CloseHandle = { readonly [key: string]: JsonValue };
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface Issued<C extends Credential, H extends CloseHandle> {
  readonly credential: C;
  readonly handle: H;
}

/** How a credential reaches tools. Paths in `env` point into `dir`, the grant's private 0700 directory. */
export interface Delivery {
  readonly env: Readonly<Record<string, string>>;
  readonly files: ReadonlyArray<{ readonly path: string; readonly content: string }>;
  /** Step outputs for `export: outputs`, by output name. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Inherited variables the `run:` command must not see (they would override or confuse the grant). */
  readonly unset?: readonly string[];
  /** Secrets that delivery itself produced (a tool's own token after its login); masked before use. */
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

export type CloseMethod = 'revoked' | 'expires' | 'expired';

/** What a provider may use to close server-side; it runs before the runner-side scrub. */
export interface CloseContext {
  readonly log: Logger;
  readonly grantId: string;
  readonly now: Date;
  /** When the cloud refuses the credential anyway (from the trusted record of issuance). */
  readonly expiresAt: Date;
  /** The grant's private directory, still there (files a revocation check may read). */
  readonly dir: string | undefined;
  /** Mints a GitHub OIDC token (e.g. to assume a revoker role); throws when the job has none. */
  readonly idToken: IdTokenSource;
  /** Masks a secret the closing obtains or reads (a revoker's session, the grant's own keys). */
  readonly mask: (secret: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /**
   * True when the handle is this job's own record of the grant (the main step's state or
   * memory); false when it was read from the ledger, which any step can write.
   */
  readonly handleTrusted: boolean;
  /**
   * The credential as issued, when this process still holds it (the main step closing its own
   * grant, `run:` above all): a check proves the close with it rather than with files the command
   * could have replaced. Kept in memory only: never in the handle, the state or the ledger.
   */
  readonly issuedCredential?: Credential;
}

export interface ServerSideClose {
  readonly method: CloseMethod;
  /** True only when a call with the credential was shown to be refused in this step. */
  readonly verified: boolean;
  readonly note: string;
  /**
   * Set when the cloud's answers came from an endpoint override, not the cloud's own endpoint:
   * which endpoint, for a reviewer to judge what "verified" rests on.
   */
  readonly answeredBy?: string;
}

/**
 * What closing needs of a cloud, apart from the rest of its provider: a post step loads only
 * this. `close` does what the cloud allows server-side (the runner-side scrub is the engine's);
 * `readHandle` checks a handle read back from the ledger, which any step can write.
 */
export interface Closer<H extends CloseHandle = CloseHandle> {
  readonly id: ProviderId;
  /** Every variable a delivery of this cloud may export: all are emptied at closing, whatever the ledger says. */
  readonly envNames: readonly string[];
  /**
   * Those of envNames that hold a credential itself (keys, tokens), not a setting: emptied by
   * actions/revoke wherever their value came from.
   */
  readonly credentialNames: readonly string[];
  close(handle: H, ctx: CloseContext): Promise<ServerSideClose>;
  readHandle(raw: unknown): H;
  /**
   * Whether a handle, read or not, asks for a revocation (AWS revoke-role): one of this job's own
   * state that cannot be read, or whose close fails, is then a revocation not made.
   */
  asksRevocation?(raw: unknown): boolean;
}

/**
 * One cloud, in the pipeline's order. `plan` is pure (no network) and throws ConfigurationError
 * on any bad input; `issue` makes the exchange; `deliver` shapes what tools read (the engine
 * writes it); closing is its `Closer`'s.
 */
export interface Provider<
  S = unknown,
  C extends Credential = Credential,
  H extends CloseHandle = CloseHandle,
> extends Closer<H> {
  /** Names of the step outputs `export: outputs` sets, for action.yml and the README. */
  readonly outputNames: readonly string[];
  /** May be async, to load a parser only when the input that needs it is given. */
  plan(inputs: Inputs, common: CommonSettings, env: NodeJS.ProcessEnv): Plan<S> | Promise<Plan<S>>;
  /**
   * Starts loading the code issue() needs while the GitHub token is on its way, and may make what
   * needs nothing from the token (AWS makes its STS client); sends nothing. What fails here
   * fails again, and is reported, in issue().
   */
  prepare?(plan: Plan<S>): void;
  issue(plan: Plan<S>, ctx: IssueContext): Promise<Issued<C, H>>;
  deliver(plan: Plan<S>, credential: C, ctx: DeliverContext): Promise<Delivery>;
}

export type AnyProvider = Provider<unknown, Credential, CloseHandle>;
export type AnyCloser = Closer<CloseHandle>;

export async function loadProvider(id: ProviderId): Promise<AnyProvider> {
  // Lazy, so that an AWS step never loads the Azure or Google SDKs.
  switch (id) {
    case 'aws':
      return (await import('./aws/index.js')).awsProvider as unknown as AnyProvider;
    case 'azure':
      return (await import('./azure/index.js')).azureProvider as unknown as AnyProvider;
    case 'gcp':
      return (await import('./gcp/index.js')).gcpProvider as unknown as AnyProvider;
  }
}

/** For expiry-only closes: whether the credential is already dead or will be at a known time. */
export function expiryClose(
  ctx: Pick<CloseContext, 'now' | 'expiresAt'>,
  why: string,
): ServerSideClose {
  const expired = ctx.expiresAt.getTime() <= ctx.now.getTime();
  return { method: expired ? 'expired' : 'expires', verified: false, note: why };
}

/** A close handle from the ledger is untrusted input: its fields are checked one by one. */
export function handleObject(raw: unknown, provider: ProviderId): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`the ${provider} close handle is not an object`);
  }
  return raw as Record<string, unknown>;
}

export function handleString(h: Record<string, unknown>, key: string, pattern?: RegExp): string {
  const v = h[key];
  if (typeof v !== 'string' || (pattern && !pattern.test(v))) {
    throw new Error(`the close handle's '${key}' is missing or malformed`);
  }
  return v;
}

export function optionalHandleString(
  h: Record<string, unknown>,
  key: string,
  pattern?: RegExp,
): string | undefined {
  return h[key] === undefined || h[key] === null ? undefined : handleString(h, key, pattern);
}
