export const id = 550;
export const ids = [550];
export const modules = {

/***/ 8550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/runner/child.ts
var child = __webpack_require__(464);
;// CONCATENATED MODULE: ./src/runner/file-commands.ts
function parseKeyValues(text) {
    const lines = text.split('\n');
    const entries = [];
    for (let i = 0; i < lines.length; i++) {
        const line = stripCr(lines[i]);
        if (line === '')
            continue;
        const eq = line.indexOf('=');
        const hd = line.indexOf('<<');
        if (eq > 0 && (hd < 0 || eq < hd)) {
            entries.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
            continue;
        }
        if (hd <= 0 || hd + 2 >= line.length)
            return { entries, error: `malformed line '${line}'` };
        const name = line.slice(0, hd);
        const delimiter = line.slice(hd + 2);
        const end = lines.findIndex((l, j) => j > i && stripCr(l) === delimiter);
        if (end < 0)
            return { entries, error: `no closing delimiter for '${name}'` };
        entries.push({
            name,
            value: lines
                .slice(i + 1, end)
                .map(stripCr)
                .join('\n'),
        });
        i = end;
    }
    return { entries };
}
function parsePaths(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
const stripCr = (line) => (line.endsWith('\r') ? line.slice(0, -1) : line);

;// CONCATENATED MODULE: ./src/runner/secret-forms.ts
/**
 * The forms a secret can take in text the runner does not mask for us: the value itself, its
 * base64 and base64url at every byte alignment (inside a longer blob), and its URL- and
 * JSON-escaped forms. The leak canary searches the same forms.
 */
function secretForms(secret) {
    const forms = new Set([secret]);
    const bytes = Buffer.from(secret, 'utf8');
    for (let shift = 0; shift < 3; shift++) {
        forms.add(trimmedBase64(bytes.subarray(shift), 'base64'));
        forms.add(trimmedBase64(bytes.subarray(shift), 'base64url'));
    }
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
    // A very short form would match unrelated text by chance.
    return [...forms].filter((f) => f.length >= 6);
}
/** Base64 without padding, and without the last character when it depends on the bytes that follow. */
function trimmedBase64(bytes, alphabet) {
    const s = bytes.toString(alphabet).replace(/=+$/, '');
    return bytes.length % 3 === 0 ? s : s.slice(0, -1);
}
/** True when `text` holds any of `secrets` in any of their forms. */
function holdsSecret(text, secrets) {
    return secrets.some((s) => secretForms(s).some((form) => text.includes(form)));
}

// EXTERNAL MODULE: ./src/runner/temp.ts
var runner_temp = __webpack_require__(9754);
;// CONCATENATED MODULE: ./src/runner/command.ts






/**
 * What a `run:` command must never receive: the action's inputs and state, the runner's tokens
 * (OIDC minting, artifact, cache and results services) and the step's own file commands.
 */
const WITHHELD = /^(INPUT_|STATE_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_|ACTIONS_CACHE_|ACTIONS_RESULTS_)/;
const WITHHELD_NAMES = ['GITHUB_STATE'];
/** The command's own file commands, read back and filtered before they reach the step's. */
const FILES = {
    GITHUB_ENV: 'env',
    GITHUB_OUTPUT: 'output',
    GITHUB_PATH: 'path',
    GITHUB_STEP_SUMMARY: 'summary',
};
/** A command may write at most this much to each file; more is dropped with an error. */
const MAX_FILE_BYTES = 1 << 20;
/**
 * Runs the command with the grant and nothing that lets it outlive the step, then passes on
 * what it wrote to GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH and the step summary, except any entry
 * that carries an issued secret.
 */
async function runIsolated(cmd, runner) {
    const env = {};
    for (const [name, value] of Object.entries(cmd.baseEnv)) {
        if (!WITHHELD.test(name) && !WITHHELD_NAMES.includes(name))
            env[name] = value;
    }
    for (const name of cmd.unset)
        delete env[name];
    for (const [variable, file] of Object.entries(FILES)) {
        const path = (0,external_node_path_.join)(cmd.dir, `command-${file}`);
        (0,runner_temp/* writePrivateFile */.Pl)(path, '');
        env[variable] = path;
    }
    Object.assign(env, cmd.grantEnv);
    const result = await (0,child/* runCommand */.d1)({
        script: cmd.script,
        shell: cmd.shell,
        env,
        cwd: cmd.cwd,
        onStart: cmd.onStart,
    });
    const dropped = await forwardFileCommands(cmd, runner);
    return { ...result, dropped };
}
async function forwardFileCommands(cmd, runner) {
    const dropped = [];
    const read = (file) => readBounded((0,external_node_path_.join)(cmd.dir, `command-${file}`), file, dropped);
    const pass = (file, name, value) => {
        if (!holdsSecret(name + '\n' + value, cmd.secrets))
            return true;
        dropped.push(`${file}:${name}`);
        return false;
    };
    for (const [kind, set] of [
        ['GITHUB_ENV', (n, v) => runner.exportVariable(n, v)],
        ['GITHUB_OUTPUT', (n, v) => runner.setOutput(n, v)],
    ]) {
        const { entries, error } = parseKeyValues(read(FILES[kind]));
        if (error)
            runner.log.error(`The command's ${kind} file could not be read: ${error}.`);
        for (const e of entries)
            if (pass(kind, e.name, e.value))
                set(e.name, e.value);
    }
    for (const dir of parsePaths(read(FILES.GITHUB_PATH))) {
        if (pass('GITHUB_PATH', dir, ''))
            runner.addPath(dir);
    }
    const summary = read(FILES.GITHUB_STEP_SUMMARY);
    if (summary.trim() !== '') {
        // Headed as the command's, so that it cannot pass for the action's own record.
        if (pass('GITHUB_STEP_SUMMARY', 'summary', summary))
            await runner.appendSummary(`#### Written by the \`run:\` command\n\n${summary}\n`);
    }
    for (const d of dropped) {
        runner.log.error(`The command wrote an issued credential to ${d.replace(':', " as '")}'; that line was not passed on. ` +
            'A credential must not outlive the command: use it inside the command only.');
    }
    return dropped;
}
/** Reads at most MAX_FILE_BYTES of a regular file, never through a symlink. */
function readBounded(path, file, dropped) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW);
    }
    catch (err) {
        // Gone is nothing written; replaced by a link is refused and said.
        if (err.code !== 'ENOENT')
            dropped.push(`${file}:(not a regular file)`);
        return '';
    }
    try {
        if (!(0,external_node_fs_.fstatSync)(fd).isFile()) {
            dropped.push(`${file}:(not a regular file)`);
            return '';
        }
        const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
        const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, 0);
        if (n > MAX_FILE_BYTES) {
            dropped.push(`${file}:(over ${MAX_FILE_BYTES} bytes)`);
            return '';
        }
        return buf.subarray(0, n).toString('utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: ./src/grant/close.ts
var grant_close = __webpack_require__(1570);
// EXTERNAL MODULE: ./src/grant/open-grant.ts
var open_grant = __webpack_require__(5475);
// EXTERNAL MODULE: ./src/grant/names.ts
var names = __webpack_require__(2334);
// EXTERNAL MODULE: ./src/grant/token-record.ts
var token_record = __webpack_require__(4493);
;// CONCATENATED MODULE: ./src/grant/engine.ts








/**
 * One grant's life in the main step, each phase returning a value to the next:
 * plan (done by the caller) → decide → issue → deliver → (for `run:`) use and close → record.
 * Every phase is on the ledger before it is acted on, so that whatever happens once a
 * credential exists, the post step can find and close it.
 */
async function runGrant(settings, provider, plan, judge, deps) {
    const { runner } = deps;
    const request = plan.request;
    const grant = { id: settings.grantId, provider: provider.id };
    const record = (phase, fields) => deps.recorder.record(grant, phase, fields);
    record('requested', {
        step: deps.env['GITHUB_ACTION'] ?? '',
        mode: settings.mode,
        principal: request.principal,
        scope: request.scope,
        requestedTtl: request.requestedLifetime ?? request.lifetime,
    });
    for (const o of request.endpointOverrides) {
        runner.log.warning(`${o}: the GitHub OIDC token for this grant is sent there, not to ${provider.id}'s own endpoint.`);
    }
    const token = await deps.idToken(request.audience);
    const tokenRecord = (0,token_record/* recordToken */.B)(token);
    const decision = await decide(judge, request, token, record, tokenRecord);
    let issued;
    try {
        issued = await provider.issue(plan, {
            log: runner.log,
            grantId: settings.grantId,
            token,
            idToken: deps.idToken,
            now: deps.now,
        });
    }
    catch (err) {
        record('denied', { by: 'cloud', error: (0,errors/* errorMessage */.gJ)(err), ...tokenRecord });
        throw err;
    }
    const { credential, handle } = issued;
    // Masked before anything else can print them: the ledger, the summary and outputs come after.
    for (const secret of credential.secrets)
        runner.mask(secret);
    const issuedAt = deps.now();
    record('issued', {
        principal: credential.principal,
        scope: credential.scope,
        scopeDigest: credential.scopeDigest,
        expiresAt: credential.expiresAt.toISOString(),
        effectiveTtl: secondsBetween(issuedAt, credential.expiresAt),
        facts: credential.facts,
        notes: credential.notes,
        handle,
        // For reviewers only: closing derives the directory from the grant id.
        dir: (0,external_node_path_.join)(deps.privateDir, settings.grantId),
        ...tokenRecord,
    });
    let open = {
        id: settings.grantId,
        provider: provider.id,
        mode: settings.mode,
        principal: credential.principal,
        issuedAt: issuedAt.toISOString(),
        expiresAt: credential.expiresAt.toISOString(),
        envNames: [],
        handle,
    };
    // Saved before the credential leaves this process: post closes it even if this step dies.
    runner.saveState(names/* STATE */.c.grant, (0,open_grant/* encodeOpenGrant */.p)(open));
    runner.setOutput(names/* OUTPUT */.a.principal, credential.principal);
    let delivered = false;
    try {
        if (deps.cancel?.cancelled) {
            throw new Error(`The job was cancelled (${deps.cancel.cancelled}) while the credential was issued; it is closed unused.`);
        }
        const dir = (0,runner_temp/* privateSubdir */.nB)(deps.privateDir, settings.grantId);
        const delivery = await provider.deliver(plan, credential, {
            log: runner.log,
            mode: settings.mode,
            dir,
            run: settings.run,
        });
        open = recordDelivery(open, credential, delivery, settings, deps);
        runner.saveState(names/* STATE */.c.grant, (0,open_grant/* encodeOpenGrant */.p)(open));
        if (settings.mode !== 'run') {
            exportDelivery(delivery, settings, runner);
            delivered = true;
            return { decision, open };
        }
        return await useAndClose(open, credential, delivery, settings, dir, deps).then((r) => ({
            decision,
            ...r,
        }));
    }
    finally {
        // An export that failed half-way is closed at once: nothing half-delivered stays behind.
        if (!delivered && settings.mode !== 'run')
            await closeOwn(open, deps);
    }
}
async function decide(judge, request, token, record, tokenRecord) {
    let decision;
    try {
        decision = await judge.judge(request, token);
    }
    catch (err) {
        record('denied', { by: 'policy', error: (0,errors/* errorMessage */.gJ)(err), ...tokenRecord });
        throw err;
    }
    if (!decision.allowed) {
        const message = decision.refusal ?? 'The policy refused this request.';
        record('denied', { by: 'policy', error: message, policy: decision.record, ...tokenRecord });
        throw new PolicyRefusal(message, decision);
    }
    record('allowed', { by: 'policy', policy: decision.record, ...tokenRecord });
    return decision;
}
/** A refusal by the policy: a user-fixable outcome that still carries the decision for the summary. */
class PolicyRefusal extends errors/* ConfigurationError */.j1 {
    decision;
    constructor(message, decision) {
        super(message);
        this.decision = decision;
    }
}
function recordDelivery(open, credential, delivery, settings, deps) {
    for (const secret of delivery.secrets ?? [])
        deps.runner.mask(secret);
    // The later of the two expiries is when the cloud stops accepting every copy.
    const later = delivery.expiresAt && delivery.expiresAt > credential.expiresAt
        ? delivery.expiresAt
        : undefined;
    const envNames = settings.mode === 'env' ? Object.keys(delivery.env) : [];
    deps.recorder.record(open, 'delivered', {
        ...(later ? { expiresAt: later.toISOString() } : {}),
        ...(delivery.notes?.length ? { notes: [...credential.notes, ...delivery.notes] } : {}),
        mode: settings.mode,
        envNames,
        outputNames: settings.mode === 'outputs' ? Object.keys(delivery.outputs) : [],
        files: delivery.files.map((f) => f.path),
    });
    for (const file of delivery.files)
        (0,runner_temp/* writePrivateFile */.Pl)(file.path, file.content);
    deps.runner.setOutput(names/* OUTPUT */.a.expiresAt, (later ?? credential.expiresAt).toISOString());
    return { ...open, envNames, ...(later ? { expiresAt: later.toISOString() } : {}) };
}
function exportDelivery(delivery, settings, runner) {
    if (settings.mode === 'env') {
        for (const [name, value] of Object.entries(delivery.env))
            runner.exportVariable(name, value);
    }
    else {
        for (const [name, value] of Object.entries(delivery.outputs))
            runner.setOutput(name, value);
    }
}
async function useAndClose(open, credential, delivery, settings, dir, deps) {
    let result;
    let closed;
    try {
        result = await runIsolated({
            script: settings.run,
            shell: settings.shell,
            cwd: settings.workingDirectory,
            baseEnv: deps.env,
            grantEnv: delivery.env,
            unset: delivery.unset ?? [],
            dir,
            secrets: [...credential.secrets, ...(delivery.secrets ?? [])],
            // The group is in the state before the command can do anything worth closing.
            onStart: (group) => deps.runner.saveState(names/* STATE */.c.grant, (0,open_grant/* encodeOpenGrant */.p)({ ...open, processGroup: group })),
        }, deps.runner);
        deps.recorder.record(open, 'used', {
            exitCode: result.exitCode,
            ...(result.signal ? { signal: result.signal } : {}),
            ...(result.dropped.length ? { dropped: result.dropped } : {}),
        });
    }
    finally {
        // Closed from what this process holds, whatever the command did to the files it could reach.
        closed = await closeOwn(open, deps);
    }
    return { open, closed, exitCode: result.exitCode, dropped: result.dropped };
}
async function closeOwn(open, deps) {
    const closed = await (0,grant_close/* closeGrant */.t)({
        id: open.id,
        provider: open.provider,
        handle: open.handle,
        expiresAt: new Date(open.expiresAt),
        envNames: open.envNames,
        trusted: true,
    }, {
        runner: deps.runner,
        recorder: deps.recorder,
        now: deps.now,
        idToken: deps.idToken,
        env: deps.env,
        privateDir: deps.privateDir,
        by: 'main',
    });
    deps.runner.saveState(names/* STATE */.c.closed, closed.closedAt);
    return closed;
}
const secondsBetween = (from, to) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

// EXTERNAL MODULE: ./src/runner/inputs.ts
var runner_inputs = __webpack_require__(9205);
;// CONCATENATED MODULE: ./src/grant/decide.ts


/** The policy could not be applied (token, API, file): the grant is refused, and the summary says why. */
class PolicyUnavailable extends Error {
    rendered;
    name = 'PolicyUnavailable';
    constructor(message, rendered, options) {
        super(message, options);
        this.rendered = rendered;
    }
}
/**
 * Every grant is judged: the token is verified, the policy read from where the judged job
 * cannot change it (the default branch, or the trusted workflow's commit; src/policy/source.ts),
 * and decided on before any request reaches a cloud. Inputs are read here, before any request.
 */
async function loadJudge(settings, env, runner, endpointOverrides) {
    const [{ judge, trustedIssuer }, { readPolicySourceSettings }, { renderPolicyFailure }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(617), __webpack_require__.e(789), __webpack_require__.e(375)]).then(__webpack_require__.bind(__webpack_require__, 5375)),
        __webpack_require__.e(/* import() */ 789).then(__webpack_require__.bind(__webpack_require__, 9170)),
        __webpack_require__.e(/* import() */ 120).then(__webpack_require__.bind(__webpack_require__, 1120)),
    ]);
    const issuer = trustedIssuer(settings.oidcIssuer, env);
    const source = readPolicySourceSettings(new runner_inputs/* Inputs */.G0(runner), env);
    if (source.githubToken)
        runner.mask(source.githubToken);
    return {
        judge: async (request, token) => {
            let j;
            try {
                // No key cache under RUNNER_TEMP: any step of the job could plant keys there.
                j = await judge({ source, issuer, cacheDir: undefined }, {
                    provider: request.provider,
                    principal: request.principal,
                    duration: request.lifetime,
                    delivery: settings.mode,
                }, token, request.audience, { log: runner.log });
            }
            catch (err) {
                throw new PolicyUnavailable((0,errors/* errorMessage */.gJ)(err), renderPolicyFailure((0,errors/* errorMessage */.gJ)(err)), {
                    cause: err,
                });
            }
            const record = endpointOverrides.length ? { ...j.record, endpointOverrides } : j.record;
            return { ...j, record };
        },
    };
}

