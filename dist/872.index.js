export const id = 872;
export const ids = [872,472];
export const modules = {

/***/ 7872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  revokeSession: () => (/* binding */ revokeSession)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/providers/retry.ts
var providers_retry = __webpack_require__(7252);
;// CONCATENATED MODULE: ./src/providers/aws/revoke-policy.ts

/** The one inline policy, on the target role, that holds every session this project revoked. */
const REVOKE_POLICY_NAME = 'jit-credentials-revoked';
/** IAM's limit for all inline policies of one role together, whitespace not counted. */
const ROLE_INLINE_POLICY_LIMIT = 10_240;
const SID_PREFIX = 'JitRevoke';
/** IAM allows only [0-9A-Za-z] in a Sid; grant ids are `aws-<hex>`. */
function revokeSid(grantId) {
    return `${SID_PREFIX}${grantId.replace(/[^0-9A-Za-z]/g, '')}`;
}
/**
 * Denies everything to one session until its STS expiry. The DateLessThan makes the
 * statement inert once the session would be refused anyway, which is what lets a later
 * close drop it without reopening anything.
 */
function sessionDeny(sid, assumedRoleId, sessionExpiry) {
    return {
        Sid: sid,
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
            StringEquals: { 'aws:userid': assumedRoleId },
            DateLessThan: { 'aws:CurrentTime': sessionExpiry.toISOString() },
        },
    };
}
/** The document IAM returned (already URL-decoded), or an empty one when there is none yet. */
function parseRevokeDocument(text) {
    if (text === undefined || text.trim() === '')
        return { Version: '2012-10-17', Statement: [] };
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new errors/* CloudError */.K2(`The inline policy '${REVOKE_POLICY_NAME}' is not JSON; delete it (aws iam delete-role-policy) and close again.`);
    }
    const d = doc;
    if (!d || typeof d !== 'object' || d.Statement === undefined) {
        throw new errors/* CloudError */.K2(`The inline policy '${REVOKE_POLICY_NAME}' has no Statement; delete it and close again.`);
    }
    const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
    return {
        Version: typeof d.Version === 'string' ? d.Version : '2012-10-17',
        Statement: list,
    };
}
/**
 * When a statement stops applying for good: the latest of its `DateLessThan aws:CurrentTime`
 * values (several values OR together). Undefined when it has no such end: kept forever.
 */
function statementEnd(s) {
    for (const [operator, block] of Object.entries(s.Condition ?? {})) {
        if (operator !== 'DateLessThan' && operator !== 'DateLessThanEquals')
            continue;
        for (const [key, value] of Object.entries(block)) {
            if (key.toLowerCase() !== 'aws:currenttime')
                continue;
            const times = (Array.isArray(value) ? value : [value]).map((v) => /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));
            if (times.some((t) => Number.isNaN(t)))
                return undefined;
            return Math.max(...times);
        }
    }
    return undefined;
}
/**
 * Drops statements that can never apply again at `nowMs` (AWS's clock, as far as it is
 * known). Conditions AND together, so a passed DateLessThan disables the statement whoever
 * wrote it; statements without such an end are kept.
 */
