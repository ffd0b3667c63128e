import { describe, expect, it } from 'vitest';
import { gcpCloser } from '../../../src/providers/gcp/close.ts';
import { startMetadataServer } from '../../../src/providers/gcp/metadata-server.ts';
import { RecordingLogger } from '../../../src/runner/logger.ts';

/**
 * The main step of a `run:` grant with metadata-server: true is killed (`kill -KILL $PPID`)
 * after its command fetched the token; the server dies with main. The post step, another
 * process, closes the grant from the state's handle ({ metadataServer: true }).
 */
describe('what post records of a metadata server it never ran', () => {
  it('does not claim the server answered 0 token requests', async () => {
    // "main": a server that serves the command one token, then dies with its process.
    const main = await startMetadataServer({
      token: 'ya29.token-for-the-command',
      expiresAt: new Date(Date.now() + 600_000),
      email: undefined,
      projectId: undefined,
      universe: 'googleapis.com',
      now: () => new Date(),
    });
    const res = await fetch(
      `http://${main.host}/computeMetadata/v1/instance/service-accounts/default/token`,
      { headers: { 'Metadata-Flavor': 'Google' } },
    );
    expect(res.status).toBe(200);
    expect(main.fetches).toBe(1);
    await main.close(); // the process is gone: post's process never had this server

    // "post": closes the grant from the handle the main step saved.
    const closed = await gcpCloser.close(
      gcpCloser.readHandle({
        federated: false,
        lifetimeSeconds: 600,
        idToken: false,
        metadataServer: true,
      }),
      {
        log: new RecordingLogger(),
        grantId: 'gcp-0123456789',
        now: new Date(),
        expiresAt: new Date(Date.now() + 600_000),
        dir: undefined,
        idToken: () => Promise.reject(new Error('no')),
        mask: () => undefined,
        env: {},
        handleTrusted: true,
      },
    );
    // The token was served once: a record saying "answered 0 token request(s)" would be false.
    expect(closed.note).not.toMatch(/answered 0 token request/);
  });
});
