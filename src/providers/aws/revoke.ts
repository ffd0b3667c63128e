import { CloudError, errorMessage, RevocationError } from '../../errors.js';
import { formatDuration } from '../../runner/inputs.js';
import type { CloseContext, ServerSideClose } from '../provider.js';
import { httpTimeoutMs } from '../retry.js';
import {
  iamErrorName,
  isAccessDenied,
  isLimitExceeded,
  revokerIam,
  type RevokerIam,
} from './revoke-iam.js';
import {
  budgetAdvice,
  deniesSession,
  iamPolicySize,
  parsePolicy,
  revokePolicyName,
  sessionDenyDocument,
} from './revoke-policy.js';
import { inlineUsage, pruneExpired, type PruneResult } from './revoke-prune.js';
import {
  probeUntilDenied,
  readCredentialsFile,
  verifySeconds,
  type CredentialsRead,
  type ProbeOutcome,
  type SessionKeys,
} from './revoke-verify.js';
import {
  networkChange,
  networkNow,
  serviceUrls,
  type NetworkNow,
  type NetworkPath,
} from './revoke-network.js';
import { ROLE_ARN } from './arn.js';
import { endpointVariant, envEndpoints, envEndpointValues, type AwsSettings } from './settings.js';
import type { EndpointVariant } from './client-config.js';
import { assumeRole } from './sts.js';

/** STS's minimum: the revoker needs a few calls and the probe's bound, nothing more. */
const REVOKER_SESSION_SECONDS = 900;

/**
 * What closing needs to deny one AWS session; read from the grant's record, so checked here.
 * Its NetworkPath is how the grant's calls reached AWS at issue (no proxy, no extra CA when absent).
 */
export interface RevokeTarget extends NetworkPath {
  readonly grantId: string;
  /** The role whose session is denied (its inline policies receive the deny). */
  readonly roleArn: string;
  /** The separate role allowed to write those inline policies. */
  readonly revokeRole: string;
  /** AROA…:<session name>: what `aws:userid` is for that session and no other. */
  readonly assumedRoleId: string;
  /** Audience of the GitHub OIDC token the revoker is assumed with. */
  readonly audience: string;
  /** The session's STS expiry (ISO 8601): the deny lasts until then, and is pruned after. */
  readonly sessionExpiresAt: string;
  readonly region?: string;
  /** The endpoints the session was issued through (checked when the handle was read); AWS's own when absent. */
  readonly stsEndpoint?: string;
  readonly iamEndpoint?: string;
  /** FIPS / dual-stack endpoints as at issue (recorded only when true). */
  readonly fips?: true;
  readonly dualStack?: true;
}

