import type { Severity } from '../types.js';

export interface RuleMeta {
  id: string;
  name: string;
  severity: Severity;
  /** Counts as a use of a long-lived credential (posture figures, corpus evaluation). */
  credential: boolean;
  short: string;
  full: string;
  help: string;
}

const AWS_HELP =
  'Use OIDC: grant `permissions: id-token: write` to the job, create an IAM role that trusts ' +
  'token.actions.githubusercontent.com for this repository, and give the step `role-to-assume` ' +
  '(configure-aws-credentials) or `uses: OWNER/jit-credentials@v1` with `provider: aws` and `role`, then ' +
  'delete the access key.';
const GCP_HELP =
  'Use Workload Identity Federation: grant `permissions: id-token: write`, create a workload identity ' +
  'pool and provider for GitHub, and give google-github-actions/auth `workload_identity_provider` and ' +
  '`service_account` (or jit-credentials with `provider: gcp`) instead of a key; then delete the key.';
const AZURE_HELP =
  'Use a federated credential: grant `permissions: id-token: write`, add a federated credential for ' +
  'this repository to the app registration, and give azure/login only `client-id`, `tenant-id` and ' +
  '`subscription-id` (or jit-credentials with `provider: azure`); then delete the client secret.';

export const CLOUD_HELP = { aws: AWS_HELP, gcp: GCP_HELP, azure: AZURE_HELP } as const;

export const GENERIC_HELP =
  "Replace the stored key with a short-lived credential obtained through the job's GitHub OIDC " +
  'token (`permissions: id-token: write`): an IAM role for AWS, Workload Identity Federation for ' +
  'Google Cloud, a federated credential for Azure; for S3-compatible stores that cannot federate, ' +
  'keep the key in an environment with required reviewers and scope it to one bucket.';

