import {
  expiryClose,
  handleObject,
  handleString,
  optionalHandleString,
  type CloseHandle,
  type Closer,
} from '../provider.js';
import { ROLE_ARN } from './arn.js';
import { endpointProblem } from './endpoint.js';
import type { RevokeTarget } from './revoke.js';

/** What closing needs: when AWS refuses the session, and whom to ask to deny it sooner. */
export interface AwsHandle extends CloseHandle {
  readonly stsExpiration: string;
  readonly enforcedEnd: string | null;
  readonly revoke: {
    readonly roleArn: string;
    readonly revokeRole: string;
    readonly assumedRoleId: string;
    readonly audience: string;
    readonly region: string;
    /** The endpoints the grant was issued through, when not AWS's own: closing uses these. */
    readonly stsEndpoint?: string;
    readonly iamEndpoint?: string;
    /** AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT at issue, when true. */
    readonly fips?: true;
    readonly dualStack?: true;
    /**
     * The network path at issue (revoke-network.ts): the proxy for STS and IAM, without its
     * password, and the digest of the extra CAs trusted; absent when direct and none.
     */
    readonly stsProxy?: string;
    readonly iamProxy?: string;
    readonly extraCa?: string;
  } | null;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
/** A proxy's origin as redactProxy writes it: no path, no password (`***@` at most). */
const REDACTED_PROXY = /^https?:\/\/(\*\*\*@)?[\w.:[\]-]{1,260}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** How far ahead of AWS's clock the runner's may be before a session is taken as expired. */
const CLOCK_SKEW_MS = 15 * 60_000;

export const awsCloser: Closer<AwsHandle> = {
  id: 'aws',
  envNames: [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
  ],
  credentialNames: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  async close(handle, ctx) {
    // With a revoker, refuse it now. Whether it has expired is AWS's clock to say (the probe's
    // ExpiredToken), and the runner's may run ahead of it: only a session well past its end is
    // left without a deny.
    const end = Date.parse(handle.stsExpiration);
    if (handle.revoke && end > ctx.now.getTime() - CLOCK_SKEW_MS) {
      const { revokeSession } = await import('./revoke.js');
      const target: RevokeTarget = {
        ...handle.revoke,
        grantId: ctx.grantId,
        sessionExpiresAt: handle.stsExpiration,
      };
      return revokeSession(target, ctx);
    }
    const why = handle.enforcedEnd
      ? 'AWS cannot delete session credentials; its session policy makes AWS refuse them from the time shown'
      : 'AWS cannot delete session credentials; STS refuses them from the time shown';
    return expiryClose(ctx, why);
  },

  asksRevocation(raw) {
    const revoke = (raw as { revoke?: unknown } | null | undefined)?.revoke;
    return revoke !== undefined && revoke !== null;
  },

  readHandle(raw) {
    const h = handleObject(raw, 'aws');
    const revoke =
      h['revoke'] === null || h['revoke'] === undefined ? null : handleObject(h['revoke'], 'aws');
    return {
      stsExpiration: handleString(h, 'stsExpiration', ISO),
      enforcedEnd: optionalHandleString(h, 'enforcedEnd', ISO) ?? null,
      revoke: revoke && {
        roleArn: handleString(revoke, 'roleArn', ROLE_ARN),
        revokeRole: handleString(revoke, 'revokeRole', ROLE_ARN),
        assumedRoleId: handleString(revoke, 'assumedRoleId', /^[A-Z0-9]{8,}:[\w+=,.@-]{2,64}$/),
        audience: handleString(revoke, 'audience', /^[\x21-\x7e]{1,256}$/),
        region: handleString(revoke, 'region', /^[a-z0-9-]{1,32}$/),
        ...handleEndpoint(revoke, 'stsEndpoint'),
        ...handleEndpoint(revoke, 'iamEndpoint'),
        ...handleFlag(revoke, 'fips'),
        ...handleFlag(revoke, 'dualStack'),
        ...optionalField(revoke, 'stsProxy', REDACTED_PROXY),
        ...optionalField(revoke, 'iamProxy', REDACTED_PROXY),
        ...optionalField(revoke, 'extraCa', SHA256_HEX),
      },
    };
  },
};

/**
 * An endpoint on a handle read back from the record: any step can write the ledger, so it passes
 * the checks the endpoint variables get at issue, or the handle is refused.
 */
function handleEndpoint(
  h: Record<string, unknown>,
  key: 'stsEndpoint' | 'iamEndpoint',
): Partial<Record<typeof key, string>> {
  const value = optionalHandleString(h, key);
  if (value === undefined) return {};
  if (endpointProblem(value))
    throw new Error(`the close handle's '${key}' is not a usable endpoint`);
  return { [key]: value };
}

/** A string recorded only when set, of a known shape; anything else on a handle is refused. */
function optionalField<K extends string>(
  h: Record<string, unknown>,
  key: K,
  pattern: RegExp,
): Partial<Record<K, string>> {
  const value = optionalHandleString(h, key, pattern);
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, string>>);
}

/** A flag recorded only when true; anything else on a handle is refused. */
function handleFlag(
  h: Record<string, unknown>,
  key: 'fips' | 'dualStack',
): Partial<Record<typeof key, true>> {
  if (h[key] === undefined) return {};
  if (h[key] !== true) throw new Error(`the close handle's '${key}' is malformed`);
  return { [key]: true };
}
