export const id = 847;
export const ids = [847];
export const modules = {

/***/ 7847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azureFront: () => (/* binding */ azureFront)
/* harmony export */ });
/**
 * azure/login's OIDC inputs. Its `environment` names a cloud (AzureCloud, AzureChinaCloud,
 * AzureUSGovernment), which our `authority` accepts as well as a URL. As azure/login does, the
 * credential goes to the rest of the job unless `run` is given.
 */
const azureFront = {
    provider: 'azure',
    inputs: {
        'client-id': 'client-id',
        'tenant-id': 'tenant-id',
        'subscription-id': 'subscription-id',
        audience: 'audience',
        environment: 'authority',
    },
    defaults: { export: 'env' },
};


/***/ })

};
