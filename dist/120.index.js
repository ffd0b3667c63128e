export const id = 120;
export const ids = [120];
export const modules = {

/***/ 5432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ MAX_POLICY_DURATION),
/* harmony export */   E9: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_1__.E),
/* harmony export */   a3: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_1__.a)
/* harmony export */ });
/* unused harmony export requireDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);

/** The longest any of the three clouds will issue (AWS role sessions, 12 h). */
const MAX_POLICY_DURATION = 43_200;


function requireDuration(value, where) {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
        throw new ConfigurationError(`${where}: invalid duration '${value}'. Write seconds (900) or a duration such as 90s, 15m, 1h or 1h30m.`);
    }
    return seconds;
}


/***/ }),

/***/ 1120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDecision: () => (/* binding */ renderDecision),
/* harmony export */   renderNoPolicy: () => (/* binding */ renderNoPolicy),
/* harmony export */   renderPolicyFailure: () => (/* binding */ renderPolicyFailure)
/* harmony export */ });
/* harmony import */ var _runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3321);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5432);


/** A few lines of markdown for the job summary: the verdict, the rule or why none matched, the digest. */
function renderDecision(decision, warnings = []) {
    const r = decision.record;
    const digest = typeof r['policyDigest'] === 'string' ? r['policyDigest'] : '';
    const path = typeof r['policyPath'] === 'string' ? r['policyPath'] : 'policy';
    // The source is one of our own modes; anything else (a tampered record) is not shown.
    const mode = typeof r['policySource'] === 'string' ? r['policySource'] : '';
    const source = /^[a-z-]{1,20}$/.test(mode) ? ` (${mode})` : '';
    const lines = [];
    if (decision.allowed) {
        const ceiling = decision.maxDuration !== undefined ? `, max ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(decision.maxDuration)}` : '';
        lines.push(`**Policy: allowed** by rule ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(decision.rule ?? '?')}${ceiling} · ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(path)}${source} ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(digest)}`);
        for (const reason of decision.reasons)
            lines.push(`- ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reason)}`);
    }
    else {
        lines.push(`**Policy: denied**, no rule allows this request · ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(path)}${source} ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdCode */ .xs)(digest)}`);
        const shown = decision.reasons.slice(0, 10);
        for (const reason of shown)
            lines.push(`- ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(reason)}`);
        if (decision.reasons.length > shown.length)
            lines.push(`- … and ${decision.reasons.length - shown.length} more rules`);
    }
    for (const w of warnings)
        lines.push(`- ⚠️ ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(w)}`);
    return lines.join('\n') + '\n';
}
/** No policy file on the trusted ref: said as plainly as a decision, so a reviewer sees it. */
function renderNoPolicy(location, source, warnings) {
    const lines = [
        `**Policy: none** at ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(location)} (${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(source)}): the cloud's trust configuration alone decided.`,
    ];
    for (const w of warnings)
        if (!w.startsWith('No policy file'))
            lines.push(`- ⚠️ ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(w)}`);
    return lines.join('\n') + '\n';
}
/** The policy could not be read or was refused before a decision: the grant was refused. */
function renderPolicyFailure(message) {
    return `**Policy: not applied**, so nothing was asked of the cloud: ${(0,_runner_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .mdText */ .bC)(message.split('\n')[0])}\n`;
}


/***/ })

};
