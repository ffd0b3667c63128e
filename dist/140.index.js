export const id = 140;
export const ids = [140];
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

/***/ 3219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nS: () => (/* binding */ POLICY_ARN),
/* harmony export */   xG: () => (/* binding */ ROLE_ARN)
/* harmony export */ });
/* unused harmony export roleAccount */
/**
 * The one shape of an IAM role ARN, for inputs, policy rules and close handles alike: the
 * partition, a 12-digit account (captured), an optional path, and a name of at most 64 of
 * IAM's characters.
 */
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
/** Managed policy ARNs (session policies): an account's own, or AWS's. */
const POLICY_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-[a-z])?:iam::(?:\d{12}|aws):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;
/** The account id of a role ARN, or undefined when it is not one. */
function roleAccount(arn) {
    return ROLE_ARN.exec(arn)?.[1];
}


/***/ }),

/***/ 9140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AWS_OUTPUTS: () => (/* binding */ AWS_OUTPUTS),
/* harmony export */   awsProvider: () => (/* binding */ awsProvider)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9205);
/* harmony import */ var _provider_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9545);
/* harmony import */ var _session_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9383);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(339);
/* harmony import */ var _arn_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3219);







const AWS_OUTPUTS = {
    accessKeyId: 'aws-access-key-id',
    secretAccessKey: 'aws-secret-access-key',
    sessionToken: 'aws-session-token',
};
/** Variables that would make a tool pick other credentials than the grant's. */
const COMPETING = [
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_ROLE_ARN',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_ROLE_SESSION_NAME',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const awsProvider = {
    id: 'aws',
    outputNames: Object.values(AWS_OUTPUTS),
    envNames: [
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_SESSION_TOKEN',
        'AWS_REGION',
        'AWS_DEFAULT_REGION',
        'AWS_CONFIG_FILE',
        'AWS_SHARED_CREDENTIALS_FILE',
    ],
    plan(inputs, common, env) {
        const s = (0,_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .parseAwsSettings */ .WA)(inputs, common, env);
        return {
            settings: s,
            request: {
                provider: 'aws',
                principal: s.role,
                audience: s.audience,
                scope: s.sessionPolicy || s.managedPolicies.length ? 'role narrowed by session policy' : 'role',
                // Below STS's 900 s minimum a session-policy condition makes AWS refuse it at the end of the window.
                lifetime: s.duration,
                requestedLifetime: common.duration,
                endpointOverrides: s.overridden ?? [],
            },
        };
    },
    async issue({ settings: s }, ctx) {
        // The SDK is loaded only when a call is made: a refused input never pays for it.
        const { assumeRole } = await Promise.all(/* import() */[__webpack_require__.e(407), __webpack_require__.e(472)]).then(__webpack_require__.bind(__webpack_require__, 6472));
        // After the SDK has loaded: the window starts as close to the call as it can.
        const requestedAt = ctx.now();
        const windowEnd = s.needsWindow
            ? new Date(requestedAt.getTime() + s.duration * 1000)
            : undefined;
        const sessionPolicy = (0,_session_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .buildSessionPolicy */ .D0)(s.sessionPolicy, windowEnd);
        const out = await assumeRole(s, { token: ctx.token, sessionPolicy }, {
            timeoutMs: s.timeoutMs,
            onRetry: (err, attempt, delay) => ctx.log.info(`STS attempt ${attempt} failed (${err.name}); retrying in ${delay} ms`),
        });
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudError */ .K2('AWS STS answered without credentials; nothing was issued.');
        }
        const stsExpiry = c.Expiration;
        const expiresAt = windowEnd && windowEnd < stsExpiry ? windowEnd : stsExpiry;
        const assumedRoleId = out.AssumedRoleUser?.AssumedRoleId ?? '';
        const credential = {
            principal: out.AssumedRoleUser?.Arn ?? s.role,
            expiresAt,
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            sessionToken: c.SessionToken,
            secrets: [c.AccessKeyId, c.SecretAccessKey, c.SessionToken],
            scope: describeScope(s, windowEnd),
            scopeDigest: (0,_session_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .policyDigest */ .p1)(sessionPolicy, s.managedPolicies),
            facts: {
                roleArn: s.role,
                sessionName: s.sessionName,
                assumedRoleId,
                region: s.region,
                stsDurationSeconds: s.stsDuration,
                stsExpiration: stsExpiry.toISOString(),
                ...(windowEnd ? { enforcedEnd: windowEnd.toISOString() } : {}),
                ...(s.duration === _settings_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_DURATION */ .jI ? {} : { requestedSeconds: s.duration }),
                ...(s.revokeRole ? { revokeRole: s.revokeRole } : {}),
            },
            notes: windowEnd
                ? [
                    `STS issues sessions for at least 15m; a session-policy condition on aws:CurrentTime makes AWS refuse this one after ${(0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(s.duration)}.`,
                ]
                : [],
        };
        const handle = {
            stsExpiration: stsExpiry.toISOString(),
            enforcedEnd: windowEnd?.toISOString() ?? null,
            revoke: s.revokeRole && assumedRoleId
                ? {
                    roleArn: s.role,
                    revokeRole: s.revokeRole,
                    assumedRoleId,
                    audience: s.audience,
                    region: s.region,
                }
                : null,
        };
        return { credential, handle };
    },
    async deliver({ settings: s }, credential, ctx) {
        const { accessKeyId, secretAccessKey, sessionToken } = credential;
        // The command runs as the job's user and could replace files of this action on disk: what
        // closing will run is loaded before it starts.
        if (ctx.mode === 'run' && s.revokeRole)
            await Promise.all(/* import() */[__webpack_require__.e(407), __webpack_require__.e(764), __webpack_require__.e(776)]).then(__webpack_require__.bind(__webpack_require__, 9776));
        const config = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.dir, 'config');
        const credentials = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(ctx.dir, 'credentials');
        const credentialsFile = {
            path: credentials,
            content: `[default]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\naws_session_token = ${sessionToken}\n`,
        };
        if (ctx.mode === 'outputs') {
            return {
                env: {},
                // Revocation probes with the session's own keys at close; the private directory holds them till then.
                files: s.revokeRole ? [credentialsFile] : [],
                outputs: {
                    [AWS_OUTPUTS.accessKeyId]: accessKeyId,
                    [AWS_OUTPUTS.secretAccessKey]: secretAccessKey,
                    [AWS_OUTPUTS.sessionToken]: sessionToken,
                },
            };
        }
        // Files too, in the grant's private directory, for tools that read only profiles.
        return {
            env: {
                AWS_ACCESS_KEY_ID: accessKeyId,
                AWS_SECRET_ACCESS_KEY: secretAccessKey,
                AWS_SESSION_TOKEN: sessionToken,
                AWS_REGION: s.region,
                AWS_DEFAULT_REGION: s.region,
                AWS_CONFIG_FILE: config,
                AWS_SHARED_CREDENTIALS_FILE: credentials,
            },
            files: [{ path: config, content: `[default]\nregion = ${s.region}\n` }, credentialsFile],
            outputs: {},
            unset: COMPETING,
        };
    },
    async close(handle, ctx) {
        // A session already past its expiry needs no deny; otherwise, with a revoker, refuse it now.
        const stsExpiry = new Date(handle.stsExpiration);
        if (handle.revoke && stsExpiry > ctx.now) {
            const { revokeSession } = await Promise.all(/* import() */[__webpack_require__.e(407), __webpack_require__.e(764), __webpack_require__.e(776)]).then(__webpack_require__.bind(__webpack_require__, 9776));
            const target = {
                ...handle.revoke,
                grantId: ctx.grantId,
                sessionExpiresAt: handle.stsExpiration,
            };
            return revokeSession(target, ctx);
        }
        const why = handle.enforcedEnd
            ? 'AWS cannot delete session credentials; its session policy makes AWS refuse them from the time shown'
            : 'AWS cannot delete session credentials; STS refuses them from the time shown';
        return (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .expiryClose */ .w0)(ctx, why);
    },
    readHandle(raw) {
        const h = (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleObject */ .oh)(raw, 'aws');
        const revoke = h['revoke'] === null || h['revoke'] === undefined ? null : (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleObject */ .oh)(h['revoke'], 'aws');
        return {
            stsExpiration: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleString */ .MI)(h, 'stsExpiration', ISO),
            enforcedEnd: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .optionalHandleString */ .iL)(h, 'enforcedEnd', ISO) ?? null,
            revoke: revoke && {
                roleArn: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleString */ .MI)(revoke, 'roleArn', _arn_js__WEBPACK_IMPORTED_MODULE_6__/* .ROLE_ARN */ .xG),
                revokeRole: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleString */ .MI)(revoke, 'revokeRole', _arn_js__WEBPACK_IMPORTED_MODULE_6__/* .ROLE_ARN */ .xG),
                assumedRoleId: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleString */ .MI)(revoke, 'assumedRoleId', /^[A-Z0-9]{8,}:[\w+=,.@-]{2,64}$/),
                audience: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleString */ .MI)(revoke, 'audience', /^[\x21-\x7e]{1,256}$/),
                region: (0,_provider_js__WEBPACK_IMPORTED_MODULE_5__/* .handleString */ .MI)(revoke, 'region', /^[a-z0-9-]{1,32}$/),
            },
        };
    },
};
function describeScope(s, windowEnd) {
    const parts = [`role ${s.role}`];
    if (s.sessionPolicy)
        parts.push('inline session policy');
    if (s.managedPolicies.length)
        parts.push(`${s.managedPolicies.length} managed session policies`);
    if (windowEnd)
        parts.push(`denied after ${windowEnd.toISOString()} (aws:CurrentTime)`);
    return parts.join('; ');
}


