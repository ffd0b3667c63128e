import { ConfigurationError } from '../errors.js';
import type { Runner } from '../runner/runner.js';
import {
  ENGINE_INPUTS,
  type EngineEvent,
  type Front,
  type FrontPlan,
  type Given,
  type PeerInput,
} from './front.js';

const PEER = 'aws-actions/configure-aws-credentials@v6';
const FIX = 'run `jit-credentials fix` on the workflow: it replaces the keys with this OIDC step';

/** The variables the peer empties with unset-current-credentials. */
const PEER_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
];

/** Our exported variable → the peer's output with output-credentials. */
const CREDENTIAL_OUTPUTS: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY_ID: 'aws-access-key-id',
  AWS_SECRET_ACCESS_KEY: 'aws-secret-access-key',
  AWS_SESSION_TOKEN: 'aws-session-token',
};

const staticKey = (what: string): PeerInput => ({
  kind: 'refused',
  secret: true,
  reason:
    `${what} is a long-lived key (or a session copied out of another step), which this action exists to replace. ` +
    `Remove it and let the step assume 'role-to-assume' with the job's OIDC token (permissions: id-token: write); ` +
    `${FIX}. To assume a second role with an earlier step's session, use 'role-chaining: true'.`,
});

/** Every input of configure-aws-credentials v6 (action.yml of v6.2.3), and what this door does with it. */
export const AWS_PEER_INPUTS: Readonly<Record<string, PeerInput>> = {
  'aws-region': { kind: 'mapped', to: 'region' },
  'role-to-assume': { kind: 'mapped', to: 'role' },
  audience: { kind: 'mapped', to: 'audience' },
  'role-duration-seconds': {
    kind: 'mapped',
    to: 'duration',
    note: 'default 900 s here (the peer: 3600 s); below 900 s a session-policy condition ends the session early',
  },
  'role-session-name': {
    kind: 'mapped',
    to: 'session-name',
    note: 'default unique per grant (the peer: GitHubActions)',
  },
  'inline-session-policy': { kind: 'mapped', to: 'session-policy' },
  'managed-session-policies': { kind: 'mapped', to: 'managed-policies' },
  'allowed-account-ids': {
    kind: 'mapped',
    to: 'allowed-account-ids',
    note: "refused before any request when the role ARN's account is not listed, and the assumed-role ARN STS returns is checked again before delivery (the peer checks after exporting)",
  },
  'role-chaining': {
    kind: 'mapped',
    to: 'role-chaining',
    note: "AssumeRole signed with the session an earlier step exported (AWS_ACCESS_KEY_ID…); at most 1 h; long-lived AKIA keys are refused; still needs id-token: write (the policy and the record use the job's token)",
  },
  'role-external-id': {
    kind: 'mapped',
    to: 'external-id',
    note: 'with role-chaining only: AssumeRoleWithWebIdentity takes no external id, so alone it is refused rather than ignored',
  },
  'sts-endpoint': {
    kind: 'mapped',
    to: 'sts-endpoint',
    note: 'https, or http on loopback only: the GitHub token goes there',
  },
  'retry-max-attempts': {
    kind: 'mapped',
    to: 'retry-max-attempts',
    note: '1 to 12, default 3 (the peer: 12); only throttling, 5xx and lost connections are retried, never a denial',
  },
  'disable-retry': { kind: 'handled', note: 'true: one attempt (retry-max-attempts: 1)' },
  'mask-aws-account-id': {
    kind: 'handled',
    note: "true: the role's account id is masked before anything is logged, and the assumed-role ARN's",
  },
  'output-credentials': {
    kind: 'handled',
    note: 'true: the keys also go to the outputs aws-access-key-id, aws-secret-access-key, aws-session-token (masked) and the summary says so; refused with run:',
  },
  'output-env-credentials': {
    kind: 'handled',
    note: 'false: nothing goes to GITHUB_ENV (export: outputs with output-credentials: true; without it there would be nothing to deliver, which is refused)',
  },
  'unset-current-credentials': {
    kind: 'handled',
    note: 'true: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION, AWS_DEFAULT_REGION are emptied for later steps first, as the peer does',
  },
  'action-timeout-s': {
    kind: 'handled',
    note: 'whole seconds: the step is failed and treated as cancelled (a command of run: is stopped, the grant closed); with run:, the command counts',
  },
  'role-skip-session-tagging': {
    kind: 'handled',
    note: 'accepted: sessions are never tagged here (a GitHub token carries no session tags)',
  },
  'aws-access-key-id': staticKey('aws-access-key-id'),
  'aws-secret-access-key': staticKey('aws-secret-access-key'),
  'aws-session-token': staticKey('aws-session-token'),
  'web-identity-token-file': {
    kind: 'refused',
    reason:
      "a token file (EKS, CodeBuild) is not the job's GitHub OIDC token, which is what this action exchanges and records. " +
      'Remove it and give the job `permissions: id-token: write`.',
  },
  'aws-profile': {
    kind: 'refused',
    reason:
      "the peer writes the keys into ~/.aws/credentials and ~/.aws/config, which outlive the step and the job's post " +
      "step on self-hosted runners. Use 'run:' (the keys exist only for that command, in files of its own) or export: " +
      'env, one step per role; a tool that needs a profile name can use `--profile default` with the files this step points to.',
  },
  'overwrite-aws-profile': {
    kind: 'refused',
    when: 'true',
    reason: "it only applies to 'aws-profile', which is refused (see there).",
  },
  'http-proxy': {
    kind: 'mapped',
    to: 'http-proxy',
    note: 'every request of the step goes through it (the OIDC token, the GitHub API, STS and IAM), not only STS; overrides HTTPS_PROXY',
  },
  'no-proxy': {
    kind: 'mapped',
    to: 'no-proxy',
    note: 'replaces NO_PROXY for the same requests; loopback is not exempt by itself (as in curl)',
  },
  'special-characters-workaround': {
    kind: 'refused',
    when: 'true',
    reason:
      'it re-assumes the role until the secret key has no + or /, and every discarded session stays valid until it ' +
      'expires, unrecorded. Quote the variable in the tool that mishandles it instead.',
  },
  'use-existing-credentials': {
    kind: 'refused',
    when: 'true',
    reason:
      'credentials already in the environment may come from anywhere and are not this grant: the record could not say ' +
      'who had what. Remove it; a fresh session costs one STS call.',
  },
  'force-skip-oidc': {
    kind: 'refused',
    when: 'true',
    reason:
      "this action only exchanges the job's GitHub OIDC token. For instance or container credentials, keep the peer.",
  },
  'transitive-tag-keys': {
    kind: 'refused',
    reason:
      'this action sets no session tags (a GitHub token carries none), so there are none to pass on.',
  },
  'custom-tags': {
    kind: 'refused',
    reason:
      'session tags cannot be set with AssumeRoleWithWebIdentity (the peer ignores them there with a warning); the ' +
      "token's claims are what a trust or permission policy can test.",
  },
};

