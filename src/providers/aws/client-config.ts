import { sdkHttpHandler } from './http-handler.js';

/** FIPS and dual-stack endpoints, as the SDK reads them from the environment (never from files). */
export interface EndpointVariant {
  readonly fips: boolean;
  readonly dualStack: boolean;
}

export interface AwsClientOptions {
  readonly region: string;
  /** A checked override (settings.ts), or undefined for AWS's own endpoint of the region. */
  readonly endpoint: string | undefined;
  readonly timeoutMs: number;
  readonly variant?: EndpointVariant;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/**
 * The whole configuration of every AWS client the action makes: nothing is left for the SDK to
 * fill in from `~/.aws/config` or `AWS_CONFIG_FILE`. Any step of the job can write those files,
 * and an `endpoint_url` in them would take the GitHub token, the revoker's IAM calls and the probe
 * that verifies a revocation to a server of the step's choosing, past the checks the endpoint
 * variables get. Not reading them also spares a first step `fs/promises` and two file reads.
 */
export function awsClientConfig(o: AwsClientOptions) {
  return {
    region: o.region,
    endpoint: o.endpoint,
    ...(o.credentials ? { credentials: o.credentials } : {}),
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: o.variant?.fips ?? false,
    useDualstackEndpoint: o.variant?.dualStack ?? false,
    maxAttempts: 1, // our own retry decides; the SDK's would retry denials' neighbours blindly
    retryMode: 'standard',
    defaultsMode: 'standard' as const,
    authSchemePreference: [],
    sigv4aSigningRegionSet: [],
    userAgentAppId: '',
    requestHandler: sdkHttpHandler(o.timeoutMs),
  };
}
