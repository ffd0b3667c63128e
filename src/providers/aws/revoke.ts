import { GetRolePolicyCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CloudError, errorMessage } from '../../errors.js';
import { formatDuration } from '../../runner/inputs.js';
import type { CloseContext, ServerSideClose } from '../provider.js';
import { httpTimeoutMs, isNetworkError, withRetry } from '../retry.js';
import {
  checkSize,
  hasStatement,
  parseRevokeDocument,
  pruneExpired,
  REVOKE_POLICY_NAME,
  revokeSid,
  serialize,
  sessionDeny,
  sizeAdvice,
  withStatement,
} from './revoke-policy.js';
import { probeUntilDenied, readCredentialsFile, verifySeconds } from './revoke-verify.js';
import { DEFAULT_AUDIENCE, iamEndpoint, type AwsSettings } from './settings.js';
import { assumeRole } from './sts.js';

/** STS's minimum: the revoker needs a couple of calls, nothing more. */
const REVOKER_SESSION_SECONDS = 900;

export interface RevokeDeps {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
  $response?: { headers?: Record<string, string> };
}

function isRetryableIamError(err: unknown): boolean {
  const e = err as SdkError;
  if (
    e?.name &&
    /^(Throttling|ThrottlingException|ServiceFailure|ServiceFailureException|RequestLimitExceeded)$/.test(
      e.name,
    )
  )
    return true;
  // The signer has just corrected the runner's clock from IAM's Date header: the next attempt is signed right.
  if (e?.$metadata?.clockSkewCorrected) return true;
  const status = e?.$metadata?.httpStatusCode;
  return (status !== undefined && status >= 500) || isNetworkError(err);
}

/** IAM is global; its signing region is the partition's first one. */
function iamRegion(roleArn: string): string {
  const partition = roleArn.split(':')[1];
  if (partition === 'aws-cn') return 'cn-north-1';
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  return 'us-east-1';
}

function roleName(roleArn: string): string {
  return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}

/**
 * Denies one AWS session through a separate revoker role, then shows AWS refusing it: assume
 * the revoker with a fresh GitHub token, read the role's revocation policy, drop entries whose
 * sessions have expired anyway, add this session until its STS expiry, write it back, and
 * probe with the session's own keys until AWS answers with an explicit deny (bounded).
 * Throws with what to fix when the revoker cannot be assumed or may not write the policy.
 */
/** The one session to deny, from the grant's close handle. */
export interface RevokeTarget {
  readonly grantId: string;
  readonly roleArn: string;
  readonly revokeRole: string;
  readonly assumedRoleId: string;
  readonly audience: string;
  readonly region: string;
  /** The session's own STS expiry (ISO): the deny is needed until then. */
  readonly sessionExpiresAt: string;
}

