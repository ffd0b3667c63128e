export const id = 654;
export const ids = [654];
export const modules = {

/***/ 654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./src/grant/close.ts
var grant_close = __webpack_require__(1570);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/runner/child.ts


/** The same invocations the runner uses for `run:` steps, so a script behaves as it would there. */
const SHELLS = {
    bash: (s) => ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s]],
    sh: (s) => ['sh', ['-e', '-c', s]],
};
/**
 * Runs the step's command with its own environment. Output is inherited, not piped, so it
 * streams live and the runner's masker (already told every secret) sees it. SIGINT and
 * SIGTERM from a cancelled job are forwarded, so the command can stop and we can still
 * close the grant before the runner's 7.5 s grace runs out.
 */
function runCommand(options) {
    const make = SHELLS[options.shell];
    if (!make)
        throw new Error(`unknown shell ${options.shell}`);
    const [file, args] = make(options.script);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(file, args, { env: options.env, cwd: options.cwd, stdio: 'inherit' });
        const forward = (signal) => child.kill(signal);
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
        for (const s of signals)
            process.on(s, forward);
        const done = () => {
            for (const s of signals)
                process.off(s, forward);
        };
        child.on('error', (err) => {
            done();
            reject(err);
        });
        child.on('close', (code, signal) => {
            done();
            if (signal) {
                resolve({ exitCode: 128 + (external_node_os_.constants.signals[signal] ?? 0), signal });
            }
            else {
                resolve({ exitCode: code ?? 1 });
            }
        });
    });
}

// EXTERNAL MODULE: ./src/runner/oidc.ts
var oidc = __webpack_require__(3957);
// EXTERNAL MODULE: ./src/grant/ledger.ts
var grant_ledger = __webpack_require__(6997);
// EXTERNAL MODULE: ./src/grant/names.ts
var names = __webpack_require__(2334);
// EXTERNAL MODULE: ./src/grant/token-record.ts
var token_record = __webpack_require__(4493);
;// CONCATENATED MODULE: ./src/grant/engine.ts









/**
 * One grant's life inside the main step: request, (gate), issue, deliver, and for `run:`
 * use and close. Each phase is on the ledger before it is acted on, so that whatever
 * happens after a credential exists, the post step can find and close it.
 */
