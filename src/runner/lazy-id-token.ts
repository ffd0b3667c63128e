import type { IdTokenSource } from './oidc.js';

/**
 * The runner's token source for steps that rarely ask for a token (post and revoke ask only to
 * revoke an AWS session): its HTTP client is loaded on the first request, not at startup.
 */
export const lazyIdTokenSource: IdTokenSource = async (audience, options) =>
  (await import('./oidc.js')).githubIdTokenSource(audience, options);
