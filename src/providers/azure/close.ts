import { expiryClose, handleObject, type CloseHandle, type Closer } from '../provider.js';
import { ACCESS_TOKEN_VAR, AZ_ENV } from './names.js';

export const NOT_REVOCABLE =
  'Entra ID access tokens cannot be revoked (continuous access evaluation covers Microsoft Graph only); ' +
  'a normal, non-CAE token was asked for, so Entra accepts it until the time shown';

export interface AzureHandle extends CloseHandle {
  readonly azLogin: boolean;
}

export const azureCloser: Closer<AzureHandle> = {
  id: 'azure',
  envNames: [
    ACCESS_TOKEN_VAR,
    'AZURE_CONFIG_DIR',
    ...Object.keys(AZ_ENV),
    'AZURE_TENANT_ID',
    'AZURE_CLIENT_ID',
    'AZURE_SUBSCRIPTION_ID',
    'AZURE_AUTHORITY_HOST',
    'AZURE_TOKEN_CREDENTIALS',
    'ARM_USE_CLI',
    'ARM_TENANT_ID',
    'ARM_SUBSCRIPTION_ID',
  ],
  credentialNames: [ACCESS_TOKEN_VAR],
  async close(handle, ctx) {
    const az = handle.azLogin
      ? "; the grant's Azure CLI login and token cache were deleted with its directory"
      : '';
    return expiryClose(ctx, `${NOT_REVOCABLE}${az}`);
  },

  readHandle(raw) {
    const h = handleObject(raw, 'azure');
    return { azLogin: h['azLogin'] === true };
  },
};