export async function revokeSession(
  session: RevokeTarget,
  ctx: CloseContext,
  deps: RevokeDeps = {},
): Promise<ServerSideClose> {
  const grant = { id: session.grantId };
  const revoker = session.revokeRole;
  const roleArn = session.roleArn;
  const assumedRoleId = session.assumedRoleId;
  const stsExpiration = new Date(session.sessionExpiresAt);
  const region = session.region;
  const audience = session.audience || DEFAULT_AUDIENCE;
  if (!assumedRoleId || !roleArn || Number.isNaN(stsExpiration.getTime())) {
    throw new CloudError(
      `Grant ${grant.id} has no AssumedRoleId or expiry on record; there is no session to deny.`,
    );
  }
  const sleep = deps.sleep ?? realSleep;
  const clock = deps.clock ?? (() => Date.now());
  const timeoutMs = httpTimeoutMs(ctx.env);
  const stsEndpoint = ctx.env['AWS_ENDPOINT_URL_STS'] || ctx.env['AWS_ENDPOINT_URL'] || undefined;
  const retry = {
    attempts: 3,
    baseDelayMs: 250,
    sleep,
    onRetry: (err: unknown, attempt: number, delay: number) =>
      ctx.log.info(
        `IAM attempt ${attempt} failed (${(err as Error).name}); retrying in ${delay} ms`,
      ),
  };

  // 1. The revoker's session, from its own trust policy.
  const token = await ctx.idToken(audience);
  const revokerSettings: AwsSettings = {
    role: revoker,
    region,
    duration: REVOKER_SESSION_SECONDS,
    stsDuration: REVOKER_SESSION_SECONDS,
    needsWindow: false,
    sessionPolicy: undefined,
    managedPolicies: [],
    sessionName: `jit-revoke.${grant.id}`.slice(0, 64),
    audience,
    endpoint: stsEndpoint,
    revokeRole: undefined,
    timeoutMs,
  };
  let creds;
  try {
    const out = await assumeRole(
      revokerSettings,
      { token, sessionPolicy: undefined },
      { timeoutMs, retry: { sleep } },
    );
    creds = out.Credentials;
  } catch (err) {
    throw new CloudError(
      `Could not revoke session ${assumedRoleId}: the revoker role ${revoker} could not be assumed. ${errorMessage(err)}\n` +
        `The revoker's trust policy must accept this workflow's GitHub token (audience '${audience}') as ${roleArn}'s does.`,
      false,
      { cause: err },
    );
  }
  if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken) {
    throw new CloudError(
      `AWS STS answered without credentials for the revoker role ${revoker}; nothing was revoked.`,
    );
  }

  // 2. Read, prune, add, write: IAM's own clock decides what has expired.
  const iam = new IAMClient({
    region: iamRegion(roleArn),
    endpoint: iamEndpoint(ctx.env),
    credentials: {
      accessKeyId: creds.AccessKeyId,
      secretAccessKey: creds.SecretAccessKey,
      sessionToken: creds.SessionToken,
    },
    maxAttempts: 1,
    requestHandler: {
      requestTimeout: timeoutMs,
      connectionTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  let serverTime: number | undefined;
  iam.middlewareStack.add(
    (next) => async (args) => {
      const seen = (headers: Record<string, string> | undefined) => {
        const t = Date.parse(headers?.['date'] ?? headers?.['Date'] ?? '');
        if (!Number.isNaN(t)) serverTime = t;
      };
      try {
        const result = await next(args);
        seen((result.response as { headers?: Record<string, string> }).headers);
        return result;
      } catch (err) {
        seen((err as SdkError).$response?.headers);
        throw err;
      }
    },
    { step: 'finalizeRequest', name: 'jitCredentialsServerDate' },
  );
  const target = { RoleName: roleName(roleArn), PolicyName: REVOKE_POLICY_NAME };
  const sid = revokeSid(grant.id);
  const refused = (action: string, err: unknown) =>
    new CloudError(
      `Could not revoke session ${assumedRoleId}: IAM refused ${action} on ${roleArn} for the revoker role ${revoker}: ` +
        `${errorMessage(err)}\nAllow the revoker ${action} on ${roleArn} (and only that role).`,
      false,
      { cause: err },
    );

  let pruned: number;
  let live: number;
  try {
    // Another job may write the same policy between our read and write: read back, and redo if ours is gone.
    for (let round = 1; ; round++) {
      let current: string | undefined;
      try {
        const got = await withRetry(() => iam.send(new GetRolePolicyCommand(target)), {
          ...retry,
          isRetryable: isRetryableIamError,
        });
        current =
          got.PolicyDocument === undefined ? undefined : decodeURIComponent(got.PolicyDocument);
      } catch (err) {
        const name = (err as SdkError).name ?? '';
        if (name === 'NoSuchEntity' || name === 'NoSuchEntityException') current = undefined;
        else if (/AccessDenied/.test(name)) throw refused('iam:GetRolePolicy', err);
        else
          throw new CloudError(
            `Could not revoke session ${assumedRoleId}: IAM GetRolePolicy failed: ${name}: ${errorMessage(err)}`,
            false,
            { cause: err },
          );
      }
      const now = serverTime ?? ctx.now.getTime();
      const result = pruneExpired(parseRevokeDocument(current), now);
      pruned = result.dropped;
      const doc = withStatement(result.doc, sessionDeny(sid, assumedRoleId, stsExpiration));
      live = doc.Statement.length;
      const text = serialize(doc);
      checkSize(text, roleArn, live - 1);
      try {
        await withRetry(
          () => iam.send(new PutRolePolicyCommand({ ...target, PolicyDocument: text })),
          {
            ...retry,
            isRetryable: isRetryableIamError,
          },
        );
      } catch (err) {
        const name = (err as SdkError).name ?? '';
        if (/AccessDenied/.test(name)) throw refused('iam:PutRolePolicy', err);
        if (/LimitExceeded/.test(name)) {
          throw new CloudError(
            `Could not revoke session ${assumedRoleId}: ${errorMessage(err)}. ${sizeAdvice(roleArn, live - 1)}`,
            false,
            {
              cause: err,
            },
          );
        }
        throw new CloudError(
          `Could not revoke session ${assumedRoleId}: IAM PutRolePolicy failed: ${name}: ${errorMessage(err)}`,
          false,
          { cause: err },
        );
      }
      const back = await withRetry(() => iam.send(new GetRolePolicyCommand(target)), {
        ...retry,
        isRetryable: isRetryableIamError,
      });
      if (
        back.PolicyDocument &&
        hasStatement(parseRevokeDocument(decodeURIComponent(back.PolicyDocument)), sid)
      )
        break;
      if (round >= 3) {
        throw new CloudError(
          `Could not revoke session ${assumedRoleId}: other writers kept replacing '${REVOKE_POLICY_NAME}' on ${roleArn}.`,
        );
      }
      ctx.log.info(
        `'${REVOKE_POLICY_NAME}' was rewritten by another job meanwhile; writing this session's deny again.`,
      );
    }
  } finally {
    iam.destroy();
  }
  const written =
    `a deny of aws:userid ${assumedRoleId} until ${stsExpiration.toISOString()} was written to ${roleArn}'s inline policy ` +
    `'${REVOKE_POLICY_NAME}' (${live} ${live === 1 ? 'entry' : 'entries'}${pruned ? `, ${pruned} expired dropped` : ''})`;

  // 3. Proof: the session's own keys, refused with an explicit deny.
  const keys = ctx.dir ? readCredentialsFile(ctx.dir) : undefined;
  if (!keys) {
    return {
      method: 'revoked',
      verified: false,
      note: `${written}; not verified: the grant's credentials file was not there to probe with`,
    };
  }
  const bound = verifySeconds(ctx.env);
  const started = clock();
  const outcome = await probeUntilDenied(keys, {
    region,
    endpoint: stsEndpoint,
    timeoutMs,
    boundMs: bound * 1000,
    sleep,
    now: clock,
  });
  const waited = formatDuration(Math.max(0, Math.round((clock() - started) / 1000)));
  if (outcome.refused === 'explicit-deny') {
    return {
      method: 'revoked',
      verified: true,
      note: `AWS refuses the session with an explicit deny (seen after ${waited}): ${written}`,
    };
  }
  if (outcome.refused === 'expired') {
    return {
      method: 'revoked',
      verified: false,
      note: `${written}; the session had expired before the deny could be observed`,
    };
  }
  return {
    method: 'revoked',
    verified: false,
    note:
      `${written}, but AWS did not refuse the session within ${formatDuration(bound)} (IAM changes can take minutes to apply; ` +
      `last answer: ${outcome.last}). It stops working by ${stsExpiration.toISOString()} at the latest`,
  };
}
