export const id = 603;
export const ids = [603];
export const modules = {

/***/ 3603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NOT_REVOCABLE: () => (/* binding */ NOT_REVOCABLE),
  azureProvider: () => (/* binding */ azureProvider)
});

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/runner/oidc.ts
var oidc = __webpack_require__(3957);
// EXTERNAL MODULE: ./src/providers/provider.ts
var provider = __webpack_require__(9545);
// EXTERNAL MODULE: ./src/providers/retry.ts
var retry = __webpack_require__(7252);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner/temp.ts
var temp = __webpack_require__(9754);
;// CONCATENATED MODULE: ./src/providers/azure/token-cache.ts

/** Resource Manager's identifier URIs, per public cloud: one application behind each pair. */
const RESOURCE_MANAGER_URIS = [
    ['https://management.azure.com', 'https://management.core.windows.net'],
    ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'],
    ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
];
/** The resource a `/.default` scope names, without trailing slashes; undefined for any other scope. */
function scopeResource(scope) {
    if (!scope.endsWith('/.default') || /\s/.test(scope))
        return undefined;
    const resource = scope.slice(0, -'/.default'.length).replace(/\/+$/, '');
    return resource === '' ? undefined : resource;
}
/**
 * Every scope string a tool may send for this resource: with and without the trailing slash az
 * keeps (`resource + '/.default'`), and for Resource Manager both of its identifier URIs.
 */
function scopeSpellings(resource) {
    const bare = resource.replace(/\/+$/, '');
    const group = RESOURCE_MANAGER_URIS.find((g) => g.includes(bare.toLowerCase())) ?? [bare];
    return group.flatMap((r) => [`${r}/.default`, `${r}//.default`]);
}
/** MSAL's key for an access token entry (its `key_makers`): lower-cased, dash-joined. */
function entryKey(e) {
    return [e.home_account_id ?? '', e.environment, 'AccessToken', e.client_id, e.realm, e.target]
        .join('-')
        .toLowerCase();
}
function isEntry(v) {
    if (v === null || typeof v !== 'object')
        return false;
    const e = v;
    return (e['credential_type'] === 'AccessToken' &&
        ['secret', 'environment', 'client_id', 'realm', 'target', 'expires_on'].every((f) => typeof e[f] === 'string' && e[f] !== ''));
}
/** Whether an entry of the same client, authority and tenant already answers `scope`. */
function covers(entries, like, scope) {
    return entries.some((e) => e.client_id === like.client_id &&
        e.environment === like.environment &&
        e.realm === like.realm &&
        (e.home_account_id ?? null) === (like.home_account_id ?? null) &&
        e.target.split(' ').includes(scope));
}
/**
 * The cache with every spelling added (see above): az's own entries first, so Resource Manager
 * is served by the token az fetched; then the grant's token for the spellings of its scope that
 * nothing answers yet. Entries are copies of az's own, so client, authority and tenant match
 * what az looks up. A cache without an access token (az fetched none) is returned unchanged.
 */
function widenTokenCache(cache, grant, nowSeconds) {
    const section = { ...(cache.AccessToken ?? {}) };
    const entries = Object.values(section).filter(isEntry);
    const template = entries[0];
    if (!template)
        return { cache, added: 0, grantServed: false };
    let added = 0;
    const add = (entry) => {
        section[entryKey(entry)] = entry;
        entries.push(entry);
        added++;
    };
    for (const e of [...entries]) {
        const resource = e.target.includes(' ') ? undefined : scopeResource(e.target);
        if (resource === undefined)
            continue;
        for (const scope of scopeSpellings(resource))
            if (!covers(entries, e, scope))
                add({ ...e, target: scope });
    }
    const resource = grant && scopeResource(grant.scope);
    const before = added;
    if (grant && resource !== undefined) {
        const expiresOn = String(Math.floor(grant.expiresAt.getTime() / 1000));
        for (const scope of scopeSpellings(resource)) {
            if (covers(entries, template, scope))
                continue;
            const { refresh_on: _aged, ...base } = template;
            add({
                ...base,
                secret: grant.token,
                target: scope,
                cached_at: String(nowSeconds),
                expires_on: expiresOn,
                extended_expires_on: expiresOn,
            });
        }
    }
    return { cache: { ...cache, AccessToken: section }, added, grantServed: added > before };
}
/**
 * The distinct tokens in the cache (secrets, to be masked) and the latest time Entra stops
 * accepting any of them: the token's own `exp` (Entra's clock), else MSAL's `expires_on`.
 */
function cachedTokens(cache) {
    const entries = Object.values(cache.AccessToken ?? {}).filter(isEntry);
    const tokens = [...new Set(entries.map((e) => e.secret))];
    const expiries = entries.map((e) => {
        try {
            const exp = (0,decode_jwt/* decodeJwt */.i)(e.secret).exp;
            if (typeof exp === 'number')
                return exp * 1000;
        }
        catch {
            // an opaque token: MSAL's own record of its lifetime
        }
        return Number(e.expires_on) * 1000;
    });
    const latest = Math.max(...expiries.filter(Number.isFinite));
    return { tokens, expiresAt: Number.isFinite(latest) ? new Date(latest) : undefined };
}

;// CONCATENATED MODULE: ./src/providers/azure/cli.ts







/**
 * Variables the Azure CLI reads for the grant's login. CP1 is the CAE capability: without
 * this variable (checked for presence) az asks for CAE tokens, which live up to a day.
 */
