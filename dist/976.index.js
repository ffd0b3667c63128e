export const id = 976;
export const ids = [976];
export const modules = {

/***/ 8976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPETING: () => (/* binding */ COMPETING),
  GCP_OUTPUTS: () => (/* binding */ GCP_OUTPUTS),
  PROJECT_VARIABLES: () => (/* binding */ PROJECT_VARIABLES),
  TOKEN_VARIABLES: () => (/* binding */ TOKEN_VARIABLES),
  gcpProvider: () => (/* binding */ gcpProvider)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __webpack_require__(7961);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/providers/provider.ts
var provider = __webpack_require__(9545);
// EXTERNAL MODULE: ./src/providers/retry.ts
var retry = __webpack_require__(7252);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/providers/gcp/boundary.ts



/** Cloud Storage is the only service Credential Access Boundaries apply to; STS takes at most 10 rules. */
const MAX_RULES = 10;
const BUCKET = /^[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]$/;
const ROLE = /^roles\/storage\.[A-Za-z]+$/;
const KEYS = new Set(['bucket', 'role', 'roles', 'prefix']);
const EXAMPLE = '- bucket: site-assets\n  role: roles/storage.objectViewer\n  prefix: releases/';
function refuse(why) {
    throw new errors/* ConfigurationError */.j1(`Invalid access-boundary: ${why}. Expected a YAML list such as:\n${EXAMPLE}`);
}
/** Parses the `access-boundary` input: a YAML list of Cloud Storage rules. */
function parseAccessBoundary(text) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        refuse(`not YAML (${(0,errors/* errorMessage */.gJ)(err).split('\n')[0]})`);
    }
    if (!Array.isArray(doc) || doc.length === 0)
        refuse('it must be a non-empty list of rules');
    if (doc.length > MAX_RULES) {
        refuse(`${doc.length} rules given; Google STS accepts at most ${MAX_RULES}. Merge rules that share a bucket and role`);
    }
    return doc.map((item, i) => parseRule(item, i + 1));
}
function parseRule(item, n) {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
        refuse(`rule ${n} is not a mapping`);
    const rule = item;
    for (const key of Object.keys(rule)) {
        if (!KEYS.has(key))
            refuse(`rule ${n} has unknown key '${key}' (use bucket, role or roles, prefix)`);
    }
    const bucket = String(rule['bucket'] ?? '')
        .replace(/^gs:\/\//, '')
        .replace(/\/+$/, '');
    if (!BUCKET.test(bucket) || bucket.includes('..')) {
        refuse(`rule ${n} has bucket '${String(rule['bucket'] ?? '')}'; give a Cloud Storage bucket name such as site-assets`);
    }
    const given = rule['roles'] ?? rule['role'];
    if (rule['roles'] !== undefined && rule['role'] !== undefined)
        refuse(`rule ${n} has both role and roles; keep one`);
    const roles = (Array.isArray(given) ? given : [given]).map((r) => String(r ?? '').replace(/^inRole:/, ''));
    if (roles.length === 0)
        refuse(`rule ${n} has no role`);
    for (const role of roles) {
        if (!ROLE.test(role)) {
            refuse(`rule ${n} has role '${role}'; boundaries apply to Cloud Storage roles only, such as roles/storage.objectViewer`);
        }
    }
    let prefix;
    if (rule['prefix'] !== undefined && rule['prefix'] !== null && rule['prefix'] !== '') {
        prefix = String(rule['prefix']);
        // The prefix goes into a CEL string literal: characters that could end it are refused, not escaped.
        if (/['"\\\n\r]/.test(prefix) || prefix.startsWith('/')) {
            refuse(`rule ${n} has prefix '${prefix}'; an object-name prefix has no quotes, backslashes or leading '/'`);
        }
    }
    return Object.freeze({ bucket, roles: Object.freeze([...new Set(roles)]), prefix });
}
/**
 * The boundary in the form STS takes. A prefix becomes a condition on the object's name and,
 * so that listing keeps working inside it, on the list prefix.
 */
function boundaryOptions(rules) {
    return {
        accessBoundary: {
            accessBoundaryRules: rules.map((r) => ({
                availableResource: `//storage.googleapis.com/projects/_/buckets/${r.bucket}`,
                availablePermissions: r.roles.map((role) => `inRole:${role}`),
                ...(r.prefix === undefined
                    ? {}
                    : {
                        availabilityCondition: {
                            title: `prefix ${r.prefix}`,
                            expression: `resource.name.startsWith('projects/_/buckets/${r.bucket}/objects/${r.prefix}') || ` +
                                `api.getAttribute('storage.googleapis.com/objectListPrefix', '').startsWith('${r.prefix}')`,
                        },
                    }),
            })),
        },
    };
}
/** One line per rule for the summary: `gs://site-assets/releases/* roles/storage.objectAdmin`. */
function describeBoundary(rules) {
    return rules.map((r) => `gs://${r.bucket}/${r.prefix ?? ''}* ${r.roles.join('+')}`).join(', ');
}
function boundaryDigest(rules) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify(boundaryOptions(rules)))
        .digest('hex')}`;
}

// EXTERNAL MODULE: ./node_modules/google-auth-library/build/src/index.js
var src = __webpack_require__(492);
// EXTERNAL MODULE: ./node_modules/google-auth-library/build/src/auth/stscredentials.js
var stscredentials = __webpack_require__(121);
;// CONCATENATED MODULE: ./src/providers/gcp/settings.ts



const GCP_INPUT = {
    workloadIdentityProvider: 'workload-identity-provider',
    serviceAccount: 'service-account',
    accessBoundary: 'access-boundary',
    scopes: 'scopes',
    projectId: 'project-id',
    allowLifetimeExtension: 'allow-lifetime-extension',
};
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_DURATION = 600;
/** generateAccessToken's limit without the organisation policy constraint. */
const MAX_DURATION = 3600;
/** With constraints/iam.allowServiceAccountCredentialLifetimeExtension. */
const MAX_EXTENDED_DURATION = 43_200;
/** Below this, clock skew between the runner and Google would eat the window. */
const MIN_DURATION = 60;
/** The variable names google-github-actions/auth reads, so that one emulator serves both. */
const ENDPOINT_ENV = {
    sts: 'GHA_ENDPOINT_OVERRIDE_sts',
    iamcredentials: 'GHA_ENDPOINT_OVERRIDE_iamcredentials',
};
const DEFAULT_ENDPOINTS = {
    sts: 'https://sts.googleapis.com/v1',
    iamcredentials: 'https://iamcredentials.googleapis.com/v1',
};
const WIF_PROVIDER = /^projects\/([^/]+)\/locations\/([^/]+)\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
/** Pool and provider ids: 4-32 of lower-case letters, digits and hyphens. */
const WIF_ID = /^[a-z0-9][a-z0-9-]{2,30}[a-z0-9]$/;
const SA_NAME = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const SA_DOMAIN = /^(?:[a-z0-9-]+\.)*iam\.gserviceaccount\.com$|^(?:developer|appspot)\.gserviceaccount\.com$/;
const PROJECT_ID = /^(?:[a-z][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const SCOPE = /^https:\/\/www\.googleapis\.com\/auth\/[a-z0-9._-]+$/;
const OPENID_SCOPES = ['openid', 'email', 'profile'];
function parseGcpSettings(inputs, common, env) {
    const wif = parseWorkloadIdentityProvider(inputs.required(GCP_INPUT.workloadIdentityProvider, 'the full resource name of the workload identity provider, e.g. ' +
        'projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo.'));
    const serviceAccount = parseServiceAccount(inputs.optional(GCP_INPUT.serviceAccount));
    const extended = inputs.boolean(GCP_INPUT.allowLifetimeExtension, false);
    const duration = parseLifetime(common.duration, serviceAccount, extended);
    const scopes = parseScopes(inputs.list(GCP_INPUT.scopes));
    const boundaryText = inputs.raw(GCP_INPUT.accessBoundary);
    const boundary = boundaryText === undefined ? [] : parseAccessBoundary(boundaryText);
    if (boundary.length && !scopes.includes(CLOUD_PLATFORM_SCOPE)) {
        throw new errors/* ConfigurationError */.j1(`'access-boundary' needs a token with the ${CLOUD_PLATFORM_SCOPE} scope to downscope, but 'scopes' is ` +
            `'${scopes.join(', ')}'. Add that scope or remove 'access-boundary'.`);
    }
    const projectId = parseProjectId(inputs.optional(GCP_INPUT.projectId), serviceAccount);
    const { endpoints, overridden } = parseEndpoints(env);
    return Object.freeze({
        ...wif,
        serviceAccount,
        duration,
        scopes,
        boundary,
        projectId,
        audience: common.audience ?? `https://iam.googleapis.com/${wif.workloadIdentityProvider}`,
        stsAudience: `//iam.googleapis.com/${wif.workloadIdentityProvider}`,
        endpoints,
        overridden,
    });
}
/** Also accepts the audience forms users paste (`//iam.googleapis.com/...`, `https://iam.googleapis.com/...`). */
function parseWorkloadIdentityProvider(value) {
    const name = value.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
    const m = WIF_PROVIDER.exec(name);
    const example = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo';
    if (!m) {
        throw new errors/* ConfigurationError */.j1(`Invalid workload-identity-provider '${value}'. Expected the provider's full resource name, such as ${example} ` +
            '(gcloud iam workload-identity-pools providers describe PROVIDER --location=global --workload-identity-pool=POOL --format="value(name)").');
    }
    const [, project, location, pool, provider] = m;
    if (!/^\d+$/.test(project)) {
        throw new errors/* ConfigurationError */.j1(`Invalid workload-identity-provider '${value}': '${project}' must be the project number, not the project id ` +
            `(gcloud projects describe ${project} --format="value(projectNumber)").`);
    }
    if (location !== 'global') {
        throw new errors/* ConfigurationError */.j1(`Invalid workload-identity-provider '${value}': workload identity pools live in location 'global', not '${location}'.`);
    }
    for (const [what, id] of [
        ['pool', pool],
        ['provider', provider],
    ]) {
        if (!WIF_ID.test(id)) {
            throw new errors/* ConfigurationError */.j1(`Invalid workload-identity-provider '${value}': the ${what} id '${id}' must be 4 to 32 lower-case letters, digits or hyphens.`);
        }
    }
    return { workloadIdentityProvider: name, projectNumber: project, pool, providerId: provider };
}
function parseServiceAccount(value) {
    if (value === undefined)
        return undefined;
    const at = value.indexOf('@');
    const name = value.slice(0, at);
    const domain = value.slice(at + 1);
    const ok = at > 0 &&
        SA_DOMAIN.test(domain) &&
        (domain.endsWith('.iam.gserviceaccount.com') ? SA_NAME.test(name) : /^[a-z0-9-]+$/.test(name));
    if (!ok) {
        throw new errors/* ConfigurationError */.j1(`Invalid service-account '${value}'. Expected a service account email such as ` +
            'deploy@my-project.iam.gserviceaccount.com (the email, not the display name or the numeric unique id).');
    }
    return value;
}
function parseLifetime(requested, serviceAccount, extended) {
    if (serviceAccount === undefined) {
        if (requested !== undefined) {
            throw new errors/* ConfigurationError */.j1(`'duration: ${(0,inputs/* formatDuration */.a3)(requested)}' needs 'service-account': without one, the federated token is used ` +
                'directly and lives exactly as long as the GitHub OIDC token (about 5 minutes), whatever is asked. ' +
                'Add service-account to choose the lifetime, or remove duration.');
        }
        return 0;
    }
    const duration = requested ?? DEFAULT_DURATION;
    const max = extended ? MAX_EXTENDED_DURATION : MAX_DURATION;
    if (duration < MIN_DURATION || duration > max) {
        const hint = extended
            ? ''
            : ' Above 1h needs the organisation policy constraints/iam.allowServiceAccountCredentialLifetimeExtension ' +
                "for this service account, and 'allow-lifetime-extension: true'.";
        throw new errors/* ConfigurationError */.j1(`Invalid duration '${(0,inputs/* formatDuration */.a3)(duration)}' for Google Cloud. Use between ${MIN_DURATION}s and ${(0,inputs/* formatDuration */.a3)(max)}.${hint}`);
    }
    return duration;
}
function parseScopes(values) {
    if (values.length === 0)
        return [CLOUD_PLATFORM_SCOPE];
    for (const scope of values) {
        if (SCOPE.test(scope) || OPENID_SCOPES.includes(scope))
            continue;
        const short = /^[a-z0-9._-]+$/.test(scope)
            ? ` Did you mean https://www.googleapis.com/auth/${scope}?`
            : '';
        throw new errors/* ConfigurationError */.j1(`Invalid scope '${scope}' in 'scopes'. Expected an OAuth scope URL such as ${CLOUD_PLATFORM_SCOPE}.${short}`);
    }
    return [...new Set(values)];
}
/** The project handed to tools: the input, else the service account's project, else none. */
function parseProjectId(value, serviceAccount) {
    if (value !== undefined) {
        if (!PROJECT_ID.test(value)) {
            throw new errors/* ConfigurationError */.j1(`Invalid project-id '${value}'. Expected a project id such as my-project-123 (6 to 30 lower-case letters, digits or hyphens).`);
        }
        return value;
    }
    const m = serviceAccount
        ? /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(serviceAccount)
        : null;
    return m?.[1];
}
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * Overrides may point at an emulator or a private endpoint. The GitHub token goes there, so
 * plain http is accepted only on loopback.
 */