export const awsFront: Front = {
  provider: 'aws',
  name: 'actions/aws',
  peer: PEER,
  own: ['revoke-role', ...ENGINE_INPUTS],
  inputs: AWS_PEER_INPUTS,
  outputs: {
    'aws-account-id': {
      set: true,
      note: "the assumed-role ARN's account, in every mode (the peer: with environment credentials); masked with mask-aws-account-id",
    },
    'authenticated-arn': { set: true, note: 'the assumed-role ARN (our `principal`)' },
    'aws-expiration': {
      set: true,
      note: 'when AWS refuses the keys, ISO 8601 (our `expires-at`; the peer quotes it as JSON); in every mode',
    },
    'aws-access-key-id': {
      set: true,
      note: 'with output-credentials: true (or export: outputs), masked',
    },
    'aws-secret-access-key': {
      set: true,
      note: 'with output-credentials: true (or export: outputs), masked',
    },
    'aws-session-token': {
      set: true,
      note: 'with output-credentials: true (or export: outputs), masked',
    },
  },
  defaults: { export: 'env' },
  prepare: prepareAws,
};

function prepareAws(given: Given): FrontPlan {
  const run = given.value('run') !== undefined;
  const outputCredentials = given.boolean('output-credentials', false);
  const toEnv = given.boolean('output-env-credentials', true);
  const exportTo = given.value('export');
  const inputs: Record<string, string> = {};
  if (run && outputCredentials) {
    throw new ConfigurationError(
      "actions/aws refuses 'output-credentials: true' with 'run': the keys exist only inside that command, and a step " +
        'output would outlive it. Remove one of the two.',
    );
  }
  if (!run && !toEnv) {
    if (exportTo === 'env') {
      throw new ConfigurationError(
        "'output-env-credentials: false' and 'export: env' contradict each other. Remove one of the two.",
      );
    }
    if (!outputCredentials && exportTo === undefined) {
      throw new ConfigurationError(
        "With 'output-env-credentials: false' and no 'output-credentials: true', the credentials would go nowhere. " +
          "Set 'output-credentials: true' (masked step outputs), or give 'run' (a command that gets them alone).",
      );
    }
    inputs['export'] = 'outputs';
  }
  if (given.boolean('disable-retry', false)) {
    const attempts = given.value('retry-max-attempts');
    if (attempts !== undefined && attempts !== '1') {
      throw new ConfigurationError(
        `'disable-retry: true' and 'retry-max-attempts: ${attempts}' contradict each other. Remove one of the two.`,
      );
    }
    inputs['retry-max-attempts'] = '1';
  }
  given.boolean('role-skip-session-tagging', false);
  const mirror = outputCredentials && !run && toEnv && exportTo !== 'outputs';
  const mask = given.boolean('mask-aws-account-id', false);
  const timeout = parseTimeout(given.value('action-timeout-s'));
  const unset = given.boolean('unset-current-credentials', false);
  if (mask) {
    const account = /^arn:[^:]*:iam::(\d{12}):/.exec(given.value('role-to-assume') ?? '')?.[1];
    if (account) given.mask(account);
  }
  return {
    inputs,
    secretOutputs: Object.values(CREDENTIAL_OUTPUTS),
    outputs: (event) => awsOutputs(event, { mirror, mask, given }),
    start: (runner) => {
      if (unset) for (const name of PEER_VARIABLES) runner.exportVariable(name, '');
      if (timeout !== undefined) startTimeout(runner, timeout);
    },
  };
}