const AZ_ENV = { AZURE_IDENTITY_DISABLE_CP1: '1' };
/** az writes its JSON files with a byte-order mark. */
function readJson(path) {
    return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8').replace(/^\uFEFF/, ''));
}
/**
 * The cloud the Azure CLI must talk to. A known authority names its cloud; a custom one (Azure
 * Stack, a private endpoint) uses the runner's registered active cloud: its clouds.config holds
 * endpoints only, so it is copied, and nothing else of the shared config dir is read.
 */
function cloudConfig(s, configDir, env, log) {
    if (s.cloudName)
        return s.cloudName;
    const shared = env['AZURE_CONFIG_DIR'] || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.azure');
    const sharedConfig = (0,external_node_path_.join)(shared, 'config');
    const sharedClouds = (0,external_node_path_.join)(shared, 'clouds.config');
    const name = (0,external_node_fs_.existsSync)(sharedConfig)
        ? /^\s*\[cloud\][^[]*?^\s*name\s*=\s*(\S+)/m.exec((0,external_node_fs_.readFileSync)(sharedConfig, 'utf8'))?.[1]
        : undefined;
    if (name && (0,external_node_fs_.existsSync)(sharedClouds)) {
        (0,external_node_fs_.copyFileSync)(sharedClouds, (0,external_node_path_.join)(configDir, 'clouds.config'));
        return name;
    }
    log.warning(`The authority ${s.authority} is not a public Azure cloud and no cloud is registered for the Azure CLI in ${shared}; ` +
        'az will use AzureCloud endpoints. Run `az cloud register` and `az cloud set` before this step.');
    return undefined;
}
/**
 * az rebuilds its command index in a fresh config dir (~2.5 s here). The index and the version
 * check hold no credentials, so they are taken from the runner's config dir or from an earlier
 * grant of this job, and the first grant leaves them for the next.
 */
const CACHES = ['commandIndex.json', 'versionCheck.json', 'az.json'];
function warmCaches(configDir, env, direction) {
    const shared = env['AZURE_CONFIG_DIR'] || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.azure');
    try {
        // Held to the same rule as the grant's directory: a planted symlink or foreign dir is not used.
        const jobCache = env['RUNNER_TEMP']
            ? (0,temp/* privateSubdir */.nB)((0,temp/* privateDir */.XK)(env['RUNNER_TEMP']), 'az-cache')
            : undefined;
        if (direction === 'out') {
            if (!jobCache)
                return;
            for (const f of CACHES)
                if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(configDir, f)) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(jobCache, f)))
                    (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(configDir, f), (0,external_node_path_.join)(jobCache, f), external_node_fs_.constants.COPYFILE_EXCL);
            return;
        }
        for (const f of CACHES) {
            const from = [jobCache, shared].find((d) => d !== undefined && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(d, f)));
            if (from)
                (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(from, f), (0,external_node_path_.join)(configDir, f));
        }
    }
    catch {
        // Only a speed-up: az rebuilds whatever is missing.
    }
}
/**
 * Runs az with `input` on its standard input. az (knack) reads an argument given as `@-` from
 * stdin, so a secret passed that way never appears in /proc/<pid>/cmdline, which every user of
 * the machine can read, and never touches the disk.
 */
function runAz(az, args, env, input = '') {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.execFile)(az, args, { env, encoding: 'utf8', timeout: 60_000, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
            const code = err
                ? typeof err.code === 'number'
                    ? err.code
                    : 1
                : 0;
            resolve({ code, stderr });
        });
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
async function azLogin(s, assertion, grantDir, env, log, grant) {
    const configDir = (0,temp/* privateSubdir */.nB)(grantDir, 'az');
    const cloud = cloudConfig(s, configDir, env, log);
    // Telemetry would start a background upload process after every az command.
    (0,temp/* writePrivateFile */.Pl)((0,external_node_path_.join)(configDir, 'config'), `${cloud ? `[cloud]\nname = ${cloud}\n\n` : ''}[core]\ncollect_telemetry = false\nsurvey_message = false\n`);
    warmCaches(configDir, env, 'in');
    const started = Date.now();
    const azEnv = { ...env, ...AZ_ENV, AZURE_CONFIG_DIR: configDir };
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
    const { code, stderr } = await runAz(s.azPath, args, azEnv, assertion);
    if (code !== 0) {
        const why = stderr.split(assertion).join('***').trim().split('\n').slice(-6).join('\n');
        throw new errors/* CloudError */.K2(`az login for app ${s.clientId} failed (exit ${code}) in the grant's own config dir:\n${why}`);
    }
    const elapsedMs = Date.now() - started;
    warmCaches(configDir, env, 'out');
    const entries = (0,external_node_path_.join)(configDir, 'service_principal_entries.json');
    if ((0,external_node_fs_.existsSync)(entries)) {
        const list = readJson(entries);
        (0,external_node_fs_.writeFileSync)(entries, JSON.stringify(list.map(({ client_assertion: _dropped, ...rest }) => rest)), { mode: 0o600 });
    }
    const subscriptionId = selectSubscription(s, (0,external_node_path_.join)(configDir, 'azureProfile.json'));
    const { tokens, expiresAt, aliases, grantServed } = widenCache((0,external_node_path_.join)(configDir, 'msal_token_cache.json'), grant, log);
    return { configDir, tokens, expiresAt, aliases, grantServed, subscriptionId, elapsedMs };
}
/** Enters what az holds under every scope spelling tools use (token-cache.ts), in place. */
function widenCache(cachePath, grant, log) {
    if (!(0,external_node_fs_.existsSync)(cachePath)) {
        // az keeps its cache elsewhere (encrypted on Windows): tools get only what az fetched itself.
        log.warning(`az left no ${cachePath}: tools other than az's own commands may fail to get a token (AADSTS7000218).`);
        return { tokens: [], expiresAt: undefined, aliases: 0, grantServed: false };
    }
    const { cache, added, grantServed } = widenTokenCache(readJson(cachePath), grant, Math.floor(Date.now() / 1000));
    if (added > 0)
        (0,external_node_fs_.writeFileSync)(cachePath, JSON.stringify(cache), { mode: 0o600 });
    return { ...cachedTokens(cache), aliases: added, grantServed };
}
/** Makes the requested subscription az's default; without one, keeps az's choice. */
function selectSubscription(s, profilePath) {
    if (!(0,external_node_fs_.existsSync)(profilePath))
        return s.subscriptionId;
    const profile = readJson(profilePath);
    const subs = profile.subscriptions ?? [];
    if (s.subscriptionId === undefined)
        return subs.find((x) => x.isDefault)?.id;
    if (!subs.some((x) => x.id.toLowerCase() === s.subscriptionId)) {
        throw new errors/* ConfigurationError */.j1(`Subscription '${s.subscriptionId}' is not visible to app ${s.clientId} (it sees ${subs.length ? subs.map((x) => x.id).join(', ') : 'none'}). ` +
            "Give the app a role on that subscription, or correct 'subscription-id'.");
    }
    for (const x of subs)
        x.isDefault = x.id.toLowerCase() === s.subscriptionId;
    (0,external_node_fs_.writeFileSync)(profilePath, '\uFEFF' + JSON.stringify(profile), { mode: 0o600 });
    return s.subscriptionId;
}

