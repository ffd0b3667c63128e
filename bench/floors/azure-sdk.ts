/**
 * The floor of an Azure step: Node, @azure/identity's ClientAssertionCredential and one getToken
 * (OpenID metadata, then the token), nothing else.
 */
import { ClientAssertionCredential } from '@azure/identity';

async function main(): Promise<void> {
  const env = process.env;
  const credential = new ClientAssertionCredential(
    env['BENCH_TENANT']!,
    env['BENCH_CLIENT']!,
    async () => env['BENCH_JWT']!,
    { authorityHost: env['BENCH_AUTHORITY'], disableInstanceDiscovery: true },
  );
  const token = await credential.getToken(env['BENCH_SCOPE']!);
  if (!token.token) throw new Error('no access token');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
