export const id = 563;
export const ids = [563,593];
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

/***/ 8563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportCli: () => (/* binding */ reportCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/scan/rules/catalog.ts
var catalog = __webpack_require__(8742);
// EXTERNAL MODULE: ./src/scan/types.ts
var types = __webpack_require__(1184);
;// CONCATENATED MODULE: ./src/scan/org/merge.ts



const MAX_FINDINGS_PER_REPOSITORY = 10_000;
const CLOUDS = ['aws', 'azure', 'gcp', 'other'];
/**
 * `expected` names every repository that should have a result (the listing the scan matrix was
 * built from): one without a result is reported as such, so a failed job cannot shrink the report.
 */
function mergeResults(inputs, expected = []) {
    const rows = [];
    const findings = [];
    const seen = new Set();
    let longest;
    let oidcFilesWithKeys = 0;
    for (const input of inputs) {
        const parsed = parseResult(input);
        let name = parsed.repository;
        // Two results for one repository (a re-run) would count it twice: keep the first.
        if (seen.has(name)) {
            name = `${name} (${input.source})`;
            parsed.error ??= 'a second result for the same repository; not counted';
            parsed.findings = [];
            parsed.files = [];
        }
        seen.add(name);
        const row = emptyRow(name, parsed.error);
        if (!parsed.error) {
            const keyFiles = new Set();
            for (const f of parsed.files) {
                row.files++;
                if (f.checked)
                    row.checked++;
                else
                    row.notChecked++;
                if (f.longestTtlSeconds !== undefined && (!longest || f.longestTtlSeconds > longest.s))
                    longest = { s: f.longestTtlSeconds, file: `${name}:${f.file}` };
            }
            for (const f of parsed.findings) {
                findings.push({ ...f, repository: name });
                row.findings++;
                if (!row.worst || (0,types/* severityRank */.q)(f.severity) > (0,types/* severityRank */.q)(row.worst))
                    row.worst = f.severity;
                if (catalog/* RULES */.y0.get(f.rule)?.credential) {
                    row.staticKeyUses[f.cloud ?? 'other']++;
                    keyFiles.add(f.file);
                }
            }
            row.filesWithKeys = keyFiles.size;
            const oidc = parsed.files.filter((f) => f.oidcSteps > 0);
            row.oidcFiles = oidc.length;
            oidcFilesWithKeys += oidc.filter((f) => keyFiles.has(f.file)).length;
        }
        rows.push(row);
    }
    for (const name of expected) {
        if (seen.has(name))
            continue;
        seen.add(name);
        rows.push(emptyRow(name, 'no result: its scan job failed or was cancelled'));
    }
    findings.sort(worstFirst);
    rows.sort((a, b) => keyUses(b) - keyUses(a) ||
        rank(b.worst) - rank(a.worst) ||
        (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0));
    return {
        version: 1,
        kind: 'organisation',
        summary: totals(rows, findings, longest, oidcFilesWithKeys),
        repositories: rows,
        findings,
    };
}
function totals(rows, findings, longest, oidcFilesWithKeys) {
    const bySeverity = Object.fromEntries(types/* SEVERITIES */.o.map((s) => [s, 0]));
    const byRule = {};
    for (const f of findings) {
        bySeverity[f.severity]++;
        byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    }
    const sum = (pick) => rows.reduce((n, r) => n + pick(r), 0);
    const staticKeyUses = Object.fromEntries(CLOUDS.map((c) => [c, sum((r) => r.staticKeyUses[c])]));
    return {
        repositories: rows.length,
        scanned: rows.filter((r) => !r.error).length,
        failed: rows.filter((r) => r.error).length,
        repositoriesWithKeys: rows.filter((r) => keyUses(r) > 0).length,
        repositoriesOnOidc: rows.filter((r) => r.oidcFiles > 0).length,
        files: sum((r) => r.files),
        checked: sum((r) => r.checked),
        notChecked: sum((r) => r.notChecked),
        findings: findings.length,
        bySeverity,
        byRule,
        staticKeyUses,
        filesWithKeys: sum((r) => r.filesWithKeys),
        oidcFiles: sum((r) => r.oidcFiles),
        oidcFilesWithKeys,
        longestTtlSeconds: longest?.s ?? null,
        longestTtlFile: longest?.file ?? null,
    };
}
/** Reads one result; never throws: what cannot be read becomes the row's error. */
function parseResult(input) {
    const fallback = repositoryFromSource(input.source);
    const out = { repository: fallback, findings: [], files: [] };
    let raw;
    try {
        raw = JSON.parse(input.text);
    }
    catch (err) {
        out.error = `the result is not JSON: ${err.message}`;
        return out;
    }
    if (!isObject(raw) || raw['version'] !== 1) {
        out.error = 'the result is not a jit-credentials scan result (no "version": 1)';
        return out;
    }
    if (typeof raw['repository'] === 'string' && REPO.test(raw['repository']))
        out.repository = raw['repository'];
    if (typeof raw['error'] === 'string') {
        out.error = raw['error'].slice(0, 500);
        return out;
    }
    const findings = raw['findings'];
    const files = raw['files'];
    if (!Array.isArray(findings) || !Array.isArray(files)) {
        out.error =
            'the result has no "findings" and "files" lists (scan with jit-credentials 0.2 or later, -f json)';
        return out;
    }
    for (const f of findings.slice(0, MAX_FINDINGS_PER_REPOSITORY)) {
        if (!isObject(f))
            continue;
        const severity = f['severity'];
        const id = f['rule'];
        if (typeof id !== 'string' || !catalog/* RULES */.y0.has(id))
            continue;
        if (typeof severity !== 'string' || !types/* SEVERITIES */.o.includes(severity))
            continue;
        const cloud = f['cloud'];
        out.findings.push({
            rule: id,
            severity: severity,
            file: merge_text(f['file'], 500),
            line: merge_int(f['line']),
            message: merge_text(f['message'], 2000),
            ...(typeof cloud === 'string' && CLOUDS.includes(cloud)
                ? { cloud: cloud }
                : {}),
        });
    }
    for (const f of files) {
        if (!isObject(f))
            continue;
        const ttl = f['longestTtlSeconds'];
        out.files.push({
            file: merge_text(f['file'], 500),
            checked: f['checked'] !== false,
            oidcSteps: count(f['oidcSteps']),
            ...(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0
                ? { longestTtlSeconds: ttl }
                : {}),
        });
    }
    return out;
}
const REPO = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;
/** `results/octo-org__web.json` → `octo-org/web`; otherwise the file name without `.json`. */
function repositoryFromSource(source) {
    const base = (source.split(/[\\/]/).at(-1) ?? source).replace(/\.json$/i, '');
    const m = /^([\w.-]+?)__([\w.-]+)$/.exec(base);
    return m ? `${m[1]}/${m[2]}` : base;
}
function emptyRow(repository, error) {
    return {
        repository,
        ...(error ? { error } : {}),
        files: 0,
        checked: 0,
        notChecked: 0,
        findings: 0,
        staticKeyUses: { aws: 0, azure: 0, gcp: 0, other: 0 },
        filesWithKeys: 0,
        oidcFiles: 0,
        worst: null,
    };
}
function keyUses(r) {
    return CLOUDS.reduce((n, c) => n + r.staticKeyUses[c], 0);
}
function rank(s) {
    return s === null ? -1 : (0,types/* severityRank */.q)(s);
}
/** Worst first; credential rules before others at one severity; then by place. */
function worstFirst(a, b) {
    return ((0,types/* severityRank */.q)(b.severity) - (0,types/* severityRank */.q)(a.severity) ||
        Number((0,catalog/* rule */.Hu)(b.rule).credential) - Number((0,catalog/* rule */.Hu)(a.rule).credential) ||
        (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function merge_text(v, max) {
    return typeof v === 'string' ? v.slice(0, max) : '';
}
/** A count: a whole number from 0; anything else is 0. */
function count(v) {
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? Math.min(v, 1_000_000) : 0;
}
/** A line number: a whole number from 1; anything else is 1. */
function merge_int(v) {
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 1;
}
const MAX_REPOSITORY_ROWS = 100;
const MAX_FINDING_ROWS = 100;
/** The job summary for an organisation: posture first, then repositories, then the worst findings. */
function formatOrgMarkdown(r) {
    const s = r.summary;
    const k = s.staticKeyUses;
    const lines = [
        '## jit-credentials organisation report',
        '',
        '| | |',
        '|---|---|',
        `| repositories | ${s.repositories}: ${s.scanned} scanned${s.failed ? `, **${s.failed} without a result**` : ''} |`,
        `| repositories using long-lived keys | ${s.repositoriesWithKeys} of ${s.scanned} |`,
        `| long-lived key uses | ${k.aws + k.azure + k.gcp + k.other}: AWS ${k.aws}, Azure ${k.azure}, Google Cloud ${k.gcp}, other ${k.other} |`,
        `| files checked | ${s.checked} of ${s.files}${s.notChecked ? ` (**${s.notChecked} could not be checked**)` : ''} |`,
        `| files using keys | ${s.filesWithKeys} |`,
        `| files on OIDC | ${s.oidcFiles}${s.oidcFilesWithKeys ? ` (${s.oidcFilesWithKeys} still keep a key)` : ''}, in ${s.repositoriesOnOidc} repositories |`,
        `| findings | ${s.findings}: ${s.bySeverity.critical} critical, ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low |`,
        `| longest requested credential lifetime | ${s.longestTtlSeconds === null ? 'not set in any step' : `${(0,inputs/* formatDuration */.a3)(s.longestTtlSeconds)} (${esc(s.longestTtlFile ?? '')})`} |`,
        '',
    ];
    const failed = r.repositories.filter((x) => x.error);
    if (failed.length > 0) {
        lines.push('### Repositories without a result', '');
        for (const x of failed.slice(0, MAX_REPOSITORY_ROWS))
            lines.push(`- ${esc(x.repository)}: ${esc(x.error ?? '')}`);
        if (failed.length > MAX_REPOSITORY_ROWS)
            lines.push(`- …and ${failed.length - MAX_REPOSITORY_ROWS} more (see the JSON report)`);
        lines.push('');
    }
    const scanned = r.repositories.filter((x) => !x.error);
    if (scanned.length > 0) {
        lines.push('### Repositories, most long-lived key uses first', '', '| repository | key uses | AWS | Azure | Google Cloud | other | worst | files | on OIDC |', '|---|---:|---:|---:|---:|---:|---|---:|---:|');
        for (const x of scanned.slice(0, MAX_REPOSITORY_ROWS)) {
            const u = x.staticKeyUses;
            lines.push(`| ${esc(x.repository)} | ${keyUses(x)} | ${u.aws} | ${u.azure} | ${u.gcp} | ${u.other} | ${x.worst ?? '—'} | ${x.checked}${x.notChecked ? ` (+${x.notChecked} not checked)` : ''} | ${x.oidcFiles} |`);
        }
        if (scanned.length > MAX_REPOSITORY_ROWS)
            lines.push('', `…and ${scanned.length - MAX_REPOSITORY_ROWS} more repositories: see the JSON report.`);
        lines.push('');
    }
    if (r.findings.length > 0) {
        lines.push('### Worst findings first', '', '| severity | where | rule | finding |', '|---|---|---|---|');
        for (const f of r.findings.slice(0, MAX_FINDING_ROWS)) {
            lines.push(`| ${f.severity} | ${esc(f.repository)}: \`${esc(f.file)}:${f.line}\` | ${f.rule} ${(0,catalog/* rule */.Hu)(f.rule).name} | ${esc(f.message)} |`);
        }
        if (r.findings.length > MAX_FINDING_ROWS)
            lines.push('', `…and ${r.findings.length - MAX_FINDING_ROWS} more findings: see the JSON report.`);
        lines.push('');
    }
    return lines.join('\n') + '\n';
}
/** Names and messages come from scanned repositories: no table breaks, no HTML. */
function esc(s) {
    return s
        .replace(/[\r\n]+/g, ' ')
        .replace(/\|/g, '\\|')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/`/g, "'");
}

;// CONCATENATED MODULE: ./src/cli/report.ts





const USAGE = `Usage: jit-credentials report [options] RESULT.json|DIR...

Merges the JSON results of 'jit-credentials scan -f json --repository OWNER/REPO' for many
repositories into one report: totals, long-lived key uses by cloud, files on OIDC, a table of
repositories (most key uses first) and every finding, worst first. A directory stands for the
*.json files in it. A result that cannot be read is listed as a repository without a result.

Options:
  -o, --markdown FILE    write the Markdown summary to FILE (default: standard output)
      --json FILE        also write the merged JSON report to FILE
      --expected FILE    JSON list of the repositories that should have a result (the output of
                         'jit-credentials repos'); each one without a result is reported as such
  -h, --help             show this help

Exit codes: 0 report written, 2 a usage error or no result at all.
`;
/** Each result is one repository's workflows: a few MB at most. */
const MAX_RESULT_BYTES = 64 * 1024 * 1024;
/** `jit-credentials report ...`: returns the exit code. */
async function reportCli(argv, io) {
    const parsed = (0,args/* verbArgs */.lI)(argv, {
        markdown: { type: 'string', short: 'o' },
        json: { type: 'string' },
        expected: { type: 'string' },
    }, USAGE, io);
    if (typeof parsed === 'number')
        return parsed;
    const { values, positionals } = parsed;
    try {
        const at = (p) => ((0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(io.cwd, p));
        const expected = values.expected ? readExpected(at(values.expected), values.expected) : [];
        const inputs = readInputs(positionals, io.cwd, expected.length > 0);
        const report = mergeResults(inputs, expected);
        const markdown = formatOrgMarkdown(report);
        if (values.json)
            (0,external_node_fs_.writeFileSync)(at(values.json), JSON.stringify(report, null, 2) + '\n');
        if (values.markdown)
            (0,external_node_fs_.writeFileSync)(at(values.markdown), markdown);
        else
            io.stdout(markdown);
        const s = report.summary;
        io.stderr(`${s.repositories} repositories (${s.failed} without a result): ${s.repositoriesWithKeys} use long-lived keys, ${s.findings} findings.\n`);
        return 0;
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1) {
            io.stderr(`${err.message}\n`);
            return 2;
        }
        io.stderr(`jit-credentials report failed: ${(0,errors/* errorMessage */.gJ)(err)}\n`);
        return 2;
    }
}
function readExpected(abs, given) {
    let raw;
    try {
        raw = JSON.parse((0,external_node_fs_.readFileSync)(abs, 'utf8'));
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`--expected '${given}' is not a JSON list of repositories: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string'))
        throw new errors/* ConfigurationError */.j1(`--expected '${given}' must be a JSON list of OWNER/REPO names.`);
    // Matrix entries hold several names separated by spaces.
    const names = raw.flatMap((x) => x.split(/\s+/)).filter((x) => x !== '');
    const bad = names.find((n) => !/^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(n));
    if (bad !== undefined)
        throw new errors/* ConfigurationError */.j1(`--expected '${given}' names '${bad}', which is not OWNER/REPO.`);
    return names;
}
function readInputs(paths, cwd, allowEmpty) {
    if (paths.length === 0 && !allowEmpty)
        throw new errors/* ConfigurationError */.j1('Give the JSON results to merge: files, or directories of *.json files.');
    const files = [];
    for (const p of paths) {
        const abs = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.join)(cwd, p);
        let st;
        try {
            st = (0,external_node_fs_.statSync)(abs);
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`Result '${p}' does not exist.`);
        }
        if (st.isDirectory()) {
            const found = (0,external_node_fs_.readdirSync)(abs)
                .filter((f) => f.endsWith('.json'))
                .sort()
                .map((f) => (0,external_node_path_.join)(abs, f));
            if (found.length === 0 && !allowEmpty)
                throw new errors/* ConfigurationError */.j1(`No *.json results in '${p}'.`);
            files.push(...found);
        }
        else
            files.push(abs);
    }
    return files.map((f) => {
        const size = (0,external_node_fs_.statSync)(f).size;
        if (size > MAX_RESULT_BYTES)
            return {
                source: f,
                text: JSON.stringify({
                    version: 1,
                    error: `the result is ${size} bytes, more than the ${MAX_RESULT_BYTES} read`,
                }),
            };
        return { source: f, text: (0,external_node_fs_.readFileSync)(f, 'utf8') };
    });
}


/***/ }),

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_SECONDS = { h: 3600, m: 60, s: 1 };
/**
 * The one duration syntax of inputs, policy rules and the CLI: `900`, `90s`, `15m`, `1h`,
 * `1h30m`. Seconds, or undefined when the text is not a positive duration (the caller says
 * where the bad value is).
 */