function parseEndpoints(env) {
    const endpoints = { ...DEFAULT_ENDPOINTS };
    const overridden = [];
    for (const key of ['sts', 'iamcredentials']) {
        const name = ENDPOINT_ENV[key];
        const value = env[name];
        if (!value)
            continue;
        const url = URL.parse(value) ?? undefined;
        if (!url ||
            !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))) {
            throw new errors/* ConfigurationError */.j1(`Invalid ${name} '${value}': expected an https URL (plain http only on 127.0.0.1 or localhost), such as ${DEFAULT_ENDPOINTS[key]}.`);
        }
        endpoints[key] = value.replace(/\/+$/, '');
        overridden.push(name);
    }
    return { endpoints, overridden };
}

;// CONCATENATED MODULE: ./src/providers/gcp/exchange.ts



const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
class ExchangeError extends Error {
    stage;
    url;
    status;
    body;
    name = 'ExchangeError';
    constructor(stage, url, 
    /** HTTP status, or undefined when no answer came back. */
    status, 
    /** Google's error body (never the request: that holds the tokens). */
    body, message) {
        super(message);
        this.stage = stage;
        this.url = url;
        this.status = status;
        this.body = body;
    }
}
/**
 * The three calls of a Google Cloud grant, made with google-auth-library's own RFC 8693
 * client (StsCredentials, the one its DownscopedClient uses) and its HTTP transport, but
 * pointed at endpoints we choose: DownscopedClient hard-codes sts.googleapis.com, and
 * IdentityPoolClient gives its STS call no timeout.
 */
