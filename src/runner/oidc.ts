import * as core from '@actions/core';
import { ConfigurationError, errorMessage } from '../errors.js';

export const ID_TOKEN_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
export const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';

/** Mints a fresh GitHub OIDC token for `audience`; the token is masked before it is returned. */
export type IdTokenSource = (audience: string) => Promise<string>;

/**
 * The runner sets both variables only in jobs granted `id-token: write`, and never for
 * fork pull requests or Dependabot. `@actions/core` would say only "Unable to get
 * ACTIONS_ID_TOKEN_REQUEST_URL env variable", so say what to add and where.
 */
export function checkIdTokenAvailable(env: NodeJS.ProcessEnv = process.env): void {
  if (env[ID_TOKEN_URL] && env[ID_TOKEN_REQUEST_TOKEN]) return;
  throw new ConfigurationError(
    'This job cannot request a GitHub OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set. ' +
      'Add `permissions: { id-token: write, contents: read }` to the job (or the workflow) that ' +
      'runs this step; a reusable workflow needs it in the caller too. Workflows triggered by a ' +
      'pull request from a fork, and Dependabot runs, never receive OIDC tokens.',
  );
}

export const githubIdTokenSource: IdTokenSource = async (audience) => {
  checkIdTokenAvailable();
  try {
    return await core.getIDToken(audience);
  } catch (err) {
    throw new Error(
      `Could not get a GitHub OIDC token for audience '${audience}': ${errorMessage(err).replace(/^Error message: /, '')}`,
      { cause: err },
    );
  }
};
