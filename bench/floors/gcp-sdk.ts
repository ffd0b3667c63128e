/**
 * The floor of a Google Cloud step: Node, google-auth-library's StsCredentials (the module
 * src/providers/gcp/exchange.ts imports) with its gaxios as it comes (on node-fetch), the token
 * exchange and generateAccessToken, nothing else.
 */
import { StsCredentials } from 'google-auth-library/build/src/auth/stscredentials.js';

class Sts extends StsCredentials {
  get http() {
    return this.transporter;
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const sts = new Sts({ tokenExchangeEndpoint: `${env['BENCH_STS']}/token` });
  const federated = await sts.exchangeToken({
    grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: env['BENCH_AUDIENCE'],
    scope: ['https://www.googleapis.com/auth/cloud-platform'],
    requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
    subjectToken: env['BENCH_JWT']!,
    subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
  });
  const res = await sts.http.request<{ accessToken?: string }>({
    url: `${env['BENCH_IAM']}/projects/-/serviceAccounts/${env['BENCH_SA']}:generateAccessToken`,
    method: 'POST',
    headers: { authorization: `Bearer ${federated.access_token}` },
    data: { scope: ['https://www.googleapis.com/auth/cloud-platform'], lifetime: '600s' },
    responseType: 'json',
  });
  if (!res.data.accessToken) throw new Error('no access token');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
