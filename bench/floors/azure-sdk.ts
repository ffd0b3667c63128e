/**
 * The floor of an Azure step: Node, MSAL (@azure/msal-node, the client src/providers/azure/entra.ts
 * uses) and one client-credentials exchange, nothing else: the token request alone, as MSAL makes
 * it against Microsoft's public clouds, whose endpoints it has built in (given here, as the
 * emulator's host is not one of them; the action gives them for every authority). MSAL's
 * own network client is Node's fetch; like the action, this gives it the smallest client over
 * node:https instead, so undici is not what is measured.
 */
import { ConfidentialClientApplication, type NetworkRequestOptions } from '@azure/msal-node';
import { request } from 'node:https';

function send<T>(method: string, url: string, options?: NetworkRequestOptions) {
  return new Promise<{ headers: Record<string, string>; body: T; status: number }>(
    (resolve, reject) => {
      const req = request(url, { method, headers: options?.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            headers: res.headers as Record<string, string>,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T,
            status: res.statusCode ?? 0,
          }),
        );
      });
      req.on('error', reject);
      req.end(options?.body);
    },
  );
}

async function main(): Promise<void> {
  const env = process.env;
  const authority = `${env['BENCH_AUTHORITY']!.replace(/\/$/, '')}/${env['BENCH_TENANT']}`;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: env['BENCH_CLIENT']!,
      authority,
      clientAssertion: async () => env['BENCH_JWT']!,
      knownAuthorities: [authority],
      authorityMetadata: JSON.stringify({
        issuer: `${authority}/v2.0`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
      }),
    },
    system: {
      networkClient: {
        sendGetRequestAsync: (url, options) => send('GET', url, options),
        sendPostRequestAsync: (url, options) => send('POST', url, options),
      },
    },
  });
  const result = await app.acquireTokenByClientCredential({
    scopes: [env['BENCH_SCOPE']!],
    skipCache: true,
  });
  if (!result?.accessToken) throw new Error('no access token');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