;// CONCATENATED MODULE: ./src/providers/azure/settings.ts



const AZURE_INPUT = {
    clientId: 'client-id',
    tenantId: 'tenant-id',
    subscriptionId: 'subscription-id',
    scope: 'scope',
    authority: 'authority',
    azLogin: 'az-login',
};
const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';
/** The public sovereign clouds: authority host, Resource Manager scope and the Azure CLI's name for each. */
const CLOUDS = [
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
];
/** Entra's default access-token lifetime is a random 60-90 minutes. */
const MAX_TOKEN_SECONDS = 90 * 60;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A tenant may also be named by a verified domain, e.g. contoso.onmicrosoft.com. */
const TENANT_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
function guid(name, value, what) {
    if (!GUID.test(value)) {
        throw new errors/* ConfigurationError */.j1(`Invalid ${name} '${value}'. Expected the ${what} as a GUID such as 00000000-0000-0000-0000-000000000000 ` +
            '(Entra admin center → App registrations → Overview).');
    }
    return value.toLowerCase();
}
/** `authority` takes an https authority host or, as azure/login's `environment`, a cloud name. */
function parseAuthority(value, source) {
    const named = CLOUDS.find((c) => c.name.toLowerCase() === value.toLowerCase());
    if (named)
        return { authority: named.authority, cloudName: named.name };
    if (/^azure(stack|germancloud)$/i.test(value)) {
        throw new errors/* ConfigurationError */.j1(`The cloud '${value}' has no fixed authority. Give its authority host as a URL in '${AZURE_INPUT.authority}' instead.`);
    }
    const url = URL.parse(value) ?? undefined;
    if (!url ||
        url.protocol !== 'https:' ||
        url.search ||
        url.hash ||
        url.username ||
        url.password ||
        url.pathname !== '/') {
        throw new errors/* ConfigurationError */.j1(`Invalid authority '${value}' (from ${source}). Expected an https authority host without a path or tenant, ` +
            `such as https://login.microsoftonline.us, or one of ${CLOUDS.map((c) => c.name).join(', ')}. ` +
            'Entra ID refuses plain http; for a private endpoint trust its CA with NODE_EXTRA_CA_CERTS.');
    }
    const authority = url.origin;
    const known = CLOUDS.find((c) => c.authority === authority);
    return { authority, cloudName: known?.name };
}
/** Client-credential scopes are `<resource>/.default`; anything else Entra refuses with AADSTS1002012. */
function parseScope(value) {
    if (/\s/.test(value)) {
        throw new errors/* ConfigurationError */.j1(`Invalid scope '${value}'. Give one scope; a token is issued for one resource.`);
    }
    const resource = value.endsWith('/.default') ? value.slice(0, -'/.default'.length) : undefined;
    const ok = (r) => GUID.test(r) || /^api:\/\/[^\s/]+/.test(r) || /^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(r);
    if (resource === undefined || !ok(resource)) {
        const suggestion = ok(value.replace(/\/+$/, ''))
            ? ` Did you mean '${value.replace(/\/+$/, '')}/.default'?`
            : '';
        throw new errors/* ConfigurationError */.j1(`Invalid scope '${value}'. A workload identity gets app tokens, whose scope is a resource followed by /.default, ` +
            `such as https://management.azure.com/.default or api://my-api/.default.${suggestion}`);
    }
    return value;
}
/** The first executable `az` on PATH, without running it (a process costs ~0.4 s). */
function findOnPath(name, env) {
    for (const dir of (env['PATH'] ?? '').split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        try {
            if ((0,external_node_fs_.existsSync)(candidate) &&
                (0,external_node_fs_.statSync)(candidate).isFile() &&
                ((0,external_node_fs_.statSync)(candidate).mode & 0o111) !== 0)
                return candidate;
        }
        catch {
            // unreadable PATH entries are skipped, as a shell would
        }
    }
    return undefined;
}
/** Whether a `run:` script calls the Azure CLI, or Terraform/OpenTofu (whose azurerm provider signs in through it). */
function scriptUsesAzCli(script) {
    return /(^|[\s;&|(`{!]|\$\()(az|terraform|tofu|terragrunt)(?=$|[\s;&|)`}])/m.test(script);
}
function parseAzureSettings(inputs, common, env) {
    const clientId = guid(AZURE_INPUT.clientId, inputs.required(AZURE_INPUT.clientId, 'the client (application) id of the app registration or managed identity that trusts this workflow.'), 'client (application) id');
    const tenantRaw = inputs.required(AZURE_INPUT.tenantId, 'the directory (tenant) id.');
    if (!GUID.test(tenantRaw) && !TENANT_DOMAIN.test(tenantRaw)) {
        throw new errors/* ConfigurationError */.j1(`Invalid tenant-id '${tenantRaw}'. Expected the directory (tenant) id as a GUID, or a verified domain such as contoso.onmicrosoft.com.`);
    }
    const tenantId = tenantRaw.toLowerCase();
    const sub = inputs.optional(AZURE_INPUT.subscriptionId);
    const subscriptionId = sub === undefined ? undefined : guid(AZURE_INPUT.subscriptionId, sub, 'subscription id');
    const authorityInput = inputs.optional(AZURE_INPUT.authority);
    const authorityEnv = env['AZURE_AUTHORITY_HOST'] || undefined;
    const { authority, cloudName } = authorityInput !== undefined
        ? parseAuthority(authorityInput, `input '${AZURE_INPUT.authority}'`)
        : authorityEnv !== undefined
            ? parseAuthority(authorityEnv, 'AZURE_AUTHORITY_HOST')
            : { authority: CLOUDS[0].authority, cloudName: CLOUDS[0].name };
    // Entra ID and @azure/identity take https only (parseAuthority refuses http everywhere, loopback
    // included); a host that is none of Microsoft's clouds is an override worth naming.
    const overridden = cloudName === undefined
        ? [
            `${authorityInput !== undefined ? AZURE_INPUT.authority : 'AZURE_AUTHORITY_HOST'}=${authority}`,
        ]
        : [];
    const scopeInput = inputs.optional(AZURE_INPUT.scope);
    const cloudScope = CLOUDS.find((c) => c.name === cloudName)?.scope;
    if (scopeInput === undefined && cloudScope === undefined) {
        throw new errors/* ConfigurationError */.j1(`Input 'scope' is required with the custom authority ${authority}: say which resource the token is for, e.g. https://management.example.net/.default.`);
    }
    const scope = parseScope(scopeInput ?? cloudScope);
    if (common.duration !== undefined && common.duration < MAX_TOKEN_SECONDS) {
        throw new errors/* ConfigurationError */.j1(`Invalid duration '${common.duration}s' for Azure. Entra ID decides how long an access token lives (60 to 90 minutes, ` +
            'chosen at random per token) and nothing can revoke it, so a shorter lifetime cannot be promised. Remove ' +
            "'duration' (the token's real expiry is recorded), or use 'run' so that nothing on the runner keeps it after the command.");
    }
    const choice = inputs.oneOf(AZURE_INPUT.azLogin, ['auto', 'true', 'false'], 'auto');
    const azPath = findOnPath('az', env);
    let azLogin;
    if (choice === 'true') {
        if (common.mode === 'outputs') {
            throw new errors/* ConfigurationError */.j1("'az-login: true' needs 'run' or 'export: env'; step outputs carry only the access token.");
        }
        if (!azPath) {
            throw new errors/* ConfigurationError */.j1("'az-login: true' but the Azure CLI (az) is not on PATH. Install it before this step, or set 'az-login: false'.");
        }
        azLogin = true;
    }
    else if (choice === 'false') {
        azLogin = false;
    }
    else {
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

;// CONCATENATED MODULE: ./src/providers/azure/deliver.ts



const AZURE_OUTPUTS = { accessToken: 'azure-access-token' };
/** Our own name for the bearer token: no Azure tool reads an access token from the environment. */
const ACCESS_TOKEN_VAR = 'AZURE_ACCESS_TOKEN';
/**
 * Inherited variables that would make a tool sign in as someone else than the grant: secrets,
 * certificates, federated-token files and Terraform's OIDC settings (which would mint their own
 * tokens from ACTIONS_ID_TOKEN_REQUEST_*, already withheld by the engine).
 */
const COMPETING = [
    'AZURE_CLIENT_SECRET',
    'AZURE_CLIENT_CERTIFICATE_PATH',
    'AZURE_CLIENT_CERTIFICATE_PASSWORD',
    'AZURE_CLIENT_SEND_CERTIFICATE_CHAIN',
    'AZURE_USERNAME',
    'AZURE_PASSWORD',
    'AZURE_FEDERATED_TOKEN_FILE',
    'AZURE_CREDENTIALS',
    'ARM_CLIENT_ID',
    'ARM_CLIENT_SECRET',
    'ARM_CLIENT_CERTIFICATE',
    'ARM_CLIENT_CERTIFICATE_PATH',
    'ARM_CLIENT_CERTIFICATE_PASSWORD',
    'ARM_OIDC_TOKEN',
    'ARM_OIDC_TOKEN_FILE_PATH',
    'ARM_OIDC_REQUEST_URL',
    'ARM_OIDC_REQUEST_TOKEN',
    'ARM_USE_OIDC',
    'ARM_USE_MSI',
    'ARM_USE_AKS_WORKLOAD_IDENTITY',
    'ARM_MSI_ENDPOINT',
];
/**
 * The variables each tool reads, and only those it can use:
 * - any HTTP client: AZURE_ACCESS_TOKEN, a bearer token for `scope` (ours; no tool reads one);
 * - the Azure CLI: AZURE_CONFIG_DIR (always the grant's own, so az never falls back to the shared
 *   ~/.azure) and AZURE_IDENTITY_DISABLE_CP1 (normal rather than CAE tokens);
 * - Terraform azurerm: ARM_USE_CLI with ARM_TENANT_ID / ARM_SUBSCRIPTION_ID, only when az is
 *   signed in, since azurerm takes no bare access token;
 * - Azure SDKs and azd: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_SUBSCRIPTION_ID, AZURE_AUTHORITY_HOST
 *   as identity hints; they authenticate through the az login (AzureCliCredential), as no
 *   credential type reads an access token. With a login, AZURE_TOKEN_CREDENTIALS=dev makes
 *   DefaultAzureCredential skip the environment, workload and managed identities it tries first.
 */
function deliveryEnv(s, accessToken, configDir, login) {
    const env = {
        [ACCESS_TOKEN_VAR]: accessToken,
        AZURE_CONFIG_DIR: configDir,
        ...AZ_ENV,
        AZURE_TENANT_ID: s.tenantId,
        AZURE_CLIENT_ID: s.clientId,
    };
    const subscription = login?.subscriptionId ?? s.subscriptionId;
    if (subscription)
        env['AZURE_SUBSCRIPTION_ID'] = subscription;
    if (s.authority !== CLOUDS[0].authority)
        env['AZURE_AUTHORITY_HOST'] = s.authority;
    if (login) {
        // DefaultAzureCredential's developer chain starts at AzureCliCredential: the grant's login,
        // never a runner's managed identity or a leftover secret, which the full chain tries first.
        env['AZURE_TOKEN_CREDENTIALS'] = 'dev';
        env['ARM_USE_CLI'] = 'true';
        env['ARM_TENANT_ID'] = s.tenantId;
        if (subscription)
            env['ARM_SUBSCRIPTION_ID'] = subscription;
    }
    return env;
}
/** The grant's az config dir, created empty when there is no login, so that az finds no one's credentials. */
function emptyConfigDir(grantDir) {
    return (0,temp/* privateSubdir */.nB)(grantDir, 'az');
}

;// CONCATENATED MODULE: ./src/providers/azure/index.ts







const NOT_REVOCABLE = 'Entra ID access tokens cannot be revoked (continuous access evaluation covers Microsoft Graph only); ' +
    'a normal, non-CAE token was asked for, so Entra accepts it until the time shown';
/** Non-secret claims of Entra's access token, for the record; an opaque token has none. */
function tokenClaims(token) {
    try {
        const c = (0,decode_jwt/* decodeJwt */.i)(token);
        const out = {};
        for (const name of ['oid', 'appid', 'tid', 'aud', 'idtyp']) {
            const v = c[name];
            if (typeof v === 'string')
                out[`token.${name}`] = v;
        }
        if (c['xms_cc'] !== undefined)
            out['token.xms_cc'] = JSON.stringify(c['xms_cc']);
        return out;
    }
    catch {
        return {};
    }
}
function tokenExp(token) {
    try {
        const exp = (0,decode_jwt/* decodeJwt */.i)(token).exp;
        return typeof exp === 'number' ? exp * 1000 : undefined;
    }
    catch {
        return undefined;
    }
}
const azureProvider = {
    id: 'azure',
    outputNames: Object.values(AZURE_OUTPUTS),
    envNames: [
        ACCESS_TOKEN_VAR,
        'AZURE_CONFIG_DIR',
        ...Object.keys(AZ_ENV),
        'AZURE_TENANT_ID',
        'AZURE_CLIENT_ID',
        'AZURE_SUBSCRIPTION_ID',
        'AZURE_AUTHORITY_HOST',
        'AZURE_TOKEN_CREDENTIALS',
        'ARM_USE_CLI',
        'ARM_TENANT_ID',
        'ARM_SUBSCRIPTION_ID',
    ],
    plan(inputs, common, env) {
        const s = parseAzureSettings(inputs, common, env);
        return {
            settings: s,
            request: {
                provider: 'azure',
                principal: s.clientId,
                scope: s.scope,
                audience: s.audience,
                // Entra alone decides: 60 to 90 minutes, at random. A policy must allow the longest.
                lifetime: MAX_TOKEN_SECONDS,
                requestedLifetime: common.duration,
                endpointOverrides: s.overridden ?? [],
            },
        };
    },
    async issue({ settings: s }, ctx) {
        const requestedAt = ctx.now();
        // @azure/identity is loaded only when a call is made: a refused input, and the post step
        // that closes the grant, never pay for it.
        const { exchange } = await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(669), __webpack_require__.e(76), __webpack_require__.e(750)]).then(__webpack_require__.bind(__webpack_require__, 750));
        const { accessToken, assertion } = await exchange(s, () => Promise.resolve(ctx.token), {
            // Two requests (OpenID metadata, token) share the budget.
            timeoutMs: 2 * (0,retry/* httpTimeoutMs */.C)(process.env),
        });
        // The token's own `exp` is Entra's clock; expiresOnTimestamp is ours plus expires_in.
        const exp = tokenExp(accessToken.token);
        const expiresAt = new Date(exp ?? accessToken.expiresOnTimestamp);
        const kept = s.azLogin ? assertion : undefined;
        const credential = {
            principal: s.clientId,
            expiresAt,
            accessToken: accessToken.token,
            assertion: kept,
            secrets: kept ? [accessToken.token, kept] : [accessToken.token],
            scope: s.scope,
            facts: {
                clientId: s.clientId,
                tenantId: s.tenantId,
                ...(s.subscriptionId ? { subscriptionId: s.subscriptionId } : {}),
                authority: s.authority,
                tokenKind: 'normal (not CAE)',
                tokenLifetimeSeconds: Math.round((expiresAt.getTime() - requestedAt.getTime()) / 1000),
                azLogin: s.azLogin,
                ...tokenClaims(accessToken.token),
            },
            notes: [`${NOT_REVOCABLE} (${expiresAt.toISOString()}).`],
        };
        return { credential, handle: { azLogin: s.azLogin } };
    },
    async deliver(s0, credential, ctx) {
        const s = s0.settings;
        if (ctx.mode === 'outputs') {
            return {
                env: {},
                files: [],
                outputs: { [AZURE_OUTPUTS.accessToken]: credential.accessToken },
                secrets: [],
                expiresAt: undefined,
                notes: [],
            };
        }
        const notes = [];
        let login;
        if (s.azLogin && credential.assertion) {
            const env = { ...process.env };
            for (const name of [...COMPETING, oidc/* ID_TOKEN_URL */.e_, oidc/* ID_TOKEN_REQUEST_TOKEN */.gu])
                delete env[name];
            const grant = {
                scope: s.scope,
                token: credential.accessToken,
                expiresAt: credential.expiresAt,
            };
            login = await azLogin(s, credential.assertion, ctx.dir, env, ctx.log, grant);
            const until = login.expiresAt ? ` until ${login.expiresAt.toISOString()}` : '';
            ctx.log.info(`az is signed in for this grant alone (${login.elapsedMs} ms), in ${login.configDir}; it serves its Resource Manager token` +
                `${login.grantServed ? ` and the grant's token for ${s.scope}` : ''}${until} under every spelling of ${login.grantServed ? 'their scopes' : 'its scope'} ` +
                `(${login.aliases} entered in its cache) and can mint no other.`);
            notes.push(`The Azure CLI got its own normal (non-CAE) token for Resource Manager${until}; it cannot be revoked either.`);
        }
        const configDir = login?.configDir ?? emptyConfigDir(ctx.dir);
        return {
            env: deliveryEnv(s, credential.accessToken, configDir, login),
            files: [],
            outputs: {},
            unset: COMPETING,
            secrets: login?.tokens ?? [],
            expiresAt: login?.expiresAt,
            notes,
        };
    },
    async close(handle, ctx) {
        const az = handle.azLogin
            ? "; the grant's Azure CLI login and token cache were deleted with its directory"
            : '';
        return (0,provider/* expiryClose */.w0)(ctx, `${NOT_REVOCABLE}${az}`);
    },
    readHandle(raw) {
        const h = (0,provider/* handleObject */.oh)(raw, 'azure');
        return { azLogin: h['azLogin'] === true };
    },
};