async function issueGrant(settings, provider, providerSettings, deps, gate) {
    const { runner, ledger } = deps;
    const id = settings.grantId;
    const step = deps.baseEnv['GITHUB_ACTION'] ?? '';
    const described = provider.describe(providerSettings);
    const event = (phase, fields = {}) => ledger.append({
        time: deps.now().toISOString(),
        grant: id,
        phase,
        provider: provider.id,
        ...fields,
    });
    runner.saveState(names/* STATE */.c.ledger, ledger.path);
    runner.setOutput(names/* OUTPUT */.a.ledger, ledger.path);
    runner.setOutput(names/* OUTPUT */.a.grantId, id);
    event('requested', {
        step,
        mode: settings.mode,
        principal: described.principal,
        scope: described.scope,
        requestedTtl: settings.duration,
        sessionName: settings.sessionName,
    });
    const tokens = [];
    let first;
    if (gate) {
        first = await deps.idToken(provider.audience(providerSettings));
        tokens.push((0,token_record/* recordToken */.B)(first));
        let decision;
        try {
            decision = await gate(first, provider.audience(providerSettings));
        }
        catch (err) {
            event('denied', { by: 'policy', error: (0,errors/* errorMessage */.gJ)(err), ...tokens[0] });
            throw err;
        }
        event('allowed', { by: 'policy', policy: decision, ...tokens[0] });
    }
    const idToken = async (audience) => {
        // The gate's token is used for the first exchange; every later exchange mints its own.
        if (first !== undefined && audience === provider.audience(providerSettings)) {
            const token = first;
            first = undefined;
            return token;
        }
        const token = await deps.idToken(audience);
        tokens.push((0,token_record/* recordToken */.B)(token));
        return token;
    };
    let credential;
    try {
        credential = await provider.issue(providerSettings, {
            log: runner.log,
            grantId: id,
            idToken,
            now: deps.now,
        });
    }
    catch (err) {
        event('denied', { by: 'cloud', error: (0,errors/* errorMessage */.gJ)(err), ...tokens.at(-1) });
        throw err;
    }
    // Masked before anything else can print them: the ledger, the summary and outputs come after.
    for (const secret of credential.secrets)
        runner.mask(secret);
    const issuedAt = deps.now();
    const dir = (0,external_node_path_.join)(deps.runnerTemp, grant_ledger/* LEDGER_DIR */.EN, id);
    const expiresAt = credential.expiresAt.toISOString();
    event('issued', {
        principal: credential.principal,
        scope: credential.scope,
        scopeDigest: credential.scopeDigest,
        expiresAt,
        effectiveTtl: Math.max(0, Math.round((credential.expiresAt.getTime() - issuedAt.getTime()) / 1000)),
        details: credential.details,
        notes: credential.notes,
        dir,
        ...tokens.at(-1),
    });
    runner.setOutput(names/* OUTPUT */.a.principal, credential.principal);
    let delivery;
    let exitCode;
    let leftOpen = false;
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        (0,external_node_fs_.chmodSync)(dir, 0o700);
        delivery = await provider.deliver(providerSettings, credential, {
            log: runner.log,
            mode: settings.mode,
            dir,
            run: settings.run,
        });
        for (const secret of delivery.secrets ?? [])
            runner.mask(secret);
        // The later of the two expiries is when the cloud stops accepting every copy.
        const laterExpiry = delivery.expiresAt && delivery.expiresAt > credential.expiresAt
            ? delivery.expiresAt.toISOString()
            : undefined;
        event('delivered', {
            ...(laterExpiry ? { expiresAt: laterExpiry } : {}),
            ...(delivery.notes?.length
                ? { notes: [...(credential.notes ?? []), ...delivery.notes] }
                : {}),
            mode: settings.mode,
            envNames: settings.mode === 'env' ? Object.keys(delivery.env) : [],
            outputNames: settings.mode === 'outputs' ? Object.keys(delivery.outputs) : [],
            files: delivery.files.map((f) => f.path),
        });
        for (const file of delivery.files) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file.path), { recursive: true, mode: 0o700 });
            (0,external_node_fs_.writeFileSync)(file.path, file.content, { mode: 0o600 });
        }
        runner.setOutput(names/* OUTPUT */.a.expiresAt, laterExpiry ?? expiresAt);
        if (settings.mode === 'env') {
            for (const [name, value] of Object.entries(delivery.env))
                runner.exportVariable(name, value);
            leftOpen = true;
        }
        else if (settings.mode === 'outputs') {
            for (const [name, value] of Object.entries(delivery.outputs))
                runner.setOutput(name, value);
            leftOpen = true;
        }
        else {
            exitCode = await runWithCredential(settings, delivery, deps);
            event('used', { exitCode });
        }
    }
    finally {
        // `run:` closes in the same step; an export that failed half-way is closed at once too.
        if (!leftOpen) {
            const state = ledger.grants().find((g) => g.id === id);
            if (state)
                await (0,grant_close/* closeGrant */.t)(state, {
                    runner,
                    ledger,
                    now: deps.now,
                    idToken: deps.idToken,
                    env: deps.baseEnv,
                });
        }
    }
    const grant = ledger.grants().find((g) => g.id === id);
    return { grant, credential, exitCode };
}
async function runWithCredential(settings, delivery, deps) {
    const env = {};
    for (const [name, value] of Object.entries(deps.baseEnv)) {
        // The action's own inputs are not the command's business, as in a `run:` step.
        if (!name.startsWith('INPUT_'))
            env[name] = value;
    }
    // The command must not mint OIDC tokens of its own: its access is this grant, nothing more.
    delete env[oidc/* ID_TOKEN_URL */.e_];
    delete env[oidc/* ID_TOKEN_REQUEST_TOKEN */.gu];
    for (const name of delivery.unset ?? [])
        delete env[name];
    Object.assign(env, delivery.env);
    const result = await runCommand({
        script: settings.run,
        shell: settings.shell,
        env,
        cwd: settings.workingDirectory,
    });
    return result.exitCode;
}

;// CONCATENATED MODULE: ./src/grant/policy-gate.ts




/** Matches src/policy's default; repeated here so that a job without a policy never loads that code. */
const DEFAULT_POLICY_PATH = '.github/jit-policy.yml';
/**
 * With a policy file present (the `policy` input, or the default path in the workspace), every
 * grant needs a rule that allows it: the GitHub token is verified and decided on before any
 * request reaches a cloud. Without one there is no gate (the cloud's trust policy decides).
 */