/***/ }),

/***/ 9383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ buildSessionPolicy),
/* harmony export */   p1: () => (/* binding */ policyDigest),
/* harmony export */   sU: () => (/* binding */ parseSessionPolicy),
/* harmony export */   vt: () => (/* binding */ STS_MIN_DURATION),
/* harmony export */   wB: () => (/* binding */ checkPolicySize)
/* harmony export */ });
/* unused harmony exports MAX_SESSION_POLICY_CHARS, WINDOW_SID */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** STS's limit on the inline session policy, counted on the plain text. */
const MAX_SESSION_POLICY_CHARS = 2048;
const STS_MIN_DURATION = 900;
const WINDOW_SID = 'JitCredentialsWindow';
/** Parses the user's inline session policy; errors say where the JSON broke and what STS expects. */
function parseSessionPolicy(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input 'session-policy' is not valid JSON (${err.message}). Give an IAM policy document ` +
            'such as {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}.');
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1("Input 'session-policy' must be a JSON object (an IAM policy document).");
    }
    const statement = doc.Statement;
    if (statement === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('Input \'session-policy\' has no "Statement": an IAM policy needs at least one.');
    }
    const statements = Array.isArray(statement) ? statement : [statement];
    for (const [i, s] of statements.entries()) {
        const effect = s?.Effect;
        if (effect !== 'Allow' && effect !== 'Deny') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input 'session-policy': statement ${i + 1} has Effect ${JSON.stringify(effect)}; use "Allow" or "Deny".`);
        }
    }
    return { ...doc, Statement: statements };
}
/**
 * The session policy sent to STS. When the lifetime is below STS's 900 s minimum, a deny of
 * everything after `windowEnd` (aws:CurrentTime) makes the cloud itself end the session
 * early. Without a user policy an allow-all is needed beside it: a session policy with only
 * a deny would allow nothing.
 */
