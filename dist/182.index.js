export const id = 182;
export const ids = [182,593];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hT: () => (/* binding */ parseCliArgs),
/* harmony export */   lI: () => (/* binding */ verbArgs),
/* harmony export */   suggest: () => (/* binding */ suggest)
/* harmony export */ });
/* unused harmony exports UsageError, parseCli */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);

/** A mistake on the command line: shown as-is, exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}
/**
 * Node's parseArgs with its errors rewritten for people: the unknown flag is named with the
 * nearest known one ("Unknown option '--formt'. Did you mean '--format'?").
 */
function parseCliArgs(config) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)(config);
    }
    catch (err) {
        throw friendly(err, config.options);
    }
}
/** The same, for a plain list of options. */
function parseCli(args, options, allowPositionals = true) {
    return parseCliArgs({ args: [...args], options, allowPositionals, strict: true });
}
function friendly(err, options) {
    const e = err;
    const flag = /'(-{1,2}[^'\s]+)[^']*'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
        const known = Object.keys(options ?? {}).map((o) => `--${o}`);
        return new UsageError(`Unknown option '${flag}'.${suggest(flag, known)}`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
        return new UsageError(`Option '${flag}' needs a value.`);
    }
    return new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, '.'));
}
function verbArgs(argv, options, usage, io) {
    let parsed;
    try {
        parsed = parseCliArgs({
            args: [...argv],
            options: { ...options, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true,
        });
    }
    catch (err) {
        io.stderr(`${err.message}\n\n${usage}`);
        return 2;
    }
    if (parsed.values.help) {
        io.stdout(usage);
        return 0;
    }
    return parsed;
}
/** " Did you mean 'x'?" for the nearest of `known` within a small edit distance, else ''. */
function suggest(word, known) {
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        const d = distance(word, k);
        if (d < bestDistance)
            [best, bestDistance] = [k, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
        ? ` Did you mean '${best}'?`
        : '';
}
/** Levenshtein distance, for short command-line words only. */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fixCli: () => (/* binding */ fixCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/scan/files.ts
var files = __webpack_require__(5438);
;// CONCATENATED MODULE: ./src/scan/fix/diff.ts
/**
 * A unified diff of two texts (`diff -u` format, 3 lines of context). The common head and tail
 * are cut first, so the LCS table only spans the changed middle: a fix touches a few lines.
 */
function unifiedDiff(a, b, pathA, pathB) {
    if (a === b)
        return '';
    const x = splitLines(a);
    const y = splitLines(b);
    const ops = lineOps(x, y);
    const hunks = group(ops, 3);
    const out = [`--- ${pathA}`, `+++ ${pathB}`];
    for (const h of hunks) {
        out.push(`@@ -${range(h.aStart, h.aLen)} +${range(h.bStart, h.bLen)} @@`);
        for (const op of h.ops) {
            const text = op.text.endsWith(NO_EOL) ? op.text.slice(0, -1) : op.text;
            out.push(`${op.kind === 'same' ? ' ' : op.kind === 'del' ? '-' : '+'}${text}`);
            // A last line without its newline is marked, as diff -u does.
            if (text !== op.text)
                out.push('\\ No newline at end of file');
        }
    }
    return out.join('\n') + '\n';
}
/** Lines; a last line without its newline carries a NUL, so `a` and `a\\n` differ. */
function splitLines(text) {
    const lines = text.split('\n');
    if (text.endsWith('\n'))
        lines.pop();
    else
        lines[lines.length - 1] += NO_EOL;
    return lines;
}
const NO_EOL = '\u0000';
function lineOps(x, y) {
    let head = 0;
    while (head < x.length && head < y.length && x[head] === y[head])
        head++;
    let tail = 0;
    while (tail < x.length - head &&
        tail < y.length - head &&
        x[x.length - 1 - tail] === y[y.length - 1 - tail])
        tail++;
    const xm = x.slice(head, x.length - tail);
    const ym = y.slice(head, y.length - tail);
    const ops = [];
    for (let i = 0; i < head; i++)
        ops.push({ kind: 'same', text: x[i], a: i + 1, b: i + 1 });
    ops.push(...middle(xm, ym, head));
    for (let k = tail; k > 0; k--) {
        const i = x.length - k;
        const j = y.length - k;
        ops.push({ kind: 'same', text: x[i], a: i + 1, b: j + 1 });
    }
    return ops;
}
/** LCS over the changed middle; a very large middle degrades to delete-all/add-all. */
function middle(x, y, offset) {
    const n = x.length;
    const m = y.length;
    const ops = [];
    if (n * m > 4_000_000) {
        x.forEach((t, i) => ops.push({ kind: 'del', text: t, a: offset + i + 1, b: 0 }));
        y.forEach((t, j) => ops.push({ kind: 'add', text: t, a: 0, b: offset + j + 1 }));
        return ops;
    }
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] =
                x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && x[i] === y[j]) {
            ops.push({ kind: 'same', text: x[i], a: offset + i + 1, b: offset + j + 1 });
            i++;
            j++;
        }
        else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            // Removed lines first, as diff -u prints them.
            ops.push({ kind: 'del', text: x[i], a: offset + i + 1, b: 0 });
            i++;
        }
        else {
            ops.push({ kind: 'add', text: y[j], a: 0, b: offset + j + 1 });
            j++;
        }
    }
    return ops;
}
function group(ops, context) {
    const changed = ops.map((o, i) => (o.kind === 'same' ? -1 : i)).filter((i) => i >= 0);
    const hunks = [];
    let k = 0;
    while (k < changed.length) {
        const start = Math.max(0, changed[k] - context);
        let end = Math.min(ops.length - 1, changed[k] + context);
        while (k + 1 < changed.length && changed[k + 1] - context <= end + 1) {
            k++;
            end = Math.min(ops.length - 1, changed[k] + context);
        }
        k++;
        const slice = ops.slice(start, end + 1);
        // Line numbers of the hunk: the first line of each side it covers.
        let aStart = 0;
        let bStart = 0;
        for (let i = start; i < ops.length && (aStart === 0 || bStart === 0); i++) {
            if (aStart === 0 && ops[i].kind !== 'add')
                aStart = ops[i].a;
            if (bStart === 0 && ops[i].kind !== 'del')
                bStart = ops[i].b;
        }
        const aLen = slice.filter((o) => o.kind !== 'add').length;
        const bLen = slice.filter((o) => o.kind !== 'del').length;
        // An empty side starts at the line before (diff -u's convention).
        if (aLen === 0)
            aStart = Math.max(0, (bStart || 1) - 1);
        if (bLen === 0)
            bStart = Math.max(0, (aStart || 1) - 1);
        hunks.push({ aStart, aLen, bStart, bLen, ops: slice });
    }
    return hunks;
}
function range(start, len) {
    return len === 1 ? `${start}` : `${start},${len}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/scan/engine.ts + 15 modules
var engine = __webpack_require__(778);
// EXTERNAL MODULE: ./src/scan/rules/catalog.ts
var catalog = __webpack_require__(8742);
// EXTERNAL MODULE: ./src/scan/rules/known-actions.ts
var known_actions = __webpack_require__(4172);
// EXTERNAL MODULE: ./src/scan/rules/oidc-steps.ts
var oidc_steps = __webpack_require__(7254);
// EXTERNAL MODULE: ./src/scan/workflow.ts
var workflow = __webpack_require__(1948);
// EXTERNAL MODULE: ./src/scan/yaml-source.ts
var yaml_source = __webpack_require__(58);
;// CONCATENATED MODULE: ./src/scan/fix/edits.ts
class EditBuffer {
    lines;
    edits = [];
    removed = new Set();
    constructor(lines) {
        this.lines = lines;
    }
    /** Removes lines `from..to` (inclusive); overlapping removals are merged away. */
    remove(from, to) {
        for (let l = from; l <= to; l++) {
            if (this.removed.has(l))
                continue;
            this.removed.add(l);
            this.edits.push({ from: l, count: 1, lines: [] });
        }
    }
    /** Inserts lines before line `before` (lines.length + 1 appends). */
    insert(before, lines) {
        this.edits.push({ from: before, count: 0, lines });
    }
    /** Replaces one line's text. */
    replace(line, text) {
        this.removed.add(line);
        this.edits.push({ from: line, count: 1, lines: [text] });
    }
    isRemoved(line) {
        return this.removed.has(line);
    }
    get empty() {
        return this.edits.length === 0;
    }
    /** The edited text, with the file's own line ending. */
    apply(eol) {
        // Later lines first keep numbers valid; at one line, its removal before the insertions ahead of
        // it, and insertions in the order they were asked for.
        const order = this.edits
            .map((e, i) => ({ e, i }))
            .sort((a, b) => b.e.from - a.e.from || b.e.count - a.e.count || b.i - a.i);
        const out = [...this.lines];
        for (const { e } of order)
            out.splice(e.from - 1, e.count, ...e.lines);
        return out.join(eol);
    }
}
/** Leading spaces of a line. */
function indentOf(line) {
    return line.length - line.trimStart().length;
}

;// CONCATENATED MODULE: ./src/scan/fix/plan.ts








const DEFAULT_ACTION = 'OWNER/jit-credentials@v1';
const MARK = '# jit-credentials fix:';
const PLACEHOLDER = {
    awsRole: 'arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>',
    gcpProvider: 'projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/providers/<PROVIDER_ID>',
    gcpAccount: '<SERVICE_ACCOUNT_NAME>@<PROJECT_ID>.iam.gserviceaccount.com',
    azureClient: '<CLIENT_ID>',
    azureTenant: '<TENANT_ID>',
    azureSubscription: '<SUBSCRIPTION_ID>',
};
const NOTE = {
    awsRole: `${MARK} placeholder, the IAM role that trusts this repository's GitHub OIDC token`,
    gcpProvider: `${MARK} placeholder, the workload identity provider for this repository`,
    gcpAccount: `${MARK} placeholder, the service account the provider may impersonate`,
    azure: `${MARK} placeholder, from the app registration with a federated credential for this repository`,
    action: `${MARK} replace OWNER and pin the action to a commit`,
};
/** Env names tools read as a static key, which a jit-credentials step's `export: env` replaces. */
const ENV_KEYS = {
    AWS_ACCESS_KEY_ID: 'aws',
    AWS_SECRET_ACCESS_KEY: 'aws',
    AWS_SESSION_TOKEN: 'aws',
    ARM_CLIENT_SECRET: 'azure',
    AZURE_CLIENT_SECRET: 'azure',
    GOOGLE_CREDENTIALS: 'gcp',
};
const AWS_KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];
/**
 * Rewrites the common static-key patterns of one file into their OIDC form: configure-aws-
 * credentials keys → `role-to-assume`; google-github-actions/auth `credentials_json` →
 * `workload_identity_provider` + `service_account`; azure/login `creds` → client, tenant and
 * subscription ids; job or step env keys → a jit-credentials step with `export: env`. Adds
 * `id-token: write` to each job it changes. What it cannot rewrite is left as written, with a note.
 */
