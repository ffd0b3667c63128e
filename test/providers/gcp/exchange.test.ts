import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gcpProvider } from '../../../src/providers/gcp/index.ts';
import type { GcpSettings } from '../../../src/providers/gcp/settings.ts';
import { ExchangeError, Exchanger } from '../../../src/providers/gcp/exchange.ts';
import { Clock } from '../../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../../emulators/oidc.ts';
import { common, inputs, SA } from './helpers.ts';

// The Exchanger sends through node:http (src/providers/gcp/http.ts) rather than node-fetch; these
// are the failures where HTTP clients differ in shape (no answer at all).
let clock: Clock;
let oidc: OidcIssuer;
let google: GoogleEmulator;

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  google = await startGoogleEmulator({ clock, issuer: oidc.issuer, serviceAccounts: {} });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
});
afterAll(async () => {
  await google.close();
  await oidc.close();
});
beforeEach(() => google.faults.clear());

async function settings(): Promise<GcpSettings> {
  return (
    await gcpProvider.plan(
      inputs({ 'workload-identity-provider': google.provider, 'service-account': SA }),
      common(),
      google.env,
    )
  ).settings;
}

const jwt = async () => oidc.mint({}, { audience: (await settings()).audience });

/** A loopback port that was just in use and is now closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function federateFailure(ex: Exchanger): Promise<ExchangeError> {
  const err = await ex.federate(await jwt()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExchangeError);
  return err as ExchangeError;
}

describe('Exchanger without an answer', () => {
  it('federates and impersonates', async () => {
    const ex = new Exchanger(await settings(), { timeoutMs: 5000, now: () => clock.now() });
    const federated = await ex.federate(await jwt());
    const sa = await ex.impersonate(federated.accessToken, SA);
    expect(google.token(sa.accessToken)?.principal).toContain(SA);
    expect(ex.requests).toBe(2);
  });

  it('retries a reset connection twice, then names the endpoint and what happened', async () => {
    google.faults.next('reset', 3, '/v1/token');
    const ex = new Exchanger(await settings(), { timeoutMs: 5000, now: () => clock.now() });
    const err = await federateFailure(ex);
    expect(err.status).toBeUndefined();
    expect(err.message).toBe(`federate failed at ${google.stsUrl}/token: ECONNRESET`);
    expect(ex.requests).toBe(3);
    expect(google.faults.pending()).toEqual([]);
  });

  it('says ECONNREFUSED when nothing listens', async () => {
    const port = await closedPort();
    const closed = {
      sts: `http://127.0.0.1:${port}/v1`,
      iamcredentials: `http://127.0.0.1:${port}/v1`,
    };
    const ex = new Exchanger(
      { ...(await settings()), endpoints: closed },
      { timeoutMs: 5000, now: () => clock.now() },
    );
    const err = await federateFailure(ex);
    expect(err.message).toBe(`federate failed at http://127.0.0.1:${port}/v1/token: ECONNREFUSED`);
  });

  it('gives up on an endpoint that never answers after the timeout of each of three attempts', async () => {
    google.faults.next('hang', 3, '/v1/token');
    const ex = new Exchanger(await settings(), { timeoutMs: 200, now: () => clock.now() });
    const err = await federateFailure(ex);
    expect(err.message).toBe(
      `federate failed at ${google.stsUrl}/token: The operation was aborted due to timeout (TimeoutError)`,
    );
    expect(ex.requests).toBe(3);
  });
});