function buildSessionPolicy(user, windowEnd) {
    if (!windowEnd)
        return user ? JSON.stringify(user) : undefined;
    const statements = user
        ? [...user.Statement]
        : [{ Effect: 'Allow', Action: '*', Resource: '*' }];
    statements.push({
        Sid: WINDOW_SID,
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': windowEnd.toISOString() } },
    });
    return JSON.stringify({ Version: user?.Version ?? '2012-10-17', Statement: statements });
}
/** Checked before any call, with a placeholder time of the same length as the real one. */
function checkPolicySize(user, needsWindow) {
    const policy = buildSessionPolicy(user, needsWindow ? new Date(0) : undefined);
    if (policy && policy.length > MAX_SESSION_POLICY_CHARS) {
        const extra = needsWindow
            ? ' with the time-limit statement added for a duration below 900 s'
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`The session policy is ${policy.length} characters${extra}; STS accepts at most ${MAX_SESSION_POLICY_CHARS}. ` +
            "Shorten it (wildcards, fewer statements) or move part of it into a managed policy listed in 'managed-policies'.");
    }
}
function policyDigest(policy, managed) {
    if (!policy && managed.length === 0)
        return undefined;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify({ policy: policy ?? null, managed }))
        .digest('hex');
}


/***/ }),