function fixText(text, file, kind, opts = {}) {
    const result = { file, before: text, after: text, fixed: [], notes: [], left: [] };
    const src = new yaml_source/* YamlSource */.r(file, text);
    const before = (0,engine/* scanText */.Ff)(text, file, kind);
    if (src.errors.length > 0 || !(0,dist/* isMap */.jh)(src.contents)) {
        result.left.push({ line: 1, message: 'not fixed: the file could not be parsed' });
        return result;
    }
    // A literal key (JIT105) stays until it is revoked: deleting it would hide that it leaked.
    const keyLines = new Set(before.findings
        .filter((f) => (0,catalog/* rule */.Hu)(f.rule).credential && !f.uncertain && f.rule !== 'JIT105')
        .map((f) => f.line));
    const model = (0,workflow/* buildModel */.yK)(src, kind === 'action' || src.get(src.contents, 'runs') ? 'action' : 'workflow');
    const fixer = new Fixer(src, keyLines, opts.action ?? DEFAULT_ACTION, result);
    if (model.kind === 'action') {
        for (const step of model.steps)
            fixer.step(step, new Set());
        if (fixer.changedJobs.size > 0)
            result.notes.push({
                line: 1,
                message: "a composite action cannot grant `id-token: write`: every job that uses it must (the callers' permissions)",
            });
    }
    else {
        fixer.workflow(model);
    }
    if (fixer.buffer.empty) {
        result.left = leftNotes(before.findings);
        return result;
    }
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const after = fixer.buffer.apply(eol);
    const check = new yaml_source/* YamlSource */.r(file, after);
    if (check.errors.length > 0) {
        // Never hand back a file GitHub would reject: keep the original and say so.
        result.fixed = [];
        result.notes = [];
        result.left = [
            {
                line: 1,
                message: `not fixed: the rewrite would not parse (${check.errors[0].code}); please report it`,
            },
            ...leftNotes(before.findings),
        ];
        return result;
    }
    result.after = after;
    result.left = leftNotes((0,engine/* scanText */.Ff)(after, file, kind).findings);
    return result;
}
function leftNotes(findings) {
    return findings
        .filter((f) => (0,catalog/* rule */.Hu)(f.rule).credential)
        .sort((a, b) => a.line - b.line)
        .map((f) => ({ line: f.line, message: `not fixed (${f.rule}): ${f.message} ${why(f)}` }));
}
function why(f) {
    switch (f.rule) {
        case 'JIT104':
            return 'Scripts are not rewritten: make the command use the credential of an OIDC step.';
        case 'JIT105':
            return 'Revoke the key first (it is in the git history), then delete it.';
        case 'JIT106':
        case 'JIT107':
            return 'Pass only the secrets the callee needs.';
        case 'JIT108':
            return 'Callers depend on this input: remove it once they no longer pass a key.';
        case 'JIT102':
            return 'The fix does not know an OIDC form of this input.';
        case 'JIT103':
            return 'Only env names tools read by themselves are rewritten (AWS_*, ARM_/AZURE_CLIENT_SECRET, GOOGLE_CREDENTIALS).';
        default:
            return 'The fix knows no OIDC form of this action.';
    }
}
class Fixer {
    src;
    keyLines;
    action;
    result;
    buffer;
    /** Jobs (by id) whose steps now log in with OIDC. */
    changedJobs = new Set();
    job;
    /** Env of the enclosing scopes (workflow and job), for the step being fixed. */
    scopeEnv;
    constructor(src, keyLines, action, result) {
        this.src = src;
        this.keyLines = keyLines;
        this.action = action;
        this.result = result;
        this.buffer = new EditBuffer(src.text.split(/\r?\n/));
    }
    workflow(model) {
        const workflowKeys = this.envKeys(this.src.getAll(this.src.contents, 'env')[0], model.env);
        for (const job of model.jobs) {
            this.job = job;
            const oidc = (0,oidc_steps/* oidcCloudsOf */.b)(job.steps);
            const jobNode = this.src.get(this.src.get(this.src.contents, 'jobs'), job.id);
            this.scopeEnv = model.env;
            const jobKeys = this.envKeys(this.src.getAll(jobNode, 'env')[0], job.env);
            this.scopeEnv = [...model.env, ...job.env];
            const clouds = new Set();
            for (const step of job.steps)
                this.step(step, oidc);
            for (const k of [...workflowKeys, ...jobKeys])
                if (!oidc.has(k.cloud))
                    clouds.add(k.cloud);
            if (jobKeys.length > 0 || (workflowKeys.length > 0 && job.steps.length > 0)) {
                const first = job.steps[0];
                if (first) {
                    for (const cloud of clouds)
                        this.jitStep(first, cloud, [...job.env, ...model.env]);
                    if (clouds.size > 0)
                        this.changedJobs.add(job.id);
                }
            }
            if (this.changedJobs.has(job.id))
                this.idToken(job, jobNode, model);
        }
        if (workflowKeys.length > 0 && model.jobs.some((j) => j.uses))
            this.result.notes.push({
                line: workflowKeys[0].entry.loc.line,
                message: 'workflow env does not reach reusable-workflow jobs; nothing was added to them',
            });
    }
    /** Static keys handed to a login action, and env keys of the step. */
    step(step, oidc) {
        const stepKeys = this.envKeys(this.src.getAll(step.node, 'env')[0], step.env);
        const clouds = new Set(stepKeys.map((k) => k.cloud).filter((c) => !oidc.has(c)));
        for (const cloud of clouds)
            this.jitStep(step, cloud, step.env);
        if (clouds.size > 0)
            this.markJob();
        if (!step.uses)
            return;
        const name = (0,workflow/* actionName */.aM)(step.uses);
        const known = (0,known_actions/* knownAction */.iZ)(name);
        if (known?.label === 'configure-aws-credentials')
            this.aws(step);
        else if (known?.label === 'google-github-actions/auth')
            this.gcp(step);
        else if (name === 'azure/login')
            this.azure(step);
    }
    aws(step) {
        const keys = step.with.filter((e) => AWS_KEY_INPUTS.includes(e.key));
        if (!keys.some((e) => this.keyLines.has(e.loc.line)) || !this.blockEntries(step, keys))
            return;
        for (const e of keys)
            this.removeEntry(e);
        const first = keys[0];
        if (!step.with.some((e) => e.key === 'role-to-assume')) {
            this.buffer.insert(first.loc.line, [
                `${this.pad(first)}role-to-assume: ${PLACEHOLDER.awsRole} ${NOTE.awsRole}`,
            ]);
        }
        this.fixed(first, 'configure-aws-credentials keys replaced by `role-to-assume` (OIDC)');
    }
    gcp(step) {
        const key = step.with.find((e) => e.key === 'credentials_json');
        if (!key || !this.keyLines.has(key.loc.line) || !this.blockEntries(step, [key]))
            return;
        this.removeEntry(key);
        const lines = [
            `${this.pad(key)}workload_identity_provider: ${PLACEHOLDER.gcpProvider} ${NOTE.gcpProvider}`,
        ];
        if (!step.with.some((e) => e.key === 'service_account'))
            lines.push(`${this.pad(key)}service_account: ${PLACEHOLDER.gcpAccount} ${NOTE.gcpAccount}`);
        this.buffer.insert(key.loc.line, lines);
        this.fixed(key, '`credentials_json` replaced by `workload_identity_provider` and `service_account` (Workload Identity Federation)');
    }
    azure(step) {
        const creds = step.with.find((e) => e.key === 'creds');
        if (!creds || !this.keyLines.has(creds.loc.line) || !this.blockEntries(step, [creds]))
            return;
        this.removeEntry(creds);
        // A creds JSON written in the file names its ids; keep those expressions.
        const text = creds.text ?? '';
        const field = (n) => new RegExp(`"${n}"\\s*:\\s*"([^"]*)"`).exec(text)?.[1];
        const has = (k) => step.with.some((e) => e.key === k);
        const ids = [
            ['client-id', field('clientId'), PLACEHOLDER.azureClient],
            ['tenant-id', field('tenantId'), PLACEHOLDER.azureTenant],
            ['subscription-id', field('subscriptionId'), PLACEHOLDER.azureSubscription],
        ];
        const lines = ids
            .filter(([k]) => !has(k))
            .map(([k, v, p]) => `${this.pad(creds)}${k}: ${v !== undefined ? quoteIfNeeded(v) : `${p} ${NOTE.azure}`}`);
        this.buffer.insert(creds.loc.line, lines);
        this.fixed(creds, '`creds` replaced by `client-id`, `tenant-id` and `subscription-id` (federated credential)');
    }
    /** The env keys of one `env:` block that this fix replaces, removed from the file. */
    envKeys(envEntry, entries) {
        if (!envEntry || !(0,dist/* isMap */.jh)(envEntry.value) || envEntry.value.flow)
            return [];
        const [from, to] = [envEntry.loc.line, envEntry.loc.endLine];
        const own = entries.filter((e) => e.loc.line > from && e.loc.line <= to);
        const keys = own.filter((e) => ENV_KEYS[e.key] !== undefined);
        const clouds = new Set(keys.filter((e) => this.keyLines.has(e.loc.line)).map((e) => ENV_KEYS[e.key]));
        // AWS_* keys with an endpoint of their own belong to an S3-compatible store, which AWS OIDC
        // does not reach (R2, B2, MinIO...): rewriting them would break the upload.
        const endpoint = [...own, ...(this.scopeEnv ?? [])].find((e) => /^AWS_(ENDPOINT_URL(_S3)?|S3_ENDPOINT)$/.test(e.key));
        if (clouds.has('aws') && endpoint) {
            clouds.delete('aws');
            this.result.notes.push({
                line: endpoint.loc.line,
                message: `not changed: ${endpoint.key} points the AWS keys at an S3-compatible store, which AWS OIDC does not reach; keep the key scoped to one bucket, in an environment with required reviewers`,
            });
        }
        const out = keys
            .filter((e) => clouds.has(ENV_KEYS[e.key]))
            .map((e) => ({ entry: e, cloud: ENV_KEYS[e.key] }));
        for (const k of out) {
            this.removeEntry(k.entry);
            this.fixed(k.entry, `env ${k.entry.key} removed: a jit-credentials step exports a short-lived ${cloudWord(k.cloud)} credential instead`);
        }
        // An `env:` left with nothing in it goes too.
        if (out.length > 0 && own.every((e) => out.some((k) => k.entry === e)))
            this.buffer.remove(from, from);
        return out;
    }
    /** A jit-credentials step before `step`, exporting a short-lived credential for `cloud`. */
    jitStep(step, cloud, env) {
        const line = step.loc.line;
        const text = this.buffer.lines[line - 1] ?? '';
        const dash = text.indexOf('-');
        const keyCol = step.loc.column - 1;
        const unit = Math.max(2, keyCol - dash);
        const pad = ' '.repeat(dash);
        const key = ' '.repeat(keyCol);
        const sub = ' '.repeat(keyCol + unit);
        const idOf = (...names) => env.find((e) => names.includes(e.key))?.text;
        const inputs = [`provider: ${cloud}`];
        if (cloud === 'aws')
            inputs.push(`role: ${PLACEHOLDER.awsRole} ${NOTE.awsRole}`);
        else if (cloud === 'gcp')
            inputs.push(`workload-identity-provider: ${PLACEHOLDER.gcpProvider} ${NOTE.gcpProvider}`, `service-account: ${PLACEHOLDER.gcpAccount} ${NOTE.gcpAccount}`);
        else if (cloud === 'azure') {
            const client = idOf('ARM_CLIENT_ID', 'AZURE_CLIENT_ID');
            const tenant = idOf('ARM_TENANT_ID', 'AZURE_TENANT_ID');
            const sub = idOf('ARM_SUBSCRIPTION_ID', 'AZURE_SUBSCRIPTION_ID');
            inputs.push(`client-id: ${client ? quoteIfNeeded(client) : `${PLACEHOLDER.azureClient} ${NOTE.azure}`}`);
            inputs.push(`tenant-id: ${tenant ? quoteIfNeeded(tenant) : `${PLACEHOLDER.azureTenant} ${NOTE.azure}`}`);
            if (sub)
                inputs.push(`subscription-id: ${quoteIfNeeded(sub)}`);
        }
        inputs.push('export: env');
        const at = this.aboveComments(line, dash);
        this.buffer.insert(at, [
            `${pad}- name: Short-lived ${cloudWord(cloud)} credentials from OIDC`,
            `${key}uses: ${this.action} ${NOTE.action}`,
            `${key}with:`,
            ...inputs.map((i) => `${sub}${i}`),
        ]);
        this.result.fixed.push({
            line,
            message: `a jit-credentials step (provider ${cloud}, export: env) inserted before line ${line} in place of the stored key`,
        });
    }
    /** `id-token: write` for the job, keeping the permissions it already has. */
    idToken(job, jobNode, model) {
        const p = job.permissions;
        if (p) {
            if (p.all === 'write-all' || p.idToken === 'write')
                return;
            if (p.all !== undefined || !(0,dist/* isMap */.jh)(p.entry.value) || p.entry.value.flow) {
                this.result.notes.push({
                    line: p.entry.loc.line,
                    message: `not changed: job '${job.id}' has \`permissions: ${p.all ?? 'a flow mapping'}\`; add \`id-token: write\` to it by hand`,
                });
                return;
            }
            const items = this.src.entries(p.entry.value);
            const existing = items.find((e) => e.key === 'id-token');
            if (existing) {
                const l = existing.loc.line;
                this.buffer.replace(l, `${' '.repeat(existing.loc.column - 1)}id-token: write`);
            }
            else {
                const col = items[0] ? items[0].loc.column - 1 : p.entry.loc.column + 1;
                this.buffer.insert(p.entry.loc.line + 1, [`${' '.repeat(col)}id-token: write`]);
            }
            this.result.fixed.push({
                line: p.entry.loc.line,
                message: `job '${job.id}' gets \`id-token: write\``,
            });
            return;
        }
        const wp = model.permissions;
        if (wp && (wp.all === 'write-all' || wp.idToken === 'write'))
            return;
        // A job-level block replaces the workflow's: repeat what it granted, plus id-token.
        const lines = [];
        let note = '';
        if (wp && wp.all === undefined && (0,dist/* isMap */.jh)(wp.entry.value)) {
            for (const e of this.src.entries(wp.entry.value))
                if (e.key !== 'id-token' && e.text !== undefined)
                    lines.push(`${e.key}: ${e.text}`);
        }
        else {
            lines.push('contents: read');
            note = wp?.all
                ? ` (the workflow grants \`${wp.all}\`: list what else this job needs)`
                : ' (it ran with the default token permissions: list any others it needs)';
        }
        lines.push('id-token: write');
        const entries = this.src.entries(jobNode);
        const steps = entries.find((e) => e.key === 'steps');
        const anchor = steps ?? entries[0];
        if (!anchor)
            return;
        const col = anchor.loc.column - 1;
        const unit = this.unit();
        const at = this.aboveComments(anchor.loc.line, col);
        this.buffer.insert(at, [
            `${' '.repeat(col)}permissions:`,
            ...lines.map((l) => `${' '.repeat(col + unit)}${l}`),
        ]);
        this.result.fixed.push({
            line: anchor.loc.line,
            message: `job '${job.id}' gets \`permissions: id-token: write\``,
        });
        if (note)
            this.result.notes.push({ line: anchor.loc.line, message: `job '${job.id}'${note}` });
    }
    markJob() {
        this.changedJobs.add(this.job?.id ?? '');
    }
    fixed(e, message) {
        this.markJob();
        this.result.fixed.push({ line: e.loc.line, message });
    }
    /** Only entries written in block style, each on its own lines, are rewritten. */
    blockEntries(step, entries) {
        const withEntry = this.src.getAll(step.node, 'with')[0];
        const ok = withEntry !== undefined &&
            (0,dist/* isMap */.jh)(withEntry.value) &&
            !withEntry.value.flow &&
            entries.every((e) => e.loc.line > withEntry.loc.line && e.loc.line <= withEntry.loc.endLine);
        if (!ok)
            this.result.notes.push({
                line: entries[0]?.loc.line ?? step.loc.line,
                message: 'not changed: the inputs are written in flow style or through an alias; rewrite them by hand',
            });
        return ok;
    }
    removeEntry(e) {
        this.buffer.remove(e.loc.line, e.loc.endLine);
    }
    pad(e) {
        return ' '.repeat(e.loc.column - 1);
    }
    /** The file's indentation step, from its first nested mapping. */
    unit() {
        for (const l of this.buffer.lines) {
            const n = indentOf(l);
            if (n > 0 && l.trim() !== '' && !l.trimStart().startsWith('#'))
                return n;
        }
        return 2;
    }
    /** Moves an insertion point above the comment lines that introduce the line. */
    aboveComments(line, col) {
        let at = line;
        while (at > 1) {
            const prev = this.buffer.lines[at - 2] ?? '';
            if (prev.trimStart().startsWith('#') && indentOf(prev) >= col)
                at--;
            else
                break;
        }
        return at;
    }
}
function cloudWord(c) {
    return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}
