import { rmSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { boundedGet } from '../../src/policy/http.ts';
import {
  agentFor,
  bypassesProxy,
  initProxy,
  parseNoProxy,
  proxyFor,
  proxySecrets,
  readProxySettings,
  redactProxy,
  redactProxyText,
  resetProxySettings,
  toolProxyEnv,
} from '../../src/runner/proxy.ts';
import { ConfigurationError } from '../../src/errors.ts';
import { createTestCa, type TestCa } from '../emulators/entra/ca.ts';
import { startServer, type TestServer } from '../emulators/http.ts';
import { startProxy, type TestProxy } from '../emulators/proxy.ts';

describe('NO_PROXY matching (the runner and curl rule)', () => {
  const cases: Array<[string, string, boolean]> = [
    // [NO_PROXY, target, bypassed]
    ['', 'https://sts.amazonaws.com', false],
    ['*', 'https://sts.amazonaws.com', true],
    ['amazonaws.com', 'https://sts.us-east-1.amazonaws.com', true],
    ['amazonaws.com', 'https://amazonaws.com', true],
    ['amazonaws.com', 'https://notamazonaws.com', false],
    ['.amazonaws.com', 'https://sts.amazonaws.com', true],
    ['.amazonaws.com', 'https://amazonaws.com', true],
    ['*.amazonaws.com', 'https://sts.amazonaws.com', true],
    ['AmazonAWS.com', 'https://STS.amazonaws.com', true],
    ['sts.amazonaws.com:443', 'https://sts.amazonaws.com', true],
    ['sts.amazonaws.com:8443', 'https://sts.amazonaws.com', false],
    ['sts.amazonaws.com:80', 'http://sts.amazonaws.com', true],
    ['github.com, api.github.com', 'https://api.github.com/repos', true],
    ['example.org github.com', 'https://github.com', true],
    ['127.0.0.1', 'http://127.0.0.1:8080', true],
    ['127.0.0.1:8080', 'http://127.0.0.1:9090', false],
    ['127.0.0.2', 'http://127.0.0.1:8080', false],
    ['10.0.0.0/8', 'http://10.20.30.40', true],
    ['10.0.0.0/8', 'http://11.0.0.1', false],
    ['192.168.1.0/24', 'http://192.168.1.77', true],
    ['0.0.0.0/0', 'http://8.8.8.8', true],
    ['::1', 'http://[::1]:3000', true],
    ['[::1]:3000', 'http://[::1]:3000', true],
    ['[::1]:3000', 'http://[::1]:4000', false],
    ['1.2.3.4', 'http://1.2.3.40', false],
    // Loopback is proxied unless named: not exempt by itself.
    ['', 'http://127.0.0.1:8080', false],
    ['', 'http://localhost:8080', false],
    ['localhost', 'http://localhost:8080', true],
  ];
  it.each(cases)('NO_PROXY=%j, %s → bypassed %s', (noProxy, target, bypassed) => {
    expect(bypassesProxy(new URL(target), parseNoProxy(noProxy))).toBe(bypassed);
  });
});

describe('proxy settings from the environment', () => {
  it('lower case wins, https and http apart, NO_PROXY applies', () => {
    const s = readProxySettings({
      https_proxy: 'http://lower:1',
      HTTPS_PROXY: 'http://upper:2',
      HTTP_PROXY: 'plain:3',
      NO_PROXY: '.internal',
    });
    expect(proxyFor(new URL('https://sts.amazonaws.com'), s)?.host).toBe('lower:1');
    expect(proxyFor(new URL('http://x.example'), s)?.href).toBe('http://plain:3/');
    expect(proxyFor(new URL('https://a.internal'), s)).toBeUndefined();
    expect(s.httpsSource).toBe('https_proxy');
  });

  it('the http-proxy input overrides both variables, and NO_PROXY still applies', () => {
    const s = readProxySettings({
      'INPUT_HTTP-PROXY': 'http://input:9',
      HTTPS_PROXY: 'http://env:1',
      no_proxy: 'github.com',
    });
    expect(proxyFor(new URL('https://sts.amazonaws.com'), s)?.host).toBe('input:9');
    expect(proxyFor(new URL('http://sts.amazonaws.com'), s)?.host).toBe('input:9');
    expect(proxyFor(new URL('https://api.github.com'), s)).toBeUndefined();
  });

  it('the no-proxy input replaces NO_PROXY, with or without the http-proxy input', () => {
    const env = {
      HTTPS_PROXY: 'http://env:1',
      NO_PROXY: 'github.com',
      'INPUT_NO-PROXY': '.amazonaws.com',
    };
    const s = readProxySettings(env);
    expect(proxyFor(new URL('https://sts.amazonaws.com'), s)).toBeUndefined();
    expect(proxyFor(new URL('https://api.github.com'), s)?.host).toBe('env:1');
    const withInput = readProxySettings({ ...env, 'INPUT_HTTP-PROXY': 'http://input:9' });
    expect(proxyFor(new URL('https://sts.amazonaws.com'), withInput)).toBeUndefined();
    expect(proxyFor(new URL('https://api.github.com'), withInput)?.host).toBe('input:9');
    expect(
      proxyFor(
        new URL('https://api.github.com'),
        readProxySettings({ ...env, 'INPUT_NO-PROXY': ' ' }),
      ),
    ).toBeUndefined();
  });

  it('no variables, no proxy', () => {
    expect(proxyFor(new URL('https://sts.amazonaws.com'), readProxySettings({}))).toBeUndefined();
  });

  it.each([
    ['socks5://p:1080', /only http:\/\/ and https:\/\//],
    ['http://[bad', /Invalid proxy/],
  ])('refuses %s with what to change', (value, message) => {
    expect(() => readProxySettings({ HTTPS_PROXY: value })).toThrow(ConfigurationError);
    expect(() => readProxySettings({ HTTPS_PROXY: value })).toThrow(message);
  });

  it('never quotes proxy credentials, and lists them to mask', () => {
    let err: unknown;
    try {
      readProxySettings({ HTTPS_PROXY: 'socks5://alice:s3cr%40t@p:1080' });
    } catch (e) {
      err = e;
    }
    expect(String(err)).not.toContain('s3cr');
    const s = readProxySettings({ HTTPS_PROXY: 'http://alice:s3cr%40t@p:3128' });
    expect(redactProxy(s.https!)).toBe('http://***@p:3128');
    expect(proxySecrets(s)).toEqual(
      expect.arrayContaining(['s3cr%40t', 's3cr@t', 'http://alice:s3cr%40t@p:3128/']),
    );
  });
});

describe('a proxy password the URL parser cannot take', () => {
  afterEach(() => resetProxySettings());

  /** What initProxy masked and the message it refused with, for one HTTPS_PROXY value. */
  function init(env: NodeJS.ProcessEnv): { masked: string[]; error: unknown } {
    const masked: string[] = [];
    try {
      initProxy(env, (secret) => masked.push(secret));
      return { masked, error: undefined };
    } catch (error) {
      return { masked, error };
    }
  }

  it.each([
    ['http://user:s3cr/et@proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['user:s3cr/et@proxy.corp:3128', '***@proxy.corp:3128'],
    ['http://user:s3cr\\et@proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['http://user:s3cr?et@proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['http://us@er:s3cr/et@proxy.corp:3128', 'http://***@proxy.corp:3128'],
  ])('%s: refused without its password, which is masked first', (value, redacted) => {
    expect(redactProxyText(value)).toBe(redacted);
    for (const env of [{ HTTPS_PROXY: value }, { 'INPUT_HTTP-PROXY': value }]) {
      const { masked, error } = init(env);
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message).not.toMatch(/s3cr|et@/);
      expect(message).toContain(redacted);
      expect(message).toMatch(/percent-encode/);
      expect(masked).toEqual(expect.arrayContaining([value]));
      expect(masked.some((m) => m.includes('s3cr') && !m.includes('proxy.corp'))).toBe(true);
    }
  });

  it('refuses a password whose "/" made the URL parser read the rest as a path', () => {
    const value = 'http://user:3128/et@proxy.corp:3128';
    const { masked, error } = init({ HTTPS_PROXY: value });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('http://***@proxy.corp:3128');
    expect((error as Error).message).not.toContain('3128/et');
    expect(masked).toContain('3128/et');
  });

  it('refuses a malformed percent escape in the password by its variable, without quoting it', () => {
    const { masked, error } = init({ https_proxy: 'http://user:ab%zzcd@proxy.corp:3128' });
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain('https_proxy');
    expect(message).toMatch(/percent-encode the password/);
    expect(message).not.toContain('ab%zz');
    expect(masked).toContain('ab%zzcd');
  });

  it('masks nothing and redacts nothing for a proxy without credentials', () => {
    expect(redactProxyText('http://[bad')).toBe('http://[bad');
    expect(init({ HTTPS_PROXY: 'http://proxy.corp:3128' })).toEqual({
      masked: [],
      error: undefined,
    });
  });
});

describe('requests through the agent', () => {
  let proxy: TestProxy;
  let refusing: TestProxy;
  let server: TestServer;
  beforeAll(async () => {
    proxy = await startProxy({ auth: 'alice:s3cr@t' });
    server = await startServer(() => ({ body: { ok: true } }));
    refusing = await startProxy({ refuse: [new URL(server.url).host] });
  });
  afterAll(async () => {
    await proxy.close();
    await refusing.close();
    await server.close();
  });
  afterEach(() => {
    resetProxySettings();
    proxy.reset();
  });

  const get = (url: string) =>
    boundedGet(url, { timeoutMs: 5000, maxBytes: 1024, what: 'a test read' });

  it('goes through the proxy with its credentials, and around it when NO_PROXY says so', async () => {
    const target = new URL(server.url).host;
    const authed = proxy.url.replace('//', '//alice:s3cr%40t@');
    const s = readProxySettings({ HTTP_PROXY: authed });
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http')
        .then(({ default: http }) =>
          http
            .get(`${server.url}/x`, { agent: agentFor(`${server.url}/x`, s) }, (r) => {
              r.resume();
              resolve(r.statusCode ?? 0);
            })
            .on('error', reject),
        )
        .catch(reject);
    });
    expect(res).toBe(200);
    expect(proxy.forwarded.get(target)).toBe(1);
    expect(proxy.unauthorized).toBe(0);

    const direct = readProxySettings({ HTTP_PROXY: authed, NO_PROXY: target });
    expect(proxyFor(new URL(server.url), direct)).toBeUndefined();
  });

  it("boundedGet (OIDC, JWKS, GitHub API) follows the process's proxy settings", async () => {
    process.env['HTTP_PROXY'] = proxy.url.replace('//', '//alice:s3cr%40t@');
    try {
      const res = await get(`${server.url}/keys`);
      expect(res.status).toBe(200);
      expect(proxy.count(new URL(server.url).host)).toBe(1);
    } finally {
      delete process.env['HTTP_PROXY'];
    }
  });

  it('says which proxy refused which target', async () => {
    process.env['HTTP_PROXY'] = refusing.url;
    try {
      // Absolute-form http through a refusing proxy is a 403 answer, not a tunnel failure.
      const res = await get(`${server.url}/keys`);
      expect(res.status).toBe(403);
      expect(refusing.refused).toEqual([new URL(server.url).host]);
    } finally {
      delete process.env['HTTP_PROXY'];
    }
  });

  it('names an unreachable proxy and the target', async () => {
    const closed = await startProxy();
    const url = closed.url;
    await closed.close();
    process.env['HTTP_PROXY'] = url;
    try {
      await expect(get(`${server.url}/keys`)).rejects.toThrow(
        new RegExp(
          `the proxy at ${url.replace(/\./g, '\\.')} \\(HTTP_PROXY\\) could not be reached for 127\\.0\\.0\\.1:\\d+`,
        ),
      );
    } finally {
      delete process.env['HTTP_PROXY'];
    }
  });
});

describe('https through the agent', () => {
  const roots = tls.getCACertificates('default');
  let ca: TestCa;
  let server: TestServer;
  beforeAll(async () => {
    // Here, not when the file is collected: a run that filters these tests out makes no CA.
    ca = createTestCa('proxy test CA', 'ec');
    tls.setDefaultCACertificates([...roots, ca.caPem]);
    server = await startServer(() => ({ body: { ok: true } }), {
      tls: { key: ca.keyPem, cert: ca.certPem },
    });
  });
  afterAll(async () => {
    await server.close();
    tls.setDefaultCACertificates(roots);
    rmSync(ca.dir, { recursive: true, force: true });
  });
  afterEach(() => {
    resetProxySettings();
    vi.restoreAllMocks();
  });

  it('builds one TLS context for all of its connections, which still check the certificate', async () => {
    const built = vi.spyOn(tls, 'createSecureContext');
    const agent = agentFor(server.url, readProxySettings({}));
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        https
          .get(`${server.url}${path}`, { agent }, (r) => {
            r.resume();
            r.on('end', () => resolve(r.statusCode ?? 0));
          })
          .on('error', reject);
      });
    // At once, so that no connection can be reused: three handshakes.
    expect(await Promise.all([get('/a'), get('/b'), get('/c')])).toEqual([200, 200, 200]);
    expect(server.connections.length).toBe(3);
    expect(built).toHaveBeenCalledTimes(1);

    // Node's default roots, read when the agent was made: a server of another CA is refused.
    const other = createTestCa('untrusted CA', 'ec');
    const stranger = await startServer(() => ({ body: {} }), {
      tls: { key: other.keyPem, cert: other.certPem },
    });
    try {
      await expect(
        new Promise((resolve, reject) =>
          https.get(`${stranger.url}/x`, { agent }, resolve).on('error', reject),
        ),
      ).rejects.toThrow(/self-signed|unable to verify|issuer certificate/i);
    } finally {
      await stranger.close();
      rmSync(other.dir, { recursive: true, force: true });
    }
  });

  it('checks certificates even when NODE_TLS_REJECT_UNAUTHORIZED=0, which an earlier step can set', async () => {
    vi.stubEnv('NODE_TLS_REJECT_UNAUTHORIZED', '0');
    const other = createTestCa('untrusted CA', 'ec');
    const stranger = await startServer(() => ({ body: {} }), {
      tls: { key: other.keyPem, cert: other.certPem },
    });
    try {
      const agent = agentFor(stranger.url, readProxySettings({}));
      await expect(
        new Promise((resolve, reject) =>
          https.get(`${stranger.url}/x`, { agent }, resolve).on('error', reject),
        ),
      ).rejects.toThrow(/self-signed|unable to verify|issuer certificate/i);
    } finally {
      vi.unstubAllEnvs();
      await stranger.close();
      rmSync(other.dir, { recursive: true, force: true });
    }
  });
});

describe('proxy variables for the tools the action runs (az login)', () => {
  it('hands the http-proxy input on in both spellings, and nothing without it', () => {
    expect(toolProxyEnv({ 'INPUT_HTTP-PROXY': 'proxy.corp:3128' })).toEqual({
      HTTPS_PROXY: 'http://proxy.corp:3128/',
      https_proxy: 'http://proxy.corp:3128/',
      HTTP_PROXY: 'http://proxy.corp:3128/',
      http_proxy: 'http://proxy.corp:3128/',
    });
    expect(toolProxyEnv({ HTTPS_PROXY: 'http://env:1' })).toEqual({});
  });
});
