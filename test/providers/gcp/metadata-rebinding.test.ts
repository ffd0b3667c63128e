import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startMetadataServer,
  stopMetadataServers,
} from '../../../src/providers/gcp/metadata-server.ts';

afterEach(async () => {
  await stopMetadataServers();
});

/** A raw GET with a chosen Host header, as a browser sends it after DNS rebinding. */
function get(
  hostPort: string,
  path: string,
  host: string,
): Promise<{ status: number; body: string }> {
  const [hostname, port] = hostPort.split(':');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port: Number(port),
        path,
        method: 'GET',
        headers: { Host: host, 'Metadata-Flavor': 'Google', Origin: `http://${host}` },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('metadata server and DNS rebinding', () => {
  it('refuses a token request whose Host is a foreign name (a rebound browser page)', async () => {
    const s = await startMetadataServer({
      token: 'ya29.token-for-the-command',
      expiresAt: new Date(Date.now() + 600_000),
      email: 'deploy@acme-site.iam.gserviceaccount.com',
      projectId: 'acme-site',
      universe: 'googleapis.com',
      now: () => new Date(),
    });
    const port = s.host.split(':')[1];
    // A page at http://attacker.example:PORT/ whose name now resolves to 127.0.0.1 is same-origin
    // with this server: it may send Metadata-Flavor without a CORS preflight and read the answer.
    const res = await get(
      s.host,
      '/computeMetadata/v1/instance/service-accounts/default/token',
      `attacker.example:${port}`,
    );
    expect(res.body).not.toContain('ya29.token-for-the-command');
    expect(res.status).toBe(403);
  });
});
