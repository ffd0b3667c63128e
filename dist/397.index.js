export const id = 397;
export const ids = [397,593];
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

/***/ 3397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scanCli: () => (/* binding */ scanCli)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7593);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _scan_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2893);





const USAGE = `Usage: jit-credentials scan [PATH...] [options]

Finds long-lived cloud credentials in GitHub workflows and composite actions, and shows the
OIDC replacement for each. PATH is a file or directory (default .github/).

Options:
  -f, --format FORMAT    text (default), json, sarif, github (annotations), markdown
      --fail-on LEVEL    none, low, medium, high (default), critical: exit 1 when a finding
                         is at or above LEVEL
  -c, --config FILE      scan config (default .github/jit-credentials-scan.yml when present)
  -o, --output FILE      write the report to FILE instead of standard output
      --repository NAME  OWNER/REPO recorded in the JSON report (for jit-credentials report)
  -h, --help             show this help

Exit codes: 0 no finding at the threshold, 1 findings at the threshold, 2 a usage or config
error, a path with no workflow files, or a file that could not be checked (parsed or read),
unless --fail-on none.
`;
/** `jit-credentials scan ...`: returns the exit code. */
async function scanCli(argv, io) {
    const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .verbArgs */ .lI)(argv, {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        output: { type: 'string', short: 'o' },
        repository: { type: 'string' },
    }, USAGE, io);
    if (typeof parsed === 'number')
        return parsed;
    const { values, positionals } = parsed;
    try {
        const format = choose('--format', values.format ?? 'text', _scan_run_js__WEBPACK_IMPORTED_MODULE_4__/* .FORMATS */ .hR);
        const failOn = values['fail-on'] === undefined
            ? undefined
            : choose('--fail-on', values['fail-on'], _scan_run_js__WEBPACK_IMPORTED_MODULE_4__/* .FAIL_ON */ .d$);
        if (values.repository !== undefined &&
            !/^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(values.repository))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Invalid --repository '${values.repository}'. Expected OWNER/REPO, for example octo-org/web.`);
        const paths = positionals.length > 0 ? positionals : ['.github'];
        const outcome = (0,_scan_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runScan */ .Hk)({ paths, cwd: io.cwd, configPath: values.config, failOn });
        const report = (0,_scan_run_js__WEBPACK_IMPORTED_MODULE_4__/* .render */ .XX)(outcome, format, { repository: values.repository });
        if (values.output) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(values.output) ? values.output : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(io.cwd, values.output), report);
            if (format !== 'text')
                io.stderr((0,_scan_run_js__WEBPACK_IMPORTED_MODULE_4__/* .render */ .XX)(outcome, 'text')
                    .split('\n')
                    .filter((l) => l !== '')
                    .at(-1) + '\n');
        }
        else {
            io.stdout(report);
        }
        for (const p of outcome.result.files) {
            if (p.notChecked !== undefined)
                io.stderr(`error: ${p.file} was not checked: ${p.notChecked}\n`);
        }
        return (0,_scan_run_js__WEBPACK_IMPORTED_MODULE_4__/* .exitCode */ .I$)(outcome);
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1) {
            io.stderr(`${err.message}\n`);
            return 2;
        }
        io.stderr(`jit-credentials scan failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}\n`);
        return 2;
    }
}
function choose(option, value, allowed) {
    if (!allowed.includes(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Invalid ${option} '${value}'. Expected one of: ${allowed.join(', ')}.`);
    }
    return value;
}


/***/ })

};