async function policyGate(settings, request, env, runner) {
    const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd();
    const explicit = settings.policyPath !== undefined;
    const relative = settings.policyPath ?? DEFAULT_POLICY_PATH;
    const path = (0,external_node_path_.isAbsolute)(relative) ? relative : (0,external_node_path_.join)(workspace, relative);
    if (!explicit && !(0,external_node_fs_.existsSync)(path)) {
        if (settings.oidcIssuer !== undefined) {
            (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(617), __webpack_require__.e(536)]).then(__webpack_require__.bind(__webpack_require__, 536))).checkIssuer(settings.oidcIssuer);
        }
        return undefined;
    }
    const policyLib = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(617), __webpack_require__.e(536)]).then(__webpack_require__.bind(__webpack_require__, 536));
    const issuer = policyLib.checkIssuer(settings.oidcIssuer ?? policyLib.GITHUB_ISSUER);
    const policy = await policyLib.loadPolicy(path, { explicit });
    if (!policy)
        return undefined;
    for (const w of policy.warnings) {
        runner.log.warning(`${relative}:${w.pos.line}:${w.pos.col}: rule '${w.rule}': ${w.message}`);
    }
    let rendered;
    const cacheDir = env['RUNNER_TEMP'] ? (0,external_node_path_.join)(env['RUNNER_TEMP'], grant_ledger/* LEDGER_DIR */.EN) : undefined;
    return {
        rendered: () => rendered,
        gate: async (token, audience) => {
            const claims = await policyLib.verifyGitHubToken(token, { issuer, audience, cacheDir });
            const decision = policyLib.decide(policy, claims, { ...request, delivery: settings.mode });
            rendered = policyLib.renderDecision(decision);
            if (!decision.allowed) {
                throw new errors/* ConfigurationError */.j1(`The policy ${relative} allows no grant for this request (${request.provider} ${request.principal}, ` +
                    `${settings.mode}, ${request.duration}s), so nothing was asked of the cloud.\n` +
                    decision.reasons.map((r) => `- ${r}`).join('\n'));
            }
            return decision.record;
        },
    };
}

// EXTERNAL MODULE: ./src/grant/render.ts
var render = __webpack_require__(2348);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/providers/provider.ts
var providers_provider = __webpack_require__(9545);
;// CONCATENATED MODULE: ./src/grant/settings.ts






const INPUT = {
    provider: 'provider',
    run: 'run',
    shell: 'shell',
    workingDirectory: 'working-directory',
    export: 'export',
    duration: 'duration',
    audience: 'audience',
    sessionName: 'session-name',
    policy: 'policy',
    oidcIssuer: 'oidc-issuer',
};
/** Reads the inputs every provider shares into one frozen object; nothing here touches the network. */
function readCommonSettings(inputs, env) {
    const provider = inputs.oneOf(INPUT.provider, providers_provider/* PROVIDER_IDS */.NO);
    if (provider === undefined) {
        throw new errors/* ConfigurationError */.j1(`Input 'provider' is required: set it to one of ${providers_provider/* PROVIDER_IDS */.NO.join(', ')}.`);
    }
    const run = inputs.raw(INPUT.run);
    const exportTo = inputs.oneOf(INPUT.export, ['env', 'outputs']);
    if (run !== undefined && exportTo !== undefined) {
        throw new errors/* ConfigurationError */.j1(`Inputs 'run' and 'export: ${exportTo}' exclude each other: with 'run' the credentials exist only ` +
            `inside that command. Remove 'export', or remove 'run' and use the credentials in later steps.`);
    }
    if (run === undefined && exportTo === undefined) {
        throw new errors/* ConfigurationError */.j1("Say how the credentials are delivered: give 'run' (a command that gets them in its environment " +
            "only, closed when it ends), or 'export: outputs' (masked step outputs), or 'export: env' " +
            '(GITHUB_ENV for the rest of the job, closed by actions/revoke or at the end of the job).');
    }
    const mode = run !== undefined ? 'run' : exportTo;
    const shell = inputs.oneOf(INPUT.shell, Object.keys(SHELLS), 'bash');
    const workingDirectory = readWorkingDirectory(inputs.optional(INPUT.workingDirectory), mode, env);
    const grantId = newGrantId(provider);
    const sessionName = inputs.optional(INPUT.sessionName) ?? defaultSessionName(env, grantId);
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
        throw new errors/* ConfigurationError */.j1(`Invalid session-name '${sessionName}'. Use 2 to 64 characters of letters, digits and + = , . @ _ -.`);
    }
    return Object.freeze({
        grantId,
        provider: provider,
        duration: inputs.duration(INPUT.duration),
        mode,
        run,
        shell,
        workingDirectory,
        audience: inputs.optional(INPUT.audience),
        sessionName,
        policyPath: inputs.optional(INPUT.policy),
        oidcIssuer: inputs.optional(INPUT.oidcIssuer),
    });
}
/**
 * Checked here, before any request: a missing directory found only when the command starts
 * would cost a credential that was issued for nothing.
 */
