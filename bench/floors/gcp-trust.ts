/**
 * The floor of a Google Cloud step under the trust model: what trust.ts reads and checks, then
 * the SDK's two calls (gcp-sdk.ts) with the token it checked, sent as our step sends them: gaxios
 * over node:http (src/http/node-fetch.ts), not node-fetch, which our step never loads. What our
 * step adds to this is its own code.
 */
import { nodeHttpFetch } from '../../src/http/node-fetch.ts';
import { federate } from './gcp-call.ts';
import { trustedToken } from './trust.ts';

trustedToken(process.env['BENCH_TOKEN_AUDIENCE']!)
  .then((jwt) => federate(jwt, nodeHttpFetch as unknown as typeof fetch))
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
