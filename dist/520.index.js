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
/* harmony import */ var _grant_close_job_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/* harmony import */ var _grant_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9195);
/* harmony import */ var _grant_targets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9600);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runner_oidc_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3957);
/* harmony import */ var _runner_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1814);






async function main() {
    await runPost((0,_runner_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .actionsRunner */ .A)(), process.env, () => new Date(), _runner_oidc_js__WEBPACK_IMPORTED_MODULE_4__/* .githubIdTokenSource */ .Jy);
}
/**
 * End of job: close every grant of the job again, whichever step opened it and whatever the
 * ledger says. A block is written only when there is news: a grant left open, this action's own
 * export, or a ledger claim this step's own check contradicts (a job shows 20 step summaries).
 */
async function runPost(runner, env, now, idToken) {
    try {
        const job = await (0,_grant_close_job_js__WEBPACK_IMPORTED_MODULE_0__/* .closeJobGrants */ .p)({ runner, env, now, idToken, by: 'post' });
        const { states, contradicted } = (0,_grant_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .displayStates */ .TG)(job.events, job.before, job.results);
        const shown = (0,_grant_close_job_js__WEBPACK_IMPORTED_MODULE_0__/* .worthShowing */ .a)(job, contradicted);
        for (const r of job.results)
            runner.log.info(`Closed grant ${r.id} (${r.provider}): ${r.method}${r.verified ? ', verified' : ''}.`);
        const failed = job.results.filter((r) => r.revocationFailed);
        if (shown.size === 0) {
            runner.log.info(`jit-credentials: no open grants left to close; ${job.results.length} closed grant(s) of this job were checked again.`);
        }
        else {
            const all = states.filter((g) => g.issuedAt !== undefined || g.phase === 'denied');
            await runner.appendSummary((0,_grant_render_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryBlock */ .kV)('🔒 jit-credentials · end of job', states.filter((g) => shown.has(g.id)), [
                ...job.notes,
                ...[...contradicted].map((id) => `⚠️ The ledger said grant \`${id}\` ended otherwise than this step found; the table shows what this step found.`),
                `Every grant of this job: **${(0,_grant_render_js__WEBPACK_IMPORTED_MODULE_1__/* .verdict */ .WJ)(all)}**`,
                (0,_grant_render_js__WEBPACK_IMPORTED_MODULE_1__/* .exposureLine */ .QU)(all, now()),
                (0,_grant_render_js__WEBPACK_IMPORTED_MODULE_1__/* .timeline */ .IO)(all),
            ], now()));
        }
        if (failed.length) {
            runner.fail(failed.map((r) => `Grant ${r.id}: ${r.problems.join('; ')}`).join('\n'));
        }
    }
    catch (err) {
        runner.log.warning(`jit-credentials could not close the job's grants: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
    }
}


/***/ }),

/***/ 3292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ worthShowing),
/* harmony export */   p: () => (/* binding */ closeJobGrants)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_child_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(464);
/* harmony import */ var _runner_temp_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9754);
/* harmony import */ var _close_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1570);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6997);
/* harmony import */ var _open_grant_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5475);
/* harmony import */ var _recorder_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6394);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9600);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2334);









/**
 * Closes again every grant of the job (or those named), whatever the ledger says of them: the
 * ledger is a log that any step can write, so every closer redoes the runner-side work and
 * checks the cloud itself. A grant this action's main step issued is taken from its state.
 */
async function closeJobGrants(deps, only) {
    const { runner } = deps;
    const own = (0,_open_grant_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeOpenGrant */ .B)(runner.getState(_names_js__WEBPACK_IMPORTED_MODULE_8__/* .STATE */ .c.grant));
    const closedByMain = runner.getState(_names_js__WEBPACK_IMPORTED_MODULE_8__/* .STATE */ .c.closed) !== '';
    const notes = [];
    if (own?.processGroup !== undefined && !closedByMain) {
        // Main died while its command ran: end whatever of the command is left before closing its grant.
        if ((0,_runner_child_js__WEBPACK_IMPORTED_MODULE_1__/* .signalGroup */ .i8)(own.processGroup, 'SIGKILL')) {
            notes.push(`The main step ended before its \`run:\` command did; the command's process group ${own.processGroup} was killed before the grant was closed.`);
        }
    }
    const dir = (0,_runner_temp_js__WEBPACK_IMPORTED_MODULE_2__/* .privateDir */ .XK)(deps.env['RUNNER_TEMP']);
    const ledger = new _ledger_js__WEBPACK_IMPORTED_MODULE_4__/* .Ledger */ .Oc((0,_ledger_js__WEBPACK_IMPORTED_MODULE_4__/* .ledgerPath */ .tf)(dir));
    const read = ledger.read();
    if (read.skipped || read.truncated) {
        runner.log.warning(`The ledger ${ledger.path} holds ${read.skipped} line(s) that are not jit-credentials events${read.truncated ? ' and was cut at its size limit' : ''}; they were skipped. Some step of this job wrote them.`);
    }
    const before = (0,_ledger_js__WEBPACK_IMPORTED_MODULE_4__/* .foldEvents */ .v0)(read.events);
    let targets = (0,_targets_js__WEBPACK_IMPORTED_MODULE_7__/* .ledgerTargets */ .mx)(before).filter((t) => t.id !== own?.id);
    if (own)
        targets.unshift((0,_targets_js__WEBPACK_IMPORTED_MODULE_7__/* .ownTarget */ .Of)(own));
    const unknown = (only ?? []).filter((id) => !targets.some((t) => t.id === id));
    if (only)
        targets = targets.filter((t) => only.includes(t.id));
    const recorder = new _recorder_js__WEBPACK_IMPORTED_MODULE_6__/* .Recorder */ .v(ledger, deps.now);
    const results = [];
    for (const t of targets) {
        try {
            results.push(await (0,_close_js__WEBPACK_IMPORTED_MODULE_3__/* .closeGrant */ .t)(t, {
                runner,
                recorder,
                now: deps.now,
                idToken: deps.idToken,
                env: deps.env,
                privateDir: dir,
                by: deps.by,
            }));
        }
        catch (err) {
            runner.log.warning(`Grant ${t.id} could not be closed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
        }
    }
    return {
        own,
        closedByMain,
        before,
        events: [...read.events, ...recorder.events],
        results,
        unknown,
        notes,
        ledgerPath: ledger.path,
    };
}
/** The grants worth a block: left open by the ledger's account, missing from it, or contradicted. */
function worthShowing(job, contradicted) {
    const ids = new Set();
    for (const r of job.results) {
        const was = job.before.find((g) => g.id === r.id);
        if (!was || (0,_ledger_js__WEBPACK_IMPORTED_MODULE_4__/* .isOpen */ .nT)(was) || contradicted.has(r.id) || r.problems.length)
            ids.add(r.id);
    }
    return ids;
}


/***/ }),

/***/ 9600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Of: () => (/* binding */ ownTarget),
/* harmony export */   TG: () => (/* binding */ displayStates),
/* harmony export */   mx: () => (/* binding */ ledgerTargets)
/* harmony export */ });
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6997);

/** The trusted record of a grant, as a close target. */
function ownTarget(open) {
    return {
        id: open.id,
        provider: open.provider,
        handle: open.handle,
        expiresAt: new Date(open.expiresAt),
        envNames: open.envNames,
        trusted: true,
    };
}
/**
 * Every grant the ledger says was issued, whatever later lines claim about it: each is closed
 * again. Its handle and expiry are the ledger's (checked by the provider, shown as such).
 */
function ledgerTargets(states) {
    return states
        .filter((g) => g.issuedAt !== undefined)
        .map((g) => ({
        id: g.id,
        provider: g.provider,
        handle: g.handle,
        expiresAt: validDate(g.expiresAt) ?? new Date(Date.parse(g.issuedAt) + 43_200_000),
        envNames: g.envNames.filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)),
        trusted: false,
    }));
}
const validDate = (iso) => {
    const t = iso === undefined ? NaN : Date.parse(iso);
    return Number.isNaN(t) ? undefined : new Date(t);
};
/**
 * What reviewers see: the ledger's story of each grant, with how it ended replaced by what this
 * step itself did and saw. A claim of the ledger that this step's own check contradicts is said.
 */
function displayStates(events, before, results) {
    const states = (0,_ledger_js__WEBPACK_IMPORTED_MODULE_0__/* .foldEvents */ .v0)(events);
    const contradicted = new Set();
    for (const r of results) {
        const said = before.find((s) => s.id === r.id);
        // The ledger claimed the cloud refuses it now, and this step found that it does not.
        const claimed = said?.phase === 'closed' && (said.verified === true || said.closeMethod === 'expired');
        // A deny found in place counts as refusal: a later closer has no keys left to probe with.
        if (claimed && r.method === 'expires')
            contradicted.add(r.id);
        const g = states.find((s) => s.id === r.id);
        if (!g)
            continue;
        g.phase = r.problems.length ? 'close-failed' : 'closed';
        g.closeMethod = r.method;
        g.verified = r.verified;
        g.closeNote = r.note;
        g.closedAt ??= r.closedAt;
        if (r.problems.length)
            g.error = r.problems.join('; ');
    }
    return { states, contradicted };
}


/***/ })

};