function parseDuration(value) {
    if (typeof value === 'number')
        return Number.isSafeInteger(value) && value > 0 ? value : undefined;
    const text = value.trim();
    let total;
    if (/^[0-9]+$/.test(text)) {
        total = Number(text);
    }
    else {
        const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(text);
        if (!m || text === '')
            return undefined;
        total = 0;
        for (const [i, unit] of ['h', 'm', 's'].entries()) {
            const part = m[i + 1];
            if (part !== undefined)
                total += Number(part) * UNIT_SECONDS[unit];
        }
    }
    return Number.isSafeInteger(total) && total > 0 ? total : undefined;
}
/** `1h30m`, `5m`, `45s`, `0s`. */
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean);
    return parts.length ? parts.join('') : '0s';
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ CloudError),
/* harmony export */   XP: () => (/* binding */ RevocationError),
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
/**
 * A revocation the cloud did not take (the deny could not be written, or did not stay): the
 * session is still accepted until `sessionExpiresAt`. The close must fail and say
 * "not revoked — expires <time>", never "revoked"; the message says what to fix.
 */
class RevocationError extends CloudError {
    sessionExpiresAt;
    name = 'RevocationError';
    constructor(message, 
    /** When the cloud refuses the session anyway (its STS expiry). */
    sessionExpiresAt, options) {
        super(message, false, options);
        this.sessionExpiresAt = sessionExpiresAt;
    }
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



/***/ }),

