import {
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  type AssumeRoleWithWebIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import { decodeJwt } from 'jose';
import { CloudError, ConfigurationError, errorMessage } from '../../errors.js';
import { isNetworkError, withRetry, type RetryOptions } from '../retry.js';
import type { AwsSettings } from './settings.js';
import { describeProxyFailure } from '../../runner/proxy.js';
import { awsClientConfig } from './client-config.js';

export const DECISIVE_CLAIMS = ['sub', 'aud', 'ref', 'environment', 'job_workflow_ref'] as const;

const RETRYABLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'IDPCommunicationError',
  // The SDK names errors after its model shapes, not after the code STS sends.
  'IDPCommunicationErrorException',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalError',
]);

interface SdkError {
  name?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
}

export function isRetryableStsError(err: unknown): boolean {
  const e = err as SdkError;
  if (e?.name && RETRYABLE_CODES.has(e.name)) return true;
  const status = e?.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500 && !isMalformed(err)) return true;
  return isNetworkError(err);
}

/** The SDK could not read STS's answer as STS XML: a proxy or a wrong endpoint, not worth retrying. */
function isMalformed(err: unknown): boolean {
  const e = err as SdkError & { $response?: unknown };
  return (
    e?.name === 'SyntaxError' ||
    /Deserialization error|XML parse error|char '.' is not expected|Unexpected end/i.test(
      e?.message ?? '',
    )
  );
}

export interface StsCall {
  token: string;
  sessionPolicy: string | undefined;
}

const clientOptions = (settings: AwsSettings, timeoutMs: number) => ({
  region: settings.region,
  endpoint: settings.endpoint,
  variant: settings.variant,
  timeoutMs,
});

/** A client made while the token was on its way (prepareClient), for the call with its options. */
let prepared: { options: string; client: STSClient } | undefined;

/**
 * Makes the STS client while the GitHub token is on its way: resolving its configuration and
 * building its middleware is a few ms of a first step that would otherwise come after the token.
 * Nothing is sent; assumeRole takes this client only for the very options it was made with.
 */
export function prepareClient(settings: AwsSettings, timeoutMs: number): STSClient {
  const options = clientOptions(settings, timeoutMs);
  prepared?.client.destroy();
  const client = new STSClient(awsClientConfig(options));
  prepared = { options: JSON.stringify(options), client };
  return client;
}

function clientFor(settings: AwsSettings, timeoutMs: number): STSClient {
  const options = clientOptions(settings, timeoutMs);
  const ready = prepared;
  prepared = undefined;
  if (ready?.options === JSON.stringify(options)) return ready.client;
  ready?.client.destroy();
  return new STSClient(awsClientConfig(options));
}

/** One AssumeRoleWithWebIdentity, retried only where another attempt can help. */
export async function assumeRole(
  settings: AwsSettings,
  call: StsCall,
  options: { timeoutMs: number; retry?: Partial<RetryOptions>; onRetry?: RetryOptions['onRetry'] },
): Promise<AssumeRoleWithWebIdentityCommandOutput> {
  const client = clientFor(settings, options.timeoutMs);
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn: settings.role,
    RoleSessionName: settings.sessionName,
    WebIdentityToken: call.token,
    DurationSeconds: settings.stsDuration,
    Policy: call.sessionPolicy,
    PolicyArns: settings.managedPolicies.length
      ? settings.managedPolicies.map((arn) => ({ arn }))
      : undefined,
  });
  try {
    return await withRetry(() => client.send(command), {
      attempts: 3,
      baseDelayMs: 250,
      isRetryable: isRetryableStsError,
      onRetry: options.onRetry,
      ...options.retry,
    });
  } catch (err) {
    throw translateStsError(err, settings, call.token);
  } finally {
    client.destroy();
  }
}

function claimsLine(token: string): string {
  let claims: Record<string, unknown> = {};
  try {
    claims = decodeJwt(token);
  } catch {
    return '(the token could not be decoded)';
  }
  return DECISIVE_CLAIMS.map(
    (c) => `${c}=${claims[c] === undefined ? '(none)' : JSON.stringify(claims[c])}`,
  ).join(', ');
}

/** Turns STS's answer into what the user must change, with the token's deciding claims. */
export function translateStsError(err: unknown, settings: AwsSettings, token: string): Error {
  const e = err as SdkError;
  const code = e?.name ?? 'Error';
  const msg = e?.message ?? errorMessage(err);
  const where = settings.endpoint ?? `sts.${settings.region}.amazonaws.com`;
  const prefix = `AWS STS (${where}) refused AssumeRoleWithWebIdentity for ${settings.role}`;
  switch (code) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      return new CloudError(
        `${prefix}: ${msg}\nThe role's trust policy did not accept this workflow's token. Its claims: ${claimsLine(token)}.\n` +
          "Allow them in the trust policy (Principal: the account's OIDC provider for token.actions.githubusercontent.com; " +
          'Condition on token.actions.githubusercontent.com:sub and :aud), or run this job where the trust policy expects ' +
          '(branch, environment). `jit-credentials policy export --target aws` writes a matching condition.',
        false,
        { cause: err },
      );
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
      return new CloudError(
        `${prefix}: ${msg}\nSTS could not verify the GitHub token. The account needs an IAM OIDC identity provider for the ` +
          `token's issuer with '${settings.audience}' in its audiences (token claims: ${claimsLine(token)}).`,
        false,
        { cause: err },
      );
    case 'ExpiredTokenException':
      return new CloudError(
        `${prefix}: ${msg}\nThe GitHub token had expired when STS checked it; a fresh one is minted per attempt, so check the runner's clock.`,
        false,
        { cause: err },
      );
    case 'MalformedPolicyDocument':
    case 'MalformedPolicyDocumentException':
      return new ConfigurationError(
        `${prefix}: ${msg}\nFix 'session-policy' (or 'managed-policies').`,
      );
    case 'PackedPolicyTooLarge':
    case 'PackedPolicyTooLargeException':
      return new ConfigurationError(
        `${prefix}: ${msg}\nThe session policy is too large once STS packs it: shorten 'session-policy' or use fewer 'managed-policies'.`,
      );
    case 'ValidationError':
      if (/DurationSeconds|MaxSessionDuration/i.test(msg)) {
        return new ConfigurationError(
          `${prefix}: ${msg}\nLower 'duration' (asked ${settings.stsDuration} s) or raise the role's MaxSessionDuration.`,
        );
      }
      return new ConfigurationError(`${prefix}: ${msg}`);
    default:
      break;
  }
  if (isMalformed(err)) {
    return new CloudError(
      `AWS STS (${where}) answered with something that is not STS XML: ${msg}. Check AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL and any proxy.`,
      false,
      { cause: err },
    );
  }
  const proxy = describeProxyFailure(err, settings.endpoint ?? `https://${where}`);
  if (proxy) return new CloudError(`AWS STS (${where}): ${proxy}`, false, { cause: err });
  if (isRetryableStsError(err)) {
    return new CloudError(
      `AWS STS (${where}) failed ${settings.attempts ?? 3} time${(settings.attempts ?? 3) === 1 ? '' : 's'} for ${settings.role}; the last error: ${code}: ${msg}`,
      true,
      { cause: err },
    );
  }
  return new CloudError(`${prefix}: ${code}: ${msg}`, false, { cause: err });
}
