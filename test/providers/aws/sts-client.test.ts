import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../../emulators/http.ts';
import { assumeRole, prepareClient } from '../../../src/providers/aws/sts.ts';
import type { AwsSettings } from '../../../src/providers/aws/settings.ts';

const ANSWER = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <Credentials>
      <AccessKeyId>ASIAPREPAREDCLIENT01</AccessKeyId>
      <SecretAccessKey>secret/of/the/prepared/client/test/0000000</SecretAccessKey>
      <SessionToken>session-token-of-the-prepared-client-test</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAPREPAREDCLIENT:test</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/deploy/test</Arn>
    </AssumedRoleUser>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;

let one: TestServer;
let other: TestServer;
const sts = () =>
  startServer((req) =>
    req.method === 'POST' ? { headers: { 'content-type': 'text/xml' }, body: ANSWER } : undefined,
  );
beforeAll(async () => {
  [one, other] = await Promise.all([sts(), sts()]);
});
afterAll(() => Promise.all([one.close(), other.close()]));
afterEach(() => vi.restoreAllMocks());

const settingsFor = (server: TestServer) =>
  ({
    role: 'arn:aws:iam::123456789012:role/deploy',
    sessionName: 'test',
    region: 'eu-west-1',
    endpoint: server.url,
    stsDuration: 900,
    managedPolicies: [],
  }) as unknown as AwsSettings;
const call = { token: 'header.payload.signature', sessionPolicy: undefined };

describe('the STS client made while the token is on its way (prepareClient)', () => {
  // Spies on the prepared client itself: a send of any other client does not count.
  it('is the one assumeRole sends with, for the same settings', async () => {
    const client = prepareClient(settingsFor(one), 5000);
    const send = vi.spyOn(client, 'send');
    const before = one.requests.length;
    const out = await assumeRole(settingsFor(one), call, { timeoutMs: 5000 });
    expect(out.Credentials?.AccessKeyId).toBe('ASIAPREPAREDCLIENT01');
    expect(send).toHaveBeenCalledTimes(1);
    expect(one.requests.length - before).toBe(1);
  });

  it('is used once: a second call makes a client of its own', async () => {
    const client = prepareClient(settingsFor(one), 5000);
    const send = vi.spyOn(client, 'send');
    const before = one.requests.length;
    await assumeRole(settingsFor(one), call, { timeoutMs: 5000 });
    await assumeRole(settingsFor(one), call, { timeoutMs: 5000 });
    expect(send).toHaveBeenCalledTimes(1);
    expect(one.requests.length - before).toBe(2);
  });

  it.each([
    ['another endpoint', (s: AwsSettings) => ({ ...s, endpoint: other.url }), 5000],
    ['another region', (s: AwsSettings) => ({ ...s, region: 'us-east-1' }), 5000],
    ['another deadline', (s: AwsSettings) => s, 7000],
  ])('is not used for %s: the call goes where its own settings say', async (_, change, ms) => {
    const client = prepareClient(settingsFor(one), 5000);
    const destroy = vi.spyOn(client, 'destroy');
    const send = vi.spyOn(client, 'send');
    const settings = change(settingsFor(one)) as AwsSettings;
    const before = { one: one.requests.length, other: other.requests.length };
    await assumeRole(settings, call, { timeoutMs: ms });
    expect(send).not.toHaveBeenCalled();
    expect(destroy).toHaveBeenCalled();
    const toOther = settings.endpoint === other.url;
    expect(other.requests.length - before.other).toBe(toOther ? 1 : 0);
    expect(one.requests.length - before.one).toBe(toOther ? 0 : 1);
  });
});