class Exchanger {
    settings;
    options;
    transport;
    sts;
    stage = 'federate';
    /** HTTP requests sent, retries included: the round trips of one issuance. */
    requests = 0;
    constructor(settings, options) {
        this.settings = settings;
        this.options = options;
        this.transport = new src.gaxios.Gaxios({
            timeout: options.timeoutMs,
            retryConfig: {
                // Only what another attempt can fix: 408, 429, 5xx and lost connections; never a denial.
                retry: 2,
                noResponseRetries: 2,
                retryDelay: 200,
                httpMethodsToRetry: ['POST'],
                onRetryAttempt: (err) => {
                    // gaxios re-sends without passing the request interceptors again: count retries here.
                    this.requests++;
                    this.options.onRetry?.(this.stage, err.response?.status, err.config.retryConfig?.currentRetryAttempt ?? 1);
                },
            },
        });
        this.transport.interceptors.request.add({
            resolved: async (config) => {
                this.requests++;
                return config;
            },
        });
        this.sts = new stscredentials.StsCredentials({
            tokenExchangeEndpoint: `${settings.endpoints.sts}/token`,
            transporter: this.transport,
        });
    }
    /** GitHub JWT → federated access token (lives as long as the JWT on Google's side). */
    async federate(jwt) {
        this.stage = 'federate';
        // generateAccessToken needs cloud-platform on the federated token; the SA token gets the user's scopes.
        const scope = this.settings.serviceAccount ? [CLOUD_PLATFORM_SCOPE] : [...this.settings.scopes];
        const res = await this.call(`${this.settings.endpoints.sts}/token`, () => this.sts.exchangeToken({
            grantType: TOKEN_EXCHANGE_GRANT,
            audience: this.settings.stsAudience,
            scope,
            requestedTokenType: ACCESS_TOKEN_TYPE,
            subjectToken: jwt,
            subjectTokenType: JWT_TOKEN_TYPE,
        }));
        return { accessToken: res.access_token, expiresAt: this.expiresIn(res.expires_in) };
    }
    /** Federated token → service account token with the requested lifetime and scopes. */
    async impersonate(federated, serviceAccount) {
        this.stage = 'impersonate';
        const url = `${this.settings.endpoints.iamcredentials}/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`;
        const res = await this.call(url, () => this.transport.request({
            url,
            method: 'POST',
            headers: { authorization: `Bearer ${federated}`, 'content-type': 'application/json' },
            data: { scope: [...this.settings.scopes], lifetime: `${this.settings.duration}s` },
            responseType: 'json',
            retry: true,
        }));
        const expire = res.data?.expireTime ? new Date(res.data.expireTime) : undefined;
        return {
            accessToken: res.data?.accessToken ?? '',
            expiresAt: expire && !Number.isNaN(expire.getTime()) ? expire : undefined,
        };
    }
    /** Any access token → the same token narrowed by a Credential Access Boundary. */
    async downscope(source, boundary) {
        this.stage = 'downscope';
        const res = await this.call(`${this.settings.endpoints.sts}/token`, () => this.sts.exchangeToken({
            grantType: TOKEN_EXCHANGE_GRANT,
            requestedTokenType: ACCESS_TOKEN_TYPE,
            subjectToken: source,
            subjectTokenType: ACCESS_TOKEN_TYPE,
        }, undefined, boundary));
        return { accessToken: res.access_token, expiresAt: this.expiresIn(res.expires_in) };
    }
    expiresIn(seconds) {
        return typeof seconds === 'number' && seconds > 0
            ? new Date(this.options.now().getTime() + seconds * 1000)
            : undefined;
    }
    /** Runs one call and turns whatever failed into an ExchangeError that carries no request. */
    async call(url, fn) {
        try {
            return await fn();
        }
        catch (err) {
            const e = err;
            const status = e.response?.status;
            const body = e.response?.data;
            const reason = status === undefined ? (e.code ?? e.message ?? 'no answer') : `HTTP ${status}`;
            throw new ExchangeError(this.stage, url, status, body, `${this.stage} failed at ${url}: ${reason}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/providers/gcp/errors.ts



/** The claims attribute conditions and principal sets usually test. */
const DECISIVE_CLAIMS = [
    'sub',
    'aud',
    'repository',
    'repository_owner',
    'ref',
    'environment',
    'job_workflow_ref',
    'event_name',
];
function claimsOf(jwt) {
    if (!jwt)
        return {};
    try {
        return (0,decode_jwt/* decodeJwt */.i)(jwt);
    }
    catch {
        return {};
    }
}
function claimsLine(jwt) {
    const claims = claimsOf(jwt);
    if (Object.keys(claims).length === 0)
        return '(the token could not be decoded)';
    return DECISIVE_CLAIMS.map((c) => `${c}=${claims[c] === undefined ? '(none)' : JSON.stringify(claims[c])}`).join(', ');
}
/** Google's error text in either of its shapes: OAuth (`error_description`) or API (`error.message`). */
function googleMessage(body) {
    if (body && typeof body === 'object') {
        const b = body;
        if (typeof b.error === 'string') {
            return {
                code: b.error,
                message: typeof b.error_description === 'string' ? b.error_description : '',
            };
        }
        if (b.error && typeof b.error === 'object') {
            const e = b.error;
            return { code: String(e.status ?? ''), message: String(e.message ?? '') };
        }
    }
    if (typeof body === 'string' && body.trim() !== '') {
        return { code: '', message: body.trim().slice(0, 200) };
    }
    return { code: '', message: '' };
}
/**
 * Turns a failed call into what the user must change, naming the endpoint and, where a
 * trust decision refused the token, the claims that decided it. No token is ever quoted.
 */
function translateExchangeError(err, s, jwt) {
    if (!(err instanceof ExchangeError))
        return err instanceof Error ? err : new Error(String(err));
    const { code, message } = googleMessage(err.body);
    const said = [code, message].filter(Boolean).join(': ') ||
        (err.status === undefined ? err.message : `HTTP ${err.status}`);
    if (err.status === undefined || err.status === 408 || err.status === 429 || err.status >= 500) {
        return new errors/* CloudError */.K2(`Google Cloud (${err.url}) did not answer the ${err.stage} call after 3 attempts: ${said}. ` +
            'Try again; if it persists, check the endpoint overrides (GHA_ENDPOINT_OVERRIDE_sts / _iamcredentials) and any proxy.', true);
    }
    const claims = claimsLine(jwt);
    switch (err.stage) {
        case 'federate':
            return federateError(s, err, code, message, said, claims);
        case 'impersonate':
            return impersonateError(s, err, message, said, claims);
        case 'downscope':
            return new errors/* ConfigurationError */.j1(`Google STS (${err.url}) refused to downscope the token with the given access-boundary: ${said}. ` +
                "Fix 'access-boundary' (Cloud Storage buckets and roles/storage.* roles only, at most 10 rules).");
    }
}
function federateError(s, err, code, message, said, claims) {
    const prefix = `Google STS (${err.url}) refused the GitHub token for ${s.workloadIdentityProvider}: ${said}.`;
    if (/attribute condition/i.test(message)) {
        return new errors/* CloudError */.K2(`${prefix}\nThe provider's attribute condition rejected this workflow's token. Its claims: ${claims}.\n` +
            'Allow them in the condition (gcloud iam workload-identity-pools providers update-oidc ' +
            `${s.providerId} --workload-identity-pool=${s.pool} --location=global --attribute-condition=...), ` +
            'or run this job where the condition expects (repository, branch, environment). ' +
            '`jit-credentials policy export --target gcp` writes a matching condition.');
    }
    if (/audience/i.test(message) && code !== 'invalid_target') {
        return new errors/* ConfigurationError */.j1(`${prefix}\nThe token's audience is not one the provider accepts (token claims: ${claims}). ` +
            `Without 'audience', the token is minted for https://iam.googleapis.com/${s.workloadIdentityProvider}, ` +
            "which providers accept by default; if the provider lists allowed audiences, set 'audience' to one of them or add this one.");
    }
    if (code === 'invalid_target' || err.status === 404) {
        return new errors/* ConfigurationError */.j1(`${prefix}\nNo enabled provider has that name: check the project number (${s.projectNumber}), the pool ` +
            `(${s.pool}) and provider (${s.providerId}) ids, and that neither is disabled or deleted.`);
    }
    if (/issuer|signature|expired|jwk|key/i.test(message)) {
        return new errors/* CloudError */.K2(`${prefix}\nGoogle could not verify the GitHub token against the provider's issuer. The provider's issuer URI must be ` +
            `the token's issuer (https://token.actions.githubusercontent.com, or your enterprise's); token claims: ${claims}.`);
    }
    return new errors/* CloudError */.K2(`${prefix}\nToken claims: ${claims}.`);
}
function impersonateError(s, err, message, said, claims) {
    const sa = s.serviceAccount ?? '';
    const prefix = `Google IAM Credentials (${err.url}) refused generateAccessToken for ${sa}: ${said}.`;
    if (err.status === 403 && /SERVICE_DISABLED|has not been used|is disabled/i.test(said)) {
        return new errors/* ConfigurationError */.j1(`${prefix}\nEnable the IAM Service Account Credentials API (iamcredentials.googleapis.com) in the project of the workload identity pool.`);
    }
    if (err.status === 403 || err.status === 401) {
        const repo = /repository="([^"]+)"/.exec(claims)?.[1] ?? 'OWNER/REPO';
        const member = `principalSet://iam.googleapis.com/projects/${s.projectNumber}/locations/global/workloadIdentityPools/${s.pool}/attribute.repository/${repo}`;
        return new errors/* CloudError */.K2(`${prefix}\nThe federated identity may not impersonate this service account: it lacks roles/iam.workloadIdentityUser ` +
            `(permission iam.serviceAccounts.getAccessToken) on ${sa}. Grant it, for example:\n` +
            `  gcloud iam service-accounts add-iam-policy-binding ${sa} --role=roles/iam.workloadIdentityUser --member=${member}\n` +
            `(this needs the provider's attribute mapping 'attribute.repository=assertion.repository'). Token claims: ${claims}.`);
    }
    if (err.status === 404) {
        return new errors/* ConfigurationError */.j1(`${prefix}\nNo such service account: check 'service-account' (${sa}).`);
    }
    if (err.status === 400 && /lifetime/i.test(message)) {
        return new errors/* ConfigurationError */.j1(`${prefix}\nThe lifetime ${s.duration}s is above what this service account may get: lower 'duration' to 1h or less, ` +
            'or have the organisation policy constraints/iam.allowServiceAccountCredentialLifetimeExtension list it.');
    }
    if (err.status === 400 && /scope/i.test(message)) {
        return new errors/* ConfigurationError */.j1(`${prefix}\nFix 'scopes' (${s.scopes.join(', ')}).`);
    }
    return new errors/* CloudError */.K2(`${prefix}\nToken claims: ${claims}.`);
}

