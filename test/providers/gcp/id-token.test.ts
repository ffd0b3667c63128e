/**
 * ID tokens, delegation chains, universes and the request reason, in process: the settings as a
 * table, then plan → issue → deliver → close against the Google emulator.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcpProvider } from '../../../src/providers/gcp/index.ts';
import { parseGcpSettings } from '../../../src/providers/gcp/settings.ts';
import type { CommonSettings } from '../../../src/providers/provider.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import { Clock } from '../../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../../emulators/oidc.ts';
import { common, inputs, SA, WIF } from './helpers.ts';

const CHAINED = 'release@acme-site.iam.gserviceaccount.com';
const parse = (values: Record<string, string>, c: Partial<CommonSettings> = {}, env = {}) =>
  parseGcpSettings(inputs({ 'workload-identity-provider': WIF, ...values }), common(c), env);

describe('settings', () => {
  it("an ID token: the audience, the email choice, and Google's fixed hour", async () => {
    const s = await parse({
      'service-account': SA,
      'token-format': 'id-token',
      'id-token-audience': 'https://svc-abc-uc.a.run.app',
      'id-token-include-email': 'true',
    });
    expect(s.tokenFormat).toBe('id-token');
    expect(s.idToken).toEqual({ audience: 'https://svc-abc-uc.a.run.app', includeEmail: true });
    expect(s.duration).toBe(3600);
  });

  it('delegates in either form, sent as resource names; a universe builds the endpoints', async () => {
    const s = await parse({
      'service-account': CHAINED,
      delegates: `${SA}\nprojects/-/serviceAccounts/other-sa@acme-site.iam.gserviceaccount.com`,
      universe: 'apis-tpc.goog',
      'request-reason': 'release 1.2.3',
      scopes: 'https://www.apis-tpc.goog/auth/cloud-platform',
    });
    expect(s.delegates).toEqual([
      `projects/-/serviceAccounts/${SA}`,
      'projects/-/serviceAccounts/other-sa@acme-site.iam.gserviceaccount.com',
    ]);
    expect(s.endpoints).toEqual({
      sts: 'https://sts.apis-tpc.goog/v1',
      iamcredentials: 'https://iamcredentials.apis-tpc.goog/v1',
    });
    expect(s.stsAudience).toBe(`//iam.apis-tpc.goog/${WIF}`);
    expect(s.cloudPlatformScope).toBe('https://www.apis-tpc.goog/auth/cloud-platform');
    expect(s.requestReason).toBe('release 1.2.3');
    // An override still wins over the universe.
    const o = await parse(
      { universe: 'apis-tpc.goog' },
      {},
      { GHA_ENDPOINT_OVERRIDE_sts: 'http://127.0.0.1:9/v1' },
    );
    expect(o.endpoints.sts).toBe('http://127.0.0.1:9/v1');
  });

  it.each([
    [{ 'token-format': 'id-token', 'id-token-audience': 'x' }, {}, /needs 'service-account'/],
    [{ 'service-account': SA, 'token-format': 'id-token' }, {}, /'id-token-audience' is required/],
    [{ 'service-account': SA, 'token-format': 'jwt' }, {}, /Invalid token-format 'jwt'/],
    [
      { 'service-account': SA, 'token-format': 'id-token', 'id-token-audience': 'x' },
      { duration: 600 },
      /'duration' does not apply to an ID token/,
    ],
    [
      {
        'service-account': SA,
        'token-format': 'id-token',
        'id-token-audience': 'x',
        scopes: 'openid',
      },
      {},
      /'scopes' apply to access tokens/,
    ],
    [
      {
        'service-account': SA,
        'token-format': 'id-token',
        'id-token-audience': 'x',
        'access-boundary': '- bucket: site-assets\n  role: roles/storage.objectViewer',
      },
      {},
      /an ID token carries no scopes to narrow/,
    ],
    [
      { 'service-account': SA, 'id-token-audience': 'x' },
      {},
      /applies only with 'token-format: id-token'/,
    ],
    [
      { 'service-account': SA, 'id-token-include-email': 'true' },
      {},
      /'id-token-include-email' applies only with 'token-format: id-token'/,
    ],
    [{ 'service-account': SA, 'id-token-include-email': 'maybe' }, {}, /id-token-include-email/],
    [{ delegates: SA }, {}, /give 'service-account' too/],
    [{ 'service-account': SA, delegates: 'not-an-email' }, {}, /Invalid delegate 'not-an-email'/],
    [{ universe: 'https://apis-tpc.goog' }, {}, /Invalid universe/],
    [{ 'request-reason': 'two\nlines' }, {}, /Invalid request-reason/],
  ])('%o is refused', async (values, c, message) => {
    await expect(parse(values, c)).rejects.toThrow(message);
  });
});

describe('issue, deliver and close', () => {
  let clock: Clock;
  let oidc: OidcIssuer;
  let google: GoogleEmulator;
  beforeAll(async () => {
    clock = new Clock();
    oidc = await startOidcIssuer({ clock });
    google = await startGoogleEmulator({ clock, issuer: oidc.issuer });
    google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
    google.serviceAccounts[CHAINED] = {
      workloadIdentityUsers: [],
      tokenCreators: [`serviceAccount:${SA}`],
    };
  });
  afterAll(async () => {
    await google.close();
    await oidc.close();
  });

  async function issue(values: Record<string, string>) {
    const plan = await gcpProvider.plan(
      inputs({ 'workload-identity-provider': google.provider, ...values }),
      common(),
      google.env,
    );
    const token = await oidc.mint({ repository: 'acme/site' }, { audience: plan.request.audience });
    const issued = await gcpProvider.issue(plan, {
      log: new RecordingLogger(),
      grantId: 'gcp-0123456789',
      mask: () => undefined,
      token,
      idToken: (aud) => oidc.mint({}, { audience: aud }),
      now: () => clock.now(),
    });
    return { plan, ...issued };
  }

  it("an ID token: Google's, for the audience, expiring at its exp; delivered as GOOGLE_ID_TOKEN only", async () => {
    const audience = 'https://svc-abc-uc.a.run.app';
    const { plan, credential, handle } = await issue({
      'service-account': SA,
      'token-format': 'id-token',
      'id-token-audience': audience,
    });
    expect(plan.request).toMatchObject({ principal: SA, lifetime: 3600 });
    const claims = await google.verifyIdToken(credential.accessToken, audience);
    expect(claims['email']).toBeUndefined();
    expect(credential.expiresAt.getTime()).toBe(
      (decodeJwt(credential.accessToken).exp ?? 0) * 1000,
    );
    expect(credential.secrets).toContain(credential.accessToken);
    expect(credential.facts).toMatchObject({ tokenType: 'id-token', idTokenAudience: audience });
    expect(handle).toEqual({
      federated: false,
      lifetimeSeconds: 3600,
      idToken: true,
      metadataServer: false,
    });
    const ctx = { log: new RecordingLogger(), dir: '/nonexistent', run: undefined };
    const env = await gcpProvider.deliver(plan, credential, { ...ctx, mode: 'env' });
    expect(env.env['GOOGLE_ID_TOKEN']).toBe(credential.accessToken);
    expect(env.env).not.toHaveProperty('CLOUDSDK_AUTH_ACCESS_TOKEN');
    const out = await gcpProvider.deliver(plan, credential, { ...ctx, mode: 'outputs' });
    expect(out.outputs).toEqual({ 'gcp-id-token': credential.accessToken });
    expect(gcpProvider.envNames).toContain('GOOGLE_ID_TOKEN');
    const closed = await gcpProvider.close(
      gcpProvider.readHandle(JSON.parse(JSON.stringify(handle))),
      {
        log: new RecordingLogger(),
        grantId: 'gcp-0123456789',
        now: clock.now(),
        expiresAt: credential.expiresAt,
        dir: undefined,
        idToken: async () => '',
        mask: () => undefined,
        env: {},
        handleTrusted: true,
      },
    );
    expect(closed).toMatchObject({ method: 'expires', verified: false });
    expect(closed.note).toMatch(/cannot revoke ID tokens/);
  });

  it("'id-token-include-email: false' without 'token-format: id-token' is the default, let be", async () => {
    await expect(
      parse({ 'service-account': SA, 'id-token-include-email': 'false' }, {}),
    ).resolves.toBeDefined();
  });

  it('the email claims only when asked for', async () => {
    const { credential } = await issue({
      'service-account': SA,
      'token-format': 'id-token',
      'id-token-audience': 'aud-1',
      'id-token-include-email': 'true',
    });
    expect(await google.verifyIdToken(credential.accessToken, 'aud-1')).toMatchObject({
      email: SA,
      email_verified: true,
    });
  });

  it('an access token through a delegation chain, and the request reason on every call', async () => {
    const before = google.requests.length;
    const { credential } = await issue({
      'service-account': CHAINED,
      delegates: SA,
      'request-reason': 'ticket 42',
    });
    expect(google.token(credential.accessToken)?.principal).toBe(`serviceAccount:${CHAINED}`);
    const calls = google.requests.slice(before);
    expect(calls.map((r) => r.headers['x-goog-request-reason'])).toEqual([
      'ticket 42',
      'ticket 42',
    ]);
    expect(credential.notes.join(' ')).toContain('delegation chain');
  });

  it('a chain the account does not allow is refused, naming every link', async () => {
    await expect(issue({ 'service-account': SA, delegates: CHAINED })).rejects.toThrow(
      `delegation chain ${CHAINED} → ${SA} is broken`,
    );
  });
});
