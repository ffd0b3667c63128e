import { errorMessage } from '../errors.js';
import type { ApprovalRecord } from '../policy/approvals.js';
import { judge, trustedIssuer, prefetchKeys } from '../policy/gate.js';
import { renderPolicyFailure } from '../policy/render.js';
import {
  readPolicySourceSettings,
  startEarlyRead,
  warmPolicyReader,
  type EarlyRead,
} from '../policy/source.js';
import type { GrantRequest } from '../providers/provider.js';
import { Inputs } from '../runner/inputs.js';
import type { Runner } from '../runner/runner.js';
import type { EngineSettings } from './settings.js';

/** The policy's answer for one request: a plain value, recorded whatever it says. */
export interface Decision {
  readonly allowed: boolean;
  /** The refusal, claim by claim, when not allowed. */
  readonly refusal?: string;
  /** What the ledger keeps: rule, policy digest and origin, the claims that decided. */
  readonly record: Record<string, unknown>;
  /** Markdown for the summary. */
  readonly rendered: string;
  /** The deployment review of the token's environment, read before deciding; none without one. */
  readonly approval?: ApprovalRecord;
}

/** The policy, ready to judge a request with the job's GitHub token. */
export interface Judge {
  /**
   * Starts the reads that need no token while it is requested: the issuer's keys, and the policy
   * of the repository the job says it is in. Sends no token; decides nothing.
   */
  prepare?(): void;
  /** Uses what is left of the wait once the SDK is loading: warms the policy's reader. */
  warm?(): void;
  judge(request: GrantRequest, token: string): Promise<Decision>;
  /** Ends what prepare started and no decision took (the token never came, or named another repository). */
  cancel?(): void;
}

/** The policy could not be applied (token, API, file): the grant is refused, and the summary says why. */
export class PolicyUnavailable extends Error {
  override name = 'PolicyUnavailable';
  constructor(
    message: string,
    readonly rendered: string,
    options?: { cause?: unknown },
    /** Whether the token verified before the failure: only then may its claims be recorded. */
    readonly tokenVerified = false,
  ) {
    super(message, options);
  }
}

/**
 * Every grant is judged: the token is verified, the policy read from where the judged job
 * cannot change it (the default branch, or the trusted workflow's commit; src/policy/source.ts),
 * and decided on before any request reaches a cloud. Inputs are read here, before any request.
 */
export function createJudge(
  settings: EngineSettings,
  env: NodeJS.ProcessEnv,
  runner: Runner,
  endpointOverrides: readonly string[],
): Judge {
  const issuer = trustedIssuer(settings.oidcIssuer, env);
  const source = readPolicySourceSettings(new Inputs(runner), env);
  if (source.githubToken) runner.mask(source.githubToken);
  let early: EarlyRead | undefined;
  const unused = new AbortController();
  return {
    // Neither sends the token: the issuer's keys, and the policy of the repository the job
    // says it is in, used only if the verified claims name that repository.
    prepare: () => {
      void prefetchKeys(issuer, source.timeoutMs, unused.signal);
      early = startEarlyRead(source, env);
    },
    warm: () => void warmPolicyReader(source),
    cancel: () => {
      unused.abort();
      early?.cancel();
    },
    judge: async (request, token) => {
      let j;
      let verified = false;
      try {
        // No key cache under RUNNER_TEMP: any step of the job could plant keys there.
        j = await judge(
          { source, issuer, cacheDir: undefined },
          {
            provider: request.provider,
            principal: request.principal,
            duration: request.lifetime,
            delivery: settings.mode,
          },
          token,
          request.audience,
          { log: runner.log, onVerified: () => (verified = true), ...(early ? { early } : {}) },
        );
      } catch (err) {
        throw new PolicyUnavailable(
          errorMessage(err),
          renderPolicyFailure(errorMessage(err)),
          { cause: err },
          verified,
        );
      } finally {
        // Read for another repository than the token's, or for a refused token: not waited for.
        early?.cancel();
      }
      const record = endpointOverrides.length ? { ...j.record, endpointOverrides } : j.record;
      return { ...j, record };
    },
  };
}
