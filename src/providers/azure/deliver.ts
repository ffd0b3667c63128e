import { privateSubdir } from '../../runner/temp.js';
import type { Delivery } from '../provider.js';
import type { AzLogin } from './cli.js';
import { ACCESS_TOKEN_VAR, AZ_ENV } from './names.js';
import { CLOUDS, type AzureSettings } from './settings.js';

export const AZURE_OUTPUTS = { accessToken: 'azure-access-token' } as const;

/**
 * Inherited variables that would make a tool sign in as someone else than the grant: secrets,
 * certificates, federated-token files and Terraform's OIDC settings (which would mint their own
 * tokens from ACTIONS_ID_TOKEN_REQUEST_*, already withheld by the engine).
 */
export const COMPETING = [
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_CLIENT_SEND_CERTIFICATE_CHAIN',
  'AZURE_USERNAME',
  'AZURE_PASSWORD',
  'AZURE_FEDERATED_TOKEN_FILE',
  'AZURE_CREDENTIALS',
  'ARM_CLIENT_ID',
  'ARM_CLIENT_SECRET',
  'ARM_CLIENT_CERTIFICATE',
  'ARM_CLIENT_CERTIFICATE_PATH',
  'ARM_CLIENT_CERTIFICATE_PASSWORD',
  'ARM_OIDC_TOKEN',
  'ARM_OIDC_TOKEN_FILE_PATH',
  'ARM_OIDC_REQUEST_URL',
  'ARM_OIDC_REQUEST_TOKEN',
  'ARM_USE_OIDC',
  'ARM_USE_MSI',
  'ARM_USE_AKS_WORKLOAD_IDENTITY',
  'ARM_MSI_ENDPOINT',
];

/** What the engine may also use: secrets a tool's own login obtained, and when they expire. */
export interface AzureDelivery extends Delivery {
  readonly secrets: readonly string[];
  readonly expiresAt: Date | undefined;
  readonly notes: readonly string[];
}

/**
 * The variables each tool reads, and only those it can use:
 * - any HTTP client: AZURE_ACCESS_TOKEN, a bearer token for `scope` (ours; no tool reads one);
 * - the Azure CLI: AZURE_CONFIG_DIR (always the grant's own, so az never falls back to the shared
 *   ~/.azure) and AZURE_IDENTITY_DISABLE_CP1 (normal rather than CAE tokens);
 * - Terraform azurerm: ARM_USE_CLI with ARM_TENANT_ID / ARM_SUBSCRIPTION_ID, only when az is
 *   signed in, since azurerm takes no bare access token;
 * - Azure SDKs and azd: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_SUBSCRIPTION_ID, AZURE_AUTHORITY_HOST
 *   as identity hints; they authenticate through the az login (AzureCliCredential), as no
 *   credential type reads an access token. With a login, AZURE_TOKEN_CREDENTIALS=dev makes
 *   DefaultAzureCredential skip the environment, workload and managed identities it tries first.
 */
export function deliveryEnv(
  s: AzureSettings,
  accessToken: string,
  configDir: string,
  login: AzLogin | undefined,
): Record<string, string> {
  const env: Record<string, string> = {
    [ACCESS_TOKEN_VAR]: accessToken,
    AZURE_CONFIG_DIR: configDir,
    ...AZ_ENV,
    AZURE_TENANT_ID: s.tenantId,
    AZURE_CLIENT_ID: s.clientId,
  };
  const subscription = login?.subscriptionId ?? s.subscriptionId;
  if (subscription) env['AZURE_SUBSCRIPTION_ID'] = subscription;
  if (s.authority !== CLOUDS[0].authority) env['AZURE_AUTHORITY_HOST'] = s.authority;
  if (login) {
    // DefaultAzureCredential's developer chain starts at AzureCliCredential: the grant's login,
    // never a runner's managed identity or a leftover secret, which the full chain tries first.
    env['AZURE_TOKEN_CREDENTIALS'] = 'dev';
    env['ARM_USE_CLI'] = 'true';
    env['ARM_TENANT_ID'] = s.tenantId;
    if (subscription) env['ARM_SUBSCRIPTION_ID'] = subscription;
  }
  return env;
}

/** The grant's az config dir, created empty when there is no login, so that az finds no one's credentials. */
export function emptyConfigDir(grantDir: string): string {
  return privateSubdir(grantDir, 'az');
}
