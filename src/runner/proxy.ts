/**
 * The one place that decides whether a request goes through a proxy, for every client of the
 * action: the OIDC token, the GitHub REST API, the issuer's keys, AWS, Entra ID and Google.
 * Each client asks `agentFor(url)` and hands the agent to its own HTTP layer, so the rule is
 * the same everywhere, whatever each library would have read from the environment itself.
 *
 * The rule is the runner's and curl's, with one choice spelled out:
 * - `https_proxy` / `HTTPS_PROXY` for https targets, `http_proxy` / `HTTP_PROXY` for http ones;
 *   the lower-case spelling wins (the runner sets both); the `http-proxy` input overrides both.
 * - `no_proxy` / `NO_PROXY`: comma-separated; `*` bypasses everything; `example.com`,
 *   `.example.com` and `*.example.com` all match example.com and every name under it; an entry
 *   with `:port` matches that port only; IP literals match exactly, IPv4 also in CIDR form.
 * - Loopback is NOT exempt by itself (as in curl and Node; the runner's own .NET client differs):
 *   name `localhost,127.0.0.1,::1` in NO_PROXY to reach local endpoints directly.
 *
 * The agents are Node 24's own (`http.Agent`'s `proxyEnv`): CONNECT tunnels for https, absolute
 * URLs for http, Basic proxy authentication from the URL's user:password. No library is loaded.
 */
import type http from 'node:http';
import { ConfigurationError, errorMessage } from '../errors.js';

// node:net, for two address checks, only when a no-proxy list is read or matched: loading it
// costs a post step, which usually has neither, a few milliseconds.
const isIPv4 = (s: string) => process.getBuiltinModule('node:net').isIPv4(s);
const isIPv6 = (s: string) => process.getBuiltinModule('node:net').isIPv6(s);

export const PROXY_INPUT_ENV = 'INPUT_HTTP-PROXY';
/** The `no-proxy` input, which replaces NO_PROXY for this action's own requests. */
export const NO_PROXY_INPUT_ENV = 'INPUT_NO-PROXY';

export interface ProxySettings {
  readonly https: URL | undefined;
  readonly http: URL | undefined;
  readonly noProxy: readonly NoProxyRule[];
  /** Where the proxy came from, for messages: `http-proxy input`, `HTTPS_PROXY`, ... */
  readonly httpsSource: string | undefined;
  readonly httpSource: string | undefined;
}

export interface NoProxyRule {
  /** Lower-case host without brackets; '*' for everything. */
  readonly host: string;
  readonly port: number | undefined;
  /** IPv4 network in CIDR form: the address as a number and the prefix length. */
  readonly cidr?: { readonly base: number; readonly bits: number };
}

/** The first non-empty of the given variables, with its name. */
function firstSet(env: NodeJS.ProcessEnv, names: string[]): [string, string] | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return [name, value];
  }
  return undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const PERCENT_ENCODE =
  "percent-encode any '/', '\\', '?', '#', '@' or '%' in the user and password (as %2F, %5C, %3F, %23, %40, %25)";

/** A proxy URL as users write it (`proxy:3128` means http://proxy:3128); refused when unusable. */
export function parseProxyUrl(value: string, source: string): URL {
  const text = SCHEME.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigurationError(
      `Invalid proxy '${redactProxyText(value)}' in ${source}: expected a URL such as http://proxy.example:3128${value.includes('@') ? `; ${PERCENT_ENCODE}` : ''}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      `Invalid proxy '${redactProxy(url)}' in ${source}: only http:// and https:// proxies are supported (not ${url.protocol}//).`,
    );
  }
  if (!url.hostname) {
    throw new ConfigurationError(`Invalid proxy '${redactProxy(url)}' in ${source}: no host.`);
  }
  // `http://user:3128/pw@proxy` parses, with host `user` and the rest of the password as a path.
  if ((url.pathname + url.search + url.hash).includes('@')) {
    throw new ConfigurationError(
      `Invalid proxy '${redactProxyText(value)}' in ${source}: the user info ends before the last '@'; ${PERCENT_ENCODE}.`,
    );
  }
  if (
    decodeOrUndefined(url.username) === undefined ||
    decodeOrUndefined(url.password) === undefined
  ) {
    throw new ConfigurationError(
      `Invalid proxy '${redactProxy(url)}' in ${source}: its user or password has a '%' that starts no percent-escape (%XX); percent-encode the password (% as %25).`,
    );
  }
  return url;
}