/***/ }),

/***/ 3957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I0: () => (/* binding */ checkIdTokenAvailable),
/* harmony export */   Jy: () => (/* binding */ githubIdTokenSource),
/* harmony export */   e_: () => (/* binding */ ID_TOKEN_URL),
/* harmony export */   gu: () => (/* binding */ ID_TOKEN_REQUEST_TOKEN)
/* harmony export */ });
/* unused harmony exports MAX_ID_TOKEN_RESPONSE_BYTES, createIdTokenSource */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _policy_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8856);
/* harmony import */ var _providers_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7252);




const ID_TOKEN_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
/** A GitHub OIDC token is about 1.5 KB; anything near this is not one. */
const MAX_ID_TOKEN_RESPONSE_BYTES = 64 * 1024;
const ATTEMPTS = 3;
const BASE_DELAY_MS = 500;
/**
 * The runner sets both variables only in jobs granted `id-token: write`, and never for
 * fork pull requests or Dependabot. `@actions/core` would say only "Unable to get
 * ACTIONS_ID_TOKEN_REQUEST_URL env variable", so say what to add and where.
 */
function checkIdTokenAvailable(env = process.env) {
    if (env[ID_TOKEN_URL] && env[ID_TOKEN_REQUEST_TOKEN])
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('This job cannot request a GitHub OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. ' +
        'Add `permissions: { id-token: write, contents: read }` to the job (or the workflow) that ' +
        'runs this step; a reusable workflow needs it in the caller too. Workflows triggered by a ' +
        'pull request from a fork, and Dependabot runs, never receive OIDC tokens.');
}
/** An HTTP status from the token endpoint; retried only when another attempt can help. */
class TokenEndpointError extends Error {
    retryable;
    constructor(message, retryable) {
        super(message);
        this.retryable = retryable;
    }
}
/**
 * The runner's token endpoint, asked directly rather than through `core.getIDToken`, which has
 * no deadline, no size limit and retries every failure ten times. Same rules as the clouds:
 * a deadline per attempt, a few attempts for throttling, 5xx and network failures only.
 */
