import tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { CloudError, ConfigurationError } from '../../../src/errors.ts';
import { Inputs } from '../../../src/runner/inputs.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import { azureProvider } from '../../../src/providers/azure/index.ts';
import { exchange } from '../../../src/providers/azure/entra.ts';
import { parseAzureSettings, type AzureSettings } from '../../../src/providers/azure/settings.ts';
import { Clock } from '../../emulators/clock.ts';
import { startOidcIssuer, type OidcIssuer } from '../../emulators/oidc.ts';
import { startEntra, type Entra } from '../../emulators/entra/index.ts';

const closeCtx = (now: Date, expiresAt: Date) => ({
  log: new RecordingLogger(),
  grantId: 'azure-0123456789',
  now,
  expiresAt,
  dir: undefined,
  idToken: async () => {
    throw new Error('closing an Azure grant mints no token');
  },
  mask: () => undefined,
  env: {},
  handleTrusted: true,
});

const CLIENT = '00000000-0000-0000-0000-000000000001';
const TENANT = '11111111-1111-1111-1111-111111111111';

let clock: Clock;
let oidc: OidcIssuer;
let entra: Entra;
let minted: string[];

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  entra = await startEntra({ clock });
  // Trust the emulator's CA the way a corporate CA is trusted; verification stays on.
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), entra.caPem]);
  entra.register({
    tenantId: TENANT,
    clientId: CLIENT,
    issuer: oidc.issuer,
    subject: oidc.claims().sub,
  });
});
afterAll(async () => {
  await entra?.close();
  await oidc?.close();
});
beforeEach(() => {
  minted = [];
  entra.requests.length = 0;
  entra.faults.clear();
});

function settings(inputs: Record<string, string> = {}): AzureSettings {
  const all: Record<string, string> = {
    'client-id': CLIENT,
    'tenant-id': TENANT,
    authority: entra.authority,
    scope: 'https://management.azure.com/.default',
    ...inputs,
  };
  return parseAzureSettings(
    new Inputs({ input: (n) => all[n] ?? '' }),
    {
      provider: 'azure',
      duration: undefined,
      mode: 'run',
      run: 'true',
      audience: undefined,
      sessionName: 'gh.1.1.j.s',
      grantId: 'azure-0123456789',
    },
    { PATH: '' },
  );
}

const mint =
  (extra: Record<string, unknown> = {}, expiresIn?: number) =>
  async (audience: string) => {
    const t = await oidc.mint(extra, { audience, expiresIn });
    minted.push(t);
    return t;
  };

