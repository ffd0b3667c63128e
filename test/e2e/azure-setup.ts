/**
 * One emulated Entra ID tenant and GitHub issuer for the Azure end-to-end tests, and the step's
 * tool: a Node script that calls the emulator's protected endpoint with what was delivered.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Clock } from '../emulators/clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { startEntra, type Entra } from '../emulators/entra/index.ts';
import { startGitHubApi, type GitHubApi } from '../emulators/github/index.ts';
import { createJob, type Job, type StepResult } from '../harness/job.ts';
import { nodeBinary, REPO_ROOT } from '../harness/node.ts';

export const CLIENT = '00000000-0000-0000-0000-00000000a2e0';
export const TENANT = '11111111-1111-1111-1111-111111111111';
export const SUBSCRIPTION = '22222222-2222-2222-2222-222222222222';

export interface AzureWorld {
  clock: Clock;
  oidc: OidcIssuer;
  entra: Entra;
  /** The repository's REST API, where the policy is read (none on its default branch). */
  github: GitHubApi;
  close(): Promise<void>;
}

export async function startAzureWorld(): Promise<AzureWorld> {
  const clock = new Clock();
  const oidc = await startOidcIssuer({ clock });
  const entra = await startEntra({ clock });
  const github = await startGitHubApi({ clock });
  github.repo(oidc.claims().repository, { id: oidc.claims().repository_id });
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
    github,
    close: async () => {
      await github.close();
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
      ...world.github.env,
      NODE_EXTRA_CA_CERTS: world.entra.caPath,
      REQUESTS_CA_BUNDLE: world.entra.caPath,
      ...options.env,
    },
  });
}

export const azureInputs = (world: AzureWorld, extra: Record<string, string> = {}) => ({
  provider: 'azure',
  'oidc-issuer': world.oidc.issuer,
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
const names = ['AZURE_CONFIG_DIR', 'AZURE_IDENTITY_DISABLE_CP1', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_SUBSCRIPTION_ID', 'AZURE_AUTHORITY_HOST', 'ARM_USE_CLI', 'AZURE_TOKEN_CREDENTIALS', 'ARM_CLIENT_SECRET', 'AZURE_CLIENT_SECRET', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
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

/**
 * The runner's own az set-up for the emulator, as an Azure Stack user would make it: the
 * emulator registered and made active in the job's shared ~/.azure (endpoints only, no
 * credential). Its sign-in endpoint ends in /adfs, the only kind of authority az uses without
 * instance discovery; its Resource Manager resource id is public Azure's.
 */
export async function registerCloud(job: Job, world: AzureWorld, az: string): Promise<string> {
  const run = promisify(execFile);
  const shared = path.join(job.home, '.azure');
  const env = {
    ...process.env,
    AZURE_CONFIG_DIR: shared,
    REQUESTS_CA_BUNDLE: world.entra.caPath,
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
  };
  await run(
    az,
    [
      'cloud',
      'register',
      '-n',
      'Emulated',
      '--endpoint-active-directory',
      `${world.entra.authority}/adfs`,
      '--endpoint-active-directory-resource-id',
      'https://management.core.windows.net/',
      '--endpoint-resource-manager',
      `${world.entra.armUrl}/`,
      '--endpoint-active-directory-graph-resource-id',
      'https://graph.windows.net/',
    ],
    { env },
  );
  await run(az, ['cloud', 'set', '-n', 'Emulated'], { env });
  return shared;
}

/**
 * What a user's Node code does inside the step: @azure/identity's DefaultAzureCredential, and
 * AzureCliCredential with and without a tenant, each asks for its scope; each token is shown to
 * the Resource Manager stand-in (`arm`: its status) and to the emulator's protected endpoint
 * (`aud`). Prints one `SDK <json>` line with the tokens' SHA-256, never a token.
 */
const SDK_TOOL = (identityUrl: string) => `
import { createHash } from 'node:crypto';
const { DefaultAzureCredential, AzureCliCredential } = await import(${JSON.stringify(identityUrl)});
const [base, requestsJson] = process.argv.slice(2);
const makers = {
  DefaultAzureCredential: () => new DefaultAzureCredential(),
  AzureCliCredential: () => new AzureCliCredential(),
  'AzureCliCredential(tenantId)': () => new AzureCliCredential({ tenantId: process.env.AZURE_TENANT_ID }),
};
const out = [];
for (const [credential, scope] of JSON.parse(requestsJson)) {
  try {
    const t = await makers[credential]().getToken(scope);
    const headers = { authorization: 'Bearer ' + t.token };
    const arm = (await fetch(base + '/subscriptions', { headers })).status;
    const claims = (await (await fetch(base + '/protected', { headers })).json()).claims ?? {};
    const sha256 = createHash('sha256').update(t.token).digest('hex');
    out.push({ credential, scope, arm, aud: claims.aud ?? null, sha256, expiresOnTimestamp: t.expiresOnTimestamp });
  } catch (e) {
    out.push({ credential, scope, error: String(e?.message ?? e).split('\\n').slice(0, 3).join(' ') });
  }
}
console.log('SDK ' + JSON.stringify(out));
`;

export type SdkCredential =
  'DefaultAzureCredential' | 'AzureCliCredential' | 'AzureCliCredential(tenantId)';

export interface SdkResult {
  credential: SdkCredential;
  scope: string;
  arm?: number;
  aud?: string | null;
  sha256?: string;
  expiresOnTimestamp?: number;
  error?: string;
}

/** Writes the SDK tool into the job's workspace and returns its command line for these requests. */
export function useAzureSdk(
  job: Job,
  world: AzureWorld,
  requests: Array<[SdkCredential, string]>,
): string {
  const identity = createRequire(path.join(REPO_ROOT, 'package.json')).resolve('@azure/identity');
  const file = path.join(job.workspace, 'use-azure-sdk.mjs');
  writeFileSync(file, SDK_TOOL(pathToFileURL(identity).href));
  return `"${nodeBinary()}" "${file}" "${world.entra.armUrl}" '${JSON.stringify(requests)}'`;
}

export function sdkResults(stdout: string): SdkResult[] {
  const line = stdout.split('\n').find((l) => l.startsWith('SDK '));
  if (!line) throw new Error(`the SDK tool printed no SDK line:\n${stdout}`);
  return JSON.parse(line.slice('SDK '.length)) as SdkResult[];
}
