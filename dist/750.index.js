export const id = 750;
export const ids = [750];
export const modules = {

/***/ 750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exchange: () => (/* binding */ exchange)
/* harmony export */ });
/* unused harmony exports isRetryableEntraError, aadstsOf, translateEntraError */
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2076);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7961);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7252);




/** Throttling, server errors and unreachable metadata may pass; a denial never does. */
function isRetryableEntraError(err) {
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkError */ .TX)(err))
        return true;
    return /temporarily_unavailable|server_error|endpoints_resolution_error|\b(429|5\d\d)\b/.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
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
        const credential = new _azure_identity__WEBPACK_IMPORTED_MODULE_0__/* .ClientAssertionCredential */ .XI(s.tenantId, s.clientId, getAssertion, {
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
        accessToken = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(attempt, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`Entra ID (${s.authority}) answered without an access token; nothing was issued.`);
    return { accessToken, assertion: await getAssertion() };
}
const FEDERATION_CODES = new Set([70021, 700211, 700212, 700213]);
/** Claims of the GitHub token that decide the match, for the message (never the token itself). */
function tokenFacts(token) {
    try {
        const c = token ? (0,jose__WEBPACK_IMPORTED_MODULE_3__/* .decodeJwt */ .i)(token) : {};
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
    const msg = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err);
    const where = `${s.authority}/${s.tenantId}`;
    const prefix = `Entra ID (${where}) refused the token exchange for app ${s.clientId}`;
    const aad = aadstsOf(msg);
    const t = tokenFacts(token);
    if (aad && FEDERATION_CODES.has(aad.code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`${prefix}: ${aad.text}\n` +
            `No federated credential of app ${s.clientId} matches this workflow's token exactly (case-sensitive). The token has\n` +
            `  issuer:   ${t.iss}\n  subject:  ${t.sub}\n  audience: ${t.aud}\n` +
            'Register exactly these on the app (Entra admin center → App registrations → Certificates & secrets → Federated credentials), e.g.\n' +
            `  az ad app federated-credential create --id ${s.clientId} --parameters '${JSON.stringify({ name: 'github', issuer: t.iss, subject: t.sub, audiences: [t.aud] })}'\n` +
            'or run this job where an existing credential expects it (branch, environment, pull request). An app holds at most 20 federated credentials.', false, { cause: err });
    }
    if (isRetryableEntraError(err) &&
        /temporarily_unavailable|server_error|\b(429|5\d\d)\b/.test(msg)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`Entra ID (${where}) failed 3 times for app ${s.clientId}; the last error: ${aad?.text ?? msg}`, true, { cause: err });
    }
    if (aad) {
        switch (aad.code) {
            case 700024:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`${prefix}: ${aad.text}\nThe GitHub token (valid 5 minutes) was not valid when Entra checked it. A fresh one is minted per exchange, so check the runner's clock.`, false, { cause: err });
            case 700016:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${prefix}: ${aad.text}\nCheck 'client-id' (${s.clientId}) and 'tenant-id' (${s.tenantId}): the app must be registered in that tenant.`);
            case 90002:
            case 90072:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${prefix}: ${aad.text}\nCheck 'tenant-id' (${s.tenantId}) and 'authority' (${s.authority}): sovereign clouds have their own authority.`);
            case 700027:
            case 50027:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`${prefix}: ${aad.text}\nEntra could not verify the GitHub token's signature against its issuer ${t.iss}. The federated credential's issuer must be the one that signed the token.`, false, { cause: err });
            case 1002012:
            case 70011:
            case 500011:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${prefix}: ${aad.text}\nFix 'scope' (${s.scope}): the resource must exist in the tenant and end in /.default.`);
            default:
                return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`${prefix}: ${aad.text}`, false, { cause: err });
        }
    }
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isNetworkError */ .TX)(err) ||
        /endpoints_resolution_error|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|certificate|self.signed|timed? ?out|aborted/i.test(msg)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`Could not reach Entra ID at ${s.authority} or read its OpenID metadata (${where}/v2.0/.well-known/openid-configuration), 3 attempts: ${msg}\n` +
            "Check 'authority' / AZURE_AUTHORITY_HOST, 'tenant-id' and the network; a private authority's CA must be trusted (NODE_EXTRA_CA_CERTS).", true, { cause: err });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2(`${prefix}: ${msg}`, false, { cause: err });
}


/***/ })

};
