/**
 * The calls of a Google Cloud step through google-auth-library's StsCredentials (the module
 * src/providers/gcp/exchange.ts imports): the token exchange, then generateAccessToken. gaxios
 * sends them as it comes (on node-fetch), or through the fetch given.
 */
import { StsCredentials } from 'google-auth-library/build/src/auth/stscredentials.js';

class Sts extends StsCredentials {
  get http() {
    return this.transporter;
  }
}

export async function federate(jwt: string, fetchImplementation?: typeof fetch): Promise<void> {
  const env = process.env;
  const sts = new Sts({ tokenExchangeEndpoint: `${env['BENCH_STS']}/token` });
  if (fetchImplementation) sts.http.defaults = { ...sts.http.defaults, fetchImplementation };
  const federated = await sts.exchangeToken({
    grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: env['BENCH_AUDIENCE'],
    scope: ['https://www.googleapis.com/auth/cloud-platform'],
    requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
    subjectToken: jwt,
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
