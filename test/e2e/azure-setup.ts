/**
 * One emulated Entra ID tenant and GitHub issuer for the Azure end-to-end tests, and the step's
 * tool: a Node script that calls the emulator's protected endpoint with what was delivered.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Clock } from '../emulators/clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { startEntra, type Entra } from '../emulators/entra/index.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { nodeBinary } from '../harness/node.ts';

export const CLIENT = '00000000-0000-0000-0000-00000000a2e0';
export const TENANT = '11111111-1111-1111-1111-111111111111';
export const SUBSCRIPTION = '22222222-2222-2222-2222-222222222222';

export interface AzureWorld {
  clock: Clock;
  oidc: OidcIssuer;
  entra: Entra;
  close(): Promise<void>;
}

export async function startAzureWorld(): Promise<AzureWorld> {
  const clock = new Clock();
  const oidc = await startOidcIssuer({ clock });
  const entra = await startEntra({ clock });
  entra.register({
    tenantId: TENANT,
    clientId: CLIENT,
    issuer: oidc.issuer,
    subject: oidc.claims().sub,
    subscriptions: [SUBSCRIPTION],
  });
  return {
    clock,
    oidc,
    entra,
    close: async () => {
      await entra.close();
      await oidc.close();
    },
  };
}

/**
 * The job: the emulator's CA trusted as a corporate CA would be (job-level env). Requests keep the
 * action's own timeout: a short one cuts off answers that are merely late on a busy machine.
 */
export function azureJob(
  world: AzureWorld,
  options: { idToken?: boolean; env?: Record<string, string> } = {},
): Promise<Job> {
  return createJob({
    idToken: options.idToken === false ? false : world.oidc.forJob,
    env: {
      NODE_EXTRA_CA_CERTS: world.entra.caPath,
      REQUESTS_CA_BUNDLE: world.entra.caPath,
      ...options.env,
    },
  });
}

export const azureInputs = (world: AzureWorld, extra: Record<string, string> = {}) => ({
  provider: 'azure',
  'client-id': CLIENT,
  'tenant-id': TENANT,
  'subscription-id': SUBSCRIPTION,
  authority: world.entra.authority,
  scope: 'https://management.azure.com/.default',
  ...extra,
});

const TOOL = `
import { readdirSync, existsSync } from 'node:fs';
const e = process.env;
const res = await fetch(process.argv[2] + '/protected', { headers: { authorization: 'Bearer ' + (e.AZURE_ACCESS_TOKEN ?? '') } });
const body = await res.json();
const names = ['AZURE_CONFIG_DIR', 'AZURE_IDENTITY_DISABLE_CP1', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_AUTHORITY_HOST', 'ARM_USE_CLI', 'ARM_CLIENT_SECRET', 'AZURE_CLIENT_SECRET', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
const env = Object.fromEntries(names.map((n) => [n, e[n] ?? null]));
const configDir = e.AZURE_CONFIG_DIR;
console.log('RESULT ' + JSON.stringify({ status: res.status, appid: body.claims?.appid ?? null, error: body.error?.code ?? null, env,
  configDirEntries: configDir && existsSync(configDir) ? readdirSync(configDir) : null }));
`;

/** Writes the tool into the job's workspace and returns the `run:` command for it. */
export function useAzure(job: Job, world: AzureWorld): string {
  const file = path.join(job.workspace, 'use-azure.mjs');
  writeFileSync(file, TOOL);
  return `"${nodeBinary()}" "${file}" "${world.entra.authority}"`;
}

export function toolResult(step: StepResult): Record<string, unknown> {
  const line = step.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the tool printed no RESULT line:\n${step.stdout}\n${step.stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

/** Every secret in this world: GitHub tokens, the runner's request token, Entra's access tokens. */
export function issuedSecrets(world: AzureWorld): string[] {
  return [...world.oidc.issued, world.oidc.requestToken, ...world.entra.tokens.map((t) => t.token)];
}
