export const id = 472;
export const ids = [472];
export const modules = {

/***/ 6472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assumeRole: () => (/* binding */ assumeRole)
/* harmony export */ });
/* unused harmony exports DECISIVE_CLAIMS, isRetryableStsError, translateStsError */
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1695);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7961);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7252);




const DECISIVE_CLAIMS = ['sub', 'aud', 'ref', 'environment', 'job_workflow_ref'];
const RETRYABLE_CODES = new Set([
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'IDPCommunicationError',
    // The SDK names errors after its model shapes, not after the code STS sends.
    'IDPCommunicationErrorException',
    'ServiceUnavailable',
    'InternalFailure',
    'InternalError',
]);
function isRetryableStsError(err) {
    const e = err;
    if (e?.name && RETRYABLE_CODES.has(e.name))
        return true;
    const status = e?.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 500 && !isMalformed(err))
        return true;
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isNetworkError */ .TX)(err);
}
/** The SDK could not read STS's answer as STS XML: a proxy or a wrong endpoint, not worth retrying. */
function isMalformed(err) {
    const e = err;
    return (e?.name === 'SyntaxError' ||
        /Deserialization error|XML parse error|char '.' is not expected|Unexpected end/i.test(e?.message ?? ''));
}
/** One AssumeRoleWithWebIdentity, retried only where another attempt can help. */
async function assumeRole(settings, call, options) {
    const client = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__/* .STSClient */ .iM({
        region: settings.region,
        endpoint: settings.endpoint,
        maxAttempts: 1, // our own retry decides; the SDK's would retry denials' neighbours blindly
        // Without throwOnRequestTimeout the handler only warns and a hung STS hangs the step.
        requestHandler: {
            requestTimeout: options.timeoutMs,
            connectionTimeout: options.timeoutMs,
            throwOnRequestTimeout: true,
        },
    });
    const command = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_2__/* .AssumeRoleWithWebIdentityCommand */ .WH({
        RoleArn: settings.role,
        RoleSessionName: settings.sessionName,
        WebIdentityToken: call.token,
        DurationSeconds: settings.stsDuration,
        Policy: call.sessionPolicy,
        PolicyArns: settings.managedPolicies.length
            ? settings.managedPolicies.map((arn) => ({ arn }))
            : undefined,
    });
    try {
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetry */ .bD)(() => client.send(command), {
            attempts: 3,
            baseDelayMs: 250,
            isRetryable: isRetryableStsError,
            onRetry: options.onRetry,
            ...options.retry,
        });
    }
    catch (err) {
        throw translateStsError(err, settings, call.token);
    }
    finally {
        client.destroy();
    }
}
function claimsLine(token) {
    let claims = {};
    try {
        claims = (0,jose__WEBPACK_IMPORTED_MODULE_3__/* .decodeJwt */ .i)(token);
    }
    catch {
        return '(the token could not be decoded)';
    }
    return DECISIVE_CLAIMS.map((c) => `${c}=${claims[c] === undefined ? '(none)' : JSON.stringify(claims[c])}`).join(', ');
}
/** Turns STS's answer into what the user must change, with the token's deciding claims. */
function translateStsError(err, settings, token) {
    const e = err;
    const code = e?.name ?? 'Error';
    const msg = e?.message ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err);
    const where = settings.endpoint ?? `sts.${settings.region}.amazonaws.com`;
    const prefix = `AWS STS (${where}) refused AssumeRoleWithWebIdentity for ${settings.role}`;
    switch (code) {
        case 'AccessDenied':
        case 'AccessDeniedException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}: ${msg}\nThe role's trust policy did not accept this workflow's token. Its claims: ${claimsLine(token)}.\n` +
                "Allow them in the trust policy (Principal: the account's OIDC provider for token.actions.githubusercontent.com; " +
                'Condition on token.actions.githubusercontent.com:sub and :aud), or run this job where the trust policy expects ' +
                '(branch, environment). `jit-credentials policy export --target aws` writes a matching condition.', false, { cause: err });
        case 'InvalidIdentityToken':
        case 'InvalidIdentityTokenException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}: ${msg}\nSTS could not verify the GitHub token. The account needs an IAM OIDC identity provider for the ` +
                `token's issuer with '${settings.audience}' in its audiences (token claims: ${claimsLine(token)}).`, false, { cause: err });
        case 'ExpiredTokenException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}: ${msg}\nThe GitHub token had expired when STS checked it; a fresh one is minted per attempt, so check the runner's clock.`, false, { cause: err });
        case 'MalformedPolicyDocument':
        case 'MalformedPolicyDocumentException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}: ${msg}\nFix 'session-policy' (or 'managed-policies').`);
        case 'PackedPolicyTooLarge':
        case 'PackedPolicyTooLargeException':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}: ${msg}\nThe session policy is too large once STS packs it: shorten 'session-policy' or use fewer 'managed-policies'.`);
        case 'ValidationError':
            if (/DurationSeconds|MaxSessionDuration/i.test(msg)) {
                return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}: ${msg}\nLower 'duration' (asked ${settings.stsDuration} s) or raise the role's MaxSessionDuration.`);
            }
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${prefix}: ${msg}`);
        default:
            break;
    }
    if (isMalformed(err)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`AWS STS (${where}) answered with something that is not STS XML: ${msg}. Check AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL and any proxy.`, false, { cause: err });
    }
    if (isRetryableStsError(err)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`AWS STS (${where}) failed 3 times for ${settings.role}; the last error: ${code}: ${msg}`, true, { cause: err });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudError */ .K2(`${prefix}: ${code}: ${msg}`, false, { cause: err });
}


/***/ })

};
