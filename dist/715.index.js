export const id = 715;
export const ids = [715];
export const modules = {

/***/ 2121:
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
    const jobCache = env['RUNNER_TEMP']
        ? (0,external_node_path_.join)(env['RUNNER_TEMP'], 'jit-credentials', 'az-cache')
        : undefined;
    const shared = env['AZURE_CONFIG_DIR'] || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.azure');
    try {
        if (direction === 'out') {
            if (!jobCache)
                return;
            (0,external_node_fs_.mkdirSync)(jobCache, { recursive: true, mode: 0o700 });
            for (const f of CACHES)
                if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(configDir, f)) && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(jobCache, f)))
                    (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(configDir, f), (0,external_node_path_.join)(jobCache, f));
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
function run(az, args, env) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)(az, args, { env, encoding: 'utf8', timeout: 60_000, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
            const code = err
                ? typeof err.code === 'number'
                    ? err.code
                    : 1
                : 0;
            resolve({ code, stderr });
        });
    });
}
/**
 * One `az login` for this grant alone, in its own AZURE_CONFIG_DIR (never the shared ~/.azure).
 * Afterwards the GitHub token is removed from az's service-principal entry: az keeps exactly
 * the one access token it fetched and can mint nothing new, so its reach ends when that does.
 */
async function azLogin(s, assertion, grantDir, env, log) {
    const configDir = (0,external_node_path_.join)(grantDir, 'az');
    (0,external_node_fs_.mkdirSync)(configDir, { recursive: true, mode: 0o700 });
    (0,external_node_fs_.chmodSync)(configDir, 0o700);
    const cloud = cloudConfig(s, configDir, env, log);
    // Telemetry would start a background upload process after every az command.
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(configDir, 'config'), `${cloud ? `[cloud]\nname = ${cloud}\n\n` : ''}[core]\ncollect_telemetry = false\nsurvey_message = false\n`, { mode: 0o600 });
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
        '--federated-token',
        assertion,
        '--allow-no-subscriptions',
        '--output',
        'none',
    ];
    const { code, stderr } = await run(s.azPath, args, azEnv);
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
    const { tokens, expiresAt } = cachedTokens((0,external_node_path_.join)(configDir, 'msal_token_cache.json'));
    return { configDir, tokens, expiresAt, subscriptionId, elapsedMs };
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
function cachedTokens(cachePath) {
    if (!(0,external_node_fs_.existsSync)(cachePath))
        return { tokens: [], expiresAt: undefined };
    const cache = readJson(cachePath);
    const entries = Object.values(cache.AccessToken ?? {});
    const tokens = entries
        .map((e) => e.secret)
        .filter((t) => typeof t === 'string' && t !== '');
    const latest = Math.max(...entries.map((e) => Number(e.expires_on)).filter(Number.isFinite));
    return { tokens, expiresAt: Number.isFinite(latest) ? new Date(latest * 1000) : undefined };
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
 *   credential type reads an access token.
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
        env['ARM_USE_CLI'] = 'true';
        env['ARM_TENANT_ID'] = s.tenantId;
        if (subscription)
            env['ARM_SUBSCRIPTION_ID'] = subscription;
    }
    return env;
}
/** The grant's az config dir, created empty when there is no login, so that az finds no one's credentials. */
function emptyConfigDir(grantDir) {
    const dir = (0,external_node_path_.join)(grantDir, 'az');
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    return dir;
}

// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 293 modules
var esm = __webpack_require__(2076);
;// CONCATENATED MODULE: ./src/providers/azure/entra.ts




/** Throttling, server errors and unreachable metadata may pass; a denial never does. */
function isRetryableEntraError(err) {
    if ((0,retry/* isNetworkError */.TX)(err))
        return true;
    return /temporarily_unavailable|server_error|endpoints_resolution_error|\b(429|5\d\d)\b/.test((0,errors/* errorMessage */.gJ)(err));
}
/**
 * One client-credentials exchange: the GitHub token as client assertion, a normal (non-CAE)
 * token back. @azure/identity calls the assertion callback twice per getToken (once to build
 * the request, once for MSAL's cache key), so the token is minted once and memoised.
 */
