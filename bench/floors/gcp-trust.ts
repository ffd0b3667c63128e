/**
 * The floor of a Google Cloud step under the trust model: what trust.ts reads and checks, then
 * the SDK's two calls (gcp-sdk.ts) with the token it checked. What our step adds to this is its
 * own code.
 */
import { federate } from './gcp-call.ts';
import { trustedToken } from './trust.ts';

trustedToken(process.env['BENCH_TOKEN_AUDIENCE']!)
  .then(federate)
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
