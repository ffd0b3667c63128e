import { open } from 'node:fs/promises';
import http from 'node:http';
import { isIPv4, type AddressInfo, type Socket } from 'node:net';
import { endianness } from 'node:os';

/**
 * Application Default Credentials for a `run:` command without a credentials file: a loopback
 * server that speaks the part of the GCE metadata protocol Google's client libraries use
 * (`GCE_METADATA_HOST`, `Metadata-Flavor: Google`), serving the grant's access token. It lives
 * exactly as long as the command: started by deliver, stopped by close, gone with the process.
 * It is bound to 127.0.0.1 and refuses proxied requests (X-Forwarded-For), as the real metadata
 * server does. A port on loopback is open to every OS user of the machine (and to containers on
 * the host's network), so on Linux it answers only a socket of the runner's own user, the one
 * whose processes can read the command's environment anyway (read from /proc/net/tcp; when that
 * fails, it refuses). Other systems have no such table: there any local process that finds the
 * port during the command can fetch the token.
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
  /** Requests refused because they did not come from a process of the runner's user. */
  readonly refused: number;
  /** What the record says about who could fetch the token. */
  readonly note: string;
  close(): Promise<void>;
}

/** What closing records: token requests answered, and requests of other users refused. */
export interface MetadataServed {
  readonly served: number;
  readonly refused: number;
}

const FLAVOR = 'Metadata-Flavor';
const BASE = '/computeMetadata/v1/';
/** The servers of this process's grants, until closed: main holds at most one. */
const running = new Set<MetadataServer>();

/** Linux lists every TCP socket with its owner in /proc/net/tcp; macOS and Windows do not. */
const OWNER_CHECKED = process.platform === 'linux';
const PROC_NET_TCP = '/proc/net/tcp';
/** A busy host's table can be large; an entry beyond this is not looked for (the request is refused). */
const PROC_READ_LIMIT = 4 * 1024 * 1024;
const PROC_CHUNK = 256 * 1024;
/** A TIME_WAIT entry has no owner any more (its uid reads 0); its client cannot read an answer. */
const TIME_WAIT = '06';

