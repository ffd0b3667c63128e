import type { Front } from './front.js';

/** aws-actions/configure-aws-credentials' OIDC inputs. */
export const awsFront: Front = {
  provider: 'aws',
  inputs: {
    'role-to-assume': 'role',
    'aws-region': 'region',
    'role-duration-seconds': 'duration',
    'role-session-name': 'session-name',
    'inline-session-policy': 'session-policy',
    'managed-session-policies': 'managed-policies',
    audience: 'audience',
  },
  defaults: { export: 'env' },
};
