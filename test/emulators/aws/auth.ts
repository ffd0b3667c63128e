/**
 * Authenticates a signed call with the credentials the emulator issued. Each refusal uses the
 * code and status the real service answers with; STS and S3 word them differently.
 */
import { SigV4Error, toAmzDate, verifySigV4, type RawRequest, type SigV4Auth } from './sigv4.ts';
import type { ClockLike, IssuedCredential } from './state.ts';
import type { XmlNode } from './xml.ts';

/** IAM speaks the same query protocol as STS and words its refusals the same way. */
export type AwsService = 'sts' | 's3' | 'iam';

export class AuthFailure extends Error {
  override name = 'AuthFailure';
  readonly code: string;
  readonly status: number;
  /** Extra S3 error fields (StringToSign, CanonicalRequest, AWSAccessKeyId…). */
  readonly extra: XmlNode;
  // Plain fields, not parameter properties: Node's type stripping runs this file as it is.
  constructor(code: string, message: string, status: number, extra: XmlNode = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}

type Refusal =
  | 'unknown-key'
  | 'mismatch'
  | 'bad-token'
  | 'expired'
  | 'skewed'
  | 'malformed'
  | 'payload'
  | 'presign-expired';

function refuse(
  service: AwsService,
  why: Refusal,
  detail: string,
  extra: XmlNode = {},
): AuthFailure {
  if (service !== 's3') {
    switch (why) {
      case 'unknown-key':
      case 'bad-token':
        return new AuthFailure(
          'InvalidClientTokenId',
          'The security token included in the request is invalid.',
          403,
        );
      case 'expired':
        return new AuthFailure(
          'ExpiredToken',
          'The security token included in the request is expired',
          403,
        );
      case 'malformed':
        return new AuthFailure('IncompleteSignature', detail, 400);
      case 'skewed':
        // STS reports skew as an expired signature; SDKs treat both codes as clock skew.
        return new AuthFailure('SignatureDoesNotMatch', detail, 403);
      default:
        return new AuthFailure(
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
          403,
        );
    }
  }
  switch (why) {
    case 'unknown-key':
      return new AuthFailure(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        403,
        extra,
      );
    case 'bad-token':
      return new AuthFailure(
        'InvalidToken',
        'The provided token is malformed or otherwise invalid.',
        400,
        extra,
      );
    case 'expired':
      return new AuthFailure('ExpiredToken', 'The provided token has expired.', 400, extra);
    case 'skewed':
      return new AuthFailure(
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
        403,
        extra,
      );
    case 'malformed':
      return new AuthFailure('AuthorizationHeaderMalformed', detail, 400, extra);
    case 'payload':
      return new AuthFailure('XAmzContentSHA256Mismatch', detail, 400, extra);
    case 'presign-expired':
      return new AuthFailure('AccessDenied', 'Request has expired', 403, extra);
    default:
      return new AuthFailure('SignatureDoesNotMatch', detail, 403, extra);
  }
}

export interface AuthOptions {
  clock: ClockLike;
  sessions: Map<string, IssuedCredential>;
  maxSkewSeconds: number;
}

/**
 * Order: key, signature, session token, expiry, then skew. Expiry comes before skew so that a
 * test that jumps the emulator clock past a credential's Expiration sees ExpiredToken even
 * when its client signs with the machine's time; both are refusals either way.
 */
export function authenticate(
  service: AwsService,
  req: RawRequest,
  auth: SigV4Auth,
  body: Buffer,
  options: AuthOptions,
): { session: IssuedCredential; payload: Buffer } {
  const session = options.sessions.get(auth.accessKeyId);
  if (!session) throw refuse(service, 'unknown-key', '', { AWSAccessKeyId: auth.accessKeyId });
  let payload: Buffer;
  try {
    payload = verifySigV4(req, auth, session.secretAccessKey, body);
  } catch (err) {
    if (!(err instanceof SigV4Error)) throw err;
    const extra: XmlNode =
      err.kind === 'mismatch'
        ? {
            AWSAccessKeyId: auth.accessKeyId,
            StringToSign: err.details.stringToSign,
            SignatureProvided: auth.signature,
            // S3 echoes the canonical request; a presigned one holds the session token, which must
            // never reach a client's error output (the leak canary would rightly flag it).
            CanonicalRequest: err.details.canonicalRequest
              ?.replace(/(X-Amz-Security-Token=)[^&\n]*/g, '$1[redacted]')
              .replace(/^(x-amz-security-token:).*$/m, '$1[redacted]'),
          }
        : {};
    const why: Refusal =
      err.kind === 'payload-mismatch'
        ? 'payload'
        : err.kind === 'mismatch'
          ? 'mismatch'
          : 'malformed';
    throw refuse(service, why, err.message, extra);
  }
  if (auth.securityToken !== session.sessionToken) throw refuse(service, 'bad-token', '');
  const now = options.clock.now();
  if (now.getTime() >= session.expiration.getTime()) throw refuse(service, 'expired', '');
  if (auth.form === 'query') {
    if (auth.signedAt.getTime() + (auth.expiresIn ?? 0) * 1000 < now.getTime()) {
      throw refuse(service, 'presign-expired', '', {
        Expires: toIso(new Date(auth.signedAt.getTime() + (auth.expiresIn ?? 0) * 1000)),
        ServerTime: toIso(now),
      });
    }
    return { session, payload };
  }
  const skewMs = auth.signedAt.getTime() - now.getTime();
  if (Math.abs(skewMs) > options.maxSkewSeconds * 1000) {
    const minutes = Math.round(options.maxSkewSeconds / 60);
    const bound = new Date(now.getTime() + Math.sign(skewMs) * options.maxSkewSeconds * 1000);
    const detail =
      skewMs < 0
        ? `Signature expired: ${auth.amzDate} is now earlier than ${toAmzDate(bound)} (${toAmzDate(now)} - ${minutes} min.)`
        : `Signature not yet current: ${auth.amzDate} is still later than ${toAmzDate(bound)} (${toAmzDate(now)} + ${minutes} min.)`;
    throw refuse(service, 'skewed', detail, {
      RequestTime: auth.amzDate,
      ServerTime: toIso(now),
      MaxAllowedSkewMilliseconds: options.maxSkewSeconds * 1000,
    });
  }
  return { session, payload };
}

function toIso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