/***/ 339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WA: () => (/* binding */ parseAwsSettings),
/* harmony export */   jI: () => (/* binding */ DEFAULT_DURATION),
/* harmony export */   rW: () => (/* binding */ iamEndpoint),
/* harmony export */   u1: () => (/* binding */ stsEndpoint)
/* harmony export */ });
/* unused harmony exports AWS_INPUT, DEFAULT_AUDIENCE, MAX_DURATION, MIN_DURATION, grantSessionName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _policy_issuer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1819);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9205);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7252);
/* harmony import */ var _arn_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3219);
/* harmony import */ var _session_policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9383);






const AWS_INPUT = {
    role: 'role',
    region: 'region',
    sessionPolicy: 'session-policy',
    managedPolicies: 'managed-policies',
    revokeRole: 'revoke-role',
};
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
const DEFAULT_DURATION = 900;
const MAX_DURATION = 43_200;
/** Below this, clock skew between the runner and AWS would eat the window. */
const MIN_DURATION = 60;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
function parseAwsSettings(inputs, common, env) {
    const role = inputs.required(AWS_INPUT.role, 'the ARN of the IAM role to assume, e.g. arn:aws:iam::123456789012:role/deploy.');
    if (!_arn_js__WEBPACK_IMPORTED_MODULE_5__/* .ROLE_ARN */ .xG.test(role)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid role '${role}'. Expected an IAM role ARN such as arn:aws:iam::123456789012:role/deploy ` +
            '(a 12-digit account id; the role name, not the role id).');
    }
    const region = inputs.optional(AWS_INPUT.region) ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
    if (region === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1("Input 'region' is required for AWS (e.g. region: eu-west-1).");
    }
    if (!REGION.test(region)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid region '${region}'. Expected an AWS region such as eu-west-1 or us-gov-west-1.`);
    }
    const duration = common.duration ?? DEFAULT_DURATION;
    if (duration < MIN_DURATION || duration > MAX_DURATION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid duration '${(0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(duration)}' for AWS. Use between ${MIN_DURATION}s and 12h ` +
            '(below 15m the session is ended early by a session policy; above 1h the role must allow it).');
    }
    const policyText = inputs.raw(AWS_INPUT.sessionPolicy);
    const sessionPolicy = policyText === undefined ? undefined : (0,_session_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSessionPolicy */ .sU)(policyText);
    const managedPolicies = inputs.list(AWS_INPUT.managedPolicies);
    for (const arn of managedPolicies) {
        if (!_arn_js__WEBPACK_IMPORTED_MODULE_5__/* .POLICY_ARN */ .nS.test(arn)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid managed policy ARN '${arn}' in 'managed-policies'. Expected e.g. arn:aws:iam::aws:policy/ReadOnlyAccess.`);
        }
    }
    if (managedPolicies.length > 10) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`'managed-policies' lists ${managedPolicies.length} ARNs; STS accepts at most 10 session policy ARNs.`);
    }
    const needsWindow = duration < _session_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .STS_MIN_DURATION */ .vt;
    (0,_session_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .checkPolicySize */ .wB)(sessionPolicy, needsWindow);
    const sts = endpointOverride(env, 'STS', STS_ENDPOINT_VARIABLES);
    const revokeRole = parseRevokeRole(inputs.optional(AWS_INPUT.revokeRole), role);
    const iam = revokeRole ? endpointOverride(env, 'IAM', IAM_ENDPOINT_VARIABLES) : undefined;
    const overridden = [sts, iam].flatMap((o) => (o ? [`${o.name}=${o.value}`] : []));
    return Object.freeze({
        role,
        region,
        duration,
        stsDuration: Math.max(duration, _session_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .STS_MIN_DURATION */ .vt),
        needsWindow,
        sessionPolicy,
        managedPolicies,
        sessionName: revokeRole === undefined ? common.sessionName : grantSessionName(common.sessionName, common),
        audience: common.audience ?? DEFAULT_AUDIENCE,
        endpoint: sts?.value,
        revokeRole,
        timeoutMs: (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .httpTimeoutMs */ .C)(env),
        overridden: [...new Set(overridden)],
    });
}
/**
 * With revoke-role the session name must end in the grant's id: the deny matches
 * `aws:userid` = role id + session name, so two jobs giving the same custom `session-name`
 * would otherwise deny each other's sessions. The default name already ends in it; a custom
 * one gets `.<id>` appended, shortened from its end to stay within STS's 64 characters.
 */