/***/ 8742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ rule),
/* harmony export */   OY: () => (/* binding */ RULE_LIST),
/* harmony export */   Oe: () => (/* binding */ CLOUD_HELP),
/* harmony export */   kV: () => (/* binding */ GENERIC_HELP),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
const AWS_HELP = 'Use OIDC: grant `permissions: id-token: write` to the job, create an IAM role that trusts ' +
    'token.actions.githubusercontent.com for this repository, and give the step `role-to-assume` ' +
    '(configure-aws-credentials) or `uses: OWNER/jit-credentials@v1` with `provider: aws` and `role`, then ' +
    'delete the access key.';
const GCP_HELP = 'Use Workload Identity Federation: grant `permissions: id-token: write`, create a workload identity ' +
    'pool and provider for GitHub, and give google-github-actions/auth `workload_identity_provider` and ' +
    '`service_account` (or jit-credentials with `provider: gcp`) instead of a key; then delete the key.';
const AZURE_HELP = 'Use a federated credential: grant `permissions: id-token: write`, add a federated credential for ' +
    'this repository to the app registration, and give azure/login only `client-id`, `tenant-id` and ' +
    '`subscription-id` (or jit-credentials with `provider: azure`); then delete the client secret.';
const CLOUD_HELP = { aws: AWS_HELP, gcp: GCP_HELP, azure: AZURE_HELP };
const GENERIC_HELP = "Replace the stored key with a short-lived credential obtained through the job's GitHub OIDC " +
    'token (`permissions: id-token: write`): an IAM role for AWS, Workload Identity Federation for ' +
    'Google Cloud, a federated credential for Azure; for S3-compatible stores that cannot federate, ' +
    'keep the key in an environment with required reviewers and scope it to one bucket.';
