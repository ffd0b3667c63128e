/**
 * The floor of an AWS step: Node, @aws-sdk/client-sts and its one call (AssumeRoleWithWebIdentity),
 * nothing else. bench/first-step.ts bundles it like dist/ and runs it as a whole process.
 */
import { assumeRole } from './aws-call.ts';

assumeRole(process.env['BENCH_JWT']!).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
