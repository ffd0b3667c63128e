import { constants, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CloudError, ConfigurationError } from '../../errors.js';
import type { Logger } from '../../runner/logger.js';
import { privateDir, privateSubdir, writePrivateFile } from '../../runner/temp.js';
import type { AzureSettings } from './settings.js';
import { cachedTokens, widenTokenCache, type GrantToken, type MsalCache } from './token-cache.js';
import { toolProxyEnv } from '../../runner/proxy.js';
import { AZ_ENV } from './names.js';
import { withoutRunnerSecrets } from '../../runner/withheld.js';

export interface AzLogin {
  readonly configDir: string;
  /** Access tokens az can hand out (secret), to be masked like the grant's own. */
  readonly tokens: readonly string[];
  /** The latest expiry among them: az's own token is a second token with its own 60-90 minutes. */
  readonly expiresAt: Date | undefined;
  /** Scope spellings entered into az's token cache beside the one az fetched. */
  readonly aliases: number;
  /** Whether az also serves the grant's own token (its scope is not Resource Manager). */
  readonly grantServed: boolean;
  readonly subscriptionId: string | undefined;
  readonly elapsedMs: number;
}

/** az writes its JSON files with a byte-order mark. */
function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

/**
 * The cloud the Azure CLI must talk to. A known authority names its cloud; a custom one (Azure
 * Stack, a private endpoint) uses the runner's registered active cloud: its clouds.config holds
 * endpoints only, so it is copied, and nothing else of the shared config dir is read.
 */