/** decodeURIComponent, or undefined for a malformed escape (`%zz`) instead of a URIError. */
function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function parseNoProxy(value: string | undefined): NoProxyRule[] {
  if (!value) return [];
  return value
    .split(/[,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean)
    .map(parseNoProxyEntry);
}

function parseNoProxyEntry(entry: string): NoProxyRule {
  let host = entry;
  let port: number | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    host = bracketed[1]!;
    port = bracketed[2] ? Number(bracketed[2]) : undefined;
  } else if (!isIPv6(entry)) {
    const withPort = /^(.*):(\d+)$/.exec(entry);
    if (withPort) [host, port] = [withPort[1]!, Number(withPort[2])];
  }
  const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(host);
  if (cidr && isIPv4(cidr[1]!) && Number(cidr[2]) <= 32) {
    return { host, port, cidr: { base: ipv4Number(cidr[1]!), bits: Number(cidr[2]) } };
  }
  if (host === '*') return { host, port };
  // An IPv6 address as the URL parser writes it (`0:0:0:0:0:0:0:1` is `::1`).
  if (isIPv6(host)) return { host: new URL(`http://[${host}]`).hostname.slice(1, -1), port };
  // `.example.com` and `*.example.com` mean what `example.com` means (curl, the runner); a
  // trailing dot is dropped as it is from the target.
  return { host: host.replace(/^\*?\./, '').replace(/\.$/, ''), port };
}

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function defaultPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** True when NO_PROXY says `url` is reached directly. */
export function bypassesProxy(url: URL, rules: readonly NoProxyRule[]): boolean {
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const port = defaultPort(url);
  return rules.some((rule) => {
    if (rule.port !== undefined && rule.port !== port) return false;
    if (rule.host === '*') return true;
    if (rule.cidr) {
      if (!isIPv4(host)) return false;
      // Division, not bit operators: those would make the top bit a sign.
      const size = 2 ** (32 - rule.cidr.bits);
      return Math.floor(ipv4Number(host) / size) === Math.floor(rule.cidr.base / size);
    }
    if (isIPv4(host) || isIPv6(host)) return host === rule.host;
    return host === rule.host || host.endsWith(`.${rule.host}`);
  });
}

export function readProxySettings(env: NodeJS.ProcessEnv): ProxySettings {
  const input = env[PROXY_INPUT_ENV]?.trim();
  if (input) {
    const url = parseProxyUrl(input, 'the http-proxy input');
    const source = 'the http-proxy input';
    return {
      https: url,
      http: url,
      noProxy: noProxyOf(env),
      httpsSource: source,
      httpSource: source,
    };
  }
  const httpsVar = firstSet(env, ['https_proxy', 'HTTPS_PROXY']);
  const httpVar = firstSet(env, ['http_proxy', 'HTTP_PROXY']);
  return {
    https: httpsVar && parseProxyUrl(httpsVar[1], httpsVar[0]),
    http: httpVar && parseProxyUrl(httpVar[1], httpVar[0]),
    noProxy: noProxyOf(env),
    httpsSource: httpsVar?.[0],
    httpSource: httpVar?.[0],
  };
}

function noProxyOf(env: NodeJS.ProcessEnv): NoProxyRule[] {
  const input = env[NO_PROXY_INPUT_ENV]?.trim();
  return parseNoProxy(input || firstSet(env, ['no_proxy', 'NO_PROXY'])?.[1]);
}

/** The proxy a request to `url` goes through, or undefined for a direct connection. */
export function proxyFor(url: URL, settings: ProxySettings): URL | undefined {
  const proxy = url.protocol === 'https:' ? settings.https : settings.http;
  if (!proxy || bypassesProxy(url, settings.noProxy)) return undefined;
  return proxy;
}

/** The proxy URL without its user and password, for messages. */
export function redactProxy(url: URL): string {
  if (!url.username && !url.password) return url.origin;
  return `${url.protocol}//***@${url.host}`;
}

/**
 * A proxy value that may not parse, for messages: everything between the scheme (or the start)
 * and the last `@` goes. The last one, because the password may hold `/`, a backslash, `?`, `#` or `@`,
 * which a URL parser takes for the end of the user info; a path with `@` is cut too, which only
 * loses what a proxy URL should not have.
 */