function readWorkingDirectory(value, mode, env) {
    if (value === undefined)
        return undefined;
    if (mode !== 'run') {
        throw new errors/* ConfigurationError */.j1(`Input 'working-directory' applies only to 'run'; remove it, or give the command in 'run'.`);
    }
    const dir = (0,external_node_path_.resolve)(env['GITHUB_WORKSPACE'] ?? process.cwd(), value);
    if (!(0,external_node_fs_.statSync)(dir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new errors/* ConfigurationError */.j1(`Invalid working-directory '${value}': ${dir} is not a directory. Give a path relative to the workspace.`);
    }
    return dir;
}
function newGrantId(provider) {
    return `${provider}-${(0,external_node_crypto_.randomBytes)(5).toString('hex')}`;
}
/**
 * Unique per grant: run id, attempt, job and step say where it came from (CloudTrail, the
 * ledger), and the grant's own id tells apart the legs of a matrix, which share all four (a
 * revocation denies one session by name, and must not hit a neighbour). Kept within STS's
 * [\w+=,.@-]{2,64}: other characters become '-', and a name that would be too long keeps its
 * start and ends in a digest of the whole.
 */
function defaultSessionName(env, grantId) {
    const parts = [
        'gh',
        env['GITHUB_RUN_ID'] ?? 'local',
        env['GITHUB_RUN_ATTEMPT'] ?? '1',
        env['GITHUB_JOB'] ?? 'job',
        env['GITHUB_ACTION'] ?? 'step',
        grantId.replace(/^[a-z]+-/, ''),
    ];
    const full = parts.join('.').replace(/[^\w+=,.@-]/g, '-');
    if (full.length <= 64)
        return full;
    const digest = (0,external_node_crypto_.createHash)('sha256').update(full).digest('hex').slice(0, 10);
    return `${full.slice(0, 64 - digest.length - 1)}.${digest}`;
}

;// CONCATENATED MODULE: ./src/fronts/front.ts
function frontRunner(runner, front) {
    const peerNames = new Map();
    for (const [peer, ours] of Object.entries(front.inputs)) {
        peerNames.set(ours, [...(peerNames.get(ours) ?? []), peer]);
    }
    return {
        ...runner,
        input(name) {
            if (name === 'provider')
                return front.provider;
            const own = runner.input(name);
            if (own.trim() !== '')
                return own;
            for (const peer of peerNames.get(name) ?? []) {
                const value = runner.input(peer);
                if (value.trim() !== '')
                    return value;
            }
            // A default such as export: env must not fight an explicit run.
            if (name === 'export' && runner.input('run').trim() !== '')
                return '';
            return front.defaults[name] ?? '';
        },
    };
}

// EXTERNAL MODULE: ./src/runner/inputs.ts
var runner_inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/runner/runner.ts
var runner_runner = __webpack_require__(1814);
// EXTERNAL MODULE: ./src/entry/report.ts
var report = __webpack_require__(4248);
;// CONCATENATED MODULE: ./src/entry/main.ts













async function main(front) {
    const runner = (0,runner_runner/* actionsRunner */.A)();
    await runMain({
        runner: front ? frontRunner(runner, front) : runner,
        env: process.env,
        idToken: oidc/* githubIdTokenSource */.Jy,
        now: () => new Date(),
    });
}
/** Reads and checks everything before the first request; then one grant, recorded and summarised. */
async function runMain(deps) {
    const { runner, env } = deps;
    let ledger;
    let settings;
    let policy;
    try {
        const inputs = new runner_inputs/* Inputs */.G0(runner);
        settings = readCommonSettings(inputs, env);
        const provider = await (0,providers_provider/* loadProvider */.Cg)(settings.provider);
        const providerSettings = provider.parse(inputs, settings, env);
        const runnerTemp = env['RUNNER_TEMP'];
        if (!runnerTemp) {
            throw new errors/* ConfigurationError */.j1('RUNNER_TEMP is not set: run this action on a GitHub Actions runner.');
        }
        const described = provider.describe(providerSettings);
        policy = await policyGate(settings, {
            provider: provider.id,
            principal: described.principal,
            duration: described.duration ?? settings.duration ?? 3600,
        }, env, runner);
        (0,oidc/* checkIdTokenAvailable */.I0)(env);
        ledger = new grant_ledger/* Ledger */.Oc((0,grant_ledger/* defaultLedgerPath */.iu)(runnerTemp));
        const result = await issueGrant(settings, provider, providerSettings, { runner, ledger, idToken: deps.idToken, now: deps.now, runnerTemp, baseEnv: env }, policy?.gate);
        await runner.appendSummary((0,render/* summaryBlock */.kV)(title(settings, env), [result.grant], extras(policy?.rendered())));
        if (result.exitCode !== undefined && result.exitCode !== 0) {
            runner.fail(`The command given in 'run' exited with code ${result.exitCode}; the grant is closed.`);
            process.exitCode = result.exitCode;
        }
        else if (settings.mode === 'env') {
            runner.log.info(`Credentials exported to the job's environment until actions/revoke or the end of the job; grant ${result.grant.id}.`);
        }
    }
    catch (err) {
        (0,report/* reportFailure */.x)(runner, err);
        if (ledger && settings) {
            // Whatever made it onto the ledger in this step is shown, denials included.
            const mine = ledger.grants().filter((g) => g.step === (env['GITHUB_ACTION'] ?? ''));
            const last = mine.at(-1);
            if (last) {
                const block = (0,render/* summaryBlock */.kV)(title(settings, env), [last], extras(policy?.rendered()));
                await runner.appendSummary(block).catch(() => undefined);
            }
            // Nothing half-delivered stays behind: close whatever this step left open.
            await (0,grant_close/* closeOpenGrants */.Q)({ runner, ledger, now: deps.now, idToken: deps.idToken, env }, last ? [last.id] : []).catch(() => undefined);
        }
    }
}
function title(settings, env) {
    const step = env['GITHUB_ACTION'] ? ` · step \`${env['GITHUB_ACTION']}\`` : '';
    return `🔑 jit-credentials · ${settings.provider} · ${settings.mode}${step}`;
}
const extras = (text) => (text ? [text] : []);


/***/ }),