// EXTERNAL MODULE: ./src/grant/ledger.ts
var ledger = __webpack_require__(6997);
// EXTERNAL MODULE: ./src/grant/recorder.ts
var grant_recorder = __webpack_require__(6394);
// EXTERNAL MODULE: ./src/grant/render.ts + 1 modules
var render = __webpack_require__(9195);
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
    const exportTo = inputs.oneOf(INPUT.export, providers_provider/* DELIVERY_MODES */.cE.filter((m) => m !== 'run'));
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
    const shell = inputs.oneOf(INPUT.shell, Object.keys(child/* SHELLS */.OF), 'bash');
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

// EXTERNAL MODULE: ./src/runner/oidc.ts
var oidc = __webpack_require__(3957);
// EXTERNAL MODULE: ./src/runner/runner.ts
var runner_runner = __webpack_require__(1814);
;// CONCATENATED MODULE: ./src/runner/cancel.ts
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function watchCancel() {
    let cancelled;
    const note = (signal) => {
        cancelled ??= signal;
    };
    for (const s of SIGNALS)
        process.on(s, note);
    return {
        get cancelled() {
            return cancelled;
        },
        dispose: () => {
            for (const s of SIGNALS)
                process.off(s, note);
        },
    };
}

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
    let recorder;
    let settings;
    let outcome;
    let rendered;
    try {
        const inputs = new runner_inputs/* Inputs */.G0(runner);
        settings = readCommonSettings(inputs, env);
        const provider = await (0,providers_provider/* loadProvider */.Cg)(settings.provider);
        const plan = provider.plan(inputs, settings, env);
        const temp = (0,runner_temp/* runnerTempOf */.e6)(env['RUNNER_TEMP']);
        const judge = await loadJudge(settings, env, runner, plan.request.endpointOverrides);
        (0,oidc/* checkIdTokenAvailable */.I0)(env);
        const dir = (0,runner_temp/* privateDir */.XK)(temp);
        recorder = new grant_recorder/* Recorder */.v(new ledger/* Ledger */.Oc((0,ledger/* ledgerPath */.tf)(dir)), deps.now);
        runner.setOutput(names/* OUTPUT */.a.ledger, recorder.ledger.path);
        runner.setOutput(names/* OUTPUT */.a.grantId, settings.grantId);
        const cancel = watchCancel();
        try {
            outcome = await runGrant(settings, provider, plan, judge, {
                runner,
                recorder,
                idToken: deps.idToken,
                now: deps.now,
                privateDir: dir,
                env,
                cancel,
            });
        }
        finally {
            cancel.dispose();
        }
        rendered = outcome.decision.rendered;
        await runner.appendSummary((0,render/* summaryBlock */.kV)(title(settings, env), recorder.states(), extras(rendered), deps.now()));
        main_report(outcome, settings, runner);
    }
    catch (err) {
        if (err instanceof PolicyRefusal)
            rendered = err.decision.rendered;
        if (err instanceof PolicyUnavailable)
            rendered = err.rendered;
        (0,report/* reportFailure */.x)(runner, err);
        // Whatever this step put on the ledger is shown, refusals included.
        const states = recorder?.states() ?? [];
        if (settings && states.length) {
            await runner
                .appendSummary((0,render/* summaryBlock */.kV)(title(settings, env), states, extras(rendered), deps.now()))
                .catch((e) => runner.log.warning(`The summary could not be written: ${(0,errors/* errorMessage */.gJ)(e)}`));
        }
    }
}
function main_report(outcome, settings, runner) {
    const problems = outcome.closed?.problems ?? [];
    if (outcome.closed?.revocationFailed) {
        runner.fail(`Grant ${outcome.closed.id}: ${problems.join('; ')}`);
    }
    if (outcome.dropped?.length) {
        runner.fail(`The command wrote an issued credential to ${outcome.dropped.join(', ')}; those lines were not passed on.`);
    }
    if (outcome.exitCode !== undefined && outcome.exitCode !== 0) {
        runner.fail(`The command given in 'run' exited with code ${outcome.exitCode}; the grant is closed.`);
        process.exitCode = outcome.exitCode;
    }
    else if (settings.mode === 'env') {
        runner.log.info(`Credentials exported to the job's environment until actions/revoke or the end of the job; grant ${settings.grantId}.`);
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
