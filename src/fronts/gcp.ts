import type { Front } from './front.js';

/**
 * google-github-actions/auth's Workload Identity Federation inputs. Its default of a
 * credentials file (holding the runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN) has no equivalent
 * here: the front exports an access token for the rest of the job, as `token_format:
 * access_token` plus CLOUDSDK_AUTH_ACCESS_TOKEN would.
 */
export const gcpFront: Front = {
  provider: 'gcp',
  inputs: {
    workload_identity_provider: 'workload-identity-provider',
    service_account: 'service-account',
    audience: 'audience',
    access_token_lifetime: 'duration',
    access_token_scopes: 'scopes',
    project_id: 'project-id',
  },
  defaults: { export: 'env' },
};
