/** The floor of a Google Cloud step: Node and the SDK's two calls (gcp-call.ts), nothing else. */
import { federate } from './gcp-call.ts';

federate(process.env['BENCH_JWT']!).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
