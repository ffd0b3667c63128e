/**
 * The floor of an AWS step under the trust model: what trust.ts reads and checks, then the SDK's
 * one call (aws-sdk.ts) with the token it checked. What our step adds to this is its own code.
 */
import { assumeRole } from './aws-call.ts';
import { trustedToken } from './trust.ts';

trustedToken(process.env['BENCH_TOKEN_AUDIENCE']!)
  .then(assumeRole)
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
