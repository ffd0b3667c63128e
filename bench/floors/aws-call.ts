/** The one AWS call of a step, through @aws-sdk/client-sts: AssumeRoleWithWebIdentity. */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export async function assumeRole(jwt: string): Promise<void> {
  const env = process.env;
  const client = new STSClient({ region: 'eu-west-1', endpoint: env['BENCH_STS'], maxAttempts: 1 });
  const out = await client.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: env['BENCH_ROLE'],
      RoleSessionName: 'floor',
      WebIdentityToken: jwt,
    }),
  );
  if (!out.Credentials?.SessionToken) throw new Error('no credentials');
}
