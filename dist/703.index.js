export const id = 703;
export const ids = [703];
export const modules = {

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

/***/ 2703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   INPUT: () => (/* binding */ INPUT),
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   readScanInputs: () => (/* binding */ readScanInputs),
/* harmony export */   runScanAction: () => (/* binding */ runScanAction)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9205);
/* harmony import */ var _runner_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1814);
/* harmony import */ var _scan_report_github_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6789);
/* harmony import */ var _scan_report_summary_data_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8637);
/* harmony import */ var _scan_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2893);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4248);








async function main() {
    await runScanAction((0,_runner_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .actionsRunner */ .A)());
}
/** Input names, as in actions/scan/action.yml. */
const INPUT = {
    path: 'path',
    failOn: 'fail-on',
    config: 'config',
    sarifFile: 'sarif-file',
    annotations: 'annotations',
    summary: 'summary',
};
function readScanInputs(runner) {
    const inputs = new _runner_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0(runner);
    const paths = inputs.list(INPUT.path);
    const temp = runner.env('RUNNER_TEMP') ?? '.';
    return Object.freeze({
        paths: paths.length > 0 ? paths : ['.github'],
        failOn: inputs.oneOf(INPUT.failOn, _scan_run_js__WEBPACK_IMPORTED_MODULE_6__/* .FAIL_ON */ .d$, 'high'),
        config: inputs.optional(INPUT.config),
        sarifFile: inputs.optional(INPUT.sarifFile) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(temp, 'jit-credentials.sarif'),
        annotations: inputs.boolean(INPUT.annotations, true),
        summary: inputs.boolean(INPUT.summary, true),
    });
}
/** The scan action: annotations, a SARIF file, the job summary, outputs, and a failing status at the threshold. */
async function runScanAction(runner) {
    try {
        const settings = readScanInputs(runner);
        const cwd = runner.env('GITHUB_WORKSPACE') ?? process.cwd();
        const outcome = (0,_scan_run_js__WEBPACK_IMPORTED_MODULE_6__/* .runScan */ .Hk)({
            paths: settings.paths,
            cwd,
            configPath: settings.config,
            failOn: settings.failOn,
        });
        const { result } = outcome;
        if (settings.annotations) {
            for (const line of (0,_scan_report_github_js__WEBPACK_IMPORTED_MODULE_4__/* .formatAnnotations */ .M)(result.findings).split('\n'))
                if (line)
                    runner.log.info(line);
        }
        const sarifPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(settings.sarifFile)
            ? settings.sarifFile
            : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, settings.sarifFile);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(sarifPath), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(sarifPath, (0,_scan_run_js__WEBPACK_IMPORTED_MODULE_6__/* .render */ .XX)(outcome, 'sarif'));
        if (settings.summary)
            await runner.appendSummary((0,_scan_run_js__WEBPACK_IMPORTED_MODULE_6__/* .render */ .XX)(outcome, 'markdown'));
        const s = (0,_scan_report_summary_data_js__WEBPACK_IMPORTED_MODULE_5__/* .summarise */ .f)(result);
        runner.setOutput('findings', String(s.findings));
        runner.setOutput('failing', String(outcome.failing));
        runner.setOutput('static-key-uses', String(Object.values(s.staticKeyUses).reduce((a, b) => a + b, 0)));
        runner.setOutput('sarif-file', sarifPath);
        runner.log.info((0,_scan_run_js__WEBPACK_IMPORTED_MODULE_6__/* .render */ .XX)(outcome, 'text').trimEnd().split('\n').at(-1) ?? '');
        if (outcome.failing > 0) {
            runner.fail(`${outcome.failing} finding${outcome.failing === 1 ? '' : 's'} at or above '${outcome.failOn}'. ` +
                'Replace the keys with OIDC as each annotation says, or suppress an accepted one with `# jit-credentials: ignore[RULE] reason`.');
        }
    }
    catch (err) {
        (0,_report_js__WEBPACK_IMPORTED_MODULE_7__/* .reportFailure */ .x)(runner, err);
    }
}


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
        addPath: (dir) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .addPath */ .fM(dir),
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


/***/ })

};
