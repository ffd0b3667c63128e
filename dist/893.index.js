export const id = 893;
export const ids = [893];
export const modules = {

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

/***/ 3321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   js: () => (/* binding */ htmlText),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/**
 * Values from outside (token claims such as branch names, cloud errors, the ledger, workflow
 * files) made inert for the job summary, which GitHub renders as GitHub Flavored Markdown with
 * some HTML. A branch may be named `<h1>x</h1>`, `a|b` or `` `x` ``: shown, it must read as
 * exactly that text, stay inside its table cell, and make no HTML, link, image or formatting.
 */
/** Long enough for a cloud's explanation; a padded ledger value cannot fill the 1 MiB summary. */
const MAX_CHARS = 4000;
// Line breaks end a table row (and any other construct); other control characters have no
// business in a reviewer's record.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS = /\r\n|[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
// Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
// that can start something: code spans, emphasis, strikethrough, links and images, table cells,
// headings and math. `_`, and the `:` and `.` of extended autolinks, are handled apart.
const ESCAPED = new Set(['\\', '`', '*', '~', '[', ']', '(', ')', '!', '#', '|', '$']);
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const alnum = (c) => c !== undefined && /[A-Za-z0-9]/.test(c);
/**
 * Inline Markdown text that renders as `value` itself, anywhere in a line (a table cell, a list
 * item, a heading): `&<>"` become entities, Markdown punctuation is backslash-escaped, line breaks
 * become spaces. `_` between two letters or digits (`event_name`) cannot delimit emphasis and is
 * left as it is, so that identifiers stay readable in the raw file; `@` is left too (a mention in
 * a job summary notifies no one). Over MAX_CHARS characters, the value is cut and says so.
 */
function mdText(value) {
    const whole = String(value).replace(BREAKS, ' ');
    const text = whole.slice(0, MAX_CHARS);
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (ENTITIES[c])
            out += ENTITIES[c];
        else if (ESCAPED.has(c))
            out += `\\${c}`;
        else if (c === '_' && !(alnum(text[i - 1]) && alnum(text[i + 1])))
            out += '\\_';
        // `https://` and `www.` start extended autolinks; an escape inside them breaks the match.
        else if (c === ':' && text[i + 1] === '/')
            out += '\\:';
        else if (c === '.' && /www$/i.test(text.slice(Math.max(0, i - 3), i)))
            out += '\\.';
        else
            out += c;
    }
    return whole.length > MAX_CHARS ? `${out}… (${whole.length} characters)` : out;
}
/**
 * The value in code style. A Markdown code span cannot hold every value safely inside a table (a
 * backslash before `|` would show), so this is the HTML element around the escaped text.
 */
function mdCode(value) {
    return `<code>${mdText(value)}</code>`;
}
/**
 * Text inside a raw HTML block (`<details><summary>…</summary>`), where Markdown is not parsed
 * and backslash escapes would show: entities only.
 */
function htmlText(value) {
    return String(value)
        .replace(BREAKS, ' ')
        .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


/***/ }),

/***/ 6789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ formatAnnotations)
/* harmony export */ });
/* harmony import */ var _summary_data_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8637);

const LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };
/** Workflow commands that put each finding on its line in the pull request's "Files changed". */
function formatAnnotations(findings) {
    return findings
        .map((f) => {
        const props = [
            `file=${prop(f.file)}`,
            `line=${f.line}`,
            `endLine=${f.endLine}`,
            ...(f.line === f.endLine ? [`col=${f.column}`, `endColumn=${f.endColumn}`] : []),
            `title=${prop(`${(0,_summary_data_js__WEBPACK_IMPORTED_MODULE_0__/* .ruleTitle */ .z)(f.rule)} (${f.severity})`)}`,
        ].join(',');
        return `::${LEVEL[f.severity]} ${props}::${data(`${f.message}\n\nFix: ${f.help}`)}\n`;
    })
        .join('');
}
function data(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s) {
    return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 8637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ summarise),
/* harmony export */   z: () => (/* binding */ ruleTitle)
/* harmony export */ });
/* harmony import */ var _rules_catalog_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8742);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1184);