function cloudConfig(
  s: AzureSettings,
  configDir: string,
  env: NodeJS.ProcessEnv,
  log: Logger,
): string | undefined {
  if (s.cloudName) return s.cloudName;
  const shared = env['AZURE_CONFIG_DIR'] || join(homedir(), '.azure');
  const sharedConfig = join(shared, 'config');
  const sharedClouds = join(shared, 'clouds.config');
  const name = existsSync(sharedConfig)
    ? /^\s*\[cloud\][^[]*?^\s*name\s*=\s*(\S+)/m.exec(readFileSync(sharedConfig, 'utf8'))?.[1]
    : undefined;
  if (name && existsSync(sharedClouds)) {
    copyFileSync(sharedClouds, join(configDir, 'clouds.config'));
    return name;
  }
  log.warning(
    `The authority ${s.authority} is not a public Azure cloud and no cloud is registered for the Azure CLI in ${shared}; ` +
      'az will use AzureCloud endpoints. Run `az cloud register` and `az cloud set` before this step.',
  );
  return undefined;
}

/**
 * az rebuilds its command index in a fresh config dir (~2.5 s here). The index and the version
 * check hold no credentials, so they are taken from the runner's config dir or from an earlier
 * grant of this job, and the first grant leaves them for the next.
 */
const CACHES = ['commandIndex.json', 'versionCheck.json', 'az.json'];
function warmCaches(configDir: string, env: NodeJS.ProcessEnv, direction: 'in' | 'out'): void {
  const shared = env['AZURE_CONFIG_DIR'] || join(homedir(), '.azure');
  try {
    // Held to the same rule as the grant's directory: a planted symlink or foreign dir is not used.
    const jobCache = env['RUNNER_TEMP']
      ? privateSubdir(privateDir(env['RUNNER_TEMP']), 'az-cache')
      : undefined;
    if (direction === 'out') {
      if (!jobCache) return;
      for (const f of CACHES)
        if (existsSync(join(configDir, f)) && !existsSync(join(jobCache, f)))
          copyFileSync(join(configDir, f), join(jobCache, f), constants.COPYFILE_EXCL);
      return;
    }
    for (const f of CACHES) {
      const from = [jobCache, shared].find((d) => d !== undefined && existsSync(join(d, f)));
      if (from) copyFileSync(join(from, f), join(configDir, f));
    }
  } catch {
    // Only a speed-up: az rebuilds whatever is missing.
  }
}

/**
 * Runs az with `input` on its standard input. az (knack) reads an argument given as `@-` from
 * stdin, so a secret passed that way never appears in /proc/<pid>/cmdline, which every user of
 * the machine can read, and never touches the disk.
 */
export function runAz(
  az: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<{ code: number; stderr: string }> {
  // node:child_process (with dgram and the socket list) only when az runs: most steps never do.
  const { execFile } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve) => {
    const child = execFile(
      az,
      args,
      { env, encoding: 'utf8', timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
      (err, _stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stderr });
      },
    );
    // az may exit before reading (a bad argument): the broken pipe is its exit code's business.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/**
 * One `az login` for this grant alone, in its own AZURE_CONFIG_DIR (never the shared ~/.azure).
 * Afterwards the GitHub token is removed from az's service-principal entry, so az can mint
 * nothing new and its reach ends with the tokens it holds: the Resource Manager token it
 * fetched, entered under every spelling tools use for Resource Manager, and the grant's own
 * token under the spellings of the grant's scope (see token-cache.ts).
 */
export async function azLogin(
  s: AzureSettings,
  assertion: string,
  grantDir: string,
  env: NodeJS.ProcessEnv,
  log: Logger,
  grant?: GrantToken,
): Promise<AzLogin> {
  const configDir = privateSubdir(grantDir, 'az');
  const cloud = cloudConfig(s, configDir, env, log);
  // Telemetry would start a background upload process after every az command.
  writePrivateFile(
    join(configDir, 'config'),
    `${cloud ? `[cloud]\nname = ${cloud}\n\n` : ''}[core]\ncollect_telemetry = false\nsurvey_message = false\n`,
  );
  warmCaches(configDir, env, 'in');
  const started = Date.now();
  // As the run: command: no runtime token (ACTIONS_RUNTIME_TOKEN is the OIDC request token's value), inputs or state.
  const azEnv = {
    ...withoutRunnerSecrets(env),
    ...toolProxyEnv(env),
    ...AZ_ENV,
    AZURE_CONFIG_DIR: configDir,
  };
  const args = [
    'login',
    '--service-principal',
    '-u',
    s.clientId,
    '-t',
    s.tenantId,
    // The GitHub token goes through stdin: on the command line any local user could read it.
    '--federated-token',
    '@-',
    '--allow-no-subscriptions',
    '--output',
    'none',
  ];
  const { code, stderr } = await runAz(s.azPath!, args, azEnv, assertion);
  if (code !== 0) {
    const why = stderr.split(assertion).join('***').trim().split('\n').slice(-6).join('\n');
    throw new CloudError(
      `az login for app ${s.clientId} failed (exit ${code}) in the grant's own config dir:\n${why}`,
    );
  }
  const elapsedMs = Date.now() - started;
  warmCaches(configDir, env, 'out');

  const entries = join(configDir, 'service_principal_entries.json');
  if (existsSync(entries)) {
    const list = readJson(entries) as Array<Record<string, unknown>>;
    writeFileSync(
      entries,
      JSON.stringify(list.map(({ client_assertion: _dropped, ...rest }) => rest)),
      { mode: 0o600 },
    );
  }

  const subscriptionId = selectSubscription(s, join(configDir, 'azureProfile.json'));
  const { tokens, expiresAt, aliases, grantServed } = widenCache(
    join(configDir, 'msal_token_cache.json'),
    grant,
    log,
  );
  return { configDir, tokens, expiresAt, aliases, grantServed, subscriptionId, elapsedMs };
}

/** Enters what az holds under every scope spelling tools use (token-cache.ts), in place. */
function widenCache(
  cachePath: string,
  grant: GrantToken | undefined,
  log: Logger,
): { tokens: string[]; expiresAt: Date | undefined; aliases: number; grantServed: boolean } {
  if (!existsSync(cachePath)) {
    // az keeps its cache elsewhere (encrypted on Windows): tools get only what az fetched itself.
    log.warning(
      `az left no ${cachePath}: tools other than az's own commands may fail to get a token (AADSTS7000218).`,
    );
    return { tokens: [], expiresAt: undefined, aliases: 0, grantServed: false };
  }
  const { cache, added, grantServed } = widenTokenCache(
    readJson(cachePath) as MsalCache,
    grant,
    Math.floor(Date.now() / 1000),
  );
  if (added > 0) writeFileSync(cachePath, JSON.stringify(cache), { mode: 0o600 });
  return { ...cachedTokens(cache), aliases: added, grantServed };
}

/** Makes the requested subscription az's default; without one, keeps az's choice. */
function selectSubscription(s: AzureSettings, profilePath: string): string | undefined {
  if (!existsSync(profilePath)) return s.subscriptionId;
  const profile = readJson(profilePath) as {
    subscriptions?: Array<{ id: string; isDefault: boolean }>;
  };
  const subs = profile.subscriptions ?? [];
  if (s.subscriptionId === undefined) return subs.find((x) => x.isDefault)?.id;
  if (!subs.some((x) => x.id.toLowerCase() === s.subscriptionId)) {
    throw new ConfigurationError(
      `Subscription '${s.subscriptionId}' is not visible to app ${s.clientId} (it sees ${subs.length ? subs.map((x) => x.id).join(', ') : 'none'}). ` +
        "Give the app a role on that subscription, or correct 'subscription-id'.",
    );
  }
  for (const x of subs) x.isDefault = x.id.toLowerCase() === s.subscriptionId;
  writeFileSync(profilePath, '\uFEFF' + JSON.stringify(profile), { mode: 0o600 });
  return s.subscriptionId;
}
