import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcpProvider } from '../../../src/providers/gcp/index.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import { common, inputs, WIF } from './helpers.ts';

/** An STS that answers every exchange with a token and an absurd expires_in. */
let sts: http.Server;
let url: string;
const expiresIn: unknown = 1e13;
beforeAll(async () => {
  sts = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: 'ya29.minted-by-sts',
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: expiresIn,
        }),
      );
    });
  });
  await new Promise<void>((r) => sts.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(sts.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => sts.close(() => r())));

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = new Date();
const githubJwt = `${b64({ alg: 'RS256' })}.${b64({ sub: 'repo:acme/site:ref:refs/heads/main', exp: Math.floor(now.getTime() / 1000) + 300 })}.sig`;

describe('an absurd expires_in from Google STS', () => {
  it('a token Google issued is either recorded with a valid expiry or refused as a CloudError, not a RangeError', async () => {
    const plan = await gcpProvider.plan(
      inputs({ 'workload-identity-provider': WIF }),
      common({ mode: 'outputs' }),
      { GHA_ENDPOINT_OVERRIDE_sts: url },
    );
    const masked: string[] = [];
    let outcome: unknown;
    try {
      const issued = await gcpProvider.issue(plan, {
        log: new RecordingLogger(),
        grantId: 'gcp-0123456789',
        token: githubJwt,
        idToken: () => Promise.resolve(githubJwt),
        now: () => now,
        mask: (s) => masked.push(s),
      });
      outcome = issued.credential.expiresAt.toISOString();
    } catch (err) {
      outcome = err;
    }
    // STS did issue a token (masked above)...
    expect(masked).toContain('ya29.minted-by-sts');
    // ...yet issue() dies on `new Date(Infinity-ish).toISOString()`; the engine then records
    // the grant as `denied` by the cloud with "Invalid time value".
    expect(outcome).not.toBeInstanceOf(RangeError);
    expect(typeof outcome === 'string' ? outcome : String(outcome)).toMatch(
      /^\d{4}-\d\d-\d\dT|CloudError/,
    );
  });
});
