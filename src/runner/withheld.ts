/**
 * What no child process of the action may receive (a `run:` command, the `az login` the action
 * runs): the action's inputs and state, the runner's tokens (OIDC minting, artifact, cache and
 * results services) and the step's own state file. ACTIONS_RUNTIME_TOKEN holds the same value as
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN on the runner. A module of its own, so that a step that runs only
 * az does not load the run: machinery.
 */
const WITHHELD =
  /^(INPUT_|STATE_|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RUNTIME_|ACTIONS_CACHE_|ACTIONS_RESULTS_)/;
const WITHHELD_NAMES = ['GITHUB_STATE'];

/** `base` less what no child of the action may receive. */
export function withoutRunnerSecrets(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (!WITHHELD.test(name) && !WITHHELD_NAMES.includes(name)) env[name] = value;
  }
  return env;
}