function createIdTokenSource(opts) {
    const timeoutMs = opts.timeoutMs ?? (0,_providers_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .httpTimeoutMs */ .C)(opts.env);
    return async (audience) => {
        checkIdTokenAvailable(opts.env);
        const base = opts.env[ID_TOKEN_URL];
        const url = `${base}${base.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
        try {
            const token = await (0,_providers_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetry */ .bD)(() => requestToken(url, opts, timeoutMs), {
                attempts: opts.attempts ?? ATTEMPTS,
                baseDelayMs: BASE_DELAY_MS,
                isRetryable: (err) => err instanceof TokenEndpointError
                    ? err.retryable
                    : !(err instanceof _policy_http_js__WEBPACK_IMPORTED_MODULE_2__/* .ResponseTooLargeError */ .by) && (0,_providers_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isNetworkError */ .TX)(err),
                ...(opts.sleep ? { sleep: opts.sleep } : {}),
                ...(opts.onRetry ? { onRetry: opts.onRetry } : {}),
            });
            opts.mask(token);
            return token;
        }
        catch (err) {
            throw new Error(`Could not get a GitHub OIDC token for audience '${audience}': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`, { cause: err });
        }
    };
}
async function requestToken(url, opts, timeoutMs) {
    const res = await (0,_policy_http_js__WEBPACK_IMPORTED_MODULE_2__/* .boundedGet */ ._1)(url, {
        headers: {
            authorization: `Bearer ${opts.env[ID_TOKEN_REQUEST_TOKEN]}`,
            accept: 'application/json',
        },
        timeoutMs,
        maxBytes: MAX_ID_TOKEN_RESPONSE_BYTES,
        what: 'the OIDC token',
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    if (res.status !== 200) {
        const retryable = res.status === 429 || res.status >= 500;
        throw new TokenEndpointError(`the runner's token endpoint answered HTTP ${res.status}` +
            (res.status === 401 || res.status === 403
                ? ' (the request token was refused: is this step running in the job that was granted id-token: write?)'
                : ''), retryable);
    }
    const value = (0,_policy_http_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonObject */ .o$)(res.body, 'the OIDC token answer', 'the runner')['value'];
    if (typeof value !== 'string' || value.split('.').length !== 3) {
        throw new TokenEndpointError('the runner answered without a token in "value"', false);
    }
    return value;
}
const githubIdTokenSource = (audience) => createIdTokenSource({ env: process.env, mask: (token) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token) })(audience);


