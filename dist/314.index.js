export const id = 314;
export const ids = [314];
export const modules = {

/***/ 7314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gcpFront: () => (/* binding */ gcpFront)
/* harmony export */ });
/**
 * google-github-actions/auth's Workload Identity Federation inputs. Its default of a
 * credentials file (holding the runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN) has no equivalent
 * here: the front exports an access token for the rest of the job, as `token_format:
 * access_token` plus CLOUDSDK_AUTH_ACCESS_TOKEN would.
 */
const gcpFront = {
    provider: 'gcp',
    inputs: {
        workload_identity_provider: 'workload-identity-provider',
        service_account: 'service-account',
        audience: 'audience',
        access_token_lifetime: 'duration',
        access_token_scopes: 'scopes',
        project_id: 'project-id',
    },
    defaults: { export: 'env' },
};


/***/ })

};
