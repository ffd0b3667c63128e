export const id = 927;
export const ids = [927];
export const modules = {

/***/ 1819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LV: () => (/* binding */ defaultIssuer),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   mh: () => (/* binding */ checkFetchUrl),
/* harmony export */   oP: () => (/* binding */ checkIssuer),
/* harmony export */   oX: () => (/* binding */ GITHUB_ISSUER)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** Plain http is only safe when the issuer never leaves the machine (a local emulator). */
function isLoopbackHost(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1')
        return true;
    const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
    return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}
/**
 * The issuer this runner's tokens come from when `oidc-issuer` is not given: github.com's,
 * GHE.com's `token.actions.SUBDOMAIN.ghe.com`, or GitHub Enterprise Server's
 * `https://HOSTNAME/_services/token`. GITHUB_SERVER_URL is set by the runner and cannot be
 * changed through GITHUB_ENV. An enterprise with its own issuer URL sets `oidc-issuer`.
 */
function defaultIssuer(env) {
    const server = URL.parse(env['GITHUB_SERVER_URL'] ?? '');
    if (!server || server.hostname === 'github.com')
        return GITHUB_ISSUER;
    const ghe = /^([a-z0-9-]+)\.ghe\.com$/i.exec(server.hostname);
    if (ghe)
        return `https://token.actions.${ghe[1].toLowerCase()}.ghe.com`;
    return `${server.origin}/_services/token`;
}
/**
 * The `oidc-issuer` input, checked: https anywhere (github.com, GHES, an enterprise issuer),
 * http only on loopback. Returned without a trailing slash, as GitHub writes `iss`.
 */
function checkIssuer(value, input = 'oidc-issuer') {
    if (value === undefined || value.trim() === '')
        return GITHUB_ISSUER;
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': expected a URL such as ${GITHUB_ISSUER} or https://HOSTNAME/_services/token for GitHub Enterprise Server.`);
    }
    if (url.search || url.hash || url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': an issuer URL has no query, fragment or credentials.`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': plain http is accepted only on loopback (127.0.0.0/8, ::1, localhost); use https.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${input} '${text}': the issuer must be an https URL.`);
    }
    return text.replace(/\/+$/, '');
}
/** The same rule for URLs the issuer's discovery document points to (jwks_uri). */
function checkFetchUrl(value, what) {
    if (typeof value !== 'string')
        throw new Error(`The OIDC ${what} is missing from the issuer's discovery document.`);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new Error(`The OIDC ${what} '${value}' in the discovery document is not a URL.`);
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname)))
        return value;
    throw new Error(`The OIDC ${what} '${value}' must be https (http only on loopback).`);
}


/***/ }),

/***/ 7609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ boundaryDigest),
/* harmony export */   Sm: () => (/* binding */ parseAccessBoundary),
/* harmony export */   gw: () => (/* binding */ describeBoundary),
/* harmony export */   hl: () => (/* binding */ boundaryOptions)
/* harmony export */ });
/* unused harmony export MAX_RULES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/** Cloud Storage is the only service Credential Access Boundaries apply to; STS takes at most 10 rules. */
const MAX_RULES = 10;
const BUCKET = /^[a-z0-9][a-z0-9_.-]{1,220}[a-z0-9]$/;
const ROLE = /^roles\/storage\.[A-Za-z]+$/;
const KEYS = new Set(['bucket', 'role', 'roles', 'prefix']);
const EXAMPLE = '- bucket: site-assets\n  role: roles/storage.objectViewer\n  prefix: releases/';
function refuse(why) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Invalid access-boundary: ${why}. Expected a YAML list such as:\n${EXAMPLE}`);
}
/** Parses the `access-boundary` input: a YAML list of Cloud Storage rules. */
function parseAccessBoundary(text) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text);
    }
    catch (err) {
        refuse(`not YAML (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err).split('\n')[0]})`);
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
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify(boundaryOptions(rules)))
        .digest('hex')}`;
}


/***/ }),