/***/ }),

/***/ 9754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EF: () => (/* binding */ readCapped),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   XK: () => (/* binding */ privateDir),
/* harmony export */   Xq: () => (/* binding */ appendLine),
/* harmony export */   e6: () => (/* binding */ runnerTempOf),
/* harmony export */   nB: () => (/* binding */ privateSubdir)
/* harmony export */ });
/* unused harmony exports PRIVATE_DIR, UnsafePathError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * The one rule for what the actions keep under RUNNER_TEMP. Every step of the job runs as the
 * same user and can write there, so nothing found there is taken on trust: our directory must be
 * a real directory of ours, private (0700), and files are opened without following symlinks.
 * What an earlier step planted (a symlink into the workspace, a world-writable directory, a
 * FIFO) is refused or tightened before anything secret is written.
 */



/** RUNNER_TEMP/jit-credentials: the ledger, the grants' directories, the caches. */
const PRIVATE_DIR = 'jit-credentials';
const { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_WRONLY } = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants;
// Absent on Windows; there the lstat checks alone apply.
const O_NOFOLLOW = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0;
const O_DIRECTORY = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_DIRECTORY ?? 0;
// A FIFO would block open() until someone reads or writes its other end.
const O_NONBLOCK = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0;
/** Something in RUNNER_TEMP is not what this action made: a sign that another step tampered with it. */
class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
function refuse(path, what) {
    throw new UnsafePathError(`Refusing to use ${path}: ${what}. jit-credentials creates it itself, private to the job's user, ` +
        'so something else in this job (an earlier step, or a process it left running) put this there. ' +
        'The job may be compromised: nothing was written there. Find the step that touched RUNNER_TEMP; ' +
        'on a self-hosted runner, check that RUNNER_TEMP is not shared between jobs or users.');
}
/** The job's RUNNER_TEMP, or the one error every entry point gives when it is unusable. */
function runnerTempOf(value) {
    if (!value || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`RUNNER_TEMP is ${value ? `'${value}', not an absolute path` : 'not set'}: ` +
            'run this action on a GitHub Actions runner, which sets it to the job’s own temporary directory.');
    }
    return value;
}
/** RUNNER_TEMP/jit-credentials, created 0700 or checked and tightened. */
function privateDir(runnerTemp) {
    return ensurePrivateDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTempOf(runnerTemp), PRIVATE_DIR));
}
/** A directory inside a private one (a grant's, a tool's config dir), held to the same rule. */
function privateSubdir(parent, name) {
    if (name === '' || name === '.' || name === '..' || name !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(name)) {
        throw new Error(`Invalid private directory name '${name}': one path component expected.`);
    }
    return ensurePrivateDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(parent, name));
}
const uid = () => process.getuid?.();
function checkOwner(path, st) {
    const me = uid();
    if (me !== undefined && st.uid !== me)
        refuse(path, `it belongs to uid ${st.uid}, not ${me}`);
}
function ensurePrivateDir(path) {
    try {
        // mkdir never follows a symlink in the last component: a planted one gives EEXIST.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(path, { mode: 0o700 });
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
    }
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
    if (st.isSymbolicLink())
        refuse(path, 'it is a symbolic link');
    if (!st.isDirectory())
        refuse(path, 'it is not a directory');
    checkOwner(path, st);
    if (uid() !== undefined && (st.mode & 0o777) !== 0o700) {
        // Through a descriptor that cannot be a symlink, and the same directory lstat saw.
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        try {
            const now = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
            if (now.ino !== st.ino || now.dev !== st.dev)
                refuse(path, 'it was replaced while checked');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fchmodSync)(fd, 0o700);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    return path;
}
/** Opens a file for writing without following a symlink; refuses anything but our own regular file. */
function openOwnFile(path, flags) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, flags | O_NOFOLLOW | O_NONBLOCK, 0o600);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ELOOP')
            refuse(path, 'it is a symbolic link');
        if (code === 'ENXIO')
            refuse(path, 'it is a FIFO, not a file');
        if (code === 'EEXIST')
            refuse(path, 'it already exists');
        throw err;
    }
    try {
        checkOwnFile(path, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd));
        return fd;
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw err;
    }
}
function checkOwnFile(path, st) {
    if (!st.isFile())
        refuse(path, 'it is not a regular file');
    checkOwner(path, st);
    // A hard link would put our lines into another file as well.
    if (st.nlink > 1)
        refuse(path, `it has ${st.nlink} hard links`);
}
function writeAll(fd, data) {
    for (let off = 0; off < data.length;)
        off += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, data, off, data.length - off);
}
/**
 * Appends one line to a job file (the ledger) that other steps can also write. A last line left
 * without its newline (a writer killed mid-line) is ended first, so that it cannot swallow ours.
 */
