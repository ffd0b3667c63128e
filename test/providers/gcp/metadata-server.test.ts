import { afterEach, describe, expect, it } from 'vitest';
import {
  startMetadataServer,
  stopMetadataServers,
  type MetadataServer,
} from '../../../src/providers/gcp/metadata-server.ts';

const EMAIL = 'deploy@acme-site.iam.gserviceaccount.com';
let now = new Date('2026-11-23T18:00:00Z');
let server: MetadataServer | undefined;

afterEach(async () => {
  await stopMetadataServers();
});

async function start(): Promise<MetadataServer> {
  now = new Date('2026-11-23T18:00:00Z');
  server = await startMetadataServer({
    token: 'ya29.token-for-the-command',
    expiresAt: new Date('2026-11-23T18:10:00Z'),
    email: EMAIL,
    projectId: 'acme-site',
    universe: 'googleapis.com',
    now: () => now,
  });
  return server;
}

async function get(
  s: MetadataServer,
  path: string,
  headers: Record<string, string> = { 'Metadata-Flavor': 'Google' },
) {
  const res = await fetch(`http://${s.host}${path}`, { headers });
  return { status: res.status, flavor: res.headers.get('metadata-flavor'), body: await res.text() };
}

describe('loopback metadata server', () => {
  it('answers what client libraries ask, with Metadata-Flavor: Google', async () => {
    const s = await start();
    expect(s.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await get(s, '/computeMetadata/v1/instance')).toMatchObject({
      status: 200,
      flavor: 'Google',
    });
    const token = await get(
      s,
      '/computeMetadata/v1/instance/service-accounts/default/token?scopes=x',
    );
    expect(JSON.parse(token.body)).toEqual({
      access_token: 'ya29.token-for-the-command',
      expires_in: 600,
      token_type: 'Bearer',
    });
    expect(
      (await get(s, `/computeMetadata/v1/instance/service-accounts/${EMAIL}/token`)).status,
    ).toBe(200);
    expect((await get(s, '/computeMetadata/v1/instance/service-accounts/default/email')).body).toBe(
      EMAIL,
    );
    expect((await get(s, '/computeMetadata/v1/project/project-id')).body).toBe('acme-site');
    expect((await get(s, '/computeMetadata/v1/universe/universe-domain')).body).toBe(
      'googleapis.com',
    );
    expect(s.fetches).toBe(2);
  });

  it('refuses a request without the header, a proxied one, another account and unknown paths', async () => {
    const s = await start();
    const path = '/computeMetadata/v1/instance/service-accounts/default/token';
    expect((await get(s, path, {})).status).toBe(403);
    expect(
      (await get(s, path, { 'Metadata-Flavor': 'Google', 'X-Forwarded-For': '10.0.0.1' })).status,
    ).toBe(403);
    expect(
      (
        await get(
          s,
          '/computeMetadata/v1/instance/service-accounts/other@x.iam.gserviceaccount.com/token',
        )
      ).status,
    ).toBe(404);
    expect(
      (await get(s, '/computeMetadata/v1/instance/service-accounts/default/identity?audience=x'))
        .status,
    ).toBe(404);
    expect(s.fetches).toBe(0);
  });

  it('gives no token once the grant has expired', async () => {
    const s = await start();
    now = new Date('2026-11-23T18:10:00Z');
    expect(
      (await get(s, '/computeMetadata/v1/instance/service-accounts/default/token')).status,
    ).toBe(404);
  });

  it('is gone once stopped, and says how many tokens it served', async () => {
    const s = await start();
    await get(s, '/computeMetadata/v1/instance/service-accounts/default/token');
    expect(await stopMetadataServers()).toBe(1);
    await expect(fetch(`http://${s.host}/computeMetadata/v1/instance`)).rejects.toThrow();
  });
});
