import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloudError, ConfigurationError } from '../../../src/errors.ts';
import { gcpProvider } from '../../../src/providers/gcp/index.ts';
import type { GcpSettings } from '../../../src/providers/gcp/settings.ts';
import type { IssueContext, Plan } from '../../../src/providers/provider.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';
import { Clock } from '../../emulators/clock.ts';
import { startGoogleEmulator, type GoogleEmulator } from '../../emulators/google/index.ts';
import { startOidcIssuer, type OidcIssuer } from '../../emulators/oidc.ts';
import { common, inputs, SA } from './helpers.ts';

let clock: Clock;
let oidc: OidcIssuer;
let google: GoogleEmulator;
const minted: string[] = [];

beforeAll(async () => {
  clock = new Clock();
  oidc = await startOidcIssuer({ clock });
  google = await startGoogleEmulator({
    clock,
    issuer: oidc.issuer,
    attributeCondition:
      "assertion.repository == 'acme/site' && assertion.ref.startsWith('refs/heads/')",
    serviceAccounts: {},
    storage: [],
  });
  google.serviceAccounts[SA] = { workloadIdentityUsers: [google.repositoryMember('acme/site')] };
  google.storage.bindings.push({
    member: `serviceAccount:${SA}`,
    bucket: 'site-assets',
    role: 'roles/storage.objectAdmin',
  });
  google.storage.bindings.push({
    member: google.repositoryMember('acme/site'),
    bucket: 'site-assets',
    role: 'roles/storage.objectViewer',
  });
});
afterAll(async () => {
  await google.close();
  await oidc.close();
});
beforeEach(() => {
  oidc.setClaims({ repository: 'acme/site', ref: 'refs/heads/main' });
  google.faults.clear();
  minted.length = 0;
});

async function settings(
  values: Record<string, string>,
  duration?: number,
): Promise<Plan<GcpSettings>> {
  return gcpProvider.plan(
    inputs({ 'workload-identity-provider': google.provider, ...values }),
    common({ duration }),
    google.env,
  );
}

function ctx(log = new RecordingLogger(), masked: string[] = []): Omit<IssueContext, 'token'> {
  return {
    log,
    mask: (secret) => masked.push(secret),
    grantId: 'gcp-test',
    idToken: async (audience) => {
      const t = await oidc.mint({}, { audience });
      minted.push(t);
      return t;
    },
    now: () => clock.now(),
  };
}

/** Issues with a freshly minted token, as the engine does; the delivered token first in `secrets`. */
async function issue(plan: Plan<GcpSettings>, c: Omit<IssueContext, 'token'>) {
  const token = await c.idToken(plan.request.audience);
  const { credential, handle } = await gcpProvider.issue(plan, { ...c, token });
  const rest = credential.secrets.filter((x) => x !== credential.accessToken);
  return {
    ...credential,
    secrets: [credential.accessToken, ...rest],
    details: credential.facts,
    handle,
  };
}

