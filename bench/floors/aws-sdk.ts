/**
 * The floor of an AWS step: Node, @aws-sdk/client-sts and its one call (AssumeRoleWithWebIdentity),
 * nothing else. bench/first-step.ts bundles it like dist/ and runs it as a whole process.
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';

async function main(): Promise<void> {
  const env = process.env;
  const client = new STSClient({ region: 'eu-west-1', endpoint: env['BENCH_STS'], maxAttempts: 1 });
  const out = await client.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: env['BENCH_ROLE'],
      RoleSessionName: 'floor',
      WebIdentityToken: env['BENCH_JWT'],
    }),
  );
  if (!out.Credentials?.SessionToken) throw new Error('no credentials');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