const list: RuleMeta[] = [
  {
    id: 'JIT001',
    name: 'invalid-file',
    severity: 'high',
    credential: false,
    short: 'The file could not be checked',
    full: 'The file could not be parsed as YAML (or read, or is not a workflow or action), so GitHub will reject it and the scanner did not check it. The scan fails (exit 2) until it is fixed, unless --fail-on none.',
    help: 'Fix the YAML error at the reported line (run `actionlint` or a YAML linter), then scan again.',
  },
  {
    id: 'JIT002',
    name: 'suppression-without-reason',
    severity: 'low',
    credential: false,
    short: 'A suppression gives no reason',
    full: 'A `# jit-credentials: ignore[RULE]` comment or a config-file suppression must say why the finding is accepted, so reviewers can judge it.',
    help: 'Write the reason after the bracket: `# jit-credentials: ignore[JIT103] LocalStack test key, not a real credential`.',
  },
  {
    id: 'JIT101',
    name: 'static-key-action-input',
    severity: 'high',
    credential: true,
    short: 'A long-lived cloud key is given to a cloud login action',
    full: 'A known cloud action (configure-aws-credentials, google-github-actions/auth, setup-gcloud, azure/login, docker/login-action to a cloud registry, webapps-deploy, Firebase deploy) receives a static key or service-account key instead of authenticating with OIDC.',
    help: GENERIC_HELP,
  },
  {
    id: 'JIT102',
    name: 'static-key-input',
    severity: 'high',
    credential: true,
    short: 'A long-lived cloud key is passed as an input or reusable-workflow secret',
    full: 'An input or reusable-workflow secret whose name and source show a cloud key or password (for example `r2-secret-access-key`, `credentials`, `azure-client-secret`) is fed from a stored secret.',
    help: GENERIC_HELP,
  },
  {
    id: 'JIT103',
    name: 'static-key-env',
    severity: 'high',
    credential: true,
    short: 'A long-lived cloud key is put in the environment',
    full: 'An environment variable that cloud SDKs or tools read as a static credential (`AWS_SECRET_ACCESS_KEY`, `ARM_CLIENT_SECRET`, `GOOGLE_CREDENTIALS`, storage account keys, S3-compatible keys) is set at workflow, job or step level.',
    help: GENERIC_HELP,
  },
  {
    id: 'JIT104',
    name: 'static-key-script',
    severity: 'high',
    credential: true,
    short: 'A long-lived cloud key is used in a script',
    full: 'A `run:` script logs in with a stored key (`aws configure set`, `az login -p`, `gcloud auth activate-service-account`), writes key material to a file, or interpolates a credential secret into the command line.',
    help: GENERIC_HELP,
  },
  {
    id: 'JIT105',
    name: 'literal-credential',
    severity: 'critical',
    credential: true,
    short: 'A cloud credential is written in the file',
    full: 'The file contains an AWS access key id, a private key block or a service-account key in clear text. Anyone who can read the repository holds it.',
    help:
      'Revoke the key now (it is in the git history), then replace it with OIDC: ' + GENERIC_HELP,
  },
  {
    id: 'JIT106',
    name: 'secrets-inherit',
    severity: 'medium',
    credential: true,
    short: 'All secrets are handed to a reusable workflow',
    full: '`secrets: inherit` gives the called workflow every repository, environment and organisation secret, including any cloud keys, whatever it needs.',
    help: 'Pass only the secrets the called workflow declares, and let it obtain cloud access with OIDC (`permissions: id-token: write` on the calling job) instead of stored keys.',
  },
  {
    id: 'JIT107',
    name: 'all-secrets-serialised',
    severity: 'high',
    credential: true,
    short: 'Every secret is serialised with toJSON(secrets)',
    full: '`toJSON(secrets)` puts every secret the job can see, cloud keys included, into one value for a step.',
    help: 'Pass the one secret the step needs by name; obtain cloud access with OIDC instead of a stored key.',
  },
  {
    id: 'JIT108',
    name: 'action-accepts-key',
    severity: 'medium',
    credential: true,
    short: 'A composite action or reusable workflow asks its callers for a cloud key',
    full: 'An action input or `workflow_call` input/secret is named for a static cloud key, so every caller has to keep that key as a long-lived secret.',
    help: 'Let the action authenticate with OIDC itself (inputs such as `role-to-assume`, `workload_identity_provider`, `client-id`) and remove the key input.',
  },
  {
    id: 'JIT201',
    name: 'oidc-without-id-token',
    severity: 'medium',
    credential: false,
    short: 'An OIDC login runs in a job without `id-token: write`',
    full: 'The step asks for a GitHub OIDC token, but neither the job nor the workflow grants `id-token: write`, so the runner provides no token and the step fails with "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable".',
    help: "Add `id-token: write` to this job's `permissions:` (with `contents: read` and every other permission the job needs, since listing one resets the others to none).",
  },
  {
    id: 'JIT202',
    name: 'id-token-too-wide',
    severity: 'low',
    credential: false,
    short: '`id-token: write` is granted to jobs that do not use it',
    full: '`id-token: write` at workflow level (or `write-all`) lets every job mint OIDC tokens, including jobs that run third-party or pull-request code and need no cloud access.',
    help: "Move `id-token: write` from the workflow's `permissions` to the jobs that log in to a cloud, and set `permissions: contents: read` at workflow level.",
  },
  {
    id: 'JIT203',
    name: 'key-beside-oidc',
    severity: 'high',
    credential: true,
    short: 'A static key is kept as a fallback beside OIDC',
    full: 'The same step or job uses OIDC and a stored static key. The key stays valid and stealable, so the OIDC migration gives no protection until it is removed.',
    help: 'Remove the key inputs (and delete the key in the cloud); OIDC alone is enough. If the key is needed for role chaining, chain from the OIDC role instead.',
  },
];

export const RULES: ReadonlyMap<string, RuleMeta> = new Map(list.map((r) => [r.id, r]));
export const RULE_LIST: readonly RuleMeta[] = list;

export function rule(id: string): RuleMeta {
  const meta = RULES.get(id);
  if (!meta) throw new Error(`unknown rule ${id}`);
  return meta;
}
