import type { ProviderId } from './provider.js';

/**
 * Each cloud's own inputs. The root action declares every cloud's, so the runner warns of none,
 * and one given for another cloud than `provider` would be silently ignored, narrowing ones
 * (`session-policy`, `access-boundary`, `scope`) included. Kept equal to each provider's settings
 * and to action.yml by test/providers/inputs.test.ts; here, and not read from those modules, so
 * that a step loads no other cloud's code to check them.
 */
export const PROVIDER_INPUTS: Readonly<Record<ProviderId, readonly string[]>> = {
  aws: [
    'role',
    'region',
    'session-policy',
    'managed-policies',
    'revoke-role',
    'allowed-account-ids',
    'role-chaining',
    'external-id',
    'sts-endpoint',
    'retry-max-attempts',
  ],
  azure: ['client-id', 'tenant-id', 'subscription-id', 'scope', 'authority', 'az-login'],
  gcp: [
    'workload-identity-provider',
    'service-account',
    'access-boundary',
    'scopes',
    'project-id',
    'allow-lifetime-extension',
    'token-format',
    'id-token-audience',
    'id-token-include-email',
    'delegates',
    'universe',
    'request-reason',
    'metadata-server',
  ],
};

/** The first input given that belongs to another cloud than `provider`, with that cloud. */
export function otherCloudInput(
  provider: ProviderId,
  given: (name: string) => boolean,
): { name: string; cloud: ProviderId } | undefined {
  for (const [cloud, names] of Object.entries(PROVIDER_INPUTS) as [ProviderId, string[]][]) {
    if (cloud === provider) continue;
    const name = names.find(given);
    if (name) return { name, cloud };
  }
  return undefined;
}