async function exchange(s, mintAssertion, options) {
    let assertion;
    let assertionError;
    const getAssertion = () => (assertion ??= mintAssertion(s.audience).catch((err) => {
        assertionError = err;
        throw err;
    }));
    const attempt = async () => {
        // A fresh MSAL client per attempt: MSAL remembers a 429 and would refuse the retry itself.
        const credential = new esm/* ClientAssertionCredential */.XI(s.tenantId, s.clientId, getAssertion, {
            authorityHost: s.authority,
            // Instance discovery asks login.microsoftonline.com about the authority: a third round trip, and wrong for sovereign or private ones.
            disableInstanceDiscovery: true,
            // Our own retry decides (below); the pipeline's would add seconds of back-off to each attempt.
            retryOptions: { maxRetries: 0 },
        });
        // enableCae stays off: CAE tokens live up to a day, normal ones 60-90 minutes.
        return credential.getToken(s.scope, { abortSignal: AbortSignal.timeout(options.timeoutMs) });
    };
    let accessToken;
    try {
        accessToken = await (0,retry/* withRetry */.bD)(attempt, {
            attempts: 3,
            baseDelayMs: 250,
            isRetryable: (err) => assertionError === undefined && isRetryableEntraError(err),
            ...options.retry,
        });
    }
    catch (err) {
        if (assertionError !== undefined)
            throw assertionError;
        const token = assertion ? await assertion.catch(() => undefined) : undefined;
        throw translateEntraError(err, s, token);
    }
    if (!accessToken?.token)
        throw new errors/* CloudError */.K2(`Entra ID (${s.authority}) answered without an access token; nothing was issued.`);
    return { accessToken, assertion: await getAssertion() };
}
const FEDERATION_CODES = new Set([70021, 700211, 700212, 700213]);
/** Claims of the GitHub token that decide the match, for the message (never the token itself). */
function tokenFacts(token) {
    try {
        const c = token ? (0,decode_jwt/* decodeJwt */.i)(token) : {};
        return {
            iss: String(c.iss ?? '(unknown)'),
            sub: String(c.sub ?? '(unknown)'),
            aud: Array.isArray(c.aud) ? c.aud.join(',') : String(c.aud ?? '(unknown)'),
        };
    }
    catch {
        return { iss: '(unreadable)', sub: '(unreadable)', aud: '(unreadable)' };
    }
}
/** The AADSTS code and Entra's own sentence, from @azure/identity's wrapped message. */
function aadstsOf(message) {
    const m = /AADSTS(\d+):\s*([^\n]*?)(?:\s*Trace ID:|\s*$)/m.exec(message);
    return m ? { code: Number(m[1]), text: `AADSTS${m[1]}: ${m[2].trim()}` } : undefined;
}
/** Turns Entra's refusal into what to change, with the GitHub token's deciding claims. */
function translateEntraError(err, s, token) {
    const msg = (0,errors/* errorMessage */.gJ)(err);
    const where = `${s.authority}/${s.tenantId}`;
    const prefix = `Entra ID (${where}) refused the token exchange for app ${s.clientId}`;
    const aad = aadstsOf(msg);
    const t = tokenFacts(token);
    if (aad && FEDERATION_CODES.has(aad.code)) {
        return new errors/* CloudError */.K2(`${prefix}: ${aad.text}\n` +
            `No federated credential of app ${s.clientId} matches this workflow's token exactly (case-sensitive). The token has\n` +
            `  issuer:   ${t.iss}\n  subject:  ${t.sub}\n  audience: ${t.aud}\n` +
            'Register exactly these on the app (Entra admin center → App registrations → Certificates & secrets → Federated credentials), e.g.\n' +
            `  az ad app federated-credential create --id ${s.clientId} --parameters '${JSON.stringify({ name: 'github', issuer: t.iss, subject: t.sub, audiences: [t.aud] })}'\n` +
            'or run this job where an existing credential expects it (branch, environment, pull request). An app holds at most 20 federated credentials.', false, { cause: err });
    }
    if (isRetryableEntraError(err) &&
        /temporarily_unavailable|server_error|\b(429|5\d\d)\b/.test(msg)) {
        return new errors/* CloudError */.K2(`Entra ID (${where}) failed 3 times for app ${s.clientId}; the last error: ${aad?.text ?? msg}`, true, { cause: err });
    }
    if (aad) {
        switch (aad.code) {
            case 700024:
                return new errors/* CloudError */.K2(`${prefix}: ${aad.text}\nThe GitHub token (valid 5 minutes) was not valid when Entra checked it. A fresh one is minted per exchange, so check the runner's clock.`, false, { cause: err });
            case 700016:
                return new errors/* ConfigurationError */.j1(`${prefix}: ${aad.text}\nCheck 'client-id' (${s.clientId}) and 'tenant-id' (${s.tenantId}): the app must be registered in that tenant.`);
            case 90002:
            case 90072:
                return new errors/* ConfigurationError */.j1(`${prefix}: ${aad.text}\nCheck 'tenant-id' (${s.tenantId}) and 'authority' (${s.authority}): sovereign clouds have their own authority.`);
            case 700027:
            case 50027:
                return new errors/* CloudError */.K2(`${prefix}: ${aad.text}\nEntra could not verify the GitHub token's signature against its issuer ${t.iss}. The federated credential's issuer must be the one that signed the token.`, false, { cause: err });
            case 1002012:
            case 70011:
            case 500011:
                return new errors/* ConfigurationError */.j1(`${prefix}: ${aad.text}\nFix 'scope' (${s.scope}): the resource must exist in the tenant and end in /.default.`);
            default:
                return new errors/* CloudError */.K2(`${prefix}: ${aad.text}`, false, { cause: err });
        }
    }
    if ((0,retry/* isNetworkError */.TX)(err) ||
        /endpoints_resolution_error|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|certificate|self.signed|timed? ?out|aborted/i.test(msg)) {
        return new errors/* CloudError */.K2(`Could not reach Entra ID at ${s.authority} or read its OpenID metadata (${where}/v2.0/.well-known/openid-configuration), 3 attempts: ${msg}\n` +
            "Check 'authority' / AZURE_AUTHORITY_HOST, 'tenant-id' and the network; a private authority's CA must be trusted (NODE_EXTRA_CA_CERTS).", true, { cause: err });
    }
    return new errors/* CloudError */.K2(`${prefix}: ${msg}`, false, { cause: err });
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
    parse: (inputs, common, env) => parseAzureSettings(inputs, common, env),
    audience: (s) => s.audience,
    describe: (s) => ({ principal: s.clientId, scope: s.scope }),
    async issue(s, ctx) {
        const requestedAt = ctx.now();
        const { accessToken, assertion } = await exchange(s, ctx.idToken, {
            // Two requests (OpenID metadata, token) share the budget.
            timeoutMs: 2 * (0,retry/* httpTimeoutMs */.C)(process.env),
        });
        // The token's own `exp` is Entra's clock; expiresOnTimestamp is ours plus expires_in.
        const exp = tokenExp(accessToken.token);
        const expiresAt = new Date(exp ?? accessToken.expiresOnTimestamp);
        return {
            principal: s.clientId,
            expiresAt,
            // The GitHub token is carried (masked) only when az must sign in with it; deliver scrubs it from az's files.
            secrets: s.azLogin ? [accessToken.token, assertion] : [accessToken.token],
            scope: s.scope,
            details: {
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
    },
    async deliver(s, credential, ctx) {
        const [accessToken, assertion] = credential.secrets;
        if (ctx.mode === 'outputs') {
            return {
                env: {},
                files: [],
                outputs: { [AZURE_OUTPUTS.accessToken]: accessToken },
                secrets: [],
                expiresAt: undefined,
                notes: [],
            };
        }
        const notes = [];
        let login;
        if (s.azLogin && assertion) {
            const env = { ...process.env };
            for (const name of [...COMPETING, oidc/* ID_TOKEN_URL */.e_, oidc/* ID_TOKEN_REQUEST_TOKEN */.gu])
                delete env[name];
            login = await azLogin(s, assertion, ctx.dir, env, ctx.log);
            const until = login.expiresAt ? ` until ${login.expiresAt.toISOString()}` : '';
            ctx.log.info(`az is signed in for this grant alone (${login.elapsedMs} ms), in ${login.configDir}; it holds one Resource Manager token${until} and cannot get others.`);
            notes.push(`The Azure CLI got its own normal (non-CAE) token for Resource Manager${until}; it cannot be revoked either.`);
        }
        const configDir = login?.configDir ?? emptyConfigDir(ctx.dir);
        return {
            env: deliveryEnv(s, accessToken, configDir, login),
            files: [],
            outputs: {},
            unset: COMPETING,
            secrets: login?.tokens ?? [],
            expiresAt: login?.expiresAt,
            notes,
        };
    },
    async close(grant, { now }) {
        const az = grant.details['azLogin'] === true
            ? "; the grant's Azure CLI login and token cache were deleted with its directory"
            : '';
        return (0,provider/* expiryClose */.w0)(grant.expiresAt, now, `${NOT_REVOCABLE}${az}`);
    },
};


/***/ }),

