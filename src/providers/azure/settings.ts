import { delimiter, join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { ConfigurationError } from '../../errors.js';
import type { Inputs } from '../../runner/inputs.js';
import type { CommonSettings } from '../provider.js';

export const AZURE_INPUT = {
  clientId: 'client-id',
  tenantId: 'tenant-id',
  subscriptionId: 'subscription-id',
  scope: 'scope',
  authority: 'authority',
  azLogin: 'az-login',
} as const;

export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';

/** The public sovereign clouds: authority host, Resource Manager scope and the Azure CLI's name for each. */
export const CLOUDS = [
  {
    name: 'AzureCloud',
    authority: 'https://login.microsoftonline.com',
    scope: 'https://management.azure.com/.default',
  },
  {
    name: 'AzureChinaCloud',
    authority: 'https://login.chinacloudapi.cn',
    scope: 'https://management.chinacloudapi.cn/.default',
  },
  {
    name: 'AzureUSGovernment',
    authority: 'https://login.microsoftonline.us',
    scope: 'https://management.usgovcloudapi.net/.default',
  },
] as const;

/** Entra's default access-token lifetime is a random 60-90 minutes. */
export const MAX_TOKEN_SECONDS = 90 * 60;

export type AzLoginChoice = 'auto' | 'true' | 'false';

export interface AzureSettings {
  readonly clientId: string;
  readonly tenantId: string;
  readonly subscriptionId: string | undefined;
  readonly scope: string;
  /** Authority host without a trailing slash, e.g. https://login.microsoftonline.com. */
  readonly authority: string;
  /** The Azure CLI's cloud for this authority; undefined for a custom authority. */
  readonly cloudName: string | undefined;
  readonly audience: string;
  /** Whether to make an `az login` for this grant, and the `az` found on PATH for it. */
  readonly azLogin: boolean;
  readonly azPath: string | undefined;
  readonly mode: CommonSettings['mode'];
  /**
   * Where an authority outside Microsoft's public clouds came from (`authority=https://...` or
   * `AZURE_AUTHORITY_HOST=https://...`): the GitHub token goes there, so it is named in a warning
   * and in the record.
   */
  readonly overridden?: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A tenant may also be named by a verified domain, e.g. contoso.onmicrosoft.com. */
const TENANT_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function guid(name: string, value: string, what: string): string {
  if (!GUID.test(value)) {
    throw new ConfigurationError(
      `Invalid ${name} '${value}'. Expected the ${what} as a GUID such as 00000000-0000-0000-0000-000000000000 ` +
        '(Entra admin center → App registrations → Overview).',
    );
  }
  return value.toLowerCase();
}

/** `authority` takes an https authority host or, as azure/login's `environment`, a cloud name. */
export function parseAuthority(
  value: string,
  source: string,
): { authority: string; cloudName: string | undefined } {
  const named = CLOUDS.find((c) => c.name.toLowerCase() === value.toLowerCase());
  if (named) return { authority: named.authority, cloudName: named.name };
  if (/^azure(stack|germancloud)$/i.test(value)) {
    throw new ConfigurationError(
      `The cloud '${value}' has no fixed authority. Give its authority host as a URL in '${AZURE_INPUT.authority}' instead.`,
    );
  }
  const url = URL.parse(value) ?? undefined;
  if (
    !url ||
    url.protocol !== 'https:' ||
    url.search ||
    url.hash ||
    url.username ||
    url.password ||
    url.pathname !== '/'
  ) {
    throw new ConfigurationError(
      `Invalid authority '${value}' (from ${source}). Expected an https authority host without a path or tenant, ` +
        `such as https://login.microsoftonline.us, or one of ${CLOUDS.map((c) => c.name).join(', ')}. ` +
        'Entra ID refuses plain http; for a private endpoint trust its CA with NODE_EXTRA_CA_CERTS.',
    );
  }
  const authority = url.origin;
  const known = CLOUDS.find((c) => c.authority === authority);
  return { authority, cloudName: known?.name };
}

/** Client-credential scopes are `<resource>/.default`; anything else Entra refuses with AADSTS1002012. */
export function parseScope(value: string): string {
  if (/\s/.test(value)) {
    throw new ConfigurationError(
      `Invalid scope '${value}'. Give one scope; a token is issued for one resource.`,
    );
  }
  const resource = value.endsWith('/.default') ? value.slice(0, -'/.default'.length) : undefined;
  const ok = (r: string) =>
    GUID.test(r) || /^api:\/\/[^\s/]+/.test(r) || /^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(r);
  if (resource === undefined || !ok(resource)) {
    const suggestion = ok(value.replace(/\/+$/, ''))
      ? ` Did you mean '${value.replace(/\/+$/, '')}/.default'?`
      : '';
    throw new ConfigurationError(
      `Invalid scope '${value}'. A workload identity gets app tokens, whose scope is a resource followed by /.default, ` +
        `such as https://management.azure.com/.default or api://my-api/.default.${suggestion}`,
    );
  }
  return value;
}

/** The first executable `az` on PATH, without running it (a process costs ~0.4 s). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      if (
        existsSync(candidate) &&
        statSync(candidate).isFile() &&
        (statSync(candidate).mode & 0o111) !== 0
      )
        return candidate;
    } catch {
      // unreadable PATH entries are skipped, as a shell would
    }
  }
  return undefined;
}

/** Whether a `run:` script calls the Azure CLI, or Terraform/OpenTofu (whose azurerm provider signs in through it). */
export function scriptUsesAzCli(script: string): boolean {
  return /(^|[\s;&|(`{!]|\$\()(az|terraform|tofu|terragrunt)(?=$|[\s;&|)`}])/m.test(script);
}

export function parseAzureSettings(
  inputs: Inputs,
  common: CommonSettings,
  env: NodeJS.ProcessEnv,
): AzureSettings {
  const clientId = guid(
    AZURE_INPUT.clientId,
    inputs.required(
      AZURE_INPUT.clientId,
      'the client (application) id of the app registration or managed identity that trusts this workflow.',
    ),
    'client (application) id',
  );
  const tenantRaw = inputs.required(AZURE_INPUT.tenantId, 'the directory (tenant) id.');
  if (!GUID.test(tenantRaw) && !TENANT_DOMAIN.test(tenantRaw)) {
    throw new ConfigurationError(
      `Invalid tenant-id '${tenantRaw}'. Expected the directory (tenant) id as a GUID, or a verified domain such as contoso.onmicrosoft.com.`,
    );
  }
  const tenantId = tenantRaw.toLowerCase();
  const sub = inputs.optional(AZURE_INPUT.subscriptionId);
  const subscriptionId =
    sub === undefined ? undefined : guid(AZURE_INPUT.subscriptionId, sub, 'subscription id');

  const authorityInput = inputs.optional(AZURE_INPUT.authority);
  const authorityEnv = env['AZURE_AUTHORITY_HOST'] || undefined;
  const { authority, cloudName } =
    authorityInput !== undefined
      ? parseAuthority(authorityInput, `input '${AZURE_INPUT.authority}'`)
      : authorityEnv !== undefined
        ? parseAuthority(authorityEnv, 'AZURE_AUTHORITY_HOST')
        : { authority: CLOUDS[0].authority, cloudName: CLOUDS[0].name };
  // Entra ID and MSAL take https only (parseAuthority refuses http everywhere, loopback
  // included); a host that is none of Microsoft's clouds is an override worth naming.
  const overridden =
    cloudName === undefined
      ? [
          `${authorityInput !== undefined ? AZURE_INPUT.authority : 'AZURE_AUTHORITY_HOST'}=${authority}`,
        ]
      : [];
  const scopeInput = inputs.optional(AZURE_INPUT.scope);
  const cloudScope = CLOUDS.find((c) => c.name === cloudName)?.scope;
  if (scopeInput === undefined && cloudScope === undefined) {
    throw new ConfigurationError(
      `Input 'scope' is required with the custom authority ${authority}: say which resource the token is for, e.g. https://management.example.net/.default.`,
    );
  }
  const scope = parseScope(scopeInput ?? cloudScope!);

  if (common.duration !== undefined && common.duration < MAX_TOKEN_SECONDS) {
    throw new ConfigurationError(
      `Invalid duration '${common.duration}s' for Azure. Entra ID decides how long an access token lives (60 to 90 minutes, ` +
        'chosen at random per token) and nothing can revoke it, so a shorter lifetime cannot be promised. Remove ' +
        "'duration' (the token's real expiry is recorded), or use 'run' so that nothing on the runner keeps it after the command.",
    );
  }

  const choice = inputs.oneOf<AzLoginChoice>(
    AZURE_INPUT.azLogin,
    ['auto', 'true', 'false'],
    'auto',
  )!;
  const azPath = findOnPath('az', env);
  let azLogin: boolean;
  if (choice === 'true') {
    if (common.mode === 'outputs') {
      throw new ConfigurationError(
        "'az-login: true' needs 'run' or 'export: env'; step outputs carry only the access token.",
      );
    }
    if (!azPath) {
      throw new ConfigurationError(
        "'az-login: true' but the Azure CLI (az) is not on PATH. Install it before this step, or set 'az-login: false'.",
      );
    }
    azLogin = true;
  } else if (choice === 'false') {
    azLogin = false;
  } else {
    // auto: a `run:` command that calls az (or Terraform) gets a login; `export: env` gets one when az exists, as azure/login does.
    azLogin =
      azPath !== undefined &&
      (common.mode === 'env' || (common.mode === 'run' && scriptUsesAzCli(common.run ?? '')));
  }

  return Object.freeze({
    clientId,
    tenantId,
    subscriptionId,
    scope,
    authority,
    cloudName,
    audience: common.audience ?? DEFAULT_AUDIENCE,
    azLogin,
    azPath: azLogin ? azPath : undefined,
    mode: common.mode,
    overridden,
  });
}
