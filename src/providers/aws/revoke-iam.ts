import {
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { isNetworkError, withRetry } from '../retry.js';
import { awsClientConfig, type EndpointVariant } from './client-config.js';

/** A role's inline policy names, read at most this many pages of 100: bounded like every wait. */
const MAX_LIST_PAGES = 20;

interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
  $response?: { headers?: Record<string, string> };
}

export function iamErrorName(err: unknown): string {
  return (err as SdkError)?.name ?? '';
}

export const isAccessDenied = (err: unknown) => /AccessDenied/.test(iamErrorName(err));
export const isLimitExceeded = (err: unknown) => /LimitExceeded/.test(iamErrorName(err));
const isNoSuchEntity = (err: unknown) => /^NoSuchEntity/.test(iamErrorName(err));

function isRetryableIamError(err: unknown): boolean {
  const e = err as SdkError;
  if (
    /^(Throttling|ThrottlingException|ServiceFailure|ServiceFailureException|RequestLimitExceeded|ConcurrentModification|ConcurrentModificationException)$/.test(
      e?.name ?? '',
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

export interface RevokerIamOptions {
  readonly roleArn: string;
  readonly endpoint: string | undefined;
  readonly variant?: EndpointVariant;
  readonly credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  readonly timeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onRetry: (err: unknown, attempt: number, delay: number) => void;
}

/** The four inline-policy calls on one role, as the revoker, each retried only when another attempt can help. */
export interface RevokerIam {
  readonly roleName: string;
  put(name: string, document: string): Promise<void>;
  /** The document, URL-decoded; undefined when there is no such policy. */
  get(name: string): Promise<string | undefined>;
  list(): Promise<string[]>;
  /** False when it was already gone (another close pruned it first). */
  delete(name: string): Promise<boolean>;
  /** IAM's clock as its last answer's Date header gave it, if any answer came. */
  serverNow(): number | undefined;
  destroy(): void;
}

export function revokerIam(options: RevokerIamOptions): RevokerIam {
  const iam = new IAMClient(
    awsClientConfig({
      region: iamRegion(options.roleArn),
      endpoint: options.endpoint,
      variant: options.variant,
      credentials: options.credentials,
      timeoutMs: options.timeoutMs,
    }),
  );
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
  const roleName = options.roleArn.slice(options.roleArn.lastIndexOf('/') + 1);
  const retry = <T>(fn: () => Promise<T>) =>
    withRetry(fn, {
      attempts: 3,
      baseDelayMs: 250,
      sleep: options.sleep,
      onRetry: options.onRetry,
      isRetryable: isRetryableIamError,
    });
  return {
    roleName,
    async put(name, document) {
      await retry(() =>
        iam.send(
          new PutRolePolicyCommand({
            RoleName: roleName,
            PolicyName: name,
            PolicyDocument: document,
          }),
        ),
      );
    },
    async get(name) {
      try {
        const out = await retry(() =>
          iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })),
        );
        return out.PolicyDocument === undefined
          ? undefined
          : decodeURIComponent(out.PolicyDocument);
      } catch (err) {
        if (isNoSuchEntity(err)) return undefined;
        throw err;
      }
    },
    async list() {
      const names: string[] = [];
      let marker: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        const out = await retry(() =>
          iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker })),
        );
        names.push(...(out.PolicyNames ?? []));
        if (!out.IsTruncated || !out.Marker) return names;
        marker = out.Marker;
      }
      throw new Error(`ListRolePolicies on ${roleName} returned more than ${MAX_LIST_PAGES} pages`);
    },
    async delete(name) {
      try {
        await retry(() =>
          iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name })),
        );
        return true;
      } catch (err) {
        if (isNoSuchEntity(err)) return false;
        throw err;
      }
    },
    serverNow: () => serverTime,
    destroy: () => iam.destroy(),
  };
}