function pruneExpired(doc, nowMs) {
    const kept = doc.Statement.filter((s) => {
        const end = statementEnd(s);
        return end === undefined || end > nowMs;
    });
    return { doc: { ...doc, Statement: kept }, dropped: doc.Statement.length - kept.length };
}
/** Adds (or replaces, when closing again) the statement with the same Sid. */
function withStatement(doc, statement) {
    return {
        ...doc,
        Statement: [...doc.Statement.filter((s) => s.Sid !== statement.Sid), statement],
    };
}
function hasStatement(doc, sid) {
    return doc.Statement.some((s) => s.Sid === sid);
}
/** As IAM counts it against the 10,240: characters other than whitespace. */
function iamPolicySize(text) {
    return text.replace(/\s/g, '').length;
}
function serialize(doc) {
    return JSON.stringify(doc);
}
/** What to do when the role's inline policies are full: said before IAM says LimitExceeded. */
function sizeAdvice(roleArn, live) {
    return (`IAM allows ${ROLE_INLINE_POLICY_LIMIT} characters for all inline policies of ${roleArn} together, and ` +
        `'${REVOKE_POLICY_NAME}' already holds ${live} revoked sessions that have not expired. Each entry is dropped ` +
        "automatically after its session's expiry: shorten 'duration' (entries then expire sooner), close fewer " +
        'sessions with revoke-role in the same window, or move other inline policies of the role into managed policies.');
}
/** Refuses a document that cannot fit even alone; the other inline policies are IAM's to count. */
function checkSize(text, roleArn, live) {
    const size = iamPolicySize(text);
    if (size > ROLE_INLINE_POLICY_LIMIT) {
        throw new errors/* CloudError */.K2(`The revocation policy would be ${size} characters. ${sizeAdvice(roleArn, live)}`);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
;// CONCATENATED MODULE: ./src/providers/aws/revoke-verify.ts




/** Default bound on waiting for IAM to apply the deny; JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS overrides it. */
const DEFAULT_VERIFY_SECONDS = 60;
/** The [default] profile of the grant's own credentials file (written by deliver). */
function readCredentialsFile(dir) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'credentials'), 'utf8');
    }
    catch {
        return undefined;
    }
    const values = new Map();
    for (const line of text.split('\n')) {
        const m = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(line);
        if (m)
            values.set(m[1], m[2]);
    }
    const accessKeyId = values.get('aws_access_key_id');
    const secretAccessKey = values.get('aws_secret_access_key');
    const sessionToken = values.get('aws_session_token');
    return accessKeyId && secretAccessKey && sessionToken
        ? { accessKeyId, secretAccessKey, sessionToken }
        : undefined;
}
function verifySeconds(env) {
    const v = Number(env['JIT_CREDENTIALS_REVOKE_VERIFY_SECONDS']);
    return Number.isFinite(v) && v >= 0 ? v : DEFAULT_VERIFY_SECONDS;
}
/**
 * Calls sts:GetAccessKeyInfo with the revoked session until AWS answers with an explicit
 * deny. It needs a permission, so a deny refuses it (GetCallerIdentity would still answer);
 * and an implicit deny (the role never allowed it) is told apart from the explicit one by
 * AWS's wording, so the probe works whether or not the role grants the action.
 */
async function probeUntilDenied(keys, options) {
    const client = new client_sts_dist_cjs/* STSClient */.iM({
        region: options.region,
        endpoint: options.endpoint,
        credentials: keys,
        maxAttempts: 1,
        requestHandler: {
            requestTimeout: options.timeoutMs,
            connectionTimeout: options.timeoutMs,
            throwOnRequestTimeout: true,
        },
    });
    const deadline = options.now() + options.boundMs;
    let delay = 500;
    let last;
    try {
        for (;;) {
            try {
                await client.send(new client_sts_dist_cjs/* GetAccessKeyInfoCommand */.FI({ AccessKeyId: keys.accessKeyId }));
                last = 'the session was still accepted';
            }
            catch (err) {
                const e = err;
                const message = e.message ?? (0,errors/* errorMessage */.gJ)(err);
                if (/explicit deny/i.test(message)) {
                    const by = /identity-based policy/i.test(message)
                        ? 'identity'
                        : /session policy/i.test(message)
                            ? 'session'
                            : 'unknown';
                    return { refused: 'explicit-deny', by };
                }
                if (e.name === 'ExpiredToken' || e.name === 'ExpiredTokenException')
                    return { refused: 'expired' };
                // An implicit deny, a skewed clock or a network error: IAM may not have applied the deny yet.
                last = `${e.name ?? 'Error'}: ${message}`;
            }
            const left = deadline - options.now();
            if (left <= 0)
                return { refused: false, last };
            await options.sleep(Math.min(delay, left));
            delay = Math.min(delay * 2, 8000);
        }
    }
    finally {
        client.destroy();
    }
}

// EXTERNAL MODULE: ./src/providers/aws/settings.ts
var settings = __webpack_require__(339);
// EXTERNAL MODULE: ./src/providers/aws/sts.ts
var sts = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/providers/aws/revoke.ts








