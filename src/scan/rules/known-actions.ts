import type { Cloud } from '../types.js';

/** Cloud login actions: which inputs take a static key, and which inputs mean OIDC. */
export interface KnownAction {
  match: (name: string) => boolean;
  cloud: Cloud;
  label: string;
  keyInputs: string[];
  /** Present (and no key input) means the step logs in with the job's OIDC token. */
  oidcInputs: string[];
  /** Input holding a requested lifetime, and its unit. */
  ttlInput?: string;
}

const is =
  (...names: string[]) =>
  (n: string) =>
    names.includes(n);

export const KNOWN_ACTIONS: KnownAction[] = [
  {
    match: is('aws-actions/configure-aws-credentials'),
    cloud: 'aws',
    label: 'configure-aws-credentials',
    keyInputs: ['aws-access-key-id', 'aws-secret-access-key'],
    oidcInputs: ['role-to-assume'],
    ttlInput: 'role-duration-seconds',
  },
  {
    match: is('google-github-actions/auth', 'step-security/google-github-auth'),
    cloud: 'gcp',
    label: 'google-github-actions/auth',
    keyInputs: ['credentials_json'],
    oidcInputs: ['workload_identity_provider'],
    ttlInput: 'access_token_lifetime',
  },
  {
    match: (n) => n.endsWith('/setup-gcloud'),
    cloud: 'gcp',
    label: 'setup-gcloud',
    keyInputs: ['service_account_key'],
    oidcInputs: [],
  },
  {
    match: (n) =>
      n.startsWith('google-github-actions/') &&
      /(get-gke-credentials|deploy-cloudrun|deploy-cloud-functions|deploy-appengine|upload-cloud-storage|get-secretmanager-secrets)$/.test(
        n,
      ),
    cloud: 'gcp',
    label: 'google-github-actions',
    keyInputs: ['credentials'],
    oidcInputs: [],
  },
  {
    match: is('azure/login', 'azure/aks-set-context', 'azure/k8s-set-context'),
    cloud: 'azure',
    label: 'azure/login',
    keyInputs: ['creds', 'client-secret'],
    oidcInputs: ['client-id'],
  },
  {
    match: is('azure/webapps-deploy', 'azure/functions-action', 'azure/webapps-container-deploy'),
    cloud: 'azure',
    label: 'Azure deploy publish profile',
    keyInputs: ['publish-profile'],
    oidcInputs: [],
  },
  {
    match: is('azure/docker-login'),
    cloud: 'azure',
    label: 'azure/docker-login',
    keyInputs: ['password'],
    oidcInputs: [],
  },
  {
    match: is('firebaseextended/action-hosting-deploy'),
    cloud: 'gcp',
    label: 'Firebase hosting deploy',
    keyInputs: ['firebaseServiceAccount'],
    oidcInputs: [],
  },
  {
    match: (n) => n.includes('jit-credentials'),
    cloud: 'other',
    label: 'jit-credentials',
    keyInputs: [],
    oidcInputs: ['provider', 'role', 'service-account', 'workload-identity-provider', 'client-id'],
    ttlInput: 'duration',
  },
  {
    match: is('catnekaise/cognito-idpool-auth'),
    cloud: 'aws',
    label: 'cognito-idpool-auth',
    keyInputs: [],
    oidcInputs: ['cognito-identity-pool-id'],
    ttlInput: 'chain-role-duration-seconds',
  },
];

/**
 * Input names that mean a static key whatever action takes them: the action under test is often
 * referenced as `uses: ./`, and forks and wrappers keep the original input names.
 */
export const KEY_INPUT_NAMES: Record<string, Cloud> = {
  'aws-access-key-id': 'aws',
  'aws-secret-access-key': 'aws',
  credentials_json: 'gcp',
  service_account_key: 'gcp',
  firebaseserviceaccount: 'gcp',
  'publish-profile': 'azure',
  creds: 'azure',
};

export function knownAction(name: string): KnownAction | undefined {
  return KNOWN_ACTIONS.find((a) => a.match(name));
}

/** Registries whose password is a cloud key (ECR secret key, GCR `_json_key`, ACR service principal). */
export const DOCKER_LOGIN = 'docker/login-action';
