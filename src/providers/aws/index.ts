import { join } from 'node:path';
import { CloudError } from '../../errors.js';
import { formatDuration } from '../../runner/inputs.js';
import { expiryClose, type Credential, type Delivery, type Provider } from '../provider.js';
import { buildSessionPolicy, policyDigest } from './session-policy.js';
import { DEFAULT_DURATION, parseAwsSettings, type AwsSettings } from './settings.js';

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

export const awsProvider: Provider<AwsSettings> = {
  id: 'aws',
  outputNames: Object.values(AWS_OUTPUTS),

  parse: (inputs, common, env) => parseAwsSettings(inputs, common, env),

  audience: (s) => s.audience,

  describe: (s) => ({
    principal: s.role,
    duration: s.duration,
    scope: s.sessionPolicy || s.managedPolicies.length ? 'role narrowed by session policy' : 'role',
  }),

  async issue(s, ctx): Promise<Credential> {
    // The SDK is loaded only when a call is made (a refused input never pays for it), and its
    // loading overlaps the wait for the GitHub token.
    const sdk = import('./sts.js');
    sdk.catch(() => undefined);
    const token = await ctx.idToken(s.audience);
    const requestedAt = ctx.now();
    const windowEnd = s.needsWindow
      ? new Date(requestedAt.getTime() + s.duration * 1000)
      : undefined;
    const sessionPolicy = buildSessionPolicy(s.sessionPolicy, windowEnd);
    const { assumeRole } = await sdk;
    const out = await assumeRole(
      s,
      { token, sessionPolicy },
      {
        timeoutMs: s.timeoutMs,
        onRetry: (err, attempt, delay) =>
          ctx.log.info(
            `STS attempt ${attempt} failed (${(err as Error).name}); retrying in ${delay} ms`,
          ),
      },
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new CloudError('AWS STS answered without credentials; nothing was issued.');
    }
    const stsExpiry = c.Expiration;
    const expiresAt = windowEnd && windowEnd < stsExpiry ? windowEnd : stsExpiry;
    const digest = policyDigest(sessionPolicy, s.managedPolicies);
    const scopeParts = [`role ${s.role}`];
    if (s.sessionPolicy) scopeParts.push('inline session policy');
    if (s.managedPolicies.length)
      scopeParts.push(`${s.managedPolicies.length} managed session policies`);
    if (windowEnd) scopeParts.push(`denied after ${windowEnd.toISOString()} (aws:CurrentTime)`);
    const notes: string[] = [];
    if (windowEnd) {
      notes.push(
        `STS issues sessions for at least 15m; a session-policy condition on aws:CurrentTime makes AWS refuse this one after ${formatDuration(s.duration)}.`,
      );
    }
    return {
      principal: out.AssumedRoleUser?.Arn ?? s.role,
      expiresAt,
      secrets: [c.AccessKeyId, c.SecretAccessKey, c.SessionToken],
      scope: scopeParts.join('; '),
      scopeDigest: digest,
      details: {
        roleArn: s.role,
        assumedRoleId: out.AssumedRoleUser?.AssumedRoleId ?? '',
        region: s.region,
        stsDurationSeconds: s.stsDuration,
        stsExpiration: stsExpiry.toISOString(),
        ...(windowEnd ? { enforcedEnd: windowEnd.toISOString() } : {}),
        ...(s.duration === DEFAULT_DURATION ? {} : { requestedSeconds: s.duration }),
        // What close() needs to deny this session later, in another step: no secret in it.
        ...(s.revokeRole ? { revokeRole: s.revokeRole, audience: s.audience } : {}),
      },
      notes,
    };
  },

  async deliver(s, credential, ctx): Promise<Delivery> {
    const [accessKeyId, secretAccessKey, sessionToken] = credential.secrets as [
      string,
      string,
      string,
    ];
    const keys = {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_SESSION_TOKEN: sessionToken,
    };
    const region = { AWS_REGION: s.region, AWS_DEFAULT_REGION: s.region };
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
        ...keys,
        ...region,
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: credentials,
      },
      files: [{ path: config, content: `[default]\nregion = ${s.region}\n` }, credentialsFile],
      outputs: {},
      unset: COMPETING,
    };
  },

  async close(grant, ctx) {
    const { now } = ctx;
    // A session already past its expiry needs no deny; otherwise, with a revoker, refuse it now.
    if (grant.details['revokeRole'] && Date.parse(grant.expiresAt) > now.getTime()) {
      const { revokeSession, revokeTargetFromDetails } = await import('./revoke.js');
      return revokeSession(revokeTargetFromDetails(grant), ctx);
    }
    const enforced = grant.details['enforcedEnd'];
    const why = enforced
      ? 'AWS cannot delete session credentials; its session policy makes AWS refuse them from the time shown'
      : 'AWS cannot delete session credentials; STS refuses them from the time shown';
    return expiryClose(grant.expiresAt, now, why);
  },
};
