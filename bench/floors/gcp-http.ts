/** The two calls of gcp-sdk.ts over node:http with no SDK. */
import { FORM, post } from './send.ts';

async function main(): Promise<void> {
  const env = process.env;
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: env['BENCH_AUDIENCE']!,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    subject_token: env['BENCH_JWT']!,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
  });
  const sts = await post(`${env['BENCH_STS']}/token`, form.toString(), FORM);
  const federated = JSON.parse(sts.text) as { access_token?: string };
  if (!federated.access_token) throw new Error(sts.text);
  const iam = await post(
    `${env['BENCH_IAM']}/projects/-/serviceAccounts/${env['BENCH_SA']}:generateAccessToken`,
    JSON.stringify({ scope: ['https://www.googleapis.com/auth/cloud-platform'], lifetime: '600s' }),
    { authorization: `Bearer ${federated.access_token}`, 'content-type': 'application/json' },
  );
  if (!(JSON.parse(iam.text) as { accessToken?: string }).accessToken) throw new Error(iam.text);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
