export const id = 776;
export const ids = [776,472];
export const modules = {

/***/ 9776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  revokeSession: () => (/* binding */ revokeSession)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/providers/retry.ts
var providers_retry = __webpack_require__(7252);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-iam/dist-cjs/index.js
var dist_cjs = __webpack_require__(6764);
;// CONCATENATED MODULE: ./src/providers/aws/revoke-iam.ts


/** A role's inline policy names, read at most this many pages of 100: bounded like every wait. */
const MAX_LIST_PAGES = 20;
function iamErrorName(err) {
    return err?.name ?? '';
}
const isAccessDenied = (err) => /AccessDenied/.test(iamErrorName(err));
const isLimitExceeded = (err) => /LimitExceeded/.test(iamErrorName(err));
const isNoSuchEntity = (err) => /^NoSuchEntity/.test(iamErrorName(err));
function isRetryableIamError(err) {
    const e = err;
    if (/^(Throttling|ThrottlingException|ServiceFailure|ServiceFailureException|RequestLimitExceeded|ConcurrentModification|ConcurrentModificationException)$/.test(e?.name ?? ''))
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
function revokerIam(options) {
    const iam = new dist_cjs/* IAMClient */.h8v({
        region: iamRegion(options.roleArn),
        endpoint: options.endpoint,
        credentials: options.credentials,
        maxAttempts: 1,
        requestHandler: {
            requestTimeout: options.timeoutMs,
            connectionTimeout: options.timeoutMs,
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
    const roleName = options.roleArn.slice(options.roleArn.lastIndexOf('/') + 1);
    const retry = (fn) => (0,providers_retry/* withRetry */.bD)(fn, {
        attempts: 3,
        baseDelayMs: 250,
        sleep: options.sleep,
        onRetry: options.onRetry,
        isRetryable: isRetryableIamError,
    });
    return {
        roleName,
        async put(name, document) {
            await retry(() => iam.send(new dist_cjs/* PutRolePolicyCommand */.pMt({
                RoleName: roleName,
                PolicyName: name,
                PolicyDocument: document,
            })));
        },
        async get(name) {
            try {
                const out = await retry(() => iam.send(new dist_cjs/* GetRolePolicyCommand */.WHQ({ RoleName: roleName, PolicyName: name })));
                return out.PolicyDocument === undefined
                    ? undefined
                    : decodeURIComponent(out.PolicyDocument);
            }
            catch (err) {
                if (isNoSuchEntity(err))
                    return undefined;
                throw err;
            }
        },
        async list() {
            const names = [];
            let marker;
            for (let page = 0; page < MAX_LIST_PAGES; page++) {
                const out = await retry(() => iam.send(new dist_cjs/* ListRolePoliciesCommand */.Y7N({ RoleName: roleName, Marker: marker })));
                names.push(...(out.PolicyNames ?? []));
                if (!out.IsTruncated || !out.Marker)
                    return names;
                marker = out.Marker;
            }
            throw new Error(`ListRolePolicies on ${roleName} returned more than ${MAX_LIST_PAGES} pages`);
        },
        async delete(name) {
            try {
                await retry(() => iam.send(new dist_cjs/* DeleteRolePolicyCommand */.Tt({ RoleName: roleName, PolicyName: name })));
                return true;
            }
            catch (err) {
                if (isNoSuchEntity(err))
                    return false;
                throw err;
            }
        },
        serverNow: () => serverTime,
        destroy: () => iam.destroy(),
    };
}

;// CONCATENATED MODULE: ./src/providers/aws/revoke-policy.ts
/**
 * The inline policies that deny revoked sessions on a role: one policy per revoked session.
 *
 * Why one per session. IAM's PutRolePolicy replaces a whole named document and has no
 * condition (no ETag, no version check), so two writers of one document lose each other's
 * entries: eight matrix legs closing at once through a read-modify-write of one shared policy
 * lost one or two denies in every run, and a leg could see its deny, record "verified", and
 * have it overwritten a moment later. With a name of its own per session no writer ever
 * rewrites another's document, so nothing needs a lock IAM does not have. What is shared is
 * only deletion, and the name says when a policy may go: a pruner deletes a policy only after
 * reading it and seeing that every statement in it has ended by IAM's own clock, which can
 * never be true of a live session's deny (its end is the session's STS expiry, and nobody
 * rewrites a policy with that name to something longer-lived). Two pruners deleting the same
 * expired policy is harmless. The cost is ~40 characters of envelope per session out of the
 * role's 10,240 and a ListRolePolicies per close.
 *
 * The single policy of earlier versions (`jit-credentials-revoked`) is read, never written or
 * deleted: an older version may still be doing its read-modify-write on it, and deleting it
 * between that version's read and write would drop a live deny without anyone noticing. It
 * is reported when the budget is full, with what to do.
 */
/** Names of the per-session policies: prefix, grant id, session end (UTC, whole seconds). */
const REVOKE_POLICY_PREFIX = 'jit-revoke.';
/** The one shared document earlier versions wrote; left to them. */
const LEGACY_POLICY_NAME = 'jit-credentials-revoked';
/** IAM's limit for all inline policies of one role together, whitespace not counted. */
const ROLE_INLINE_POLICY_LIMIT = 10_240;
const NAME = /^jit-revoke\.([\w+=,@-]{1,80})\.(\d{8}T\d{6}Z)$/;
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
/** Rounded up: the deny never ends before the session does. */
function wholeSeconds(t) {
    return new Date(Math.ceil(t.getTime() / 1000) * 1000);
}
function compact(t) {
    return t
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
}
/**
 * `jit-revoke.<grant id>.<end>`: unique per grant, and the end lets a pruner skip reading the
 * policies of live sessions. The end in the name is only a hint: deletion reads the document.
 */
function revokePolicyName(grantId, sessionEnd) {
    const name = `${REVOKE_POLICY_PREFIX}${grantId}.${compact(wholeSeconds(sessionEnd))}`;
    if (!NAME.test(name) || !POLICY_NAME.test(name)) {
        throw new Error(`grant id '${grantId}' cannot name an IAM policy`);
    }
    return name;
}
/** The end a per-session policy's name claims, or undefined for any other policy name. */
function revokePolicyEnd(name) {
    const m = NAME.exec(name);
    if (!m)
        return undefined;
    const s = m[2];
    const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? undefined : t;
}
/**
 * Denies everything to one session until its STS expiry. The DateLessThan makes the
 * statement inert once the session would be refused anyway, which is what lets a later
 * close delete it without reopening anything. No Sid: the policy's name identifies it.
 */
function sessionDeny(assumedRoleId, sessionEnd) {
    return {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
            StringEquals: { 'aws:userid': assumedRoleId },
            DateLessThan: {
                'aws:CurrentTime': wholeSeconds(sessionEnd).toISOString().replace('.000Z', 'Z'),
            },
        },
    };
}
function sessionDenyDocument(assumedRoleId, sessionEnd) {
    return JSON.stringify({
        Version: '2012-10-17',
        Statement: [sessionDeny(assumedRoleId, sessionEnd)],
    });
}
/** A document as IAM returns it (already URL-decoded); undefined when it is not a policy. */
function parsePolicy(text) {
    if (text === undefined)
        return undefined;
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const d = doc;
    if (!d || typeof d !== 'object' || d.Statement === undefined)
        return undefined;
    const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
    if (list.some((s) => !s || typeof s !== 'object'))
        return undefined;
    return {
        Version: typeof d.Version === 'string' ? d.Version : '2012-10-17',
        Statement: list,
    };
}
/**
 * When a statement stops applying for good: the latest of its `DateLessThan aws:CurrentTime`
 * values (several values OR together). Undefined when it has no such end: it never ends.
 * With several such conditions the first is taken; conditions AND together, so the true end
 * is no later than that: the answer is never too early.
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
/** True when no statement of the document can apply at `nowMs` or ever after. */
function isInert(doc, nowMs) {
    return doc.Statement.every((s) => {
        const end = statementEnd(s);
        return end !== undefined && end < nowMs;
    });
}
/** Whether the document still holds the deny of this session until `sessionEnd` at least. */
function deniesSession(doc, assumedRoleId, sessionEnd) {
    const want = JSON.stringify(sessionDeny(assumedRoleId, sessionEnd));
    return !!doc && doc.Statement.some((s) => JSON.stringify(s) === want);
}
/** As IAM counts it against the 10,240: characters other than whitespace. */
function iamPolicySize(text) {
    return text.replace(/\s/g, '').length;
}
const n = (x) => x.toLocaleString('en-US');
/**
 * What to tell the user when IAM refuses the deny for size: the role's usage, what is ours
 * and live (it will go by itself), what is stale, and what they can delete or change.
 */
function budgetAdvice(roleArn, needed, usage) {
    const role = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    const head = usage
        ? `the inline policies of ${roleArn} use ${n(usage.total)} of ${n(ROLE_INLINE_POLICY_LIMIT)} characters, and this deny needs ${needed} more.`
        : `the inline policies of ${roleArn} are at IAM's limit of ${n(ROLE_INLINE_POLICY_LIMIT)} characters (the revoker could not list them), and this deny needs ${needed} more.`;
    const parts = [head];
    if (usage) {
        const ours = usage.policies.filter((p) => p.name.startsWith(REVOKE_POLICY_PREFIX));
        if (ours.length) {
            parts.push(`${ours.length} are live revocations of jit-credentials (${n(ours.reduce((a, p) => a + p.size, 0))} characters), each deleted by a later close once its session has expired.`);
        }
        const legacy = usage.policies.find((p) => p.name === LEGACY_POLICY_NAME);
        if (legacy) {
            parts.push(`'${LEGACY_POLICY_NAME}' (${n(legacy.size)} characters, written by an earlier version) is ${legacy.inert ? 'inert: all its sessions have expired' : 'still live'}; delete it (aws iam delete-role-policy --role-name ${role} --policy-name ${LEGACY_POLICY_NAME}) once no older version of jit-credentials revokes sessions of this role.`);
        }
        const others = usage.policies.filter((p) => !p.name.startsWith(REVOKE_POLICY_PREFIX) && p.name !== LEGACY_POLICY_NAME);
        if (others.length) {
            parts.push(`Other inline policies: ${others.map((p) => `${p.name} (${n(p.size)})`).join(', ')}.`);
        }
    }
    parts.push(`Delete stale inline policies from ${roleArn} or move them into managed policies (which do not count), ` +
        "shorten 'duration' so revocations expire sooner, or revoke fewer sessions of this role at once.");
    return parts.join(' ');
}

;// CONCATENATED MODULE: ./src/providers/aws/revoke-prune.ts



/** Expired revocations deleted per close at most: every close does its share, none takes long. */
const MAX_DELETES_PER_CLOSE = 25;
/**
 * Deletes the per-session revocations whose sessions have expired, judged by IAM's clock
 * (the Date of its answers), never the runner's. The name's end picks the candidates; the
 * document, read just before, decides: only a policy whose every statement has ended is
 * deleted, so a live session's deny is never touched, whoever named it what. Policies of
 * any other name, the earlier versions' shared one included, are left alone.
 */
async function pruneExpired(iam, roleArn, 
/** This close's own policy: counted live whether or not it is written yet. */
own) {
    let names;
    try {
        names = await iam.list();
    }
    catch (err) {
        return {
            dropped: 0,
            live: undefined,
            problem: pruneProblem('iam:ListRolePolicies', roleArn, err),
        };
    }
    const ours = [
        ...new Set([...names.filter((name) => name.startsWith(REVOKE_POLICY_PREFIX)), own]),
    ];
    const now = iam.serverNow();
    if (now === undefined) {
        return { dropped: 0, live: ours.length, problem: "IAM's answers carried no Date" };
    }
    const candidates = ours
        .filter((name) => name !== own && (revokePolicyEnd(name) ?? Infinity) < now)
        .slice(0, MAX_DELETES_PER_CLOSE);
    let dropped = 0;
    let gone = 0;
    for (const name of candidates) {
        let action = 'iam:GetRolePolicy';
        try {
            const text = await iam.get(name);
            const doc = parsePolicy(text);
            if (text === undefined)
                gone++;
            else if (doc && isInert(doc, iam.serverNow() ?? now)) {
                action = 'iam:DeleteRolePolicy';
                if (await iam.delete(name))
                    dropped++;
                else
                    gone++;
            }
        }
        catch (err) {
            return {
                dropped,
                live: ours.length - dropped - gone,
                problem: pruneProblem(action, roleArn, err),
            };
        }
    }
    return { dropped, live: ours.length - dropped - gone };
}
function pruneProblem(action, roleArn, err) {
    const name = iamErrorName(err);
    return isAccessDenied(err)
        ? `expired revocations were not deleted: IAM refused ${action} on ${roleArn} for the revoker (allow it ${action} on that role, or its 10,240 characters of inline policies fill up)`
        : `expired revocations were not deleted: ${name || 'Error'}: ${(0,errors/* errorMessage */.gJ)(err)}`;
}
/**
 * Every inline policy of the role with its size, for the message when IAM says the role is
 * full: only on that path, since it reads every policy. Undefined when the revoker may not
 * list or read them.
 */
async function inlineUsage(iam) {
    try {
        const names = await iam.list();
        const policies = [];
        for (const name of names) {
            const text = await iam.get(name);
            const doc = parsePolicy(text);
            const now = iam.serverNow();
            policies.push({
                name,
                size: text === undefined ? 0 : iamPolicySize(text),
                inert: !!doc && now !== undefined && isInert(doc, now),
            });
        }
        return { policies, total: policies.reduce((sum, p) => sum + p.size, 0) };
    }
    catch {
        return undefined;
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
 * First asks whose keys these are (sts:GetCallerIdentity answers even under a deny, and its
 * UserId is the session's AssumedRoleId): the deny was written for the id on record, so the
 * probe must be made with that session's keys, not whatever the runner's files hold now.
 * Then calls sts:GetAccessKeyInfo with them until AWS answers with an explicit deny. It needs
 * a permission, so a deny refuses it (GetCallerIdentity would still answer); and an implicit
 * deny (the role never allowed it) is told apart from the explicit one by AWS's wording, so
 * the probe works whether or not the role grants the action.
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
    let identified = false;
    try {
        for (;;) {
            try {
                if (!identified) {
                    const who = await client.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
                    if (who.UserId !== options.assumedRoleId) {
                        return { refused: 'other-session', userId: who.UserId ?? '(none)' };
                    }
                    identified = true;
                }
                await client.send(new client_sts_dist_cjs/* GetAccessKeyInfoCommand */.FI({ AccessKeyId: keys.accessKeyId }));
                last = 'the session was still accepted';
            }
            catch (err) {
                const e = err;
                const message = e.message ?? (0,errors/* errorMessage */.gJ)(err);
                if (identified && /explicit deny/i.test(message)) {
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

// EXTERNAL MODULE: ./src/providers/aws/arn.ts
var arn = __webpack_require__(3219);
// EXTERNAL MODULE: ./src/providers/aws/settings.ts
var settings = __webpack_require__(339);
// EXTERNAL MODULE: ./src/providers/aws/sts.ts
var sts = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/providers/aws/revoke.ts










/** STS's minimum: the revoker needs a few calls and the probe's bound, nothing more. */
const REVOKER_SESSION_SECONDS = 900;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ASSUMED_ROLE_ID = /^AROA[A-Z0-9]{4,124}:[\w+=,.@-]{2,64}$/;
const GRANT_ID = /^[\w+=,@-]{1,80}$/;
/**
 * The record is written by any step of the job: refuse a target that could name another
 * account's role, the role itself as its own revoker, or an IAM-invalid policy name.
 */
function checkTarget(t, expiry) {
    const bad = (what) => new errors/* RevocationError */.XP(`Could not revoke grant ${t.grantId}: its record has ${what}; nothing was revoked.`, expiry);
    if (!GRANT_ID.test(t.grantId))
        throw bad(`an unusable grant id '${t.grantId}'`);
    const role = arn/* ROLE_ARN */.xG.exec(t.roleArn);
    if (!role)
        throw bad(`no valid role ARN ('${t.roleArn}')`);
    const revoker = arn/* ROLE_ARN */.xG.exec(t.revokeRole);
    if (!revoker || t.revokeRole === t.roleArn || revoker[1] !== role[1]) {
        throw bad(`no valid revoker role of the same account ('${t.revokeRole}')`);
    }
    if (!ASSUMED_ROLE_ID.test(t.assumedRoleId))
        throw bad(`no valid AssumedRoleId ('${t.assumedRoleId}')`);
}
/**
 * Denies one AWS session through a separate revoker role, and shows AWS refusing it: assume
 * the revoker with a fresh GitHub token; write this session's own inline policy on the role
 * (a deny of its `aws:userid` until its STS expiry; see revoke-policy.ts for why one policy
 * per session); delete revocations whose sessions have expired; probe with the session's
 * own keys until AWS answers with an explicit deny (bounded); and read the deny back at the
 * end. "Verified" needs both the explicit deny and the deny still in place at the end.
 *
 * Throws RevocationError, carrying the session's expiry, whenever the session is not denied
 * when this returns: the revoker could not be assumed, IAM refused or could not take the
 * write (access, the role's 10,240-character budget), or the deny was removed meanwhile.
 */
async function revokeSession(target, ctx, deps = {}) {
    const expiry = new Date(target.sessionExpiresAt);
    if (Number.isNaN(expiry.getTime())) {
        throw new errors/* CloudError */.K2(`Grant ${target.grantId} has no session expiry on record ('${target.sessionExpiresAt}'); there is no session to deny.`);
    }
    checkTarget(target, expiry);
    const { roleArn, revokeRole, assumedRoleId } = target;
    const fail = (why, cause) => new errors/* RevocationError */.XP(`Could not revoke session ${assumedRoleId}: ${why}\nThe session stays valid until ${expiry.toISOString()}.`, expiry, cause === undefined ? undefined : { cause });
    const sleep = deps.sleep ?? realSleep;
    const clock = deps.clock ?? (() => Date.now());
    const timeoutMs = (0,providers_retry/* httpTimeoutMs */.C)(ctx.env);
    // Checked like main's: the revoker's GitHub token goes there, so plain http only on loopback.
    const stsEndpoint = (0,settings/* stsEndpoint */.u1)(ctx.env);
    const region = target.region ?? 'us-east-1';
    // 1. The revoker's session, from its own trust policy.
    const creds = await assumeRevoker(target, ctx, { stsEndpoint, region, timeoutMs, sleep }).catch((err) => {
        throw fail(`the revoker role ${revokeRole} could not be assumed. ${(0,errors/* errorMessage */.gJ)(err)}\n` +
            `The revoker's trust policy must accept this workflow's GitHub token (audience '${target.audience}') as ${roleArn}'s does.`, err);
    });
    const iam = revokerIam({
        roleArn,
        endpoint: (0,settings/* iamEndpoint */.rW)(ctx.env),
        credentials: creds,
        timeoutMs,
        sleep,
        onRetry: (err, attempt, delay) => ctx.log.info(`IAM attempt ${attempt} failed (${iamErrorName(err)}); retrying in ${delay} ms`),
    });
    try {
        // 2. This session's own policy: no other writer ever writes this name.
        const name = revokePolicyName(target.grantId, expiry);
        const pruned = await writeDeny(iam, name, target, expiry, fail);
        if (pruned.problem)
            ctx.log.warning(`Revoking ${assumedRoleId}: ${pruned.problem}.`);
        const written = writtenNote(name, target, expiry, pruned);
        // 3. Proof: the session's own keys, refused with an explicit deny.
        const keys = ctx.dir ? readCredentialsFile(ctx.dir) : undefined;
        const bound = verifySeconds(ctx.env);
        const started = clock();
        const outcome = keys
            ? await probeUntilDenied(keys, {
                assumedRoleId,
                region,
                endpoint: stsEndpoint,
                timeoutMs,
                boundMs: bound * 1000,
                sleep,
                now: clock,
            })
            : undefined;
        const waited = (0,inputs/* formatDuration */.a3)(Math.max(0, Math.round((clock() - started) / 1000)));
        // 4. Still there? Another process may have deleted it after AWS refused the session once.
        let kept;
        try {
            kept = deniesSession(parsePolicy(await iam.get(name)), assumedRoleId, expiry);
        }
        catch (err) {
            kept = `${iamErrorName(err) || 'Error'}: ${(0,errors/* errorMessage */.gJ)(err)}`;
        }
        if (kept === false) {
            const now = iam.serverNow() ?? ctx.now.getTime();
            if (outcome?.refused === 'expired' || now >= expiry.getTime()) {
                return {
                    method: 'expired',
                    verified: false,
                    note: `the session expired (${expiry.toISOString()}) while it was being revoked; its deny '${name}' is gone`,
                };
            }
            throw fail(`the deny '${name}' written to ${roleArn} was removed before the close finished, so AWS accepts the session again. ` +
                `Find what deletes or replaces inline policies of ${roleArn} (CloudTrail: DeleteRolePolicy), and close again.`);
        }
        return verdict(outcome, kept, written, waited, bound, expiry);
    }
    finally {
        iam.destroy();
    }
}
/**
 * Writes the session's own deny; when IAM says the role is full, deletes expired revocations
 * and tries once more. Then prunes (if not done yet). Throws RevocationError when the deny is
 * not written, with what to fix.
 */
async function writeDeny(iam, name, target, expiry, fail) {
    const { roleArn, revokeRole, assumedRoleId } = target;
    const document = sessionDenyDocument(assumedRoleId, expiry);
    const writeFailure = (err) => isAccessDenied(err)
        ? fail(`IAM refused iam:PutRolePolicy on ${roleArn} for the revoker role ${revokeRole}: ${(0,errors/* errorMessage */.gJ)(err)}\n` +
            `Allow the revoker iam:PutRolePolicy (with iam:GetRolePolicy, iam:ListRolePolicies, iam:DeleteRolePolicy) on ${roleArn}, and only that role.`, err)
        : fail(`IAM PutRolePolicy failed: ${iamErrorName(err)}: ${(0,errors/* errorMessage */.gJ)(err)}`, err);
    const budgetFailure = async (err) => fail(`IAM refused the deny (${iamErrorName(err)}: ${(0,errors/* errorMessage */.gJ)(err)}): ` +
        budgetAdvice(roleArn, iamPolicySize(document), await inlineUsage(iam)), err);
    try {
        await iam.put(name, document);
    }
    catch (err) {
        if (!isLimitExceeded(err))
            throw writeFailure(err);
        // Full: make room from expired revocations (or another close may just have), then try once more.
        const pruned = await pruneExpired(iam, roleArn, name);
        try {
            await iam.put(name, document);
        }
        catch (again) {
            throw isLimitExceeded(again) ? await budgetFailure(again) : writeFailure(again);
        }
        return pruned;
    }
    return pruneExpired(iam, roleArn, name);
}
/** What was written where, and what pruning did: the note's first half. */
function writtenNote(name, t, expiry, pruned) {
    const counts = [
        ...(pruned.live === undefined
            ? []
            : [`${pruned.live} live ${pruned.live === 1 ? 'revocation' : 'revocations'} on the role`]),
        ...(pruned.dropped ? [`${pruned.dropped} expired deleted`] : []),
    ];
    return (`inline policy '${name}' on ${t.roleArn} denies aws:userid ${t.assumedRoleId} until ${expiry.toISOString()}` +
        (counts.length ? ` (${counts.join(', ')})` : '') +
        (pruned.problem ? `; ${pruned.problem}` : ''));
}
async function assumeRevoker(target, ctx, o) {
    const token = await ctx.idToken(target.audience);
    const settings = {
        role: target.revokeRole,
        region: o.region,
        duration: REVOKER_SESSION_SECONDS,
        stsDuration: REVOKER_SESSION_SECONDS,
        needsWindow: false,
        sessionPolicy: undefined,
        managedPolicies: [],
        sessionName: `jit-revoke.${target.grantId}`.slice(0, 64),
        audience: target.audience,
        endpoint: o.stsEndpoint,
        revokeRole: undefined,
        timeoutMs: o.timeoutMs,
    };
    const out = await (0,sts.assumeRole)(settings, { token, sessionPolicy: undefined }, { timeoutMs: o.timeoutMs, retry: { sleep: o.sleep } });
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new errors/* CloudError */.K2('AWS STS answered without credentials for the revoker role.');
    }
    return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
    };
}
/** Verified only when AWS refused the session's own call with an explicit deny and the deny was still there after. */
function verdict(outcome, kept, written, waited, bound, expiry) {
    const recheck = kept === true ? '' : `; the deny could not be read back at the end (${kept})`;
    const revoked = (note) => ({ method: 'revoked', verified: false, note });
    if (!outcome) {
        return revoked(`${written}; not verified: the grant's credentials file was not there to probe with${recheck}`);
    }
    switch (outcome.refused) {
        case 'explicit-deny':
            if (outcome.by === 'session') {
                return revoked(`${written}; not verified: AWS refused the session by its own session policy (its time limit), which does not show the deny${recheck}`);
            }
            if (kept !== true) {
                return revoked(`${written}; AWS refused the session with an explicit deny (seen after ${waited})${recheck}`);
            }
            return {
                method: 'revoked',
                verified: true,
                note: `AWS refuses the session with an explicit deny (seen after ${waited}), and the deny was still in place at the end: ${written}`,
            };
        case 'expired':
            return revoked(`${written}; the session had expired before the deny could be observed`);
        case 'other-session':
            return revoked(`${written}; not verified: the keys on the runner belong to session ${outcome.userId}, not to the one denied${recheck}`);
        default:
            return revoked(`${written}, but AWS did not refuse the session within ${(0,inputs/* formatDuration */.a3)(bound)} (IAM changes can take minutes to apply; ` +
                `last answer: ${outcome.last}). It stops working by ${expiry.toISOString()} at the latest${recheck}`);
    }
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
