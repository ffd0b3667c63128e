import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath } from '../../../src/providers/azure/settings.ts';
import {
  findSocketUid,
  isRunnerUser,
  procNetAddress,
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
    expect(await stopMetadataServers()).toEqual({ served: 1, refused: 0 });
    await expect(fetch(`http://${s.host}/computeMetadata/v1/instance`)).rejects.toThrow();
  });
});

const run = promisify(execFile);
const TOKEN_PATH = '/computeMetadata/v1/instance/service-accounts/default/token';
const CURL = findOnPath('curl', process.env);
const SETPRIV = findOnPath('setpriv', process.env);
const LINUX = process.platform === 'linux';
/** Why the other-user test cannot run here, or undefined when it can. */
const noOtherUser = !LINUX
  ? 'only Linux tells whose socket it is'
  : process.getuid?.() !== 0
    ? 'it needs root to run curl as uid 65534 (nobody)'
    : !SETPRIV || !CURL
      ? 'it needs setpriv and curl on PATH'
      : undefined;
if (noOtherUser) {
  console.warn(`SKIPPED the metadata server's other-OS-user test: ${noOtherUser}.`);
}

/** curl's answer to a token request, optionally run as another uid through setpriv. */
async function curlToken(s: MetadataServer, asUid?: number) {
  const curl = [CURL!, '-s', '-w', '\n%{http_code}', '-H', 'Metadata-Flavor: Google'];
  const url = `http://${s.host}${TOKEN_PATH}`;
  const [file, args] =
    asUid === undefined
      ? [CURL!, [...curl.slice(1), url]]
      : [SETPRIV!, [`--reuid=${asUid}`, `--regid=${asUid}`, '--clear-groups', ...curl, url]];
  const { stdout } = await run(file, args);
  const at = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) };
}

describe("only processes of the runner's OS user get an answer", () => {
  it.skipIf(!LINUX || !CURL)('answers a process of this user (curl)', async () => {
    const s = await start();
    const answer = await curlToken(s);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ access_token: 'ya29.token-for-the-command' });
    expect(s.refused).toBe(0);
  });

  it.skipIf(noOtherUser !== undefined)(
    `refuses a process of another user (curl as uid 65534), and counts it${noOtherUser ? ` [skipped: ${noOtherUser}]` : ''}`,
    async () => {
      const s = await start();
      const refused = await curlToken(s, 65534);
      expect(refused.status).toBe(403);
      expect(refused.body).not.toContain('ya29');
      expect(refused.body).toMatch(/runner's OS user/);
      // The same server still answers this user.
      expect((await curlToken(s)).status).toBe(200);
      expect(await stopMetadataServers()).toEqual({ served: 1, refused: 1 });
    },
  );

  it.skipIf(!LINUX)(
    "google-auth-library's Compute client, in a process of this user, gets the token",
    async () => {
      const s = await start();
      const script = `
      const { GoogleAuth } = require('google-auth-library');
      new GoogleAuth().getClient()
        .then((c) => c.getAccessToken())
        .then(({ token }) => console.log(token), (e) => { console.error(e.message); process.exit(1); });`;
      const { stdout } = await run(process.execPath, ['-e', script], {
        env: {
          PATH: process.env['PATH'],
          HOME: tmpdir(),
          GCE_METADATA_HOST: s.host,
          GCE_METADATA_IP: s.host,
        },
      });
      expect(stdout.trim()).toBe('ya29.token-for-the-command');
      expect(s.refused).toBe(0);
    },
  );
});

describe('/proc/net/tcp: whose socket it is', () => {
  it('writes addresses as the kernel does: the IPv4 word in host order, the port big-endian', () => {
    expect(procNetAddress('127.0.0.1', 8080, true)).toBe('0100007F:1F90');
    expect(procNetAddress('127.0.0.1', 8080, false)).toBe('7F000001:1F90');
    expect(procNetAddress('10.1.2.254', 443, true)).toBe('FE02010A:01BB');
    expect(procNetAddress('::1', 8080, true)).toBeUndefined();
    expect(procNetAddress(undefined, 8080, true)).toBeUndefined();
  });

  const HEADER =
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
  const entry = (sl: number, local: string, remote: string, st: string, uid: number) =>
    `  ${sl}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000  ${uid}        0 1585624 1 0000000026ee6559 20 4 30 10 -1\n`;
  const CLIENT = '0100007F:BDB4';
  const SERVER = '0100007F:A40B';

  async function procFile(text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'proc-net-tcp-'));
    const file = path.join(dir, 'tcp');
    await writeFile(file, text);
    return file;
  }

  it('reads the uid of the entry whose local end is the client and remote end the server', async () => {
    const file = await procFile(
      HEADER +
        entry(0, SERVER, '00000000:0000', '0A', 1001) +
        // The server's own accepted socket: its ends the other way round, and our uid.
        entry(1, SERVER, CLIENT, '01', 1001) +
        entry(2, CLIENT, SERVER, '01', 65534),
    );
    try {
      expect(await findSocketUid(file, CLIENT, SERVER)).toBe(65534);
      expect(await findSocketUid(file, '0100007F:0001', SERVER)).toBeUndefined();
    } finally {
      await rm(path.dirname(file), { recursive: true });
    }
  });

  it('takes no owner from a TIME_WAIT entry (uid 0 there means nobody)', async () => {
    const file = await procFile(HEADER + entry(0, CLIENT, SERVER, '06', 0));
    try {
      expect(await findSocketUid(file, CLIENT, SERVER)).toBeUndefined();
    } finally {
      await rm(path.dirname(file), { recursive: true });
    }
  });

  it("reads a busy host's table up to its cap, and no further", async () => {
    const filler = entry(0, '0100007F:0002', '0100007F:0003', '01', 1001).repeat(2000);
    const file = await procFile(HEADER + filler + entry(1, CLIENT, SERVER, '01', 1001));
    try {
      expect(await findSocketUid(file, CLIENT, SERVER)).toBe(1001);
      expect(await findSocketUid(file, CLIENT, SERVER, filler.length / 2)).toBeUndefined();
    } finally {
      await rm(path.dirname(file), { recursive: true });
    }
  });

  it.skipIf(!LINUX)(
    "fails closed on Linux: no table, or a peer it cannot look up, is not the runner's user",
    async () => {
      const peer = {
        remoteAddress: '127.0.0.1',
        remotePort: 48052,
        localAddress: '127.0.0.1',
        localPort: 41995,
      };
      expect(await isRunnerUser(peer, '/nonexistent/proc/net/tcp')).toBe(false);
      expect(await isRunnerUser(peer)).toBe(false); // no such connection
      expect(await isRunnerUser({ ...peer, remoteAddress: '::1' })).toBe(false);
    },
  );
});