const list = [
    {
        id: 'JIT001',
        name: 'invalid-file',
        severity: 'high',
        credential: false,
        short: 'The file could not be checked',
        full: 'The file could not be parsed as YAML (or read, or is not a workflow or action), so GitHub will reject it and the scanner did not check it. The scan fails (exit 2) until it is fixed, unless --fail-on none.',
        help: 'Fix the YAML error at the reported line (run `actionlint` or a YAML linter), then scan again.',
    },
    {
        id: 'JIT002',
        name: 'suppression-without-reason',
        severity: 'low',
        credential: false,
        short: 'A suppression gives no reason',
        full: 'A `# jit-credentials: ignore[RULE]` comment or a config-file suppression must say why the finding is accepted, so reviewers can judge it.',
        help: 'Write the reason after the bracket: `# jit-credentials: ignore[JIT103] LocalStack test key, not a real credential`.',
    },
    {
        id: 'JIT101',
        name: 'static-key-action-input',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is given to a cloud login action',
        full: 'A known cloud action (configure-aws-credentials, google-github-actions/auth, setup-gcloud, azure/login, docker/login-action to a cloud registry, webapps-deploy, Firebase deploy) receives a static key or service-account key instead of authenticating with OIDC.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT102',
        name: 'static-key-input',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is passed as an input or reusable-workflow secret',
        full: 'An input or reusable-workflow secret whose name and source show a cloud key or password (for example `r2-secret-access-key`, `credentials`, `azure-client-secret`) is fed from a stored secret.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT103',
        name: 'static-key-env',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is put in the environment',
        full: 'An environment variable that cloud SDKs or tools read as a static credential (`AWS_SECRET_ACCESS_KEY`, `ARM_CLIENT_SECRET`, `GOOGLE_CREDENTIALS`, storage account keys, S3-compatible keys) is set at workflow, job or step level.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT104',
        name: 'static-key-script',
        severity: 'high',
        credential: true,
        short: 'A long-lived cloud key is used in a script',
        full: 'A `run:` script logs in with a stored key (`aws configure set`, `az login -p`, `gcloud auth activate-service-account`), writes key material to a file, or interpolates a credential secret into the command line.',
        help: GENERIC_HELP,
    },
    {
        id: 'JIT105',
        name: 'literal-credential',
        severity: 'critical',
        credential: true,
        short: 'A cloud credential is written in the file',
        full: 'The file contains an AWS access key id, a private key block or a service-account key in clear text. Anyone who can read the repository holds it.',
        help: 'Revoke the key now (it is in the git history), then replace it with OIDC: ' + GENERIC_HELP,
    },
    {
        id: 'JIT106',
        name: 'secrets-inherit',
        severity: 'medium',
        credential: true,
        short: 'All secrets are handed to a reusable workflow',
        full: '`secrets: inherit` gives the called workflow every repository, environment and organisation secret, including any cloud keys, whatever it needs.',
        help: 'Pass only the secrets the called workflow declares, and let it obtain cloud access with OIDC (`permissions: id-token: write` on the calling job) instead of stored keys.',
    },
    {
        id: 'JIT107',
        name: 'all-secrets-serialised',
        severity: 'high',
        credential: true,
        short: 'Every secret is serialised with toJSON(secrets)',
        full: '`toJSON(secrets)` puts every secret the job can see, cloud keys included, into one value for a step.',
        help: 'Pass the one secret the step needs by name; obtain cloud access with OIDC instead of a stored key.',
    },
    {
        id: 'JIT108',
        name: 'action-accepts-key',
        severity: 'medium',
        credential: true,
        short: 'A composite action or reusable workflow asks its callers for a cloud key',
        full: 'An action input or `workflow_call` input/secret is named for a static cloud key, so every caller has to keep that key as a long-lived secret.',
        help: 'Let the action authenticate with OIDC itself (inputs such as `role-to-assume`, `workload_identity_provider`, `client-id`) and remove the key input.',
    },
    {
        id: 'JIT201',
        name: 'oidc-without-id-token',
        severity: 'medium',
        credential: false,
        short: 'An OIDC login runs in a job without `id-token: write`',
        full: 'The step asks for a GitHub OIDC token, but neither the job nor the workflow grants `id-token: write`, so the runner provides no token and the step fails with "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable".',
        help: "Add `id-token: write` to this job's `permissions:` (with `contents: read` and every other permission the job needs, since listing one resets the others to none).",
    },
    {
        id: 'JIT202',
        name: 'id-token-too-wide',
        severity: 'low',
        credential: false,
        short: '`id-token: write` is granted to jobs that do not use it',
        full: '`id-token: write` at workflow level (or `write-all`) lets every job mint OIDC tokens, including jobs that run third-party or pull-request code and need no cloud access.',
        help: "Move `id-token: write` from the workflow's `permissions` to the jobs that log in to a cloud, and set `permissions: contents: read` at workflow level.",
    },
    {
        id: 'JIT203',
        name: 'key-beside-oidc',
        severity: 'high',
        credential: true,
        short: 'A static key is kept as a fallback beside OIDC',
        full: 'The same step or job uses OIDC and a stored static key. The key stays valid and stealable, so the OIDC migration gives no protection until it is removed.',
        help: 'Remove the key inputs (and delete the key in the cloud); OIDC alone is enough. If the key is needed for role chaining, chain from the OIDC role instead.',
    },
];
const RULES = new Map(list.map((r) => [r.id, r]));
const RULE_LIST = list;
function rule(id) {
    const meta = RULES.get(id);
    if (!meta)
        throw new Error(`unknown rule ${id}`);
    return meta;
}


/***/ }),

/***/ 1184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ SEVERITIES),
/* harmony export */   q: () => (/* binding */ severityRank)
/* harmony export */ });
/** Severities in rising order; the index is the rank used by `--fail-on`. */
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
function severityRank(s) {
    return SEVERITIES.indexOf(s);
}


/***/ })

};