/***/ 7252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ httpTimeoutMs),
/* harmony export */   TX: () => (/* binding */ isNetworkError),
/* harmony export */   bD: () => (/* binding */ withRetry)
/* harmony export */ });
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Retries only what another attempt can fix (throttling, 5xx, network), with full-jitter
 * exponential backoff and no sleep after the last attempt. Anything else, a denial above
 * all, fails at once: the peer action retries a trust-policy denial for ~159 s.
 */
async function withRetry(fn, options) {
    const sleep = options.sleep ?? realSleep;
    const random = options.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (attempt >= options.attempts || !options.isRetryable(err))
                throw err;
            const delay = Math.round(random() * options.baseDelayMs * 2 ** (attempt - 1));
            options.onRetry?.(err, attempt, delay);
            await sleep(delay);
        }
    }
}
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/** A network failure or timeout, in the shapes Node, undici and the SDKs' HTTP handlers throw. */
function isNetworkError(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (e.code && NETWORK_CODES.has(e.code))
        return true;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
        return true;
    return e.cause !== undefined && e.cause !== err && isNetworkError(e.cause);
}
/**
 * Per-request timeout for every cloud call: JIT_CREDENTIALS_HTTP_TIMEOUT_MS, else 5 s. Tests
 * shorten it; slow proxies lengthen it.
 */