export interface RevokeDeps {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: () => number;
  /** The digest of the extra CA certificates this process trusts (revoke-network.ts), for tests. */
  readonly extraCa?: () => string | undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const ASSUMED_ROLE_ID = /^AROA[A-Z0-9]{4,124}:[\w+=,.@-]{2,64}$/;
const GRANT_ID = /^[\w+=,@-]{1,80}$/;

/**
 * The record is written by any step of the job: refuse a target that could name another
 * account's role, the role itself as its own revoker, or an IAM-invalid policy name.
 */
function checkTarget(t: RevokeTarget, expiry: Date): void {
  const bad = (what: string) =>
    new RevocationError(
      `Could not revoke grant ${t.grantId}: its record has ${what}; nothing was revoked.`,
      expiry,
    );
  if (!GRANT_ID.test(t.grantId)) throw bad(`an unusable grant id '${t.grantId}'`);
  const role = ROLE_ARN.exec(t.roleArn);
  if (!role) throw bad(`no valid role ARN ('${t.roleArn}')`);
  const revoker = ROLE_ARN.exec(t.revokeRole);
  if (!revoker || t.revokeRole === t.roleArn || revoker[1] !== role[1]) {
    throw bad(`no valid revoker role of the same account ('${t.revokeRole}')`);
  }
  if (!ASSUMED_ROLE_ID.test(t.assumedRoleId))
    throw bad(`no valid AssumedRoleId ('${t.assumedRoleId}')`);
}

/**
 * Denies one AWS session through a separate revoker role, and shows AWS refusing it: assume
 * the revoker with a fresh GitHub token; write this session's own inline policy on the role
 * (a deny of its `aws:userid` until its STS expiry; see revoke-policy.ts for why one policy
 * per session); delete revocations whose sessions have expired; probe with the session's
 * own keys until AWS answers with an explicit deny (bounded); and read the deny back at the
 * end. "Verified" needs both the explicit deny and the deny still in place at the end.
 *
 * Throws RevocationError, carrying the session's expiry, whenever the session is not denied
 * when this returns: the revoker could not be assumed, IAM refused or could not take the
 * write (access, the role's 10,240-character budget), or the deny was removed meanwhile.
 */
export async function revokeSession(
  target: RevokeTarget,
  ctx: CloseContext,
  deps: RevokeDeps = {},
): Promise<ServerSideClose> {
  const expiry = new Date(target.sessionExpiresAt);
  if (Number.isNaN(expiry.getTime())) {
    throw new CloudError(
      `Grant ${target.grantId} has no session expiry on record ('${target.sessionExpiresAt}'); there is no session to deny.`,
    );
  }
  checkTarget(target, expiry);
  const { roleArn, revokeRole, assumedRoleId } = target;
  const fail = (why: string, cause?: unknown) =>
    new RevocationError(
      `Could not revoke session ${assumedRoleId}: ${why}\nThe session stays valid until ${expiry.toISOString()}.`,
      expiry,
      cause === undefined ? undefined : { cause },
    );
  const sleep = deps.sleep ?? realSleep;
  const clock = deps.clock ?? (() => Date.now());
  const timeoutMs = httpTimeoutMs(ctx.env);
  const used = closeEndpoints(target, ctx);
  const { stsEndpoint, iamEndpoint } = used;
  const region = target.region ?? 'us-east-1';
  // As the endpoints: the choice made at issue when the record is the job's own.
  const variant: EndpointVariant = ctx.handleTrusted
    ? { fips: target.fips === true, dualStack: target.dualStack === true }
    : endpointVariant(ctx.env);
  const net = networkNow(serviceUrls(region, variant, stsEndpoint, iamEndpoint), deps.extraCa);
  const moved = closeNetwork(target, net, ctx);

  // 0. The session's keys, and whether the probe's call is refused with an explicit deny already
  // (a permissions boundary, an SCP, a Deny of sts:GetAccessKeyInfo, an earlier close's deny):
  // then an explicit deny after the write shows nothing about it. Asked while the revoker is
  // assumed, and answered before the deny is written.
  const { keys, problem } = probeKeys(ctx);
  if (keys) for (const secret of [keys.secretAccessKey, keys.sessionToken]) ctx.mask(secret);
  const probeOptions = (boundMs: number) => ({
    assumedRoleId,
    region,
    endpoint: stsEndpoint,
    variant,
    timeoutMs,
    boundMs,
    sleep,
    now: clock,
  });
  const baseline = keys
    ? probeUntilDenied(keys, probeOptions(0)).catch(() => undefined)
    : Promise.resolve(undefined);

  // 1. The revoker's session, from its own trust policy.
  const creds = await assumeRevoker(target, ctx, {
    stsEndpoint,
    variant,
    region,
    timeoutMs,
    sleep,
  }).catch((err: unknown) => {
    throw fail(
      `the revoker role ${revokeRole} could not be assumed. ${errorMessage(err)}\n` +
        `The revoker's trust policy must accept this workflow's GitHub token (audience '${target.audience}') as ${roleArn}'s does.`,
      err,
    );
  });

  const iam = revokerIam({
    roleArn,
    endpoint: iamEndpoint,
    variant,
    credentials: creds,
    timeoutMs,
    sleep,
    onRetry: (err, attempt, delay) =>
      ctx.log.info(`IAM attempt ${attempt} failed (${iamErrorName(err)}); retrying in ${delay} ms`),
  });
  try {
    // The baseline's answer must come before the deny exists, or it would see that deny.
    const before = await baseline;
    // 2. This session's own policy: no other writer ever writes this name.
    const name = revokePolicyName(target.grantId, expiry);
    const pruned = await writeDeny(iam, name, target, expiry, fail);
    if (pruned.problem) ctx.log.warning(`Revoking ${assumedRoleId}: ${pruned.problem}.`);
    const written = writtenNote(name, target, expiry, pruned, ctx.handleTrusted);

    // 3. Proof: the session's own keys, refused with an explicit deny.
    const bound = verifySeconds(ctx.env);
    const started = clock();
    let outcome: ProbeOutcome | undefined = keys
      ? await probeUntilDenied(keys, probeOptions(bound * 1000))
      : undefined;
    // Over a changed network path nothing the probe got is proof anyway, and that is said first.
    if (!moved && outcome?.refused === 'explicit-deny' && before?.refused === 'explicit-deny') {
      outcome = { refused: 'explicit-deny', by: 'before' };
    }
    const waited = formatDuration(Math.max(0, Math.round((clock() - started) / 1000)));

    // 4. Still there? Another process may have deleted it after AWS refused the session once.
    let kept: boolean | string;
    try {
      kept = deniesSession(parsePolicy(await iam.get(name)), assumedRoleId, expiry);
    } catch (err) {
      kept = `${iamErrorName(err) || 'Error'}: ${errorMessage(err)}`;
    }
    if (kept === false) {
      const now = iam.serverNow() ?? ctx.now.getTime();
      if (outcome?.refused === 'expired' || now >= expiry.getTime()) {
        return answeredAt(
          {
            method: 'expired',
            verified: false,
            note: `the session expired (${expiry.toISOString()}) while it was being revoked; its deny '${name}' is gone`,
          },
          used,
          net,
          ctx.handleTrusted,
          moved,
        );
      }
      throw fail(
        `the deny '${name}' written to ${roleArn} was removed before the close finished, so AWS accepts the session again. ` +
          `Find what deletes or replaces inline policies of ${roleArn} (CloudTrail: DeleteRolePolicy), and close again.`,
      );
    }
    const found = verdict(outcome, problem, kept, written, waited, bound, expiry);
    return answeredAt(
      unverifiedIfMoved(found, written, moved),
      used,
      net,
      ctx.handleTrusted,
      moved,
    );
  } finally {
    iam.destroy();
  }
}

interface Endpoints {
  readonly stsEndpoint: string | undefined;
  readonly iamEndpoint: string | undefined;
}

/**
 * Where closing talks to AWS. For the job's own record of the grant (the main step's state), the
 * endpoints it was issued through: the variables in the environment now are any step's to set
 * through GITHUB_ENV, and a server of its own there could answer "denied" to the probe while AWS
 * still accepts the session; a change is said, and not followed. A ledger line is any step's to
 * write too, so for a grant known only from the ledger the environment decides, checked as at
 * issue. Either way the record names an endpoint that is not AWS's own (answeredAt).
 */
function closeEndpoints(target: RevokeTarget, ctx: CloseContext): Endpoints {
  if (!ctx.handleTrusted) return envEndpoints(ctx.env);
  const values = envEndpointValues(ctx.env);
  const now = { STS: values.stsEndpoint, IAM: values.iamEndpoint };
  const issued = { STS: target.stsEndpoint, IAM: target.iamEndpoint };
  for (const service of ['STS', 'IAM'] as const) {
    if (now[service] === issued[service]) continue;
    ctx.log.warning(
      `Closing ${target.assumedRoleId}: the environment now names ${now[service] ?? "AWS's own endpoint"} for ${service}, ` +
        `but the session was issued through ${issued[service] ?? "AWS's own endpoint"}; its revocation goes there, as recorded.`,
    );
  }
  return { stsEndpoint: issued.STS, iamEndpoint: issued.IAM };
}

/**
 * The keys to prove the deny with: those the main step holds in memory for its own grant, else
 * the grant's credentials file (post, revoke), read only if it is still the file deliver wrote.
 */
function probeKeys(ctx: CloseContext): CredentialsRead {
  const held = ctx.issuedCredential as Partial<SessionKeys> | undefined;
  if (held?.accessKeyId && held.secretAccessKey && held.sessionToken) {
    const { accessKeyId, secretAccessKey, sessionToken } = held;
    return { keys: { accessKeyId, secretAccessKey, sessionToken } };
  }
  return ctx.dir
    ? readCredentialsFile(ctx.dir)
    : { problem: "the grant's credentials file was not there" };
}

/**
 * The proxy and extra CAs of this step against those the grant was issued through. For the job's
 * own record of the grant a change is said, and the revocation is still made through the path
 * this step has (the recorded proxy's password is not kept, nor could another CA be un-trusted),
 * but a proof that came back over it is not called verified: the proxy could have answered
 * "denied" itself. A ledger line is any step's to write, so for it the environment decides.
 */
function closeNetwork(
  target: RevokeTarget,
  net: NetworkNow,
  ctx: CloseContext,
): string | undefined {
  if (!ctx.handleTrusted) return undefined;
  const moved = networkChange(target, net);
  if (moved) {
    ctx.log.warning(
      `Closing ${target.assumedRoleId}: the proxy/CA settings changed since issue (${moved}). ` +
        "The deny is written through them, but AWS's answers over them do not verify it. " +
        'If the change is wanted, make it before the step that issues the grant; otherwise find the step that ' +
        'set https_proxy, http_proxy or NODE_EXTRA_CA_CERTS through GITHUB_ENV.',
    );
  }
  return moved;
}

/** A proof that came over another network path than the grant's is no proof: the deny stands, "verified" does not. */
function unverifiedIfMoved(
  close: ServerSideClose,
  written: string,
  moved: string | undefined,
): ServerSideClose {
  if (!moved) return close;
  if (!close.verified)
    return {
      ...close,
      note: `${close.note}; the proxy/CA settings changed since issue (${moved})`,
    };
  return {
    method: 'revoked',
    verified: false,
    note: `${written}; revoked, not verified: the proxy/CA settings changed since issue (${moved}), so the explicit deny the probe got may not be AWS's`,
  };
}

/**
 * The record says who carried the answers when it was not AWS's own endpoints directly (an
 * endpoint override, a proxy, or both), and why those: "verified" never stands bare then.
 */
function answeredAt(
  close: ServerSideClose,
  used: Endpoints,
  net: NetworkNow,
  trusted: boolean,
  moved: string | undefined,
): ServerSideClose {
  const at = routes(used, net);
  if (!at) return close;
  const why = carriers(used, net, trusted, moved);
  return { ...close, note: `${close.note} (answered by ${at}: ${why})`, answeredBy: at };
}

/** `IAM and STS at http://127.0.0.1:4566 through the proxy http://proxy:3128 (https_proxy)`, or ''. */
function routes(used: Endpoints, net: NetworkNow): string {
  const byRoute = new Map<string, string[]>();
  for (const [service, url, proxy] of [
    ['IAM', used.iamEndpoint, net.iam],
    ['STS', used.stsEndpoint, net.sts],
  ] as const) {
    const via =
      proxy && `through the proxy ${proxy.url}${proxy.source ? ` (${proxy.source})` : ''}`;
    const route = [url && `at ${url}`, via].filter(Boolean).join(' ');
    if (route) byRoute.set(route, [...(byRoute.get(route) ?? []), service]);
  }
  return [...byRoute].map(([route, names]) => `${names.join(' and ')} ${route}`).join(', ');
}

/** Why the answers came that way, and what the proxy could have done with them. */
function carriers(
  used: Endpoints,
  net: NetworkNow,
  trusted: boolean,
  moved: string | undefined,
): string {
  const why: string[] = [];
  if (used.iamEndpoint || used.stsEndpoint)
    why.push(
      trusted ? 'the endpoint it was issued through' : "the environment's endpoint override",
    );
  if (net.iam || net.sts) {
    why.push(
      !trusted
        ? "the environment's proxy"
        : moved
          ? 'not the network path it was issued through'
          : 'the proxy it was issued through',
    );
    if (net.path.extraCa)
      why.push(
        "extra CA certificates are trusted (NODE_EXTRA_CA_CERTS), so the proxy could answer over TLS in AWS's name",
      );
  }
  return why.join('; ');
}

/**
 * Writes the session's own deny; when IAM says the role is full, deletes expired revocations
 * and tries once more. Then prunes (if not done yet). Throws RevocationError when the deny is
 * not written, with what to fix.
 */
async function writeDeny(
  iam: RevokerIam,
  name: string,
  target: RevokeTarget,
  expiry: Date,
  fail: (why: string, cause?: unknown) => RevocationError,
): Promise<PruneResult> {
  const { roleArn, revokeRole, assumedRoleId } = target;
  const document = sessionDenyDocument(assumedRoleId, expiry);
  const writeFailure = (err: unknown) =>
    isAccessDenied(err)
      ? fail(
          `IAM refused iam:PutRolePolicy on ${roleArn} for the revoker role ${revokeRole}: ${errorMessage(err)}\n` +
            `Allow the revoker iam:PutRolePolicy (with iam:GetRolePolicy, iam:ListRolePolicies, iam:DeleteRolePolicy) on ${roleArn}, and only that role.`,
          err,
        )
      : fail(`IAM PutRolePolicy failed: ${iamErrorName(err)}: ${errorMessage(err)}`, err);
  const budgetFailure = async (err: unknown) =>
    fail(
      `IAM refused the deny (${iamErrorName(err)}: ${errorMessage(err)}): ` +
        budgetAdvice(roleArn, iamPolicySize(document), await inlineUsage(iam)),
      err,
    );
  try {
    await iam.put(name, document);
  } catch (err) {
    if (!isLimitExceeded(err)) throw writeFailure(err);
    // Full: make room from expired revocations (or another close may just have), then try once more.
    const pruned = await pruneExpired(iam, roleArn, name);
    try {
      await iam.put(name, document);
    } catch (again) {
      throw isLimitExceeded(again) ? await budgetFailure(again) : writeFailure(again);
    }
    return pruned;
  }
  return pruneExpired(iam, roleArn, name);
}

/** What was written where, and what pruning did: the note's first half. */
function writtenNote(
  name: string,
  t: RevokeTarget,
  expiry: Date,
  pruned: PruneResult,
  trusted: boolean,
): string {
  const counts = [
    ...(pruned.live === undefined
      ? []
      : [`${pruned.live} live ${pruned.live === 1 ? 'revocation' : 'revocations'} on the role`]),
    ...(pruned.dropped ? [`${pruned.dropped} expired deleted`] : []),
  ];
  return (
    `inline policy '${name}' on ${t.roleArn} denies aws:userid ${t.assumedRoleId} until ${expiry.toISOString()}` +
    // A deny lasting 12 hours for every grant would fill the role's 10,240 characters; so it ends
    // with the session as recorded, which for a grant known only from the ledger any step can move.
    (trusted
      ? ''
      : " (the session's end as the ledger says it, which a step of the job can rewrite)") +
    (counts.length ? ` (${counts.join(', ')})` : '') +
    (pruned.problem ? `; ${pruned.problem}` : '')
  );
}

async function assumeRevoker(
  target: RevokeTarget,
  ctx: CloseContext,
  o: {
    stsEndpoint: string | undefined;
    variant: EndpointVariant;
    region: string;
    timeoutMs: number;
    sleep: (ms: number) => Promise<void>;
  },
): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }> {
  const token = await ctx.idToken(target.audience);
  const settings: AwsSettings = {
    role: target.revokeRole,
    region: o.region,
    duration: REVOKER_SESSION_SECONDS,
    stsDuration: REVOKER_SESSION_SECONDS,
    needsWindow: false,
    sessionPolicy: undefined,
    managedPolicies: [],
    sessionName: `jit-revoke.${target.grantId}`.slice(0, 64),
    audience: target.audience,
    endpoint: o.stsEndpoint,
    variant: o.variant,
    revokeRole: undefined,
    timeoutMs: o.timeoutMs,
  };
  const out = await assumeRole(
    settings,
    { token, sessionPolicy: undefined },
    { timeoutMs: o.timeoutMs, retry: { sleep: o.sleep } },
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new CloudError('AWS STS answered without credentials for the revoker role.');
  }
  // The revoker may write any deny on the role: masked before an IAM error can quote it.
  for (const secret of [c.SecretAccessKey, c.SessionToken]) ctx.mask(secret);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
  };
}