export function redactProxyText(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^]*@/i, '$1***@');
}

/**
 * The password of a proxy value as written (between the first `:` after the scheme and the last
 * `@`), read without a URL parser: it is masked before parsing can fail and print anything.
 */
function rawProxyPassword(value: string): string | undefined {
  const userinfo = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^]*)@/i.exec(value)?.[1];
  const colon = userinfo?.indexOf(':') ?? -1;
  return colon >= 0 ? userinfo!.slice(colon + 1) || undefined : undefined;
}

/** The secrets of the proxy variables as written, to mask before they are parsed. */
function rawProxySecrets(env: NodeJS.ProcessEnv): string[] {
  const out = new Set<string>();
  for (const name of [PROXY_INPUT_ENV, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    const value = env[name]?.trim();
    const password = value && rawProxyPassword(value);
    if (!password) continue;
    out.add(password);
    const decoded = decodeOrUndefined(password);
    if (decoded) out.add(decoded);
    out.add(value);
  }
  return [...out];
}

/** The secrets a proxy URL holds (its password, and the whole URL), to mask before any log. */
export function proxySecrets(settings: ProxySettings): string[] {
  const out = new Set<string>();
  for (const url of [settings.https, settings.http]) {
    if (!url?.password) continue;
    out.add(url.password);
    const decoded = decodeOrUndefined(url.password);
    if (decoded) out.add(decoded);
    out.add(url.href);
  }
  return [...out];
}

let current: ProxySettings | undefined;
const agents = new Map<string, http.Agent>();

/**
 * The settings of this process, read from the environment once. `mask` is called with each
 * proxy secret the first time, before any request can carry or print it.
 */
export function processProxySettings(mask?: (secret: string) => void): ProxySettings {
  current ??= readMasked(process.env, mask);
  return current;
}

/**
 * Reads the proxy settings of this step from `env` (refusing a bad proxy URL before any request)
 * and masks the proxy's credentials: an entry point calls it first.
 */
export function initProxy(env: NodeJS.ProcessEnv, mask: (secret: string) => void): ProxySettings {
  resetProxySettings();
  current = readMasked(env, mask);
  return current;
}

/**
 * The settings of `env`, each proxy's secrets masked as written before parsing, then as parsed.
 * Before: a value that does not parse is quoted (redacted) in the error, and how to redact a
 * value the parser cannot read is a guess.
 */
function readMasked(env: NodeJS.ProcessEnv, mask?: (secret: string) => void): ProxySettings {
  if (!mask) return readProxySettings(env);
  const masked = new Set(rawProxySecrets(env));
  for (const secret of masked) mask(secret);
  const settings = readProxySettings(env);
  for (const secret of proxySecrets(settings)) if (!masked.has(secret)) mask(secret);
  return settings;
}

/** Tests only: forget the settings and agents read so far. */
export function resetProxySettings(): void {
  current = undefined;
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/**
 * The agent for a request to `url`: a proxying one when the settings say so, otherwise a plain
 * one (never `undefined`, so that a library cannot fall back to its own reading of the env).
 * Shared per scheme and proxy: for clients that never destroy their agent (the bounded GET, gaxios).
 */
export function agentFor(target: string | URL, settings = processProxySettings()): http.Agent {
  const url = typeof target === 'string' ? new URL(target) : target;
  const proxy = proxyFor(url, settings);
  const key = `${url.protocol}|${proxy?.href ?? 'direct'}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = newAgent(url, proxy);
    agents.set(key, agent);
  }
  return agent;
}

/**
 * A new agent of its own, for a client that may destroy the agent it is given when done (Entra's
 * pipeline): a shared one would lose the sockets other requests are using.
 */
export function ownAgentFor(target: string | URL, settings = processProxySettings()): http.Agent {
  const url = typeof target === 'string' ? new URL(target) : target;
  return newAgent(url, proxyFor(url, settings));
}

function newAgent(url: URL, proxy: URL | undefined): http.Agent {
  const variable = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  const options = { keepAlive: true, ...(proxy ? { proxyEnv: { [variable]: proxy.href } } : {}) };
  // node:http(s) (and tls) only when a request needs it: a post step that closes nothing never does.
  if (url.protocol !== 'https:') return new (process.getBuiltinModule('node:http').Agent)(options);
  // One TLS context for all of the agent's connections, Node's default (its roots with
  // NODE_EXTRA_CA_CERTS, its ciphers and versions): otherwise each connection builds the same one
  // again, about 2 ms of a first step's seven or eight connections (bench/FIRST-STEP.md).
  const agent = new (process.getBuiltinModule('node:https').Agent)({
    ...options,
    // Whatever NODE_TLS_REJECT_UNAUTHORIZED says: an earlier step can set it through GITHUB_ENV,
    // with a proxy of its own, to answer for GitHub's API (the policy) or the cloud.
    rejectUnauthorized: true,
    secureContext: process.getBuiltinModule('node:tls').createSecureContext(),
  });
  if (proxy) guardTunnel(agent);
  return agent;
}

/** The request option that carries the request's signal to the agent (see guardTunnel). */
export const TUNNEL_SIGNAL = 'jitCredentialsSignal';

/**
 * Node's proxy agent gives the request its socket only once the proxy has answered CONNECT and
 * TLS is up through the tunnel: until then the request's signal has nothing to destroy, and a
 * proxy that never answers (or trickles) holds the request for ever. Here the tunnel's own socket
 * is destroyed when the request's signal fires before the tunnel is ready.
 */
function guardTunnel(agent: http.Agent): void {
  type Create = (
    options: Record<string, unknown>,
    cb: (err: Error | null, s?: unknown) => void,
  ) => import('node:net').Socket | undefined;
  const a = agent as unknown as { createConnection: Create };
  const create = a.createConnection;
  a.createConnection = function (this: unknown, options, cb) {
    const signal = options[TUNNEL_SIGNAL] as AbortSignal | undefined;
    let ready = false;
    const onAbort = () => {
      if (!ready)
        socket?.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const socket = create.call(this, options, (err, s) => {
      ready = true;
      signal?.removeEventListener('abort', onAbort);
      cb(err, s);
    });
    if (signal && !ready) {
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    return socket;
  };
}

/**
 * The proxy variables for a tool this action runs itself (`az login`): the http-proxy input,
 * when given, in both spellings; otherwise nothing, and the tool reads the job's own variables.
 */
export function toolProxyEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const input = env[PROXY_INPUT_ENV]?.trim();
  if (!input) return {};
  const href = parseProxyUrl(input, 'the http-proxy input').href;
  return { HTTPS_PROXY: href, https_proxy: href, HTTP_PROXY: href, http_proxy: href };
}

/** The proxy answered CONNECT with a refusal: another attempt gets the same answer. */
export function isProxyRefusal(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if ((e as { code?: string }).code === 'ERR_PROXY_TUNNEL') return true;
  }
  return false;
}

/**
 * Node's proxy errors say little ("Failed to establish tunnel"); when a request to `target`
 * went through a proxy and failed there, say which proxy refused what. Otherwise undefined.
 */
export function describeProxyFailure(
  err: unknown,
  target: string | URL,
  settings = processProxySettings(),
): string | undefined {
  let url: URL;
  try {
    url = typeof target === 'string' ? new URL(target) : target;
  } catch {
    return undefined;
  }
  const proxy = proxyFor(url, settings);
  if (!proxy) return undefined;
  const chain: string[] = [];
  for (let e: unknown = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause) {
    chain.push(`${(e as { code?: string }).code ?? ''} ${errorMessage(e)}`);
  }
  const text = chain.join(' | ');
  const where = `the proxy at ${redactProxy(proxy)} (${url.protocol === 'https:' ? settings.httpsSource : settings.httpSource})`;
  const dest = `${url.hostname}:${defaultPort(url)}`;
  const tunnel = /ERR_PROXY_TUNNEL|tunnel|ERR_PROXY/i.exec(text);
  if (tunnel) {
    const status = /HTTP\/\d(?:\.\d)? (\d{3}[^|]*)/.exec(text)?.[1]?.trim();
    return `${where} refused CONNECT to ${dest}: ${status ?? errorMessage(err)}. Check the proxy's allow list, or name the host in NO_PROXY if it must be reached directly.`;
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(text)) {
    return `${where} could not be reached for ${dest}: ${errorMessage(err)}. Check HTTPS_PROXY/HTTP_PROXY (or the http-proxy input), or name the host in NO_PROXY.`;
  }
  return undefined;
}
