import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  type AssumeRoleCommandOutput,
} from '@aws-sdk/client-sts';
import { CloudError, ConfigurationError, errorMessage } from '../../errors.js';
import { withRetry, type RetryOptions } from '../retry.js';
import { DEFAULT_ATTEMPTS, type AwsSettings, type ChainSource } from './settings.js';
import { isRetryableStsError } from './sts.js';
import { awsClientConfig } from './client-config.js';

export interface ChainedSession {
  /** The ARN of the session whose credentials assumed the role. */
  readonly source: string;
  readonly output: AssumeRoleCommandOutput;
}

interface SdkError {
  name?: string;
  message?: string;
}

/**
 * Role chaining: the earlier step's session signs AssumeRole for the next role. Its identity is
 * read first (GetCallerIdentity), so that a refusal can name who asked and the record says which
 * session the new one came from.
 */
export async function assumeRoleChained(
  settings: AwsSettings,
  sessionPolicy: string | undefined,
  options: { timeoutMs: number; retry?: Partial<RetryOptions>; onRetry?: RetryOptions['onRetry'] },
): Promise<ChainedSession> {
  const chain = settings.chain!;
  const client = new STSClient(
    awsClientConfig({
      region: settings.region,
      endpoint: settings.endpoint,
      variant: settings.variant,
      credentials: chain.source satisfies ChainSource,
      timeoutMs: options.timeoutMs,
    }),
  );
  const retry = <T>(fn: () => Promise<T>) =>
    withRetry(fn, {
      attempts: settings.attempts ?? DEFAULT_ATTEMPTS,
      baseDelayMs: 250,
      isRetryable: isRetryableStsError,
      onRetry: options.onRetry,
      ...options.retry,
    });
  let source = 'the session in AWS_ACCESS_KEY_ID';
  try {
    const who = await retry(() => client.send(new GetCallerIdentityCommand({})));
    source = who.Arn ?? source;
    const output = await retry(() =>
      client.send(
        new AssumeRoleCommand({
          RoleArn: settings.role,
          RoleSessionName: settings.sessionName,
          DurationSeconds: settings.stsDuration,
          Policy: sessionPolicy,
          PolicyArns: settings.managedPolicies.length
            ? settings.managedPolicies.map((arn) => ({ arn }))
            : undefined,
          ExternalId: chain.externalId,
        }),
      ),
    );
    return { source, output };
  } catch (err) {
    throw translateChainError(err, settings, source);
  } finally {
    client.destroy();
  }
}

/** What the user must change, naming the session that asked and the role it asked for. */
export function translateChainError(err: unknown, settings: AwsSettings, source: string): Error {
  const e = err as SdkError;
  const code = e?.name ?? 'Error';
  const msg = e?.message ?? errorMessage(err);
  const where = settings.endpoint ?? `sts.${settings.region}.amazonaws.com`;
  const prefix = `AWS STS (${where}) refused AssumeRole of ${settings.role} by ${source}`;
  switch (code) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      return new CloudError(
        `${prefix}: ${msg}\nFor role chaining, the role's trust policy must allow sts:AssumeRole to the earlier role ` +
          `(Principal {"AWS": "<its role ARN>"}${settings.chain?.externalId ? ' and the sts:ExternalId given' : ''}), ` +
          "and the earlier role's permissions must allow sts:AssumeRole on this role.",
        false,
        { cause: err },
      );
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'InvalidClientTokenId':
      return new CloudError(
        `${prefix}: ${code}: ${msg}\nThe session in AWS_ACCESS_KEY_ID is no longer accepted: it expired, or the step that ` +
          'exported it was closed (actions/revoke) before this one. Chain from a session that is still open.',
        false,
        { cause: err },
      );
    case 'MalformedPolicyDocument':
    case 'MalformedPolicyDocumentException':
    case 'PackedPolicyTooLarge':
    case 'PackedPolicyTooLargeException':
      return new ConfigurationError(
        `${prefix}: ${msg}\nFix 'session-policy' (or 'managed-policies').`,
      );
    case 'ValidationError':
      return new ConfigurationError(`${prefix}: ${msg}`);
    default:
      break;
  }
  if (isRetryableStsError(err)) {
    return new CloudError(
      `AWS STS (${where}) failed ${settings.attempts ?? DEFAULT_ATTEMPTS} times for ${settings.role}; the last error: ${code}: ${msg}`,
      true,
      { cause: err },
    );
  }
  return new CloudError(`${prefix}: ${code}: ${msg}`, false, { cause: err });
}