function grantSessionName(name, common) {
    const grantId = common.grantId;
    const id = grantId.replace(/^[a-z]+-/, '').replace(/[^\w+=,.@-]/g, '-');
    if (name.endsWith(id))
        return name;
    const suffix = `.${id}`;
    return `${name.slice(0, 64 - suffix.length)}${suffix}`;
}
/**
 * The STS endpoint as the SDK picks it, checked: the GitHub token is sent there in clear text
 * unless it is https, so plain http is accepted only on loopback (a local emulator).
 */
function stsEndpoint(env) {
    return endpointOverride(env, 'STS', STS_ENDPOINT_VARIABLES)?.value;
}
const STS_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL'];
const IAM_ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL'];
/** The variable in effect for a service (the first of `names` that is set), checked; undefined when none. */
function endpointOverride(env, service, names) {
    const name = names.find((n) => env[n]);
    if (name === undefined)
        return undefined;
    const value = env[name];
    const url = URL.parse(value) ?? undefined;
    if (!url || !/^https?:$/.test(url.protocol)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${service} endpoint '${value}' in ${names.join('/')}: expected an https URL.`);
    }
    if (url.protocol === 'http:' && !(0,_policy_issuer_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .cW)(url.hostname)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid ${service} endpoint '${value}' in ${name}: plain http is accepted only on loopback (127.0.0.1, ::1, localhost), ` +
            `because the GitHub OIDC token${service === 'IAM' ? "'s credentials" : ''} would cross the network in clear text. Use https, or unset ${name}.`);
    }
    return { name, value };
}
/** As the SDK reads it: the service's own variable first, then the general one. */
function iamEndpoint(env) {
    return env['AWS_ENDPOINT_URL_IAM'] || env['AWS_ENDPOINT_URL'] || undefined;
}
/**
 * The revoker must be another role of the same account: IAM writes only its own account's
 * roles, and a role allowed to edit its own policies could lift any deny put on it.
 */
function parseRevokeRole(value, role) {
    if (value === undefined)
        return undefined;
    if (!_arn_js__WEBPACK_IMPORTED_MODULE_5__/* .ROLE_ARN */ .xG.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid revoke-role '${value}'. Expected an IAM role ARN such as arn:aws:iam::123456789012:role/jit-revoker ` +
            '(a 12-digit account id; the role name, not the role id).');
    }
    if (value === role) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`revoke-role '${value}' is the role itself. Use a separate revoker role that may call iam:PutRolePolicy on ` +
            `${role}: a role that can edit its own policies could remove the deny that ends its sessions.`);
    }
    const account = (arn) => arn.split(':')[4];
    if (account(value) !== account(role)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`revoke-role '${value}' is in account ${account(value)}, the role in ${account(role)}. IAM changes a role's ` +
            'policies only through its own account: create the revoker role in the same account as the role.');
    }
    return value;
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



/***/ })

};
