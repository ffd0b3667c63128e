/**
 * The network path of a revocation (ledger review F9): an earlier step can export a proxy (and,
 * for https, NODE_EXTRA_CA_CERTS) through GITHUB_ENV and leave a proxy running that answers the
 * deny and the probe itself. The grant's handle records the proxy and extra CAs it was issued
 * through; a close over another path still writes the deny but is not called verified, and any
 * proxy that carried the calls is named in the note and in `answeredBy`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { awsCloser } from '../../../src/providers/aws/close.ts';
import { revokeSession } from '../../../src/providers/aws/revoke.ts';
import { initProxy, resetProxySettings } from '../../../src/runner/proxy.ts';
import { fakeRevocation } from '../../emulators/aws/fake-revocation.ts';
import { startProxy, type TestProxy } from '../../emulators/proxy.ts';
import {
  DEPLOY_ROLE,
  REVOKER,
  startWorld as startJobWorld,
  type World as JobWorld,
} from '../../entry/world.ts';
import {
  askWith,
  context,
  emulatedTime,
  EXPLICIT_DENY,
  grantFor,
  startWorld,
  type World,
} from './revoke-world.ts';

let w: World | undefined;
let job: JobWorld | undefined;
const proxies: TestProxy[] = [];
afterEach(async () => {
  resetProxySettings();
  await w?.close();
  await job?.close();
  for (const p of proxies.splice(0)) await p.close();
  w = job = undefined;
});

async function proxy(options: Parameters<typeof startProxy>[0] = {}): Promise<TestProxy> {
  const p = await startProxy(options);
  proxies.push(p);
  return p;
}

/** This process's proxy, as an entry point sets it from the step's environment. */
const useProxy = (url: string) => initProxy({ http_proxy: url }, () => undefined);

describe('revokeSession: the proxy and extra CAs, against those of issue', () => {
  it('a proxy set since issue that fakes the deny and the probe: the deny is sent, "verified" is not claimed, the proxy is named', async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000e1'); // issued directly
    const liar = fakeRevocation();
    const p = await proxy({ intercept: liar.intercept });
    useProxy(p.url);
    const { ctx, log } = context(x, g.dir);
    const result = await revokeSession(g.target, ctx, emulatedTime(x));
    expect(liar.faked).toContain('PutRolePolicy');
    expect(liar.faked).toContain('GetAccessKeyInfo');
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toContain(
      `revoked, not verified: the proxy/CA settings changed since issue (STS proxy: none at issue, ${p.url} (http_proxy) now; IAM proxy: none at issue, ${p.url} (http_proxy) now)`,
    );
    expect(result.answeredBy).toBe(
      `IAM and STS at ${x.e.aws.url} through the proxy ${p.url} (http_proxy)`,
    );
    expect(result.note).toContain('not the network path it was issued through');
    expect(log.text()).toContain('the proxy/CA settings changed since issue');
    expect(log.text()).toContain('make it before the step that issues the grant');
    // AWS never got the deny: the session is still accepted.
    expect(await askWith(x, g.keys)).toBe('accepted');
  }, 30_000);

  it('the proxy it was issued through: verified, and the record names the proxy', async () => {
    const x = (w = await startWorld());
    const p = await proxy();
    useProxy(p.url);
    const g = await grantFor(x, 'aws-00000000e2'); // records the proxy, as main does at issue
    expect(g.target).toMatchObject({ stsProxy: p.url, iamProxy: p.url });
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(result.answeredBy).toBe(
      `IAM and STS at ${x.e.aws.url} through the proxy ${p.url} (http_proxy)`,
    );
    expect(result.note).toContain(
      `(answered by IAM and STS at ${x.e.aws.url} through the proxy ${p.url} (http_proxy): the endpoint it was issued through; the proxy it was issued through`,
    );
    expect(p.count(new URL(x.e.aws.url).host)).toBeGreaterThan(0);
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
  }, 30_000);

  it('a proxy at issue that is gone at close is a change too', async () => {
    const x = (w = await startWorld());
    const p = await proxy();
    useProxy(p.url);
    const g = await grantFor(x, 'aws-00000000e3');
    resetProxySettings();
    initProxy({}, () => undefined);
    const result = await revokeSession(g.target, context(x, g.dir).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toContain(`STS proxy: ${p.url} at issue, none now`);
    expect(result.answeredBy).toBe(`IAM and STS at ${x.e.aws.url}`);
  }, 30_000);

  it('other extra CA certificates than at issue: not verified, and said', async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000e4');
    const issued = { ...g.target, extraCa: 'a'.repeat(64) };
    const { ctx } = context(x, g.dir);
    const result = await revokeSession(issued, ctx, {
      ...emulatedTime(x),
      extraCa: () => 'b'.repeat(64),
    });
    expect(result).toMatchObject({ method: 'revoked', verified: false });
    expect(result.note).toContain(
      `extra CA certificates (NODE_EXTRA_CA_CERTS): SHA-256 ${'a'.repeat(16)}… at issue, SHA-256 ${'b'.repeat(16)}… now`,
    );
    // The deny was written all the same, and AWS refuses the session.
    expect(await askWith(x, g.keys)).toMatch(EXPLICIT_DENY);
  }, 30_000);

  it("a grant known only from the ledger: the environment's proxy carries it, and is named", async () => {
    const x = (w = await startWorld());
    const g = await grantFor(x, 'aws-00000000e5');
    const p = await proxy();
    useProxy(p.url);
    const result = await revokeSession(g.target, context(x, g.dir, {}, false).ctx, emulatedTime(x));
    expect(result).toMatchObject({ method: 'revoked', verified: true });
    expect(result.answeredBy).toBe(
      `IAM and STS at ${x.e.aws.url} through the proxy ${p.url} (http_proxy)`,
    );
    expect(result.note).toContain("the environment's endpoint override; the environment's proxy");
  }, 30_000);
});

