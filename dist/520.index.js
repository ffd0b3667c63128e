export const id = 520;
export const ids = [520];
export const modules = {

/***/ 4520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   main: () => (/* binding */ main),
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _grant_close_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1570);
/* harmony import */ var _grant_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2334);
/* harmony import */ var _grant_ledger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6997);
/* harmony import */ var _grant_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2348);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _runner_oidc_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3957);
/* harmony import */ var _runner_runner_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1814);







async function main() {
    await runPost((0,_runner_runner_js__WEBPACK_IMPORTED_MODULE_6__/* .actionsRunner */ .A)(), process.env, () => new Date());
}
/**
 * End of job: close every grant the job still holds open, whichever step opened it. It
 * never fails the job (cleanup problems are warnings), and writes a block only when it
 * closed something, since a job shows at most 20 step summaries.
 */
async function runPost(runner, env, now) {
    try {
        const path = runner.getState(_grant_names_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE */ .c.ledger) ||
            (env['RUNNER_TEMP'] ? (0,_grant_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultLedgerPath */ .iu)(env['RUNNER_TEMP']) : '');
        if (!path)
            return;
        const ledger = new _grant_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .Ledger */ .Oc(path);
        const { closed } = await (0,_grant_close_js__WEBPACK_IMPORTED_MODULE_0__/* .closeOpenGrants */ .Q)({
            runner,
            ledger,
            now,
            idToken: _runner_oidc_js__WEBPACK_IMPORTED_MODULE_5__/* .githubIdTokenSource */ .Jy,
            env,
        });
        if (closed.length === 0) {
            runner.log.info('jit-credentials: no open grants left to close.');
            return;
        }
        for (const g of closed)
            runner.log.info(`Closed grant ${g.id} (${g.provider}, ${g.principal ?? ''}): ${g.closeMethod ?? g.phase}.`);
        const all = ledger.grants().filter((g) => g.phase !== 'requested');
        await runner.appendSummary((0,_grant_render_js__WEBPACK_IMPORTED_MODULE_3__/* .summaryBlock */ .kV)('🔒 jit-credentials · end of job', closed, [
            `Every grant of this job: **${(0,_grant_render_js__WEBPACK_IMPORTED_MODULE_3__/* .verdict */ .WJ)(all)}**`,
            (0,_grant_render_js__WEBPACK_IMPORTED_MODULE_3__/* .timeline */ .IO)(all),
        ]));
    }
    catch (err) {
        runner.log.warning(`jit-credentials could not close the job's grants: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
    }
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


/***/ })

};
