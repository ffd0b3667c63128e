import { join } from 'node:path';
import { CloudError } from '../../errors.js';
import { formatDuration } from '../../runner/inputs.js';
import type { Credential, Delivery, Provider } from '../provider.js';
import { awsCloser, type AwsHandle } from './close.js';
import type { NetworkPath } from './revoke-network.js';
import { buildSessionPolicy, policyDigest } from './session-policy.js';
import {
  accountOf,
  DEFAULT_ATTEMPTS,
  DEFAULT_DURATION,
  parseAwsSettings,
  type AwsSettings,
} from './settings.js';

export const AWS_OUTPUTS = {
  accessKeyId: 'aws-access-key-id',
  secretAccessKey: 'aws-secret-access-key',
  sessionToken: 'aws-session-token',
} as const;

/** Variables that would make a tool pick other credentials than the grant's. */
const COMPETING = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_SESSION_NAME',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

/** The session's keys, typed: only deliver reads them. */
export interface AwsCredential extends Credential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

export const awsProvider: Provider<AwsSettings, AwsCredential, AwsHandle> = {
  ...awsCloser,
  outputNames: Object.values(AWS_OUTPUTS),

  plan(inputs, common, env) {
    const s = parseAwsSettings(inputs, common, env);
    return {
      settings: s,
      request: {
        provider: 'aws',
        principal: s.role,
        audience: s.audience,
        scope: [
          s.sessionPolicy || s.managedPolicies.length ? 'role narrowed by session policy' : 'role',
          ...(s.chain ? ['chained from the session in AWS_ACCESS_KEY_ID'] : []),
        ].join('; '),
        // Below STS's 900 s minimum a session-policy condition makes AWS refuse it at the end of the window.
        lifetime: s.duration,
        requestedLifetime: common.duration,
        endpointOverrides: s.overridden ?? [],
      },
    };
  },

  prepare({ settings: s }) {
    if (s.chain) {
      import('./chain.js').catch(() => undefined);
      return;
    }
    // A client that cannot be made here is made, and its failure reported, in issue().
    import('./sts.js').then((sts) => sts.prepareClient(s, s.timeoutMs)).catch(() => undefined);
  },

  async issue({ settings: s }, ctx) {
    // The SDK is loaded only once a call is to be made: a refused input never pays for it.
    const call = s.chain ? await import('./chain.js') : await import('./sts.js');
    // After the SDK has loaded: the window starts as close to the call as it can.
    const requestedAt = ctx.now();
    const windowEnd = s.needsWindow
      ? new Date(requestedAt.getTime() + s.duration * 1000)
      : undefined;
    const sessionPolicy = buildSessionPolicy(s.sessionPolicy, windowEnd);
    const options = {
      timeoutMs: s.timeoutMs,
      retry: { attempts: s.attempts ?? DEFAULT_ATTEMPTS },
      onRetry: (err: unknown, attempt: number, delay: number) =>
        ctx.log.info(
          `STS attempt ${attempt} failed (${(err as Error).name}); retrying in ${delay} ms`,
        ),
    };
    let chainedFrom: string | undefined;
    let out;
    if ('assumeRoleChained' in call) {
      // The earlier session signs every call: an answer that quotes it must be redacted here too
      // (this step's ledger and log; the runner cannot mask it split over lines).
      const src = s.chain!.source;
      for (const secret of [src.accessKeyId, src.secretAccessKey, src.sessionToken])
        ctx.mask(secret);
      const chained = await call.assumeRoleChained(s, sessionPolicy, options);
      chainedFrom = chained.source;
      out = chained.output;
    } else {
      out = await call.assumeRole(s, { token: ctx.token, sessionPolicy }, options);
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new CloudError('AWS STS answered without credentials; nothing was issued.');
    }
    checkSessionAccount(s, out.AssumedRoleUser?.Arn, c.Expiration);
    const stsExpiry = c.Expiration;
    const expiresAt = windowEnd && windowEnd < stsExpiry ? windowEnd : stsExpiry;
    const assumedRoleId = out.AssumedRoleUser?.AssumedRoleId ?? '';
    const network = s.revokeRole && assumedRoleId ? await networkAtIssue(s) : {};
    const credential: AwsCredential = {
      principal: out.AssumedRoleUser?.Arn ?? s.role,
      expiresAt,
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      secrets: [c.AccessKeyId, c.SecretAccessKey, c.SessionToken],
      scope: describeScope(s, windowEnd),
      scopeDigest: policyDigest(sessionPolicy, s.managedPolicies),
      facts: {
        roleArn: s.role,
        sessionName: s.sessionName,
        assumedRoleId,
        region: s.region,
        stsDurationSeconds: s.stsDuration,
        stsExpiration: stsExpiry.toISOString(),
        ...(windowEnd ? { enforcedEnd: windowEnd.toISOString() } : {}),
        ...(s.duration === DEFAULT_DURATION ? {} : { requestedSeconds: s.duration }),
        ...(s.revokeRole ? { revokeRole: s.revokeRole } : {}),
        ...(chainedFrom ? { chainedFrom } : {}),
      },
      notes: [
        ...(windowEnd
          ? [
              `STS issues sessions for at least 15m; a session-policy condition on aws:CurrentTime makes AWS refuse this one after ${formatDuration(s.duration)}.`,
            ]
          : []),
        ...(chainedFrom
          ? [
              `Role chaining: assumed with the session ${chainedFrom}; closing that session does not end this one.`,
            ]
          : []),
      ],
    };
    const handle: AwsHandle = {
      stsExpiration: stsExpiry.toISOString(),
      enforcedEnd: windowEnd?.toISOString() ?? null,
      revoke:
        s.revokeRole && assumedRoleId
          ? {
              roleArn: s.role,
              revokeRole: s.revokeRole,
              assumedRoleId,
              audience: s.audience,
              region: s.region,
              ...(s.endpoint ? { stsEndpoint: s.endpoint } : {}),
              ...(s.iamEndpoint ? { iamEndpoint: s.iamEndpoint } : {}),
              ...(s.variant?.fips ? { fips: true as const } : {}),
              ...(s.variant?.dualStack ? { dualStack: true as const } : {}),
              ...network,
            }
          : null,
    };
    return { credential, handle };
  },

  async deliver({ settings: s }, credential, ctx): Promise<Delivery> {
    const { accessKeyId, secretAccessKey, sessionToken } = credential;
    // The command runs as the job's user and could replace files of this action on disk: what
    // closing will run is loaded before it starts.
    if (ctx.mode === 'run' && s.revokeRole) await import('./revoke.js');
    const config = join(ctx.dir, 'config');
    const credentials = join(ctx.dir, 'credentials');
    const credentialsFile = {
      path: credentials,
      content: `[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\naws_session_token = ${sessionToken}\n`,
    };
    if (ctx.mode === 'outputs') {
      return {
        env: {},
        // Revocation probes with the session's own keys at close; the private directory holds them till then.
        files: s.revokeRole ? [credentialsFile] : [],
        outputs: {
          [AWS_OUTPUTS.accessKeyId]: accessKeyId,
          [AWS_OUTPUTS.secretAccessKey]: secretAccessKey,
          [AWS_OUTPUTS.sessionToken]: sessionToken,
        },
      };
    }
    // Files too, in the grant's private directory, for tools that read only profiles.
    return {
      env: {
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: secretAccessKey,
        AWS_SESSION_TOKEN: sessionToken,
        AWS_REGION: s.region,
        AWS_DEFAULT_REGION: s.region,
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: credentials,
      },
      files: [{ path: config, content: `[default]\nregion = ${s.region}\n` }, credentialsFile],
      outputs: {},
      unset: COMPETING,
    };
  },
};

