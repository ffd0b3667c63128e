export const id = 570;
export const ids = [570];
export const modules = {

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
