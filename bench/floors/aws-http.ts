/** The AssumeRoleWithWebIdentity of aws-sdk.ts over node:http with no SDK: the call by itself. */
import { FORM, post } from './send.ts';

async function main(): Promise<void> {
  const env = process.env;
  const body = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: env['BENCH_ROLE']!,
    RoleSessionName: 'floor',
    WebIdentityToken: env['BENCH_JWT']!,
  });
  const res = await post(env['BENCH_STS']!, body.toString(), FORM);
  if (res.status !== 200 || !/<SessionToken>[^<]+<\/SessionToken>/.test(res.text))
    throw new Error(res.text);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