/**
 * How this step reaches STS and IAM (proxy, extra CAs), for closing to compare: a proof of the
 * revocation counts only over the same path. Loaded with revoke-role only.
 */
async function networkAtIssue(s: AwsSettings): Promise<NetworkPath> {
  const { networkNow, serviceUrls } = await import('./revoke-network.js');
  return networkNow(serviceUrls(s.region, s.variant, s.endpoint, s.iamEndpoint)).path;
}

/**
 * allowed-account-ids, again on the answer: the role ARN was checked before the call, and the
 * session STS returned must be in the same list before its keys go anywhere.
 */
function checkSessionAccount(s: AwsSettings, arn: string | undefined, expiry: Date): void {
  const allowed = s.allowedAccountIds ?? [];
  if (allowed.length === 0) return;
  const account = arn ? accountOf(arn) : undefined;
  if (account && allowed.includes(account)) return;
  throw new CloudError(
    `AWS STS returned a session ${arn ? `in account ${account} (${arn})` : 'without an assumed-role ARN'}, which ` +
      `'allowed-account-ids' (${allowed.join(', ')}) does not allow. Its keys were dropped without ` +
      `leaving this step; AWS accepts them until ${expiry.toISOString()}. Check the endpoint (AWS_ENDPOINT_URL_STS, sts-endpoint).`,
  );
}

function describeScope(s: AwsSettings, windowEnd: Date | undefined): string {
  const parts = [`role ${s.role}`];
  if (s.sessionPolicy) parts.push('inline session policy');
  if (s.managedPolicies.length) parts.push(`${s.managedPolicies.length} managed session policies`);
  if (windowEnd) parts.push(`denied after ${windowEnd.toISOString()} (aws:CurrentTime)`);
  return parts.join('; ');
}
