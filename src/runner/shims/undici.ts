/**
 * Stands in for `undici` in the bundle (tsconfig "paths"). @actions/http-client imports undici
 * only for `getAgentDispatcher()`, the proxy dispatcher of fetch-based clients such as Octokit,
 * which this project does not call; @actions/core's OIDC request goes through node:http(s) and
 * `tunnel` for proxies. Bundling undici would make every step parse another megabyte.
 */
export class ProxyAgent {
  constructor() {
    throw new Error(
      'jit-credentials bundles no undici: getAgentDispatcher() is not available in this action.',
    );
  }
}