function appendLine(path, line) {
    if (line.includes('\n'))
        throw new Error('appendLine: the line holds a newline');
    const fd = openOwnFile(path, O_APPEND | O_CREAT | O_WRONLY);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (uid() !== undefined && (st.mode & 0o777) !== 0o600)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fchmodSync)(fd, 0o600);
        let prefix = '';
        if (st.size > 0) {
            const last = Buffer.alloc(1);
            // O_APPEND descriptors cannot read: look at the last byte through a second one.
            const rfd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(rfd, last, 0, 1, st.size - 1);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(rfd);
            }
            if (last[0] !== 0x0a)
                prefix = '\n';
        }
        writeAll(fd, Buffer.from(`${prefix}${line}\n`, 'utf8'));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** Reads at most `maxBytes` of a regular file, never through a symlink; undefined when absent. */
function readCapped(path, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return undefined;
        if (code === 'ELOOP')
            refuse(path, 'it is a symbolic link');
        throw err;
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile())
            refuse(path, 'it is not a regular file');
        checkOwner(path, st);
        const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
        let got = 0;
        // One byte past the cap tells a file that grew since fstat from one that fits.
        while (got < buf.length) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, got, buf.length - got, null);
            if (n === 0)
                break;
            got += n;
        }
        const truncated = got > maxBytes;
        return {
            text: buf.subarray(0, Math.min(got, maxBytes)).toString('utf8'),
            truncated,
            size: Math.max(st.size, got),
        };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Writes a credential file that must not exist yet, 0600, into a directory this action made
 * private (privateDir / privateSubdir): never through a symlink, never into someone's file.
 */
