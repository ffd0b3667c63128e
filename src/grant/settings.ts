import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import type { Inputs } from '../runner/inputs.js';
import { SHELLS } from '../runner/child.js';
import {
  DELIVERY_MODES,
  PROVIDER_IDS,
  type CommonSettings,
  type DeliveryMode,
  type ProviderId,
} from '../providers/provider.js';
import { otherCloudInput } from '../providers/inputs.js';

export const INPUT = {
  provider: 'provider',
  run: 'run',
  shell: 'shell',
  workingDirectory: 'working-directory',
  export: 'export',
  duration: 'duration',
  audience: 'audience',
  sessionName: 'session-name',
  policy: 'policy',
  oidcIssuer: 'oidc-issuer',
} as const;

export interface EngineSettings extends CommonSettings {
  readonly shell: string;
  readonly workingDirectory: string | undefined;
  readonly policyPath: string | undefined;
  readonly oidcIssuer: string | undefined;
}

/** Reads the inputs every provider shares into one frozen object; nothing here touches the network. */
export function readCommonSettings(inputs: Inputs, env: NodeJS.ProcessEnv): EngineSettings {
  const provider = inputs.oneOf(INPUT.provider, PROVIDER_IDS);
  if (provider === undefined) {
    throw new ConfigurationError(
      `Input 'provider' is required: set it to one of ${PROVIDER_IDS.join(', ')}.`,
    );
  }
  const other = otherCloudInput(provider, (name) => inputs.raw(name) !== undefined);
  if (other) {
    throw new ConfigurationError(
      `Input '${other.name}' is for provider ${other.cloud}, and this step's provider is ${provider}: ` +
        `it would be ignored. Remove it, or set 'provider: ${other.cloud}'.`,
    );
  }
  const run = inputs.raw(INPUT.run);
  const exportTo = inputs.oneOf(
    INPUT.export,
    DELIVERY_MODES.filter((m) => m !== 'run'),
  );
  if (run !== undefined && exportTo !== undefined) {
    throw new ConfigurationError(
      `Inputs 'run' and 'export: ${exportTo}' exclude each other: with 'run' the credentials exist only ` +
        `inside that command. Remove 'export', or remove 'run' and use the credentials in later steps.`,
    );
  }
  if (run === undefined && exportTo === undefined) {
    throw new ConfigurationError(
      "Say how the credentials are delivered: give 'run' (a command that gets them in its environment " +
        "only, closed when it ends), or 'export: outputs' (masked step outputs), or 'export: env' " +
        '(GITHUB_ENV for the rest of the job, closed by actions/revoke or at the end of the job).',
    );
  }
  const mode: DeliveryMode = run !== undefined ? 'run' : exportTo!;
  const shell = inputs.oneOf(INPUT.shell, Object.keys(SHELLS), 'bash')!;
  const workingDirectory = readWorkingDirectory(inputs.optional(INPUT.workingDirectory), mode, env);
  const grantId = newGrantId(provider);
  const sessionName = inputs.optional(INPUT.sessionName) ?? defaultSessionName(env, grantId);
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new ConfigurationError(
      `Invalid session-name '${sessionName}'. Use 2 to 64 characters of letters, digits and + = , . @ _ -.`,
    );
  }
  const audience = inputs.optional(INPUT.audience);
  if (audience !== undefined && !/^[\x21-\x7e]{1,256}$/.test(audience)) {
    throw new ConfigurationError(
      `Invalid audience '${audience}'. Use up to 256 printable ASCII characters without spaces, such as sts.amazonaws.com.`,
    );
  }
  return Object.freeze({
    grantId,
    provider: provider as ProviderId,
    duration: inputs.duration(INPUT.duration),
    mode,
    run,
    shell,
    workingDirectory,
    audience,
    sessionName,
    policyPath: inputs.optional(INPUT.policy),
    oidcIssuer: inputs.optional(INPUT.oidcIssuer),
  });
}

/**
 * Checked here, before any request: a missing directory found only when the command starts
 * would cost a credential that was issued for nothing.
 */
function readWorkingDirectory(
  value: string | undefined,
  mode: DeliveryMode,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (value === undefined) return undefined;
  if (mode !== 'run') {
    throw new ConfigurationError(
      `Input 'working-directory' applies only to 'run'; remove it, or give the command in 'run'.`,
    );
  }
  const dir = resolve(env['GITHUB_WORKSPACE'] ?? process.cwd(), value);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigurationError(
      `Invalid working-directory '${value}': ${dir} is not a directory. Give a path relative to the workspace.`,
    );
  }
  return dir;
}

export function newGrantId(provider: string): string {
  return `${provider}-${randomBytes(5).toString('hex')}`;
}

/**
 * Unique per grant: run id, attempt, job and step say where it came from (CloudTrail, the
 * ledger), and the grant's own id tells apart the legs of a matrix, which share all four (a
 * revocation denies one session by name, and must not hit a neighbour). Kept within STS's
 * [\w+=,.@-]{2,64}: other characters become '-', and a name that would be too long keeps its
 * start and ends in a digest of the whole.
 */
export function defaultSessionName(env: NodeJS.ProcessEnv, grantId: string): string {
  const parts = [
    'gh',
    env['GITHUB_RUN_ID'] ?? 'local',
    env['GITHUB_RUN_ATTEMPT'] ?? '1',
    env['GITHUB_JOB'] ?? 'job',
    env['GITHUB_ACTION'] ?? 'step',
    grantId.replace(/^[a-z]+-/, ''),
  ];
  const full = parts.join('.').replace(/[^\w+=,.@-]/g, '-');
  if (full.length <= 64) return full;
  const digest = createHash('sha256').update(full).digest('hex').slice(0, 10);
  return `${full.slice(0, 64 - digest.length - 1)}.${digest}`;
}