;// CONCATENATED MODULE: ./src/providers/gcp/index.ts










const GCP_OUTPUTS = { accessToken: 'gcp-access-token' };
/** gcloud, Terraform (and OpenTofu, Pulumi) read these; client libraries take the token in code. */
const TOKEN_VARIABLES = ['CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN'];
/** The project as gcloud, Terraform and the client libraries look for it. */
const PROJECT_VARIABLES = [
    'CLOUDSDK_CORE_PROJECT',
    'CLOUDSDK_PROJECT',
    'GCLOUD_PROJECT',
    'GCP_PROJECT',
    'GOOGLE_CLOUD_PROJECT',
    'GOOGLE_PROJECT',
];
/** Variables that would make a tool pick other (often long-lived) credentials than the grant's. */
const COMPETING = [
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_GHA_CREDS_PATH',
    'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
    'CLOUDSDK_AUTH_ACCESS_TOKEN_FILE',
    'CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT',
    'CLOUDSDK_CORE_ACCOUNT',
    'GOOGLE_CREDENTIALS',
    'GOOGLE_CLOUD_KEYFILE_JSON',
    'GCLOUD_KEYFILE_JSON',
    'GOOGLE_IMPERSONATE_SERVICE_ACCOUNT',
];
const NO_REVOKE = 'Google Cloud cannot revoke access tokens: the cloud accepts this one until the time shown; every copy on the runner is gone';
function jwtExpiry(jwt) {
    try {
        const exp = (0,decode_jwt/* decodeJwt */.i)(jwt).exp;
        return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
    }
    catch {
        return undefined;
    }
}
function earliest(...dates) {
    const known = dates.filter((d) => d !== undefined);
    return known.length ? new Date(Math.min(...known.map((d) => d.getTime()))) : undefined;
}
/** Who a direct federation token acts as, with the default mapping google.subject = assertion.sub. */
function federatedPrincipal(s, jwt) {
    let sub;
    try {
        sub = String((0,decode_jwt/* decodeJwt */.i)(jwt).sub ?? '');
    }
    catch {
        sub = '';
    }
    return `principal://iam.googleapis.com/projects/${s.projectNumber}/locations/global/workloadIdentityPools/${s.pool}/subject/${sub}`;
}
const gcpProvider = {
    id: 'gcp',
    outputNames: Object.values(GCP_OUTPUTS),
    parse: (inputs, common, env) => parseGcpSettings(inputs, common, env),
    audience: (s) => s.audience,
    describe: (s) => ({
        // Direct federation acts as the pool's principal; policy rules name the provider then.
        principal: s.serviceAccount ?? s.workloadIdentityProvider,
        duration: s.duration,
        scope: [
            s.scopes.join(' '),
            ...(s.boundary.length ? [`boundary ${describeBoundary(s.boundary)}`] : []),
        ].join('; '),
    }),
    async issue(s, ctx) {
        for (const name of s.overridden) {
            ctx.log.warning(`${name} is set: the GitHub OIDC token for this grant is sent to ${name.endsWith('sts') ? s.endpoints.sts : s.endpoints.iamcredentials}, not to Google.`);
        }
        const exchanger = new Exchanger(s, {
            timeoutMs: (0,retry/* httpTimeoutMs */.C)(process.env),
            now: ctx.now,
            onRetry: (stage, status, attempt) => ctx.log.info(`Google Cloud ${stage} attempt ${attempt} failed (${status === undefined ? 'no answer' : `HTTP ${status}`}); retrying`),
        });
        const jwt = await ctx.idToken(s.audience);
        const requestedAt = ctx.now();
        const secrets = [];
        let delivered;
        let federatedExpiry;
        try {
            const federated = await exchanger.federate(jwt);
            if (!federated.accessToken)
                throw new errors/* CloudError */.K2('Google STS answered without an access token; nothing was issued.');
            secrets.push(federated.accessToken);
            // Google's federated token does not outlive the GitHub token it was made from.
            federatedExpiry = earliest(federated.expiresAt, jwtExpiry(jwt));
            if (s.serviceAccount) {
                const sa = await exchanger.impersonate(federated.accessToken, s.serviceAccount);
                if (!sa.accessToken)
                    throw new errors/* CloudError */.K2('Google IAM Credentials answered without an access token; nothing was issued.');
                secrets.push(sa.accessToken);
                delivered = {
                    accessToken: sa.accessToken,
                    expiresAt: sa.expiresAt ?? new Date(requestedAt.getTime() + s.duration * 1000),
                };
            }
            else {
                delivered = { accessToken: federated.accessToken, expiresAt: federatedExpiry };
            }
            if (s.boundary.length) {
                const down = await exchanger.downscope(delivered.accessToken, boundaryOptions(s.boundary));
                if (!down.accessToken)
                    throw new errors/* CloudError */.K2('Google STS answered the downscoping call without a token; nothing was issued.');
                secrets.push(down.accessToken);
                // A downscoped token never outlives its source.
                delivered = {
                    accessToken: down.accessToken,
                    expiresAt: earliest(down.expiresAt, delivered.expiresAt),
                };
            }
        }
        catch (err) {
            throw translateExchangeError(err, s, jwt);
        }
        const expiresAt = delivered.expiresAt ?? jwtExpiry(jwt) ?? new Date(requestedAt.getTime() + 300_000);
        const notes = [];
        if (!s.serviceAccount) {
            notes.push(`Direct federation: the token dies with the GitHub OIDC token it came from (${expiresAt.toISOString()}, about 5 minutes); add service-account to choose a lifetime.`);
        }
        if (s.boundary.length) {
            notes.push(`Downscoped by a Credential Access Boundary: Cloud Storage only, ${describeBoundary(s.boundary)}; other APIs refuse it.`);
        }
        notes.push(`${NO_REVOKE} once closed.`);
        const scopeParts = [
            s.serviceAccount
                ? `service account ${s.serviceAccount}`
                : `direct federation through ${s.pool}/${s.providerId}`,
        ];
        scopeParts.push(`scopes ${s.scopes.join(' ')}`);
        if (s.boundary.length)
            scopeParts.push(`boundary ${describeBoundary(s.boundary)}`);
        return {
            principal: s.serviceAccount ?? federatedPrincipal(s, jwt),
            expiresAt,
            // The delivered token first; the intermediate ones are masked too, though they never leave this process.
            secrets: [secrets.at(-1), ...secrets.slice(0, -1)],
            scope: scopeParts.join('; '),
            ...(s.boundary.length ? { scopeDigest: boundaryDigest(s.boundary) } : {}),
            details: {
                workloadIdentityProvider: s.workloadIdentityProvider,
                tokenType: s.serviceAccount ? 'service-account' : 'federated',
                ...(s.serviceAccount
                    ? { serviceAccount: s.serviceAccount, lifetimeSeconds: s.duration }
                    : {}),
                ...(s.serviceAccount && s.duration !== DEFAULT_DURATION
                    ? { requestedSeconds: s.duration }
                    : {}),
                ...(federatedExpiry ? { federatedExpiresAt: federatedExpiry.toISOString() } : {}),
                downscoped: s.boundary.length > 0,
                ...(s.projectId ? { projectId: s.projectId } : {}),
                roundTrips: exchanger.requests,
                ...(s.overridden.length ? { endpointOverrides: s.overridden.join(' ') } : {}),
            },
            notes,
        };
    },
    async deliver(s, credential, ctx) {
        const token = credential.secrets[0];
        if (ctx.mode === 'outputs') {
            return { env: {}, files: [], outputs: { [GCP_OUTPUTS.accessToken]: token } };
        }
        const env = {};
        for (const name of TOKEN_VARIABLES)
            env[name] = token;
        if (s.projectId)
            for (const name of PROJECT_VARIABLES)
                env[name] = s.projectId;
        if (ctx.mode === 'run') {
            // gcloud's own state (logs, caches, any earlier login) for this command only, deleted on close.
            env['CLOUDSDK_CONFIG'] = (0,external_node_path_.join)(ctx.dir, 'gcloud');
        }
        return { env, files: [], outputs: {}, unset: [...COMPETING] };
    },
    async close(grant, { now }) {
        const lifetime = grant.details['lifetimeSeconds'];
        const why = grant.details['tokenType'] === 'federated'
            ? `${NO_REVOKE}; as a direct federation token it dies with the GitHub OIDC token`
            : `${NO_REVOKE}; generateAccessToken bounded it to ${typeof lifetime === 'number' ? (0,inputs/* formatDuration */.a3)(lifetime) : 'its lifetime'}`;
        return (0,provider/* expiryClose */.w0)(grant.expiresAt, now, why);
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

/***/ 9205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports parseList, parseBoolean, parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Reads inputs by name, trimming, with `''` meaning "not given" (the runner sends unset inputs as ''). */
class Inputs {
    runner;
    constructor(runner) {
        this.runner = runner;
    }
    optional(name) {
        const value = this.runner.input(name).trim();
        return value === '' ? undefined : value;
    }
    /** `required: true` in action.yml is not enforced by the runner, so it is enforced here. */
    required(name, hint = '') {
        const value = this.optional(name);
        if (value === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input '${name}' is required${hint ? `: ${hint}` : '.'}`);
        }
        return value;
    }
    /** Multi-line inputs keep their inner layout (JSON policies, scripts); only outer blank lines go. */
    raw(name) {
        const value = this.runner.input(name);
        return value.trim() === '' ? undefined : value;
    }
    list(name) {
        return parseList(this.runner.input(name));
    }
    boolean(name, fallback) {
        const value = this.optional(name);
        return value === undefined ? fallback : parseBoolean(name, value);
    }
    duration(name) {
        const value = this.optional(name);
        return value === undefined ? undefined : parseDuration(name, value);
    }
    oneOf(name, allowed, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (!allowed.includes(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected one of: ${allowed.join(', ')}.`);
        }
        return value;
    }
}
/** Newlines and commas separate items; items are trimmed and empties dropped (as actions/cache does). */
function parseList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Only the YAML 1.2 core spellings, so that a typo such as `ture` is an error, not false. */
function parseBoolean(name, value) {
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected true or false.`);
}
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
/**
 * Seconds from `300`, `300s`, `5m`, `1h`, `1h30m`. Anything else is an error that shows the
 * accepted forms; zero and negative values are refused.
 */
function parseDuration(name, value) {
    const v = value.trim();
    let seconds;
    if (/^\d+$/.test(v)) {
        seconds = Number(v);
    }
    else if (/^(\d+h)?(\d+m)?(\d+s)?$/.test(v) && v !== '') {
        seconds = 0;
        for (const [, n, unit] of v.matchAll(/(\d+)([hms])/g)) {
            seconds += Number(n) * UNIT_SECONDS[unit];
        }
    }
    if (seconds === undefined || !Number.isSafeInteger(seconds)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Use seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    if (seconds <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. It must be longer than zero.`);
    }
    return seconds;
}
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}


/***/ })

};
