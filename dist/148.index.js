export const id = 148;
export const ids = [148];
export const modules = {

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ CloudError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * A mistake the user can fix by changing an input, the policy or a cloud's trust
 * configuration. Kept apart from bugs so that the message is shown as-is, without a
 * stack, and so that reporting can say "change this" rather than "this broke".
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** A cloud refused or failed a request; the message already says what to fix. */
class CloudError extends Error {
    retryable;
    name = 'CloudError';
    constructor(message, retryable = false, options) {
        super(message, options);
        this.retryable = retryable;
    }
}
function errorMessage(err) {
    return err instanceof Error ? err.message : String(err);
}


/***/ }),

/***/ 1570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ closeOpenGrants),
/* harmony export */   t: () => (/* binding */ closeGrant)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _providers_provider_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9545);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6997);




/**
 * Closes one grant: nothing reachable left on the runner (exported variables emptied, the
 * private directory deleted and checked gone), then whatever the cloud allows server-side,
 * then the record. Closing a closed grant does nothing.
 */
async function closeGrant(grant, deps) {
    if (!(0,_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .isOpen */ .nT)(grant))
        return grant;
    const { runner, ledger } = deps;
    const problems = [];
    // Server-side first: a revocation check may need the grant's files, which the scrub deletes.
    let server;
    try {
        const provider = await (0,_providers_provider_js__WEBPACK_IMPORTED_MODULE_3__/* .loadProvider */ .Cg)(grant.provider);
        server = await provider.close({
            id: grant.id,
            provider: grant.provider,
            principal: grant.principal ?? '',
            expiresAt: grant.expiresAt ?? deps.now().toISOString(),
            details: grant.details,
        }, { log: runner.log, now: deps.now(), dir: grant.dir, idToken: deps.idToken, env: deps.env });
    }
    catch (err) {
        problems.push(`server-side close failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        server = { method: 'expires', verified: false, note: 'the cloud will refuse it at its expiry' };
    }
    for (const name of grant.envNames) {
        // GITHUB_ENV cannot unset a variable; an empty value is what later steps will see.
        runner.exportVariable(name, '');
    }
    if (grant.dir) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(grant.dir, { recursive: true, force: true });
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(grant.dir))
                problems.push(`directory ${grant.dir} is still there`);
        }
        catch (err) {
            problems.push(`could not delete ${grant.dir}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
        }
    }
    ledger.append({
        time: deps.now().toISOString(),
        grant: grant.id,
        phase: problems.length ? 'close-failed' : 'closed',
        provider: grant.provider,
        method: server.method,
        verified: server.verified,
        note: server.note,
        scrubbed: { envNames: grant.envNames, dir: grant.dir ?? null },
        ...(problems.length ? { error: problems.join('; ') } : {}),
    });
    if (problems.length) {
        runner.log.warning(`Grant ${grant.id} was not fully closed: ${problems.join('; ')}`);
    }
    return ledger.grants().find((g) => g.id === grant.id) ?? grant;
}
/** Closes every open grant of the job (or those named); failures are warnings, never a failed job. */
async function closeOpenGrants(deps, only) {
    const grants = deps.ledger.grants();
    const unknown = (only ?? []).filter((id) => !grants.some((g) => g.id === id));
    const targets = grants.filter((g) => (0,_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .isOpen */ .nT)(g) && (!only || only.includes(g.id)));
    const closed = [];
    for (const g of targets)
        closed.push(await closeGrant(g, deps));
    return { closed, unknown };
}


/***/ }),

