export const id = 997;
export const ids = [997];
export const modules = {

/***/ 997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsFront: () => (/* binding */ awsFront)
/* harmony export */ });
/** aws-actions/configure-aws-credentials' OIDC inputs. */
const awsFront = {
    provider: 'aws',
    inputs: {
        'role-to-assume': 'role',
        'aws-region': 'region',
        'role-duration-seconds': 'duration',
        'role-session-name': 'session-name',
        'inline-session-policy': 'session-policy',
        'managed-session-policies': 'managed-policies',
        audience: 'audience',
    },
    defaults: { export: 'env' },
};


/***/ })

};