/** A value taken from the file, quoted when it would not stay a plain scalar. */
function quoteIfNeeded(v) {
    if (/^\$\{\{.*\}\}$/.test(v) || /^[\w.@/-]+$/.test(v))
        return v;
    return `'${v.replace(/'/g, "''")}'`;
}

;// CONCATENATED MODULE: ./src/cli/fix.ts






const USAGE = `Usage: jit-credentials fix [--diff] [PATH...] [options]

Rewrites the common static-key patterns of workflows and composite actions into their OIDC form,
keeping comments and formatting: configure-aws-credentials keys → role-to-assume;
google-github-actions/auth credentials_json → workload_identity_provider + service_account;
azure/login creds → client-id/tenant-id/subscription-id; AWS_*, ARM_CLIENT_SECRET,
AZURE_CLIENT_SECRET and GOOGLE_CREDENTIALS in env → a jit-credentials step with export: env.
Adds id-token: write to each job it changes. Placeholders such as <ROLE_NAME> are marked with
"# jit-credentials fix:"; fill them in. What it cannot rewrite is left as it is, with a note.
PATH is a file or directory (default .github/).

Options:
      --diff             print a unified diff (for git apply) instead of writing the files
      --action REF       uses: of inserted jit-credentials steps (default ${DEFAULT_ACTION})
  -h, --help             show this help

Exit codes: 0 no long-lived key use left, 1 some left for a person (listed), 2 a usage error or
a file that could not be read or parsed.
`;
/** `jit-credentials fix ...`: returns the exit code. */
async function fixCli(argv, io) {
    const parsed = (0,args/* verbArgs */.lI)(argv, {
        diff: { type: 'boolean' },
        action: { type: 'string' },
    }, USAGE, io);
    if (typeof parsed === 'number')
        return parsed;
    const { values, positionals } = parsed;
    try {
        if (values.action !== undefined && !/^[\w.-]+\/[\w./-]+@[\w./-]+$/.test(values.action))
            throw new errors/* ConfigurationError */.j1(`Invalid --action '${values.action}'. Expected OWNER/REPO@REF, for example ${DEFAULT_ACTION}.`);
        const targets = (0,files/* findTargets */.q)(positionals.length > 0 ? positionals : ['.github'], io.cwd);
        const report = values.diff ? io.stderr : io.stdout;
        let broken = false;
        let left = 0;
        let changed = 0;
        let fixed = 0;
        for (const t of targets) {
            let text;
            try {
                text = (0,external_node_fs_.readFileSync)(t.abs, 'utf8');
            }
            catch (err) {
                io.stderr(`error: ${t.rel} could not be read: ${(0,errors/* errorMessage */.gJ)(err)}\n`);
                broken = true;
                continue;
            }
            const fix = fixText(text, t.rel, t.kind, { action: values.action });
            if (fix.left.some((n) => n.message.startsWith('not fixed: the file could not be parsed')))
                broken = true;
            if (fix.after !== fix.before) {
                changed++;
                fixed += fix.fixed.length;
                if (values.diff)
                    io.stdout(unifiedDiff(fix.before, fix.after, `a/${t.rel}`, `b/${t.rel}`));
                else
                    (0,external_node_fs_.writeFileSync)(t.abs, fix.after);
            }
            left += fix.left.length;
            report(describe(fix));
        }
        report(`${changed} file${changed === 1 ? '' : 's'} ${values.diff ? 'would change' : 'changed'} (${fixed} rewrite${fixed === 1 ? '' : 's'}); ${left} long-lived key use${left === 1 ? '' : 's'} left for a person.\n`);
        if (broken)
            return 2;
        return left > 0 ? 1 : 0;
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1) {
            io.stderr(`${err.message}\n`);
            return 2;
        }
        io.stderr(`jit-credentials fix failed: ${(0,errors/* errorMessage */.gJ)(err)}\n`);
        return 2;
    }
}
function describe(fix) {
    const rows = [
        ...fix.fixed.map((n) => `  fixed ${n.line}: ${n.message}`),
        ...fix.notes.map((n) => `  note  ${n.line}: ${n.message}`),
        ...fix.left.map((n) => `  left  ${n.line}: ${n.message}`),
    ];
    return rows.length === 0 ? '' : `${fix.file}\n${rows.join('\n')}\n`;
}


/***/ })

};
