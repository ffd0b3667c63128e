export const id = 593;
export const ids = [593];
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


/***/ })

};
