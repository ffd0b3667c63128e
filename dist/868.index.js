export const id = 868;
export const ids = [868];
export const modules = {

/***/ 7868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   runRevoke: () => (/* binding */ runRevoke)
/* harmony export */ });
/* harmony import */ var _grant_close_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1570);
/* harmony import */ var _grant_ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6997);
/* harmony import */ var _grant_render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2348);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runner_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9205);
/* harmony import */ var _runner_oidc_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3957);
/* harmony import */ var _runner_runner_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1814);







async function main() {
    await runRevoke((0,_runner_runner_js__WEBPACK_IMPORTED_MODULE_6__/* .actionsRunner */ .A)(), process.env, () => new Date());
}
/** Closes grants now, mid-job: the named ones, or every open one. Closing twice is a no-op. */
async function runRevoke(runner, env, now) {
    try {
        const only = new _runner_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0(runner).list('grant-id');
        const runnerTemp = env['RUNNER_TEMP'];
        if (!runnerTemp) {
            runner.fail('RUNNER_TEMP is not set: run this action on a GitHub Actions runner.');
            return;
        }
        const ledger = new _grant_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .Ledger */ .Oc((0,_grant_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultLedgerPath */ .iu)(runnerTemp));
        const { closed, unknown } = await (0,_grant_close_js__WEBPACK_IMPORTED_MODULE_0__/* .closeOpenGrants */ .Q)({ runner, ledger, now, idToken: _runner_oidc_js__WEBPACK_IMPORTED_MODULE_5__/* .githubIdTokenSource */ .Jy, env }, only.length ? only : undefined);
        for (const id of unknown) {
            runner.log.warning(`No grant '${id}' in this job's ledger (${ledger.path}); nothing to close for it.`);
        }
        runner.setOutput('closed', closed.map((g) => g.id).join(','));
        if (closed.length === 0) {
            runner.log.info('No open grants to close.');
            return;
        }
        for (const g of closed)
            runner.log.info(`Closed grant ${g.id}: ${g.closeMethod ?? g.phase}.`);
        await runner.appendSummary((0,_grant_render_js__WEBPACK_IMPORTED_MODULE_2__/* .summaryBlock */ .kV)('🔒 jit-credentials · revoke', closed));
    }
    catch (err) {
        runner.log.warning(`jit-credentials revoke could not close grants: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
    }
}


/***/ })

};