function summarise(result) {
    const bySeverity = Object.fromEntries(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .o.map((s) => [s, 0]));
    const byRule = {};
    const staticKeyUses = { aws: 0, azure: 0, gcp: 0, other: 0 };
    const keyFiles = new Set();
    for (const f of result.findings) {
        bySeverity[f.severity]++;
        byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
        if (_rules_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y0.get(f.rule)?.credential) {
            staticKeyUses[f.cloud ?? 'other']++;
            keyFiles.add(f.file);
        }
    }
    let longest;
    for (const p of result.files) {
        if (p.longestTtlSeconds !== undefined && (!longest || p.longestTtlSeconds > longest.s)) {
            longest = { s: p.longestTtlSeconds, file: p.file };
        }
    }
    const oidc = result.files.filter((p) => p.oidcSteps > 0);
    const notChecked = result.files.filter((p) => p.notChecked !== undefined).length;
    return {
        files: result.files.length,
        checked: result.files.length - notChecked,
        notChecked,
        workflows: result.files.filter((p) => p.kind === 'workflow').length,
        actions: result.files.filter((p) => p.kind === 'action').length,
        findings: result.findings.length,
        suppressed: result.suppressed,
        bySeverity,
        byRule,
        staticKeyUses,
        oidcFiles: oidc.length,
        oidcFilesWithKeys: oidc.filter((p) => keyFiles.has(p.file)).length,
        filesWithKeys: keyFiles.size,
        longestTtlSeconds: longest?.s ?? null,
        longestTtlFile: longest?.file ?? null,
    };
}
function ruleTitle(id) {
    return `${id} ${(0,_rules_catalog_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)(id).name}`;
}


/***/ }),

/***/ 2893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d$: () => (/* binding */ FAIL_ON),
  hR: () => (/* binding */ FORMATS),
  I$: () => (/* binding */ exitCode),
  XX: () => (/* binding */ render),
  Hk: () => (/* binding */ runScan)
});

// UNUSED EXPORTS: countFailing

// EXTERNAL MODULE: ./src/scan/config.ts
var scan_config = __webpack_require__(9087);
// EXTERNAL MODULE: ./src/scan/engine.ts + 15 modules
var engine = __webpack_require__(778);
// EXTERNAL MODULE: ./src/scan/files.ts
var files = __webpack_require__(5438);
// EXTERNAL MODULE: ./src/scan/report/github.ts
var github = __webpack_require__(6789);
// EXTERNAL MODULE: ./src/scan/report/summary-data.ts
var summary_data = __webpack_require__(8637);
;// CONCATENATED MODULE: ./src/scan/report/json.ts

/**
 * Stable JSON: `{"version":1,"repository"?,"findings":[{rule,severity,file,line,column,endLine,endColumn,message,
 * help,cloud?}],"summary":{...},"notChecked":[{file,reason}],"files":[{file,kind,oidcSteps,
 * longestTtlSeconds?,checked}]}`. Fields are only ever added, never renamed; the README's scanner
 * section lists them. `files` is what `jit-credentials report` needs to merge results.
 */
function formatJson(result, meta = {}) {
    const findings = result.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        message: f.message,
        help: f.help,
        ...(f.cloud ? { cloud: f.cloud } : {}),
    }));
    const notChecked = result.files
        .filter((p) => p.notChecked !== undefined)
        .map((p) => ({ file: p.file, reason: p.notChecked }));
    const files = result.files.map((p) => ({
        file: p.file,
        kind: p.kind,
        oidcSteps: p.oidcSteps,
        ...(p.longestTtlSeconds !== undefined ? { longestTtlSeconds: p.longestTtlSeconds } : {}),
        checked: p.notChecked === undefined,
    }));
    return (JSON.stringify({
        version: 1,
        ...(meta.repository ? { repository: meta.repository } : {}),
        findings,
        summary: (0,summary_data/* summarise */.f)(result),
        notChecked,
        files,
    }, null, 2) + '\n');
}

// EXTERNAL MODULE: ./src/runner/inputs.ts
var inputs = __webpack_require__(9205);
// EXTERNAL MODULE: ./src/runner/markdown.ts
var markdown = __webpack_require__(3321);
;// CONCATENATED MODULE: ./src/scan/report/markdown.ts



