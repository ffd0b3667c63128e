/**
 * The runner's OIDC token endpoint, asked with a deadline, a size cap and the clouds' retry
 * rules, against the OIDC emulator (and a bare server for answers no runner would give).
 * Bounds are test timeouts: a hung endpoint must fail, not hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../emulators/clock.ts';
import { startServer, type TestServer } from '../emulators/http.ts';
import { startOidcIssuer, type OidcIssuer } from '../emulators/oidc.ts';
import { ConfigurationError } from '../../src/errors.ts';
import {
  createIdTokenSource,
  MAX_ID_TOKEN_RESPONSE_BYTES,
  type IdTokenOptions,
} from '../../src/runner/oidc.ts';

let oidc: OidcIssuer;
let odd: TestServer;
let oddBody: () => { status?: number; body?: string | object } = () => ({});

beforeAll(async () => {
  oidc = await startOidcIssuer({ clock: new Clock() });
  odd = await startServer(() => oddBody());
});
afterAll(async () => {
  await oidc.close();
  await odd.close();
});

const tokenRequests = () => oidc.requests.filter((r) => r.path.endsWith('/idtoken'));

function source(over: Partial<IdTokenOptions> = {}) {
  const masked: string[] = [];
  const sleeps: number[] = [];
  const get = createIdTokenSource({
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
    },
    mask: (t) => masked.push(t),
    timeoutMs: 300,
    sleep: async (ms) => void sleeps.push(ms),
    ...over,
  });
  return { get, masked, sleeps };
}

describe('GitHub OIDC token request', () => {
  it('asks for the audience and masks the token before returning it', async () => {
    const { get, masked } = source();
    const token = await get('sts.amazonaws.com');
    expect(masked).toEqual([token]);
    expect(tokenRequests().at(-1)!.query.get('audience')).toBe('sts.amazonaws.com');
    expect(tokenRequests().at(-1)!.query.get('api-version')).toBe('2.0');
    expect(oidc.issued).toContain(token);
  });

  it('a hung endpoint fails after the deadline of each attempt, then gives up', async () => {
    oidc.faults.next('hang', 2, /\/idtoken$/);
    const before = tokenRequests().length;
    const { get, masked, sleeps } = source({ timeoutMs: 200, attempts: 2 });
    await expect(get('aud')).rejects.toThrow(
      /Could not get a GitHub OIDC token for audience 'aud': the OIDC token from .* took longer than 200 ms/,
    );
    expect(tokenRequests().length - before).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(masked).toEqual([]);
  }, 5_000);

  it('retries 503 and a reset connection, then succeeds', async () => {
    oidc.faults.next('status503', 1, /\/idtoken$/);
    oidc.faults.next('reset', 1, /\/idtoken$/);
    const before = tokenRequests().length;
    const { get, sleeps } = source();
    const token = await get('aud');
    expect(token.split('.')).toHaveLength(3);
    expect(tokenRequests().length - before).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry a refused request token', async () => {
    const before = tokenRequests().length;
    const { get, sleeps } = source({
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-token',
      },
    });
    await expect(get('aud')).rejects.toThrow(/HTTP 401 .*id-token: write/);
    expect(tokenRequests().length - before).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('refuses an answer larger than any token, without reading it all or retrying', async () => {
    oddBody = () => ({ body: { value: 'x'.repeat(4 * MAX_ID_TOKEN_RESPONSE_BYTES) } });
    const before = odd.requests.length;
    const { get, sleeps } = source({
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${odd.url}/idtoken?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      },
    });
    await expect(get('aud')).rejects.toThrow(/at most 64 KiB is accepted/);
    expect(odd.requests.length - before).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('refuses an answer without a token', async () => {
    oddBody = () => ({ body: { value: 'not a jwt' } });
    const { get } = source({
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${odd.url}/idtoken?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      },
    });
    await expect(get('aud')).rejects.toThrow(/without a token/);
  });

  it('without id-token: write, says what to add before any request', async () => {
    const before = tokenRequests().length;
    const { get } = source({ env: {} });
    const err = await get('aud').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/permissions: \{ id-token: write, contents: read \}/);
    expect(tokenRequests().length).toBe(before);
  });
});