/***/ 6997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ LEDGER_DIR),
/* harmony export */   Oc: () => (/* binding */ Ledger),
/* harmony export */   iu: () => (/* binding */ defaultLedgerPath),
/* harmony export */   nT: () => (/* binding */ isOpen)
/* harmony export */ });
/* unused harmony export foldEvents */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const LEDGER_DIR = 'jit-credentials';
/** One ledger per job: RUNNER_TEMP is per job, and every action instance of the job finds it there. */
function defaultLedgerPath(runnerTemp) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp, LEDGER_DIR, 'ledger.jsonl');
}
class Ledger {
    path;
    constructor(path) {
        this.path = path;
    }
    /**
     * Appended before the caller acts on it: a grant is on record before its credential leaves
     * the action, so a crash of this process still leaves it for the post step. No fsync: once
     * write() returns, the kernel holds the line for every later process; only a crash of the
     * machine loses it, and then no post step runs anyway.
     */
    append(event) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.path), { recursive: true, mode: 0o700 });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(this.path, JSON.stringify(event) + '\n', { mode: 0o600 });
    }
    events() {
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(this.path, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return [];
            throw err;
        }
        const events = [];
        for (const line of text.split('\n')) {
            if (line.trim() === '')
                continue;
            try {
                events.push(JSON.parse(line));
            }
            catch {
                // A line torn by a crash mid-write is skipped; the events before it still count.
            }
        }
        return events;
    }
    grants() {
        return foldEvents(this.events());
    }
}
function foldEvents(events) {
    const byId = new Map();
    for (const e of events) {
        let g = byId.get(e.grant);
        if (!g) {
            g = {
                id: e.grant,
                provider: e.provider,
                phase: e.phase,
                step: '',
                envNames: [],
                details: {},
                notes: [],
            };
            byId.set(e.grant, g);
        }
        applyEvent(g, e);
    }
    return [...byId.values()];
}
function applyEvent(g, e) {
    // A closed grant stays closed: a late or repeated event must not reopen it.
    if (g.phase === 'closed' && e.phase !== 'closed')
        return;
    g.phase = e.phase;
    const f = e;
    const str = (k) => (typeof f[k] === 'string' ? f[k] : undefined);
    const num = (k) => (typeof f[k] === 'number' ? f[k] : undefined);
    g.step = str('step') ?? g.step;
    g.mode = str('mode') ?? g.mode;
    g.principal = str('principal') ?? g.principal;
    g.scope = str('scope') ?? g.scope;
    g.scopeDigest = str('scopeDigest') ?? g.scopeDigest;
    g.requestedTtl = num('requestedTtl') ?? g.requestedTtl;
    g.effectiveTtl = num('effectiveTtl') ?? g.effectiveTtl;
    g.tokenSha256 = str('tokenSha256') ?? g.tokenSha256;
    g.dir = str('dir') ?? g.dir;
    g.error = str('error') ?? g.error;
    g.exitCode = num('exitCode') ?? g.exitCode;
    g.sessionName = str('sessionName') ?? g.sessionName;
    if (Array.isArray(f['notes']))
        g.notes = f['notes'];
    if (e.phase === 'issued')
        g.issuedAt = e.time;
    if (e.phase === 'issued' || e.phase === 'delivered')
        g.expiresAt = str('expiresAt') ?? g.expiresAt;
    if (e.phase === 'closed' || e.phase === 'close-failed') {
        g.closedAt = e.time;
        g.closeMethod = str('method') ?? g.closeMethod;
        g.verified = typeof f['verified'] === 'boolean' ? f['verified'] : g.verified;
        g.closeNote = str('note') ?? g.closeNote;
    }
    if (Array.isArray(f['envNames'])) {
        g.envNames = [...new Set([...g.envNames, ...f['envNames']])];
    }
    if (f['details'] && typeof f['details'] === 'object') {
        Object.assign(g.details, f['details']);
    }
    if (f['claims'] && typeof f['claims'] === 'object')
        g.claims = f['claims'];
    if (f['policy'] && typeof f['policy'] === 'object')
        g.policy = f['policy'];
}
/** Grants whose credential may still be reachable on the runner or valid in the cloud. */
function isOpen(g) {
    return (g.phase === 'issued' ||
        g.phase === 'delivered' ||
        g.phase === 'used' ||
        g.phase === 'close-failed');
}


/***/ }),

/***/ 2348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ timeline),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   kV: () => (/* binding */ summaryBlock)
/* harmony export */ });
/* unused harmony export grantTable */
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9205);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6997);