const MAX_ROWS = 50;
/** The job summary: posture figures first (what reviewers and admins track), then the findings. */
function formatMarkdown(result, failOn) {
    const s = (0,summary_data/* summarise */.f)(result);
    const keys = s.staticKeyUses;
    const lines = [
        '## jit-credentials scan',
        '',
        `| | |`,
        `|---|---|`,
        `| files checked | ${s.checked} of ${s.files} (${s.workflows} workflows, ${s.actions} actions)${s.notChecked ? ` — **${s.notChecked} could not be checked**` : ''} |`,
        `| findings | ${s.findings}: ${s.bySeverity.critical} critical, ${s.bySeverity.high} high, ${s.bySeverity.medium} medium, ${s.bySeverity.low} low${s.suppressed ? ` (${s.suppressed} suppressed)` : ''} |`,
        `| long-lived key uses | AWS ${keys.aws}, Azure ${keys.azure}, Google Cloud ${keys.gcp}, other ${keys.other} |`,
        `| files using keys | ${s.filesWithKeys} |`,
        `| files already on OIDC | ${s.oidcFiles}${s.oidcFilesWithKeys ? ` (${s.oidcFilesWithKeys} still keep a key)` : ''} |`,
        `| longest requested credential lifetime | ${s.longestTtlSeconds === null ? 'not set in any step' : `${(0,inputs/* formatDuration */.a3)(s.longestTtlSeconds)} (${(0,markdown/* mdText */.bC)(s.longestTtlFile ?? '')})`} |`,
        `| fails on | ${failOn} |`,
        '',
    ];
    const unchecked = result.files.filter((p) => p.notChecked !== undefined);
    if (unchecked.length > 0) {
        lines.push('**Not checked** (fix these files and scan again):', '');
        for (const p of unchecked.slice(0, MAX_ROWS))
            lines.push(`- \`${escape(p.file)}\`: ${escape(p.notChecked ?? '')}`);
        lines.push('');
    }
    if (result.findings.length > 0) {
        lines.push('| severity | rule | where | finding |', '|---|---|---|---|');
        for (const f of result.findings.slice(0, MAX_ROWS)) {
            lines.push(`| ${f.severity} | ${(0,summary_data/* ruleTitle */.z)(f.rule)} | ${(0,markdown/* mdCode */.xs)(`${f.file}:${f.line}`)} | ${(0,markdown/* mdText */.bC)(f.message)} |`);
        }
        if (result.findings.length > MAX_ROWS)
            lines.push('', `…and ${result.findings.length - MAX_ROWS} more: see the annotations or the SARIF file.`);
        lines.push('');
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/scan/rules/catalog.ts
var catalog = __webpack_require__(8742);
;// CONCATENATED MODULE: ./src/scan/report/sarif.ts

/** Code scanning sorts alerts by this CVSS-like score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '3.0',
};
const LEVEL = {
    critical: 'error',
    high: 'error',
    medium: 'warning',
    low: 'note',
};
const INFORMATION_URI = 'https://github.com/jit-credentials/jit-credentials#scanner-find-long-lived-cloud-keys-in-workflows';
/** The README's rule table: one anchor for all rules (GitHub makes none per table row). */
const RULES_URI = 'https://github.com/jit-credentials/jit-credentials#rules';
/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: every rule with full description, help and
 * `security-severity`; results with a partial fingerprint so alerts survive lines moving; paths
 * relative to the checkout (`%SRCROOT%`).
 */
function formatSarif(result, version = '0.1.0') {
    const rules = catalog/* RULE_LIST */.OY.map((r) => ({
        id: r.id,
        // SARIF wants a PascalCase friendly name (SARIF2012); the kebab-case name stays in the text.
        name: r.name.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase()),
        shortDescription: { text: r.short },
        fullDescription: { text: r.full },
        help: { text: r.help, markdown: `${r.full}\n\n**Fix:** ${r.help}` },
        helpUri: RULES_URI,
        defaultConfiguration: { level: LEVEL[r.severity] },
        properties: {
            'security-severity': SECURITY_SEVERITY[r.severity],
            precision: r.credential ? 'high' : 'medium',
            'problem.severity': r.severity === 'low' ? 'recommendation' : r.severity === 'medium' ? 'warning' : 'error',
            tags: ['security', r.credential ? 'long-lived-credential' : 'oidc', 'github-actions'],
        },
    }));
    const index = new Map(catalog/* RULE_LIST */.OY.map((r, i) => [r.id, i]));
    const results = result.findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: `${f.message} Fix: ${f.help}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                    region: {
                        startLine: f.line,
                        startColumn: f.column,
                        endLine: f.endLine,
                        endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column + 1 : 1),
                    },
                },
            },
        ],
        partialFingerprints: { 'jitCredentials/v1': f.fingerprint ?? `${f.rule}:${f.file}:${f.line}` },
        properties: {
            'security-severity': SECURITY_SEVERITY[f.severity],
            severity: f.severity,
            ...(f.cloud ? { cloud: f.cloud } : {}),
        },
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'jit-credentials',
                        informationUri: INFORMATION_URI,
                        semanticVersion: version,
                        version,
                        rules,
                    },
                },
                automationDetails: { id: 'jit-credentials/scan/' },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository checkout.' } } },
                results,
                columnKind: 'utf16CodeUnits',
            },
        ],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./src/scan/report/text.ts


function formatText(result, opts = {}) {
    const out = [];
    for (const f of result.findings) {
        out.push(`${f.file}:${f.line}:${f.column}: ${f.severity} ${(0,summary_data/* ruleTitle */.z)(f.rule)}: ${f.message}`);
        if (opts.help !== false)
            out.push(`    fix: ${f.help}`);
    }
    const s = (0,summary_data/* summarise */.f)(result);
    const keys = Object.entries(s.staticKeyUses)
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
    if (out.length > 0)
        out.push('');
    out.push(`${s.checked} file${s.checked === 1 ? '' : 's'} checked` +
        (s.notChecked ? `, ${s.notChecked} could not be checked` : '') +
        `: ${s.findings} finding${s.findings === 1 ? '' : 's'}` +
        ` (${['critical', 'high', 'medium', 'low'].map((v) => `${s.bySeverity[v]} ${v}`).join(', ')})` +
        (s.suppressed ? `, ${s.suppressed} suppressed` : '') +
        `; static-key uses: ${keys || 'none'}; files on OIDC: ${s.oidcFiles}` +
        (s.longestTtlSeconds !== null
            ? `; longest requested lifetime ${(0,inputs/* formatDuration */.a3)(s.longestTtlSeconds)}`
            : '') +
        '.');
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/scan/types.ts
var types = __webpack_require__(1184);
;// CONCATENATED MODULE: ./src/scan/run.ts









const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];
const FAIL_ON = ['none', 'low', 'medium', 'high', 'critical'];
/** The one engine call behind the CLI and the action. Throws ConfigurationError for user mistakes. */
function runScan(req) {
    const { config, path } = (0,scan_config/* loadConfig */.Z9)(req.cwd, req.configPath);
    const targets = (0,files/* findTargets */.q)(req.paths, req.cwd);
    const result = (0,engine/* scanTargets */.WB)(targets, req.cwd, config);
    const failOn = req.failOn ?? config.failOn ?? 'high';
    const notChecked = result.files.filter((p) => p.notChecked !== undefined).length;
    return {
        result,
        failOn,
        failing: countFailing(result, failOn),
        notChecked,
        configPath: path,
    };
}
/**
 * A file that could not be checked fails at any threshold but `none`: a scan that read nothing of
 * it must not pass as clean. Its JIT001 finding is that same failure, so it is counted once.
 */
function countFailing(result, failOn) {
    if (failOn === 'none')
        return 0;
    const min = (0,types/* severityRank */.q)(failOn);
    const unchecked = result.files.filter((p) => p.notChecked !== undefined).length;
    return (result.findings.filter((f) => f.rule !== 'JIT001' && (0,types/* severityRank */.q)(f.severity) >= min).length +
        unchecked);
}
/** 0 clean, 1 findings at the threshold, 2 files that could not be checked (unless `none`). */
function exitCode(outcome) {
    if (outcome.notChecked > 0 && outcome.failOn !== 'none')
        return 2;
    return outcome.failing > 0 ? 1 : 0;
}
function render(outcome, format, meta = {}) {
    switch (format) {
        case 'text':
            return formatText(outcome.result);
        case 'json':
            return formatJson(outcome.result, meta);
        case 'sarif':
            return formatSarif(outcome.result);
        case 'github':
            return (0,github/* formatAnnotations */.M)(outcome.result.findings);
        case 'markdown':
            return formatMarkdown(outcome.result, outcome.failOn);
    }
}


/***/ })

};