/***/ 4248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ reportFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Main-step failures: a user mistake is shown as-is; anything else also gets its stack in the debug log. */
function reportFailure(runner, err) {
    if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1) && err instanceof Error && err.stack) {
        runner.log.debug(err.stack);
    }
    runner.fail((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err));
}


/***/ }),

/***/ 2334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ OUTPUT),
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
/** Output and state names shared by main, post and revoke (kept apart so post loads no engine code). */
const OUTPUT = {
    grantId: 'grant-id',
    expiresAt: 'expires-at',
    principal: 'principal',
    ledger: 'ledger',
};
const STATE = { ledger: 'ledger' };


/***/ }),

/***/ 4493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ recordToken),
/* harmony export */   x: () => (/* binding */ RECORDED_CLAIMS)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var jose__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7961);


/** The claims that decide access and that reviewers need to see; the rest stays out of the record. */
const RECORDED_CLAIMS = [
    'sub',
    'aud',
    'repository',
    'ref',
    'environment',
    'event_name',
    'job_workflow_ref',
    'run_id',
    'run_attempt',
    'actor',
];
/** A digest and the deciding claims of a GitHub OIDC token: enough to audit, useless to replay. */
function recordToken(token) {
    const tokenSha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(token).digest('hex');
    let all = {};
    try {
        all = (0,jose__WEBPACK_IMPORTED_MODULE_1__/* .decodeJwt */ .i)(token);
    }
    catch {
        // Not a JWT we can read: the digest still identifies it.
    }
    const claims = {};
    for (const name of RECORDED_CLAIMS) {
        if (all[name] !== undefined)
            claims[name] = all[name];
    }
    return { tokenSha256, claims };
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
