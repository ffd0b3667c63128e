import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Application Default Credentials for a `run:` command without a credentials file: a loopback
 * server that speaks the part of the GCE metadata protocol Google's client libraries use
 * (`GCE_METADATA_HOST`, `Metadata-Flavor: Google`), serving the grant's access token. It lives
 * exactly as long as the command: started by deliver, stopped by close, gone with the process.
 * Like the command's environment, any local process that finds the port during the command can
 * fetch the token; it is bound to 127.0.0.1 and refuses proxied requests (X-Forwarded-For), as
 * the real metadata server does.
 */
export interface MetadataGrant {
  readonly token: string;
  readonly expiresAt: Date;
  readonly email: string | undefined;
  readonly projectId: string | undefined;
  readonly universe: string;
  readonly now: () => Date;
}

export interface MetadataServer {
  /** host:port, the value of GCE_METADATA_HOST. */
  readonly host: string;
  /** Token requests answered so far. */
  readonly fetches: number;
  close(): Promise<void>;
}

const FLAVOR = 'Metadata-Flavor';
const BASE = '/computeMetadata/v1/';
/** The servers of this process's grants, until closed: main holds at most one. */
const running = new Set<MetadataServer>();

export async function startMetadataServer(grant: MetadataGrant): Promise<MetadataServer> {
  let fetches = 0;
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: string, type = 'application/text') => {
      res.writeHead(status, {
        [FLAVOR]: 'Google',
        'content-type': type,
        server: 'Metadata Server',
      });
      res.end(body);
    };
    if (req.headers['x-forwarded-for'] !== undefined) return answer(403, 'Forbidden\n');
    if (req.headers['metadata-flavor'] !== 'Google') {
      return answer(403, 'Missing required header: "Metadata-Flavor": "Google"\n');
    }
    if (req.method !== 'GET') return answer(405, 'Method not allowed\n');
    const path = new URL(req.url ?? '/', 'http://metadata').pathname;
    const value = route(path, grant);
    if (value === 'token') {
      const seconds = Math.floor((grant.expiresAt.getTime() - grant.now().getTime()) / 1000);
      if (seconds <= 0) return answer(404, 'The grant has expired; there is no token to give.\n');
      fetches++;
      return answer(
        200,
        JSON.stringify({ access_token: grant.token, expires_in: seconds, token_type: 'Bearer' }),
        'application/json',
      );
    }
    if (value === undefined) return answer(404, 'Not Found\n');
    return answer(200, value);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // The command's own requests keep no connection open that would delay closing.
  server.keepAliveTimeout = 1000;
  const { port } = server.address() as AddressInfo;
  const handle: MetadataServer = {
    host: `127.0.0.1:${port}`,
    get fetches() {
      return fetches;
    },
    close: () =>
      new Promise<void>((resolve) => {
        running.delete(handle);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  running.add(handle);
  return handle;
}

/** What a path answers: a text value, the token, or nothing (404). */
function route(path: string, grant: MetadataGrant): string | 'token' | undefined {
  if (path === '/' || path === BASE || path === BASE.slice(0, -1)) return 'computeMetadata/\n';
  if (!path.startsWith(BASE)) return undefined;
  const key = path.slice(BASE.length).replace(/\/$/, '');
  if (key === 'instance') return 'service-accounts/\n';
  const account = /^instance\/service-accounts\/([^/]+)(?:\/(.*))?$/.exec(key);
  if (account) {
    const [, who, what] = account;
    if (who !== 'default' && who !== grant.email) return undefined;
    if (what === 'token') return 'token';
    if (what === 'email') return grant.email;
    if (what === undefined || what === '') return 'email\ntoken\n';
    return undefined;
  }
  if (key === 'project/project-id') return grant.projectId;
  if (key === 'universe/universe-domain') return grant.universe;
  return undefined;
}

/** Stops every server of this process; answers how many token requests they served. */
export async function stopMetadataServers(): Promise<number> {
  let served = 0;
  for (const s of [...running]) {
    served += s.fetches;
    await s.close();
  }
  return served;
}