const time = (iso) => (iso ? `${iso.slice(11, 19)}Z` : '—');
const cell = (s) => (s ? s.replace(/[|\n\r`]/g, ' ') : '—');
const code = (s) => (s ? `\`${cell(s)}\`` : '—');
/** "3 grants: 2 revoked and verified, 1 expires 18:42:07Z". */
function verdict(grants) {
    const parts = [];
    const count = (pred) => grants.filter(pred);
    const revoked = count((g) => g.phase === 'closed' && g.closeMethod === 'revoked');
    const verified = revoked.filter((g) => g.verified);
    if (verified.length)
        parts.push(`${verified.length} revoked and verified`);
    if (revoked.length > verified.length)
        parts.push(`${revoked.length - verified.length} revoked, not verified`);
    const expiring = count((g) => g.phase === 'closed' && g.closeMethod === 'expires');
    if (expiring.length) {
        const last = expiring
            .map((g) => g.expiresAt ?? '')
            .sort()
            .at(-1);
        const when = expiring.length === 1 ? 'expires' : 'the last expires';
        parts.push(`${expiring.length} closed on the runner, ${when} ${time(last)}`);
    }
    const expired = count((g) => g.phase === 'closed' && g.closeMethod === 'expired');
    if (expired.length)
        parts.push(`${expired.length} closed and already expired`);
    const failed = count((g) => g.phase === 'close-failed');
    if (failed.length)
        parts.push(`${failed.length} not fully closed (see warnings)`);
    const open = count((g) => (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .isOpen */ .nT)(g) && g.phase !== 'close-failed');
    if (open.length) {
        parts.push(`${open.length} still open until ${open.map((g) => time(g.expiresAt)).join(', ')}`);
    }
    const denied = count((g) => g.phase === 'denied');
    if (denied.length)
        parts.push(`${denied.length} refused`);
    const n = grants.length;
    return `${n} grant${n === 1 ? '' : 's'}: ${parts.join(', ') || 'nothing issued'}`;
}
function delivery(g) {
    if (!g.mode)
        return '—';
    if (g.mode === 'run')
        return g.exitCode === undefined ? 'run' : `run (exit ${g.exitCode})`;
    if (g.mode === 'env')
        return `env: ${g.envNames.map((n) => `\`${n}\``).join(' ')}`;
    return 'outputs';
}
function ending(g) {
    switch (g.phase) {
        case 'denied':
            return `refused: ${cell(g.error)}`;
        case 'close-failed':
            return `**not fully closed**: ${cell(g.error)}`;
        case 'closed': {
            const how = g.closeMethod === 'revoked'
                ? g.verified
                    ? 'revoked, verified refused'
                    : 'revoked (not verified)'
                : g.closeMethod === 'expired'
                    ? 'already expired'
                    : `expires ${time(g.expiresAt)}`;
            return `${how}; ${cell(g.closeNote)}`;
        }
        default:
            return `**open** until ${time(g.expiresAt)}`;
    }
}
function ttl(g) {
    if (g.effectiveTtl === undefined)
        return g.requestedTtl ? `asked ${(0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(g.requestedTtl)}` : '—';
    return (0,_runner_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(g.effectiveTtl);
}
function grantTable(grants) {
    const rows = grants.map((g) => `| ${code(g.id)} | ${g.provider} | ${code(g.principal)} | ${delivery(g)} | ${time(g.issuedAt)} | ${ttl(g)} | ${time(g.expiresAt)} | ${time(g.closedAt)} | ${ending(g)} |`);
    return [
        '| grant | cloud | principal | delivery | issued | lifetime | cloud expiry | closed | how it ended |',
        '|---|---|---|---|---|---|---|---|---|',
        ...rows,
    ].join('\n');
}
function record(g) {
    const lines = [];
    if (g.scope)
        lines.push(`- scope: ${code(g.scope)}${g.scopeDigest ? ` (sha256 ${g.scopeDigest.slice(0, 16)}…)` : ''}`);
    if (g.sessionName)
        lines.push(`- session: ${code(g.sessionName)}`);
    if (g.claims) {
        const claims = Object.entries(g.claims).map(([k, v]) => `\`${k}\`=${code(String(v))}`);
        lines.push(`- token claims: ${claims.join(', ')}`);
    }
    if (g.tokenSha256)
        lines.push(`- token sha256: \`${g.tokenSha256.slice(0, 16)}…\` (the token itself is never stored)`);
    if (g.policy)
        lines.push(`- policy: ${code(JSON.stringify(g.policy))}`);
    for (const [k, v] of Object.entries(g.details))
        lines.push(`- ${k}: ${code(String(v))}`);
    for (const note of g.notes)
        lines.push(`- note: ${cell(note)}`);
    return lines.join('\n');
}
/** A picture of each grant's windows: when it was reachable on the runner, and when the cloud accepts it. */
function timeline(grants) {
    const shown = grants.filter((g) => g.issuedAt && g.expiresAt);
    if (!shown.length)
        return '';
    const hms = (iso) => iso.slice(11, 19);
    const lines = ['```mermaid', 'gantt', '  dateFormat HH:mm:ss', '  axisFormat %H:%M:%S'];
    for (const g of shown) {
        lines.push(`  section ${g.id}`);
        const end = g.closedAt ?? g.expiresAt;
        lines.push(`  on the runner :active, ${hms(g.issuedAt)}, ${hms(end < g.issuedAt ? g.issuedAt : end)}`);
        lines.push(`  accepted by the cloud :${hms(g.issuedAt)}, ${hms(g.expiresAt)}`);
    }
    lines.push('```');
    return lines.join('\n');
}
/** One block per action use: the verdict first, then the rows, then the record reviewers can expand. */
function summaryBlock(title, grants, extra = []) {
    const details = grants
        .map((g) => `<details><summary>Record of ${g.id}</summary>\n\n${record(g)}\n\n</details>`)
        .join('\n');
    return [
        `### ${title}`,
        '',
        `**${verdict(grants)}**`,
        '',
        grantTable(grants),
        '',
        ...extra.flatMap((e) => [e, '']),
        details,
        '',
    ].join('\n');
}