async function storageGet(token: string, path: string): Promise<number> {
  const res = await fetch(`${google.storageUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('issue', () => {
  it('impersonates the service account with the requested lifetime and scopes', async () => {
    const s = await settings({ 'service-account': SA }, 900);
    const before = google.requests.length;
    const c = await issue(s, ctx());
    expect(minted).toHaveLength(1);
    expect(c.principal).toBe(SA);
    expect(c.expiresAt.getTime() - clock.nowMs()).toBe(900_000);
    const record = google.token(c.secrets[0]!)!;
    expect(record.kind).toBe('service-account');
    expect(record.scopes).toEqual(['https://www.googleapis.com/auth/cloud-platform']);
    // Both the federated and the service account token are secrets; the delivered one comes first.
    expect(c.secrets).toHaveLength(2);
    expect(google.token(c.secrets[1]!)!.kind).toBe('federated');
    expect(c.details).toMatchObject({
      tokenType: 'service-account',
      serviceAccount: SA,
      lifetimeSeconds: 900,
      roundTrips: 2,
      downscoped: false,
    });
    const sts = google.requests.slice(before).find((r) => r.path === '/v1/token')!;
    expect(String(sts.headers['content-type'])).toContain('application/x-www-form-urlencoded');
    expect(new URLSearchParams(sts.body).get('audience')).toBe(
      `//iam.googleapis.com/${google.provider}`,
    );
    expect(await storageGet(c.secrets[0]!, '/storage/v1/b/site-assets/o')).toBe(200);
  });

  it('hands on the federated token directly without a service account, bounded by the GitHub token', async () => {
    const c = await issue(await settings({}), ctx());
    const record = google.token(c.secrets[0]!)!;
    expect(record.kind).toBe('federated');
    expect(c.principal).toBe(
      `principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/repo:acme/site:ref:refs/heads/main`,
    );
    expect(c.expiresAt.getTime()).toBeLessThanOrEqual(clock.nowMs() + 300_000);
    expect(c.notes?.join(' ')).toMatch(/dies with the GitHub OIDC token/);
    expect(c.details['roundTrips']).toBe(1);
    expect(await storageGet(c.secrets[0]!, '/storage/v1/b/site-assets/o')).toBe(200);
    clock.advance(301);
    expect(await storageGet(c.secrets[0]!, '/storage/v1/b/site-assets/o')).toBe(401);
  });

  it('downscopes to the access boundary, and the token is refused outside it', async () => {
    google.storage.put('site-assets', 'releases/v1.txt', 'one');
    google.storage.put('site-assets', 'private/keys.txt', 'secret');
    const s = await settings({
      'service-account': SA,
      'access-boundary':
        '- bucket: site-assets\n  role: roles/storage.objectViewer\n  prefix: releases/',
    });
    const c = await issue(s, ctx());
    expect(c.secrets).toHaveLength(3);
    expect(google.token(c.secrets[0]!)!.kind).toBe('downscoped');
    expect(c.scopeDigest).toMatch(/^sha256:/);
    expect(c.details['roundTrips']).toBe(3);
    const token = c.secrets[0]!;
    expect(await storageGet(token, '/storage/v1/b/site-assets/o/releases%2Fv1.txt?alt=media')).toBe(
      200,
    );
    expect(await storageGet(token, '/storage/v1/b/site-assets/o?prefix=releases/')).toBe(200);
    expect(
      await storageGet(token, '/storage/v1/b/site-assets/o/private%2Fkeys.txt?alt=media'),
    ).toBe(403);
    expect(await storageGet(token, '/storage/v1/b/site-assets/o')).toBe(403);
    // The role in the boundary is objectViewer: writing is refused though the service account may write.
    const put = await fetch(
      `${google.storageUrl}/upload/storage/v1/b/site-assets/o?uploadType=media&name=releases/v2.txt`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: 'two',
      },
    );
    expect(put.status).toBe(403);
    const full = c.secrets[1]!;
    expect(await storageGet(full, '/storage/v1/b/site-assets/o/private%2Fkeys.txt?alt=media')).toBe(
      200,
    );
  });

  it('shows the claims when the attribute condition refuses the token, and calls nothing else', async () => {
    oidc.setClaims({ repository: 'acme/site', ref: 'refs/tags/v1', ref_type: 'tag' });
    const before = google.requests.length;
    const err = await issue(await settings({ 'service-account': SA }), ctx()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CloudError);
    expect((err as Error).message).toMatch(/attribute condition rejected this workflow's token/);
    expect((err as Error).message).toContain('ref="refs/tags/v1"');
    expect((err as Error).message).toContain('repository="acme/site"');
    expect((err as Error).message).not.toContain(minted[0]!);
    expect(google.requests.slice(before).map((r) => r.path)).toEqual(['/v1/token']);
  });

  it('names the missing roles/iam.workloadIdentityUser binding', async () => {
    const other = 'other-sa@acme-site.iam.gserviceaccount.com';
    const err = await issue(await settings({ 'service-account': other }), ctx()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CloudError);
    const msg = (err as Error).message;
    expect(msg).toContain(`refused generateAccessToken for ${other}`);
    expect(msg).toContain('roles/iam.workloadIdentityUser');
    expect(msg).toContain(
      `gcloud iam service-accounts add-iam-policy-binding ${other} --role=roles/iam.workloadIdentityUser --member=principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/site`,
    );
  });

  it('masks the federated token as it arrives, before a later call that fails can quote it', async () => {
    const masked: string[] = [];
    const other = 'other-sa@acme-site.iam.gserviceaccount.com';
    const err = await issue(
      await settings({ 'service-account': other }),
      ctx(undefined, masked),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudError);
    const federated = google.issued.at(-1)!;
    expect(google.token(federated)!.kind).toBe('federated');
    expect(masked).toEqual([federated]);
  });

  it('explains an audience the provider does not accept', async () => {
    const s = await gcpProvider.plan(
      inputs({ 'workload-identity-provider': google.provider }),
      common({ audience: 'https://github.com/acme' }),
      google.env,
    );
    const err = await issue(s, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/audience is not one the provider accepts/);
    expect((err as Error).message).toContain('aud="https://github.com/acme"');
  });

  it('explains a provider that does not exist', async () => {
    const s = await gcpProvider.plan(
      inputs({ 'workload-identity-provider': google.provider.replace('/actions', '/nope1') }),
      common(),
      google.env,
    );
    const err = await issue(s, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/No enabled provider has that name/);
  });

  it('turns a lifetime the organisation does not allow into a configuration error', async () => {
    const s = await gcpProvider.plan(
      inputs({
        'workload-identity-provider': google.provider,
        'service-account': SA,
        'allow-lifetime-extension': 'true',
      }),
      common({ duration: 7200 }),
      google.env,
    );
    const err = await issue(s, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/lower 'duration' to 1h or less/);
  });

  it('retries a 503 and succeeds, but never retries a denial', async () => {
    google.faults.next('status503', 1, '/v1/token');
    const log = new RecordingLogger();
    const c = await issue(await settings({ 'service-account': SA }), ctx(log));
    expect(c.details['roundTrips']).toBe(3);
    expect(log.text()).toMatch(/federate attempt 1 failed \(HTTP 503\); retrying/);

    const before = google.requests.length;
    await issue(
      await settings({ 'service-account': 'nobody-sa@acme-site.iam.gserviceaccount.com' }),
      ctx(),
    ).catch(() => undefined);
    expect(
      google.requests.slice(before).filter((r) => r.path.endsWith(':generateAccessToken')),
    ).toHaveLength(1);
  });

  it('gives up after three attempts with a retryable error that names the endpoint', async () => {
    google.faults.next('status500', 3, '/v1/token');
    const err = await issue(await settings({ 'service-account': SA }), ctx()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CloudError);
    expect((err as CloudError).retryable).toBe(true);
    expect((err as Error).message).toContain(`${google.url}/v1/token`);
    expect(google.faults.pending()).toEqual([]);
  });

  it('names every overridden endpoint in the request, for the engine to warn about and record', async () => {
    expect((await settings({})).request.endpointOverrides).toEqual([
      `GHA_ENDPOINT_OVERRIDE_sts=${google.url}/v1`,
      `GHA_ENDPOINT_OVERRIDE_iamcredentials=${google.url}/v1`,
    ]);
  });
});