/***/ 8927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMPETING: () => (/* binding */ COMPETING),
/* harmony export */   GCP_OUTPUTS: () => (/* binding */ GCP_OUTPUTS),
/* harmony export */   PROJECT_VARIABLES: () => (/* binding */ PROJECT_VARIABLES),
/* harmony export */   TOKEN_VARIABLES: () => (/* binding */ TOKEN_VARIABLES),
/* harmony export */   gcpProvider: () => (/* binding */ gcpProvider)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7961);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9205);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9545);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7252);
/* harmony import */ var _boundary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7609);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7726);








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
/** GitHub's OIDC tokens live 5 minutes. */
const GITHUB_TOKEN_SECONDS = 300;
const NO_REVOKE = 'Google Cloud cannot revoke access tokens: the cloud accepts this one until the time shown; every copy on the runner is gone';
function jwtExpiry(jwt) {
    try {
        const exp = (0,jose__WEBPACK_IMPORTED_MODULE_6__/* .decodeJwt */ .i)(jwt).exp;
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
        sub = String((0,jose__WEBPACK_IMPORTED_MODULE_6__/* .decodeJwt */ .i)(jwt).sub ?? '');
    }
    catch {
        sub = '';
    }
    return `principal://iam.googleapis.com/projects/${s.projectNumber}/locations/global/workloadIdentityPools/${s.pool}/subject/${sub}`;
}
const gcpProvider = {
    id: 'gcp',
    outputNames: Object.values(GCP_OUTPUTS),
    envNames: [...TOKEN_VARIABLES, ...PROJECT_VARIABLES, 'CLOUDSDK_CONFIG'],
    plan(inputs, common, env) {
        const s = (0,_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .parseGcpSettings */ .Tu)(inputs, common, env);
        return {
            settings: s,
            request: {
                provider: 'gcp',
                // Direct federation acts as the pool's principal; policy rules name the provider then.
                principal: s.serviceAccount ?? s.workloadIdentityProvider,
                audience: s.audience,
                scope: [
                    s.scopes.join(' '),
                    ...(s.boundary.length ? [`boundary ${(0,_boundary_js__WEBPACK_IMPORTED_MODULE_4__/* .describeBoundary */ .gw)(s.boundary)}`] : []),
                ].join('; '),
                // A direct federation token dies with the 5-minute GitHub token it came from.
                lifetime: s.serviceAccount ? s.duration : GITHUB_TOKEN_SECONDS,
                requestedLifetime: common.duration,
                endpointOverrides: s.overridden.map((name) => `${name}=${name.endsWith('sts') ? s.endpoints.sts : s.endpoints.iamcredentials}`),
            },
        };
    },
    async issue({ settings: s }, ctx) {
        // google-auth-library is loaded only when a call is made: a refused input, and the post
        // step that closes the grant, never pay for it.
        const [{ Exchanger }, { translateExchangeError }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(492), __webpack_require__.e(570)]).then(__webpack_require__.bind(__webpack_require__, 2570)),
            Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(492), __webpack_require__.e(860)]).then(__webpack_require__.bind(__webpack_require__, 6860)),
        ]);
        const exchanger = new Exchanger(s, {
            timeoutMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .httpTimeoutMs */ .C)(process.env),
            now: ctx.now,
            onRetry: (stage, status, attempt) => ctx.log.info(`Google Cloud ${stage} attempt ${attempt} failed (${status === undefined ? 'no answer' : `HTTP ${status}`}); retrying`),
        });
        const jwt = ctx.token;
        const requestedAt = ctx.now();
        const secrets = [];
        let delivered;
        let federatedExpiry;
        try {
            const federated = await exchanger.federate(jwt);
            if (!federated.accessToken)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2('Google STS answered without an access token; nothing was issued.');
            secrets.push(federated.accessToken);
            // Google's federated token does not outlive the GitHub token it was made from.
            federatedExpiry = earliest(federated.expiresAt, jwtExpiry(jwt));
            if (s.serviceAccount) {
                const sa = await exchanger.impersonate(federated.accessToken, s.serviceAccount);
                if (!sa.accessToken)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2('Google IAM Credentials answered without an access token; nothing was issued.');
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
                const down = await exchanger.downscope(delivered.accessToken, (0,_boundary_js__WEBPACK_IMPORTED_MODULE_4__/* .boundaryOptions */ .hl)(s.boundary));
                if (!down.accessToken)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2('Google STS answered the downscoping call without a token; nothing was issued.');
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
            notes.push(`Downscoped by a Credential Access Boundary: Cloud Storage only, ${(0,_boundary_js__WEBPACK_IMPORTED_MODULE_4__/* .describeBoundary */ .gw)(s.boundary)}; other APIs refuse it.`);
        }
        notes.push(`${NO_REVOKE} once closed.`);
        const scopeParts = [
            s.serviceAccount
                ? `service account ${s.serviceAccount}`
                : `direct federation through ${s.pool}/${s.providerId}`,
        ];
        scopeParts.push(`scopes ${s.scopes.join(' ')}`);
        if (s.boundary.length)
            scopeParts.push(`boundary ${(0,_boundary_js__WEBPACK_IMPORTED_MODULE_4__/* .describeBoundary */ .gw)(s.boundary)}`);
        const credential = {
            principal: s.serviceAccount ?? federatedPrincipal(s, jwt),
            expiresAt,
            accessToken: delivered.accessToken,
            // The intermediate tokens are masked too, though they never leave this process.
            secrets,
            scope: scopeParts.join('; '),
            ...(s.boundary.length ? { scopeDigest: (0,_boundary_js__WEBPACK_IMPORTED_MODULE_4__/* .boundaryDigest */ .F5)(s.boundary) } : {}),
            facts: {
                workloadIdentityProvider: s.workloadIdentityProvider,
                tokenType: s.serviceAccount ? 'service-account' : 'federated',
                ...(s.serviceAccount
                    ? { serviceAccount: s.serviceAccount, lifetimeSeconds: s.duration }
                    : {}),
                ...(s.serviceAccount && s.duration !== _settings_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_DURATION */ .jI
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
        return {
            credential,
            handle: {
                federated: !s.serviceAccount,
                lifetimeSeconds: s.serviceAccount ? s.duration : null,
            },
        };
    },
    async deliver({ settings: s }, credential, ctx) {
        const token = credential.accessToken;
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
            env['CLOUDSDK_CONFIG'] = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.dir, 'gcloud');
        }
        return { env, files: [], outputs: {}, unset: [...COMPETING] };
    },
    async close(handle, ctx) {
        const lifetime = handle.lifetimeSeconds;
        const why = handle.federated
            ? `${NO_REVOKE}; as a direct federation token it dies with the GitHub OIDC token`
            : `${NO_REVOKE}; generateAccessToken bounded it to ${lifetime !== null ? (0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(lifetime) : 'its lifetime'}`;
        return (0,_provider_js__WEBPACK_IMPORTED_MODULE_7__/* .expiryClose */ .w0)(ctx, why);
    },
    readHandle(raw) {
        const h = (0,_provider_js__WEBPACK_IMPORTED_MODULE_7__/* .handleObject */ .oh)(raw, 'gcp');
        const lifetime = h['lifetimeSeconds'];
        return {
            federated: h['federated'] === true,
            lifetimeSeconds: typeof lifetime === 'number' && Number.isSafeInteger(lifetime) && lifetime > 0
                ? lifetime
                : null,
        };
    },
};


