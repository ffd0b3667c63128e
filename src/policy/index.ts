/** The policy capability as the rest of the action sees it; nothing else in src/policy is imported from outside. */
export type { Decision, LoadedPolicy, PolicyRequest, PolicyWarning, Rule } from './types.js';
export { DEFAULT_POLICY_PATH, loadPolicy, parsePolicy, readPolicy } from './load.js';
export { loadPatternEngine } from './matcher.js';
export { decide, decidePartial } from './decide.js';
export { renderDecision, renderNoPolicy, renderPolicyFailure } from './render.js';
export {
  loadTrustedPolicy,
  originRecord,
  readPolicySourceSettings,
  type PolicyOrigin,
  type PolicySourceSettings,
  type TrustedPolicy,
} from './source.js';
export {
  verifyGitHubToken,
  TokenRejectedError,
  type TokenRejection,
  type VerifyOptions,
} from './verify.js';
export { checkIssuer, defaultIssuer, GITHUB_ISSUER } from './issuer.js';