describe('the handle records the network path, and a ledger copy of it is checked', () => {
  it('readHandle takes a redacted proxy and a SHA-256, and refuses anything else', () => {
    const base = {
      stsExpiration: '2030-01-01T00:00:00Z',
      enforcedEnd: null,
      revoke: {
        roleArn: DEPLOY_ROLE,
        revokeRole: REVOKER,
        assumedRoleId: 'AROAEXAMPLE123:gh.x',
        audience: 'sts.amazonaws.com',
        region: 'eu-west-1',
      },
    };
    const read = (extra: Record<string, unknown>) =>
      awsCloser.readHandle({ ...base, revoke: { ...base.revoke, ...extra } });
    expect(
      read({
        stsProxy: 'http://***@proxy.corp:3128',
        iamProxy: 'http://[::1]:8080',
        extraCa: 'c'.repeat(64),
      }).revoke,
    ).toMatchObject({
      stsProxy: 'http://***@proxy.corp:3128',
      iamProxy: 'http://[::1]:8080',
      extraCa: 'c'.repeat(64),
    });
    expect(() => read({ stsProxy: 'http://user:secret@proxy.corp:3128' })).toThrow(/'stsProxy'/);
    expect(() => read({ iamProxy: 'http://proxy/path' })).toThrow(/'iamProxy'/);
    expect(() => read({ extraCa: 'none of it' })).toThrow(/'extraCa'/);
  });
});

/** The last closing line of a grant in the job's ledger. */
function closedEvent(world: JobWorld, id: string): Record<string, unknown> {
  const lines = readFileSync(join(world.temp, 'jit-credentials', 'ledger.jsonl'), 'utf8');
  return lines
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .findLast(
      (e) => e['grant'] === id && (e['phase'] === 'closed' || e['phase'] === 'close-failed'),
    )!;
}

describe("end of job, in process (the review's attack)", () => {
  it('a later step exports a proxy that fakes the revocation: post says "revoked, not verified" and names the proxy', async () => {
    const world = (job = await startJobWorld());
    const main = await world.main({ export: 'env', 'revoke-role': REVOKER });
    expect(main.failures).toEqual([]);
    const liar = fakeRevocation();
    const p = await proxy({ intercept: liar.intercept });
    world.jobEnv['http_proxy'] = p.url; // echo "http_proxy=..." >> "$GITHUB_ENV"
    const post = await world.post(main);
    expect(liar.faked).toContain('PutRolePolicy');
    expect(post.summary).not.toMatch(/revoked and verified/);
    expect(post.summary).toMatch(/1 grant: 1 revoked, not verified/);
    const closed = closedEvent(world, main.outputs['grant-id']!);
    expect(closed).toMatchObject({ method: 'revoked', verified: false });
    expect(closed['note']).toContain(
      'revoked, not verified: the proxy/CA settings changed since issue',
    );
    expect(closed['answeredBy']).toContain(`through the proxy ${p.url} (http_proxy)`);
    expect(post.log.text()).toContain('the proxy/CA settings changed since issue');
  }, 30_000);

  it('a proxy the job had from the start: "revoked and verified", said to be through a proxy', async () => {
    const world = (job = await startJobWorld());
    const p = await proxy();
    world.jobEnv['http_proxy'] = p.url;
    const main = await world.main({ export: 'env', 'revoke-role': REVOKER });
    expect(main.failures).toEqual([]);
    expect(JSON.parse(main.state['grant']!).handle.revoke).toMatchObject({
      stsProxy: p.url,
      iamProxy: p.url,
    });
    const post = await world.post(main);
    expect(post.summary).toMatch(
      /1 grant: 1 revoked and verified \(through a proxy or an endpoint override/,
    );
    expect(post.summary).toMatch(
      new RegExp(
        `the cloud refuses it \\(verified through the proxy <code>http\\\\?://127\\.0\\.0\\.1:${p.port}</code>\\)`,
      ),
    );
    expect(closedEvent(world, main.outputs['grant-id']!)['answeredBy']).toBe(
      `IAM and STS at ${world.env.aws.url} through the proxy ${p.url} (http_proxy)`,
    );
  }, 30_000);
});