export async function startMetadataServer(grant: MetadataGrant): Promise<MetadataServer> {
  let fetches = 0;
  let refused = 0;
  // Each connection's owner is looked up once, as it is accepted: the client is still connected.
  const owners = new WeakMap<Socket, Promise<boolean>>();
  const ownerIsRunner = (socket: Socket) => {
    let owner = owners.get(socket);
    if (!owner) owners.set(socket, (owner = isRunnerUser(socket)));
    return owner;
  };
  const server = http.createServer((req, res) => {
    // Nothing is answered, not even a 404, before the owner is known.
    void ownerIsRunner(req.socket).then((own) => {
      if (!own) refused++;
      const answer = own ? respond(req, grant, handle.host) : REFUSED;
      if (answer.token) fetches++;
      res.writeHead(answer.status, {
        [FLAVOR]: 'Google',
        'content-type': answer.type ?? 'application/text',
        server: 'Metadata Server',
      });
      res.end(answer.body);
    });
  });
  server.on('connection', (socket: Socket) => void ownerIsRunner(socket));
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
    get refused() {
      return refused;
    },
    note: `Application Default Credentials: a metadata server on 127.0.0.1:${port} ${whoIsServed()}, and stopped with the command.`,
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

function whoIsServed(): string {
  return OWNER_CHECKED
    ? "served the token to processes of the runner's OS user only"
    : `served the token to any local process that found its port (${process.platform} cannot tell whose process it is)`;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly type?: string;
  /** The grant's token is in the body. */
  readonly token?: boolean;
}

const REFUSED: Answer = {
  status: 403,
  body: "Forbidden: this metadata server answers only processes of the runner's OS user.\n",
};

/** The answer to a request of the runner's user. */
function respond(req: http.IncomingMessage, grant: MetadataGrant, host: string): Answer {
  if (req.headers['x-forwarded-for'] !== undefined) return { status: 403, body: 'Forbidden\n' };
  // Clients reach it through GCE_METADATA_HOST, so they send exactly that Host. Any other name is a
  // page whose DNS name was rebound to 127.0.0.1: same-origin to the browser, never to us.
  if (req.headers.host !== host) return { status: 403, body: 'Forbidden: unexpected Host\n' };
  if (req.headers['metadata-flavor'] !== 'Google') {
    return { status: 403, body: 'Missing required header: "Metadata-Flavor": "Google"\n' };
  }
  if (req.method !== 'GET') return { status: 405, body: 'Method not allowed\n' };
  const path = new URL(req.url ?? '/', 'http://metadata').pathname;
  const value = route(path, grant);
  if (value === 'token') {
    const seconds = Math.floor((grant.expiresAt.getTime() - grant.now().getTime()) / 1000);
    if (seconds <= 0) {
      return { status: 404, body: 'The grant has expired; there is no token to give.\n' };
    }
    return {
      status: 200,
      body: JSON.stringify({
        access_token: grant.token,
        expires_in: seconds,
        token_type: 'Bearer',
      }),
      type: 'application/json',
      token: true,
    };
  }
  if (value === undefined) return { status: 404, body: 'Not Found\n' };
  return { status: 200, body: value };
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

/**
 * Stops every server of this process; answers how many requests they served and refused, or
 * undefined when this process ran none (a post step after the main step died: its count died too).
 */
export async function stopMetadataServers(): Promise<MetadataServed | undefined> {
  if (running.size === 0) return undefined;
  let served = 0;
  let refused = 0;
  for (const s of [...running]) {
    served += s.fetches;
    refused += s.refused;
    await s.close();
  }
  return { served, refused };
}

/** The ends of a connection as node:net's Socket gives them. */
export interface Peer {
  readonly remoteAddress?: string | undefined;
  readonly remotePort?: number | undefined;
  readonly localAddress?: string | undefined;
  readonly localPort?: number | undefined;
}

/**
 * True when the client of `peer` is a socket of the runner's own user. Where there is no
 * /proc/net/tcp (not Linux), true: what the README says of other systems. On Linux an entry that
 * cannot be found or read is someone else's: the check fails closed.
 */
export async function isRunnerUser(peer: Peer, table = PROC_NET_TCP): Promise<boolean> {
  if (!OWNER_CHECKED) return true;
  const client = procNetAddress(peer.remoteAddress, peer.remotePort);
  const server = procNetAddress(peer.localAddress, peer.localPort);
  if (!client || !server) return false;
  // Read twice at most: a table read in several chunks can skip an entry while others close.
  for (let attempt = 0; attempt < 2; attempt++) {
    const uid = await findSocketUid(table, client, server).catch(() => undefined);
    if (uid !== undefined) return uid === process.getuid?.();
  }
  return false;
}

/**
 * An IPv4 end as /proc/net/tcp writes it: the address as one 32-bit word in hex in the host's
 * byte order (127.0.0.1 is 0100007F on x86 and arm64), the port in hex as read (8080 is 1F90).
 * The server listens on 127.0.0.1 only, so its peers are IPv4 and /proc/net/tcp6 never holds them.
 */
export function procNetAddress(
  address: string | undefined,
  port: number | undefined,
  littleEndian = endianness() === 'LE',
): string | undefined {
  if (address === undefined || port === undefined || !isIPv4(address)) return undefined;
  const bytes = address.split('.').map((octet) => Number(octet).toString(16).padStart(2, '0'));
  if (littleEndian) bytes.reverse();
  return `${bytes.join('')}:${port.toString(16).padStart(4, '0')}`.toUpperCase();
}

/**
 * The uid of the /proc/net/tcp entry (`table`) whose local end is `local` and remote end
 * `remote`, both as procNetAddress writes them; undefined when there is none in the first
 * `limit` bytes. Stops at the first match.
 */
export async function findSocketUid(
  table: string,
  local: string,
  remote: string,
  limit = PROC_READ_LIMIT,
): Promise<number | undefined> {
  const file = await open(table, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(PROC_CHUNK, limit));
    let rest = '';
    for (let total = 0; total < limit;) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, limit - total));
      // At the end the last line is whole; at the cap it may be cut, and is not read.
      if (bytesRead === 0) return uidOfEntry(rest, local, remote);
      total += bytesRead;
      const lines = (rest + chunk.toString('latin1', 0, bytesRead)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const uid = uidOfEntry(line, local, remote);
        if (uid !== undefined) return uid;
      }
    }
    return undefined;
  } finally {
    await file.close();
  }
}

/** `sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...` */
function uidOfEntry(line: string, local: string, remote: string): number | undefined {
  if (!line.includes(local)) return undefined;
  const fields = line.trim().split(/\s+/);
  if (fields[1] !== local || fields[2] !== remote || fields[3] === TIME_WAIT) return undefined;
  const uid = Number(fields[7]);
  return /^\d+$/.test(fields[7] ?? '') && Number.isSafeInteger(uid) ? uid : undefined;
}