function writePrivateFile(path, content) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
    const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
    if (st.isSymbolicLink())
        refuse(dir, 'it is a symbolic link');
    if (!st.isDirectory())
        refuse(dir, 'it is not a directory');
    checkOwner(dir, st);
    if (uid() !== undefined && (st.mode & 0o077) !== 0) {
        refuse(dir, `it is open to others (mode ${(st.mode & 0o777).toString(8)})`);
    }
    const fd = openOwnFile(path, O_CREAT | O_EXCL | O_WRONLY);
    try {
        writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* unused harmony exports digest, encodeBase64, encoder, uint32be, uint64be */
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   fV: () => (/* binding */ isJwkSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* unused harmony exports JWE_RECOGNIZED, assertNotSet, assertUint8Array, serializeJoseHeader, validateCritDuplicates */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode)
/* harmony export */ });
/* unused harmony export encode */
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}



/***/ }),

/***/ 7961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ JWKSMultipleMatchingKeys),
/* harmony export */   BT: () => (/* binding */ JWKSNoMatchingKey),
/* harmony export */   Dm: () => (/* binding */ JWKSInvalid),
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   i4: () => (/* binding */ JOSEError),
/* harmony export */   ie: () => (/* binding */ JWTClaimValidationFailed),
/* harmony export */   n: () => (/* binding */ JWTExpired)
/* harmony export */ });
/* unused harmony exports JWEDecryptionFailed, JWEInvalid, JWKInvalid, JWKSTimeout */
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

};