/** Verified only when AWS refused the session's own call with an explicit deny and the deny was still there after. */
function verdict(
  outcome: ProbeOutcome | undefined,
  noKeys: string | undefined,
  kept: true | string,
  written: string,
  waited: string,
  bound: number,
  expiry: Date,
): ServerSideClose {
  const recheck = kept === true ? '' : `; the deny could not be read back at the end (${kept})`;
  const revoked = (note: string): ServerSideClose => ({ method: 'revoked', verified: false, note });
  if (!outcome) {
    return revoked(
      `${written}; not verified: ${noKeys ?? "the grant's credentials file was not there"}, so there were no keys of the session to probe with${recheck}`,
    );
  }
  switch (outcome.refused) {
    case 'explicit-deny':
      if (outcome.by === 'before') {
        return revoked(
          `${written}; not verified: AWS refused the probe's call with an explicit deny already before this deny was written (another policy, or an earlier close's deny), so the refusal does not show this deny${recheck}`,
        );
      }
      if (outcome.by === 'session') {
        return revoked(
          `${written}; not verified: AWS refused the session by its own session policy (its time limit), which does not show the deny${recheck}`,
        );
      }
      if (kept !== true) {
        return revoked(
          `${written}; AWS refused the session with an explicit deny (seen after ${waited})${recheck}`,
        );
      }
      return {
        method: 'revoked',
        verified: true,
        note: `AWS refuses the session with an explicit deny (seen after ${waited}), and the deny was still in place at the end: ${written}`,
      };
    case 'expired':
      return revoked(`${written}; the session had expired before the deny could be observed`);
    case 'other-session':
      return revoked(
        `${written}; not verified: the keys on the runner belong to session ${outcome.userId}, not to the one denied${recheck}`,
      );
    default:
      return revoked(
        `${written}, but AWS did not refuse the session within ${formatDuration(bound)} (IAM changes can take minutes to apply; ` +
          `last answer: ${outcome.last}). It stops working by ${expiry.toISOString()} at the latest${recheck}`,
      );
  }
}