/***/ }),

/***/ 9545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ loadProvider),
/* harmony export */   NO: () => (/* binding */ PROVIDER_IDS),
/* harmony export */   w0: () => (/* binding */ expiryClose)
/* harmony export */ });
const PROVIDER_IDS = ['aws', 'azure', 'gcp'];
async function loadProvider(id) {
    // Lazy, so that an AWS step never loads the Azure or Google SDKs.
    switch (id) {
        case 'aws':
            return (await __webpack_require__.e(/* import() */ 140).then(__webpack_require__.bind(__webpack_require__, 9140))).awsProvider;
        case 'azure':
            return (await Promise.all(/* import() */[__webpack_require__.e(421), __webpack_require__.e(444)]).then(__webpack_require__.bind(__webpack_require__, 3314))).azureProvider;
        case 'gcp':
            return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(927)]).then(__webpack_require__.bind(__webpack_require__, 8927))).gcpProvider;
    }
}
/** For expiry-only closes: whether the credential is already dead or will be at a known time. */
function expiryClose(expiresAt, now, why) {
    const expired = Date.parse(expiresAt) <= now.getTime();
    return {
        method: expired ? 'expired' : 'expires',
        verified: false,
        note: why,
    };
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

/***/ 1814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ actionsRunner)
/* harmony export */ });
/* unused harmony export coreLogger */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);

const coreLogger = {
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
    warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
    error: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(m),
};
function actionsRunner() {
    return {
        log: coreLogger,
        input: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name),
        mask: maskSecret,
        setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value),
        exportVariable: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN(name, value),
        saveState: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value),
        getState: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name),
        appendSummary: async (markdown) => {
            // The summary file passes through the runner's masker, but write nothing secret anyway.
            if (!process.env['GITHUB_STEP_SUMMARY'])
                return;
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.emptyBuffer();
        },
        fail: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message),
        env: (name) => process.env[name],
    };
}
/**
 * The runner masks a registered value and its base64, JSON- and URL-escaped forms, and a
 * multi-line value whole and per line; we produce no other derived form, so registering the
 * value is enough. A very short value is skipped: masking it would blank unrelated output.
 */
function maskSecret(value) {
    if (value.trim().length < 4)
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
}


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
