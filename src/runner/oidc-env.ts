/**
 * The runner's variables for minting GitHub OIDC tokens (with `permissions: id-token: write`).
 * A module of their own: a step that only names them (to keep them from a child process) does
 * not load the HTTP client that uses them (src/runner/oidc.ts).
 */
export const ID_TOKEN_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
export const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
