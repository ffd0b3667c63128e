import type { Front } from './front.js';

/**
 * azure/login's OIDC inputs. Its `environment` names a cloud (AzureCloud, AzureChinaCloud,
 * AzureUSGovernment), which our `authority` accepts as well as a URL. As azure/login does, the
 * credential goes to the rest of the job unless `run` is given.
 */
export const azureFront: Front = {
  provider: 'azure',
  inputs: {
    'client-id': 'client-id',
    'tenant-id': 'tenant-id',
    'subscription-id': 'subscription-id',
    audience: 'audience',
    environment: 'authority',
  },
  defaults: { export: 'env' },
};