function httpTimeoutMs(env) {
    const v = Number(env['JIT_CREDENTIALS_HTTP_TIMEOUT_MS']);
    return Number.isFinite(v) && v > 0 ? v : 5000;
}


/***/ }),

/***/ 3957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I0: () => (/* binding */ checkIdTokenAvailable),
/* harmony export */   Jy: () => (/* binding */ githubIdTokenSource),
/* harmony export */   e_: () => (/* binding */ ID_TOKEN_URL),
/* harmony export */   gu: () => (/* binding */ ID_TOKEN_REQUEST_TOKEN)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


const ID_TOKEN_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
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
const githubIdTokenSource = async (audience) => {
    checkIdTokenAvailable();
    try {
        return await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(audience);
    }
    catch (err) {
        throw new Error(`Could not get a GitHub OIDC token for audience '${audience}': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err).replace(/^Error message: /, '')}`, { cause: err });
    }
};


/***/ }),

/***/ 6731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ProxyAgent)
/* harmony export */ });
/**
 * Stands in for `undici` in the bundle (tsconfig "paths"). @actions/http-client imports undici
 * only for `getAgentDispatcher()`, the proxy dispatcher of fetch-based clients such as Octokit,
 * which this project does not call; @actions/core's OIDC request goes through node:http(s) and
 * `tunnel` for proxies. Bundling undici would make every step parse another megabyte.
 */
class ProxyAgent {
    constructor() {
        throw new Error('jit-credentials bundles no undici: getAgentDispatcher() is not available in this action.');
    }
}


/***/ })

};
