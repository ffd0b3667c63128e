/** The token request of azure-sdk.ts over node:https with no SDK (one round trip, no metadata). */
import { FORM, post } from './send.ts';

async function main(): Promise<void> {
  const env = process.env;
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: env['BENCH_CLIENT']!,
    scope: env['BENCH_SCOPE']!,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: env['BENCH_JWT']!,
  });
  const res = await post(
    `${env['BENCH_AUTHORITY']}/${env['BENCH_TENANT']}/oauth2/v2.0/token`,
    form.toString(),
    FORM,
  );
  if (!(JSON.parse(res.text) as { access_token?: string }).access_token) throw new Error(res.text);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