/** STS's minimum: the revoker needs a couple of calls, nothing more. */
const REVOKER_SESSION_SECONDS = 900;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function isRetryableIamError(err) {
    const e = err;
    if (e?.name &&
        /^(Throttling|ThrottlingException|ServiceFailure|ServiceFailureException|RequestLimitExceeded)$/.test(e.name))
        return true;
    // The signer has just corrected the runner's clock from IAM's Date header: the next attempt is signed right.
    if (e?.$metadata?.clockSkewCorrected)
        return true;
    const status = e?.$metadata?.httpStatusCode;
    return (status !== undefined && status >= 500) || (0,providers_retry/* isNetworkError */.TX)(err);
}
/** IAM is global; its signing region is the partition's first one. */
function iamRegion(roleArn) {
    const partition = roleArn.split(':')[1];
    if (partition === 'aws-cn')
        return 'cn-north-1';
    if (partition === 'aws-us-gov')
        return 'us-gov-west-1';
    return 'us-east-1';
}
function roleName(roleArn) {
    return roleArn.slice(roleArn.lastIndexOf('/') + 1);
}
async function revokeSession(session, ctx, deps = {}) {
    const grant = { id: session.grantId };
    const revoker = session.revokeRole;
    const roleArn = session.roleArn;
    const assumedRoleId = session.assumedRoleId;
    const stsExpiration = new Date(session.sessionExpiresAt);
    const region = session.region;
    const audience = session.audience || settings/* DEFAULT_AUDIENCE */.Z4;
    if (!assumedRoleId || !roleArn || Number.isNaN(stsExpiration.getTime())) {
        throw new errors/* CloudError */.K2(`Grant ${grant.id} has no AssumedRoleId or expiry on record; there is no session to deny.`);
    }
    const sleep = deps.sleep ?? realSleep;
    const clock = deps.clock ?? (() => Date.now());
    const timeoutMs = (0,providers_retry/* httpTimeoutMs */.C)(ctx.env);
    const stsEndpoint = ctx.env['AWS_ENDPOINT_URL_STS'] || ctx.env['AWS_ENDPOINT_URL'] || undefined;
    const retry = {
        attempts: 3,
        baseDelayMs: 250,
        sleep,
        onRetry: (err, attempt, delay) => ctx.log.info(`IAM attempt ${attempt} failed (${err.name}); retrying in ${delay} ms`),
    };
    // 1. The revoker's session, from its own trust policy.
    const token = await ctx.idToken(audience);
    const revokerSettings = {
        role: revoker,
        region,
        duration: REVOKER_SESSION_SECONDS,
        stsDuration: REVOKER_SESSION_SECONDS,
        needsWindow: false,
        sessionPolicy: undefined,
        managedPolicies: [],
        sessionName: `jit-revoke.${grant.id}`.slice(0, 64),
        audience,
        endpoint: stsEndpoint,
        revokeRole: undefined,
        timeoutMs,
    };
    let creds;
    try {
        const out = await (0,sts.assumeRole)(revokerSettings, { token, sessionPolicy: undefined }, { timeoutMs, retry: { sleep } });
        creds = out.Credentials;
    }
    catch (err) {
        throw new errors/* CloudError */.K2(`Could not revoke session ${assumedRoleId}: the revoker role ${revoker} could not be assumed. ${(0,errors/* errorMessage */.gJ)(err)}\n` +
            `The revoker's trust policy must accept this workflow's GitHub token (audience '${audience}') as ${roleArn}'s does.`, false, { cause: err });
    }
    if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken) {
        throw new errors/* CloudError */.K2(`AWS STS answered without credentials for the revoker role ${revoker}; nothing was revoked.`);
    }
    // 2. Read, prune, add, write: IAM's own clock decides what has expired.
    const iam = new dist_cjs/* IAMClient */.h8v({
        region: iamRegion(roleArn),
        endpoint: (0,settings/* iamEndpoint */.rW)(ctx.env),
        credentials: {
            accessKeyId: creds.AccessKeyId,
            secretAccessKey: creds.SecretAccessKey,
            sessionToken: creds.SessionToken,
        },
        maxAttempts: 1,
        requestHandler: {
            requestTimeout: timeoutMs,
            connectionTimeout: timeoutMs,
            throwOnRequestTimeout: true,
        },
    });
    let serverTime;
    iam.middlewareStack.add((next) => async (args) => {
        const seen = (headers) => {
            const t = Date.parse(headers?.['date'] ?? headers?.['Date'] ?? '');
            if (!Number.isNaN(t))
                serverTime = t;
        };
        try {
            const result = await next(args);
            seen(result.response.headers);
            return result;
        }
        catch (err) {
            seen(err.$response?.headers);
            throw err;
        }
    }, { step: 'finalizeRequest', name: 'jitCredentialsServerDate' });
    const target = { RoleName: roleName(roleArn), PolicyName: REVOKE_POLICY_NAME };
    const sid = revokeSid(grant.id);
    const refused = (action, err) => new errors/* CloudError */.K2(`Could not revoke session ${assumedRoleId}: IAM refused ${action} on ${roleArn} for the revoker role ${revoker}: ` +
        `${(0,errors/* errorMessage */.gJ)(err)}\nAllow the revoker ${action} on ${roleArn} (and only that role).`, false, { cause: err });
    let pruned;
    let live;
    try {
        // Another job may write the same policy between our read and write: read back, and redo if ours is gone.
        for (let round = 1;; round++) {
            let current;
            try {
                const got = await (0,providers_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* GetRolePolicyCommand */.WHQ(target)), {
                    ...retry,
                    isRetryable: isRetryableIamError,
                });
                current =
                    got.PolicyDocument === undefined ? undefined : decodeURIComponent(got.PolicyDocument);
            }
            catch (err) {
                const name = err.name ?? '';
                if (name === 'NoSuchEntity' || name === 'NoSuchEntityException')
                    current = undefined;
                else if (/AccessDenied/.test(name))
                    throw refused('iam:GetRolePolicy', err);
                else
                    throw new errors/* CloudError */.K2(`Could not revoke session ${assumedRoleId}: IAM GetRolePolicy failed: ${name}: ${(0,errors/* errorMessage */.gJ)(err)}`, false, { cause: err });
            }
            const now = serverTime ?? ctx.now.getTime();
            const result = pruneExpired(parseRevokeDocument(current), now);
            pruned = result.dropped;
            const doc = withStatement(result.doc, sessionDeny(sid, assumedRoleId, stsExpiration));
            live = doc.Statement.length;
            const text = serialize(doc);
            checkSize(text, roleArn, live - 1);
            try {
                await (0,providers_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* PutRolePolicyCommand */.pMt({ ...target, PolicyDocument: text })), {
                    ...retry,
                    isRetryable: isRetryableIamError,
                });
            }
            catch (err) {
                const name = err.name ?? '';
                if (/AccessDenied/.test(name))
                    throw refused('iam:PutRolePolicy', err);
                if (/LimitExceeded/.test(name)) {
                    throw new errors/* CloudError */.K2(`Could not revoke session ${assumedRoleId}: ${(0,errors/* errorMessage */.gJ)(err)}. ${sizeAdvice(roleArn, live - 1)}`, false, {
                        cause: err,
                    });
                }
                throw new errors/* CloudError */.K2(`Could not revoke session ${assumedRoleId}: IAM PutRolePolicy failed: ${name}: ${(0,errors/* errorMessage */.gJ)(err)}`, false, { cause: err });
            }
            const back = await (0,providers_retry/* withRetry */.bD)(() => iam.send(new dist_cjs/* GetRolePolicyCommand */.WHQ(target)), {
                ...retry,
                isRetryable: isRetryableIamError,
            });
            if (back.PolicyDocument &&
                hasStatement(parseRevokeDocument(decodeURIComponent(back.PolicyDocument)), sid))
                break;
            if (round >= 3) {
                throw new errors/* CloudError */.K2(`Could not revoke session ${assumedRoleId}: other writers kept replacing '${REVOKE_POLICY_NAME}' on ${roleArn}.`);
            }
            ctx.log.info(`'${REVOKE_POLICY_NAME}' was rewritten by another job meanwhile; writing this session's deny again.`);
        }
    }
    finally {
        iam.destroy();
    }
    const written = `a deny of aws:userid ${assumedRoleId} until ${stsExpiration.toISOString()} was written to ${roleArn}'s inline policy ` +
        `'${REVOKE_POLICY_NAME}' (${live} ${live === 1 ? 'entry' : 'entries'}${pruned ? `, ${pruned} expired dropped` : ''})`;
    // 3. Proof: the session's own keys, refused with an explicit deny.
    const keys = ctx.dir ? readCredentialsFile(ctx.dir) : undefined;
    if (!keys) {
        return {
            method: 'revoked',
            verified: false,
            note: `${written}; not verified: the grant's credentials file was not there to probe with`,
        };
    }
    const bound = verifySeconds(ctx.env);
    const started = clock();
    const outcome = await probeUntilDenied(keys, {
        region,
        endpoint: stsEndpoint,
        timeoutMs,
        boundMs: bound * 1000,
        sleep,
        now: clock,
    });
    const waited = (0,inputs/* formatDuration */.a3)(Math.max(0, Math.round((clock() - started) / 1000)));
    if (outcome.refused === 'explicit-deny') {
        return {
            method: 'revoked',
            verified: true,
            note: `AWS refuses the session with an explicit deny (seen after ${waited}): ${written}`,
        };
    }
    if (outcome.refused === 'expired') {
        return {
            method: 'revoked',
            verified: false,
            note: `${written}; the session had expired before the deny could be observed`,
        };
    }
    return {
        method: 'revoked',
        verified: false,
        note: `${written}, but AWS did not refuse the session within ${(0,inputs/* formatDuration */.a3)(bound)} (IAM changes can take minutes to apply; ` +
            `last answer: ${outcome.last}). It stops working by ${stsExpiration.toISOString()} at the latest`,
    };
}


/***/ }),

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
