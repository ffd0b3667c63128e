export const id = 860;
export const ids = [860,570];
export const modules = {

/***/ 6860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DECISIVE_CLAIMS: () => (/* binding */ DECISIVE_CLAIMS),
/* harmony export */   claimsLine: () => (/* binding */ claimsLine),
/* harmony export */   translateExchangeError: () => (/* binding */ translateExchangeError)
/* harmony export */ });
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7961);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2570);



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
        return (0,jose__WEBPACK_IMPORTED_MODULE_2__/* .decodeJwt */ .i)(jwt);
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
    if (!(err instanceof _exchange_js__WEBPACK_IMPORTED_MODULE_1__.ExchangeError))
        return err instanceof Error ? err : new Error(String(err));
    const { code, message } = googleMessage(err.body);
    const said = [code, message].filter(Boolean).join(': ') ||
        (err.status === undefined ? err.message : `HTTP ${err.status}`);
    if (err.status === undefined || err.status === 408 || err.status === 429 || err.status >= 500) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`Google Cloud (${err.url}) did not answer the ${err.stage} call after 3 attempts: ${said}. ` +
            'Try again; if it persists, check the endpoint overrides (GHA_ENDPOINT_OVERRIDE_sts / _iamcredentials) and any proxy.', true);
    }
    const claims = claimsLine(jwt);
    switch (err.stage) {
        case 'federate':
            return federateError(s, err, code, message, said, claims);
        case 'impersonate':
            return impersonateError(s, err, message, said, claims);
        case 'downscope':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Google STS (${err.url}) refused to downscope the token with the given access-boundary: ${said}. ` +
                "Fix 'access-boundary' (Cloud Storage buckets and roles/storage.* roles only, at most 10 rules).");
    }
}
function federateError(s, err, code, message, said, claims) {
    const prefix = `Google STS (${err.url}) refused the GitHub token for ${s.workloadIdentityProvider}: ${said}.`;
    if (/attribute condition/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}\nThe provider's attribute condition rejected this workflow's token. Its claims: ${claims}.\n` +
            'Allow them in the condition (gcloud iam workload-identity-pools providers update-oidc ' +
            `${s.providerId} --workload-identity-pool=${s.pool} --location=global --attribute-condition=...), ` +
            'or run this job where the condition expects (repository, branch, environment). ' +
            '`jit-credentials policy export --target gcp` writes a matching condition.');
    }
    if (/audience/i.test(message) && code !== 'invalid_target') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}\nThe token's audience is not one the provider accepts (token claims: ${claims}). ` +
            `Without 'audience', the token is minted for https://iam.googleapis.com/${s.workloadIdentityProvider}, ` +
            "which providers accept by default; if the provider lists allowed audiences, set 'audience' to one of them or add this one.");
    }
    if (code === 'invalid_target' || err.status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}\nNo enabled provider has that name: check the project number (${s.projectNumber}), the pool ` +
            `(${s.pool}) and provider (${s.providerId}) ids, and that neither is disabled or deleted.`);
    }
    if (/issuer|signature|expired|jwk|key/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}\nGoogle could not verify the GitHub token against the provider's issuer. The provider's issuer URI must be ` +
            `the token's issuer (https://token.actions.githubusercontent.com, or your enterprise's); token claims: ${claims}.`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}\nToken claims: ${claims}.`);
}
function impersonateError(s, err, message, said, claims) {
    const sa = s.serviceAccount ?? '';
    const prefix = `Google IAM Credentials (${err.url}) refused generateAccessToken for ${sa}: ${said}.`;
    if (err.status === 403 && /SERVICE_DISABLED|has not been used|is disabled/i.test(said)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}\nEnable the IAM Service Account Credentials API (iamcredentials.googleapis.com) in the project of the workload identity pool.`);
    }
    if (err.status === 403 || err.status === 401) {
        const repo = /repository="([^"]+)"/.exec(claims)?.[1] ?? 'OWNER/REPO';
        const member = `principalSet://iam.googleapis.com/projects/${s.projectNumber}/locations/global/workloadIdentityPools/${s.pool}/attribute.repository/${repo}`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}\nThe federated identity may not impersonate this service account: it lacks roles/iam.workloadIdentityUser ` +
            `(permission iam.serviceAccounts.getAccessToken) on ${sa}. Grant it, for example:\n` +
            `  gcloud iam service-accounts add-iam-policy-binding ${sa} --role=roles/iam.workloadIdentityUser --member=${member}\n` +
            `(this needs the provider's attribute mapping 'attribute.repository=assertion.repository'). Token claims: ${claims}.`);
    }
    if (err.status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}\nNo such service account: check 'service-account' (${sa}).`);
    }
    if (err.status === 400 && /lifetime/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}\nThe lifetime ${s.duration}s is above what this service account may get: lower 'duration' to 1h or less, ` +
            'or have the organisation policy constraints/iam.allowServiceAccountCredentialLifetimeExtension list it.');
    }
    if (err.status === 400 && /scope/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}\nFix 'scopes' (${s.scopes.join(', ')}).`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}\nToken claims: ${claims}.`);
}


/***/ }),

/***/ 2570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACCESS_TOKEN_TYPE: () => (/* binding */ ACCESS_TOKEN_TYPE),
/* harmony export */   ExchangeError: () => (/* binding */ ExchangeError),
/* harmony export */   Exchanger: () => (/* binding */ Exchanger),
/* harmony export */   JWT_TOKEN_TYPE: () => (/* binding */ JWT_TOKEN_TYPE),
/* harmony export */   TOKEN_EXCHANGE_GRANT: () => (/* binding */ TOKEN_EXCHANGE_GRANT)
/* harmony export */ });
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var google_auth_library_build_src_auth_stscredentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(121);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7726);



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
        this.transport = new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.gaxios.Gaxios({
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
        this.sts = new google_auth_library_build_src_auth_stscredentials_js__WEBPACK_IMPORTED_MODULE_1__.StsCredentials({
            tokenExchangeEndpoint: `${settings.endpoints.sts}/token`,
            transporter: this.transport,
        });
    }
    /** GitHub JWT → federated access token (lives as long as the JWT on Google's side). */
    async federate(jwt) {
        this.stage = 'federate';
        // generateAccessToken needs cloud-platform on the federated token; the SA token gets the user's scopes.
        const scope = this.settings.serviceAccount ? [_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .CLOUD_PLATFORM_SCOPE */ .Zl] : [...this.settings.scopes];
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


/***/ })

};