describe('exchange', () => {
  it('mints one GitHub token, makes one round trip (no discovery document), and gets a normal token of 60-90 minutes', async () => {
    const { accessToken, assertion } = await exchange(settings(), mint(), { timeoutMs: 5000 });
    expect(minted).toHaveLength(1);
    expect(assertion).toBe(minted[0]);
    expect(decodeJwt(assertion).aud).toBe('api://AzureADTokenExchange');
    expect(entra.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /${TENANT}/oauth2/v2.0/token`,
    ]);
    // No CAE capability requested: no claims parameter at all.
    expect(new URLSearchParams(entra.requests[0]!.body).get('claims')).toBeNull();
    const issued = entra.tokens.find((t) => t.token === accessToken.token)!;
    expect(issued.cae).toBe(false);
    expect(issued.resource).toBe('https://management.azure.com');
    const lifetime = (issued.expiresAt.getTime() - clock.nowMs()) / 1000;
    expect(lifetime).toBeGreaterThanOrEqual(3600 - 1);
    expect(lifetime).toBeLessThanOrEqual(5400);
    expect(entra.check(accessToken.token, 'https://management.azure.com').ok).toBe(true);
  });

  it('asks the authority it was given, whatever MSAL_FORCE_REGION a step put in the environment', async () => {
    process.env['MSAL_FORCE_REGION'] = 'westus2';
    try {
      const { accessToken } = await exchange(settings(), mint(), { timeoutMs: 3000 });
      expect(accessToken.token).toBeTruthy();
      expect(entra.requests.map((r) => r.path)).toEqual([`/${TENANT}/oauth2/v2.0/token`]);
    } finally {
      delete process.env['MSAL_FORCE_REGION'];
    }
  });

  it('retries a throttled token request and succeeds', async () => {
    entra.faults.next('throttle', 1, `/${TENANT}/oauth2/v2.0/token`);
    const { accessToken } = await exchange(settings(), mint(), {
      timeoutMs: 5000,
      retry: { sleep: async () => undefined },
    });
    expect(entra.check(accessToken.token).ok).toBe(true);
    expect(entra.requests.filter((r) => r.path.endsWith('/token'))).toHaveLength(2);
  });

  it('explains a subject mismatch with the token’s subject and the credential to register, without the token', async () => {
    const err = await exchange(
      settings(),
      mint({ environment: 'production', sub: 'repo:octo-org/octo-repo:environment:production' }),
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    const msg = (err as Error).message;
    expect(msg).toContain('AADSTS700213');
    expect(msg).toContain('subject:  repo:octo-org/octo-repo:environment:production');
    expect(msg).toContain(`issuer:   ${oidc.issuer}`);
    expect(msg).toContain(`az ad app federated-credential create --id ${CLIENT}`);
    expect(msg).not.toContain(minted[0]!);
    // A denial is not retried.
    expect(entra.requests.filter((r) => r.path.endsWith('/token'))).toHaveLength(1);
  });

  it('explains a wrong audience (AADSTS700212)', async () => {
    const err = await exchange(settings(), async () => oidc.mint({}, { audience: 'api://Other' }), {
      timeoutMs: 5000,
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/AADSTS700212[\s\S]*audience: api:\/\/Other/);
  });

  it('explains an expired GitHub token (AADSTS700024)', async () => {
    const err = await exchange(settings(), mint({}, -30), { timeoutMs: 5000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toMatch(
      /AADSTS700024: Client assertion is not within its valid time range[\s\S]*check the runner's clock/,
    );
  });

  it('explains a forged token (AADSTS700027)', async () => {
    const err = await exchange(
      settings(),
      async (aud) => oidc.mint({}, { audience: aud, key: 'forged' }),
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/AADSTS700027[\s\S]*signature/);
  });

  it('turns an unknown app into a configuration error naming client-id and tenant-id', async () => {
    const err = await exchange(
      settings({ 'client-id': '00000000-0000-0000-0000-0000000000ff' }),
      mint(),
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      /AADSTS700016[\s\S]*Check 'client-id' \(00000000-0000-0000-0000-0000000000ff\)/,
    );
  });

  it('turns an unknown tenant into a configuration error', async () => {
    const err = await exchange(
      settings({ 'tenant-id': '99999999-9999-9999-9999-999999999999' }),
      mint(),
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/AADSTS90002[\s\S]*Check 'tenant-id'/);
  });

  it('passes the GitHub token error through unchanged (missing id-token: write)', async () => {
    const original = new ConfigurationError(
      'This job cannot request a GitHub OIDC token: add id-token: write',
    );
    const err = await exchange(
      settings(),
      async () => {
        throw original;
      },
      { timeoutMs: 5000 },
    ).catch((e: unknown) => e);
    expect(err).toBe(original);
  });

  it('says where it could not connect', async () => {
    const err = await exchange(settings({ authority: 'https://127.0.0.1:1' }), mint(), {
      timeoutMs: 3000,
      retry: { sleep: async () => undefined },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toContain(
      `Could not reach Entra ID's token endpoint (https://127.0.0.1:1/${TENANT}/oauth2/v2.0/token), 3 attempts: connect ECONNREFUSED`,
    );
  });

  it('says what answered when the authority sends a page that is not JSON (a proxy), and retries a 5xx one', async () => {
    entra.faults.next('malformed', 3, `/${TENANT}/oauth2/v2.0/token`);
    const err = await exchange(settings(), mint(), {
      timeoutMs: 3000,
      retry: { sleep: async () => undefined },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toContain(
      `Could not reach Entra ID's token endpoint (${entra.authority}/${TENANT}/oauth2/v2.0/token)`,
    );
    expect((err as Error).message).toMatch(/answered 200 OK with a body that is not JSON/);
    expect(entra.faults.pending()).toEqual([]);
    expect(minted.length).toBeLessThanOrEqual(1);
  });

  it('recovers from a reset connection and from a 503 on the token request', async () => {
    entra.faults.next('reset', 1, `/${TENANT}/oauth2/v2.0/token`);
    entra.faults.next('status503', 1, `/${TENANT}/oauth2/v2.0/token`);
    const said: string[] = [];
    const { accessToken } = await exchange(settings(), mint(), {
      timeoutMs: 3000,
      retry: { sleep: async () => undefined },
      onRetry: (line) => said.push(line),
    });
    expect(accessToken.token).toBeTruthy();
    expect(said).toEqual([
      expect.stringMatching(/^Entra ID attempt 1 failed \(socket hang up\); retrying in \d+ ms$/),
      expect.stringMatching(/^Entra ID attempt 2 failed \(HTTP 503\); retrying in \d+ ms$/),
    ]);
    expect(entra.faults.pending()).toEqual([]);
    expect(minted).toHaveLength(1);
  });

  it('gives up on an authority that never answers within the bound, and says so', async () => {
    entra.faults.next('hang', 3, `/${TENANT}/oauth2/v2.0/token`);
    const err = await exchange(settings(), mint(), {
      timeoutMs: 300,
      retry: { sleep: async () => undefined },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toMatch(
      /Could not reach Entra ID's token endpoint .* 3 attempts: .*(abort|time)/i,
    );
    expect(entra.faults.pending()).toEqual([]);
  });

  it('does not retry a certificate the runner does not trust: the next attempt would meet the same one', async () => {
    const trusted = tls.getCACertificates('default');
    tls.setDefaultCACertificates(tls.getCACertificates('bundled'));
    const said: string[] = [];
    try {
      const err = await exchange(settings(), mint(), {
        timeoutMs: 3000,
        retry: { sleep: async () => undefined },
        onRetry: (line) => said.push(line),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CloudError);
      expect((err as Error).message).toMatch(
        /Could not reach Entra ID's token endpoint .*, 1 attempt: .*certificate/i,
      );
      expect((err as Error).message).toContain('NODE_EXTRA_CA_CERTS');
      expect(said).toEqual([]);
    } finally {
      tls.setDefaultCACertificates(trusted);
    }
  });

  it('gives up on a token endpoint that keeps failing on its side after 3 attempts, naming the status', async () => {
    entra.faults.next('status503', 3, `/${TENANT}/oauth2/v2.0/token`);
    const err = await exchange(settings(), mint(), {
      timeoutMs: 3000,
      retry: { sleep: async () => undefined },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toMatch(/failed 3 times for app .*; the last error: HTTP 503, /);
    expect(entra.faults.pending()).toEqual([]);
  });

  it('gives up on persistent throttling after 3 attempts and says so', async () => {
    entra.faults.next('throttle', 3, `/${TENANT}/oauth2/v2.0/token`);
    const err = await exchange(settings(), mint(), {
      timeoutMs: 5000,
      retry: { sleep: async () => undefined },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/failed 3 times[\s\S]*AADSTS90055/);
    expect(entra.requests.filter((r) => r.path.endsWith('/token'))).toHaveLength(3);
    expect(minted).toHaveLength(1);
  });
});

describe('azureProvider', () => {
  it('issues a credential whose secrets are the access token alone, and closes by expiry', async () => {
    const log = new RecordingLogger();
    const plan = { settings: settings(), request: { audience: 'api://AzureADTokenExchange' } };
    const { credential: c, handle } = await azureProvider.issue(plan as never, {
      log,
      grantId: 'azure-1',
      mask: () => undefined,
      token: await mint()('api://AzureADTokenExchange'),
      idToken: mint(),
      now: () => clock.now(),
    });
    const cred = { ...c, details: c.facts };
    expect(cred.secrets).toHaveLength(1);
    expect(entra.check(cred.secrets[0]!).ok).toBe(true);
    expect(cred.principal).toBe(CLIENT);
    expect(cred.scope).toBe('https://management.azure.com/.default');
    expect(cred.details).toMatchObject({
      clientId: CLIENT,
      tenantId: TENANT,
      tokenKind: 'normal (not CAE)',
      azLogin: false,
      'token.appid': CLIENT,
      'token.idtyp': 'app',
    });
    expect(JSON.stringify(cred.details)).not.toContain(cred.secrets[0]!);
    expect(cred.expiresAt.getTime()).toBe(entra.tokens.at(-1)!.expiresAt.getTime());
    expect(cred.notes?.[0]).toContain('cannot be revoked');

    expect(handle).toEqual({ azLogin: false });
    const open = await azureProvider.close(handle, closeCtx(clock.now(), cred.expiresAt));
    expect(open).toMatchObject({ method: 'expires', verified: false });
    expect(open.note).toContain('Entra ID access tokens cannot be revoked');
    clock.advance(91 * 60);
    expect(entra.check(cred.secrets[0]!).ok).toBe(false);
    expect((await azureProvider.close(handle, closeCtx(clock.now(), cred.expiresAt))).method).toBe(
      'expired',
    );
  });
});