function awsOutputs(
  event: EngineEvent,
  o: { mirror: boolean; mask: boolean; given: Given },
): Record<string, string> {
  if (event.kind === 'env') {
    const name = CREDENTIAL_OUTPUTS[event.name];
    return o.mirror && name && event.value !== '' ? { [name]: event.value } : {};
  }
  if (event.name === 'principal') {
    const account = /^arn:[^:]*:(?:sts|iam)::(\d{12}):/.exec(event.value)?.[1];
    if (account && o.mask) o.given.mask(account);
    return { 'authenticated-arn': event.value, ...(account ? { 'aws-account-id': account } : {}) };
  }
  if (event.name === 'expires-at') return { 'aws-expiration': event.value };
  return {};
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 86_400) {
    throw new ConfigurationError(
      `Invalid action-timeout-s '${value}'. Give whole seconds (0 for none), such as 300.`,
    );
  }
  return Number(value) || undefined;
}

/**
 * The peer exits when its timer fires. Here the step fails and is treated as a cancelled one
 * (SIGTERM to itself): the engine's cancel handling stops a run: command and closes the grant.
 */
function startTimeout(runner: Runner, seconds: number): void {
  const timer = setTimeout(() => {
    runner.fail(
      `actions/aws: action-timeout-s (${seconds}s) ran out; the step is stopped and its grant closed.`,
    );
    process.kill(process.pid, 'SIGTERM');
  }, seconds * 1000);
  timer.unref();
}