/***/ }),

/***/ 7726:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tu: () => (/* binding */ parseGcpSettings),
/* harmony export */   Zl: () => (/* binding */ CLOUD_PLATFORM_SCOPE),
/* harmony export */   jI: () => (/* binding */ DEFAULT_DURATION)
/* harmony export */ });
/* unused harmony exports GCP_INPUT, MAX_DURATION, MAX_EXTENDED_DURATION, MIN_DURATION, ENDPOINT_ENV, DEFAULT_ENDPOINTS, parseWorkloadIdentityProvider, parseServiceAccount, parseLifetime, parseScopes, parseProjectId, parseEndpoints */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _policy_issuer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1819);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9205);
/* harmony import */ var _boundary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7609);




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
    const boundary = boundaryText === undefined ? [] : (0,_boundary_js__WEBPACK_IMPORTED_MODULE_3__/* .parseAccessBoundary */ .Sm)(boundaryText);
    if (boundary.length && !scopes.includes(CLOUD_PLATFORM_SCOPE)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`'access-boundary' needs a token with the ${CLOUD_PLATFORM_SCOPE} scope to downscope, but 'scopes' is ` +
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid workload-identity-provider '${value}'. Expected the provider's full resource name, such as ${example} ` +
            '(gcloud iam workload-identity-pools providers describe PROVIDER --location=global --workload-identity-pool=POOL --format="value(name)").');
    }
    const [, project, location, pool, provider] = m;
    if (!/^\d+$/.test(project)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid workload-identity-provider '${value}': '${project}' must be the project number, not the project id ` +
            `(gcloud projects describe ${project} --format="value(projectNumber)").`);
    }
    if (location !== 'global') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid workload-identity-provider '${value}': workload identity pools live in location 'global', not '${location}'.`);
    }
    for (const [what, id] of [
        ['pool', pool],
        ['provider', provider],
    ]) {
        if (!WIF_ID.test(id)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid workload-identity-provider '${value}': the ${what} id '${id}' must be 4 to 32 lower-case letters, digits or hyphens.`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid service-account '${value}'. Expected a service account email such as ` +
            'deploy@my-project.iam.gserviceaccount.com (the email, not the display name or the numeric unique id).');
    }
    return value;
}
function parseLifetime(requested, serviceAccount, extended) {
    if (serviceAccount === undefined) {
        if (requested !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`'duration: ${(0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(requested)}' needs 'service-account': without one, the federated token is used ` +
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration '${(0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(duration)}' for Google Cloud. Use between ${MIN_DURATION}s and ${(0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(max)}.${hint}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid scope '${scope}' in 'scopes'. Expected an OAuth scope URL such as ${CLOUD_PLATFORM_SCOPE}.${short}`);
    }
    return [...new Set(values)];
}
/** The project handed to tools: the input, else the service account's project, else none. */
function parseProjectId(value, serviceAccount) {
    if (value !== undefined) {
        if (!PROJECT_ID.test(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid project-id '${value}'. Expected a project id such as my-project-123 (6 to 30 lower-case letters, digits or hyphens).`);
        }
        return value;
    }
    const m = serviceAccount
        ? /@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(serviceAccount)
        : null;
    return m?.[1];
}
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
            !(url.protocol === 'https:' || (url.protocol === 'http:' && (0,_policy_issuer_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .cW)(url.hostname)))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}': expected an https URL (plain http only on 127.0.0.1 or localhost), such as ${DEFAULT_ENDPOINTS[key]}.`);
        }
        endpoints[key] = value.replace(/\/+$/, '');
        overridden.push(name);
    }
    return { endpoints, overridden };
}


/***/ }),

/***/ 9205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_0__.a)
/* harmony export */ });
/* unused harmony exports parseList, parseBoolean, parseDuration */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7607);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input '${name}' is required${hint ? `: ${hint}` : '.'}`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected one of: ${allowed.join(', ')}.`);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Invalid ${name} '${value}'. Expected true or false.`);
}
/** Seconds from `300`, `300s`, `5m`, `1h`, `1h30m`; anything else is an error that shows the accepted forms. */
function parseDuration(name, value) {
    const seconds = (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(value);
    if (seconds === undefined) {
        const zero = /^[0hms]*$/.test(value.trim()) && /0/.test(value);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(zero
            ? `Invalid ${name} '${value}'. It must be longer than zero.`
            : `Invalid ${name} '${value}'. Use seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    return seconds;
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
