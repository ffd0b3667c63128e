import { describe, expect, it } from 'vitest';
import { isCertificateError, isNetworkError, withRetry } from '../../src/providers/retry.ts';

const retryable = (e: unknown) => (e as Error).message === 'busy';

describe('withRetry', () => {
  it('stops after the given attempts and never sleeps after the last', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('busy');
        },
        {
          attempts: 3,
          baseDelayMs: 100,
          isRetryable: retryable,
          sleep: async (ms) => void sleeps.push(ms),
          random: () => 1,
        },
      ),
    ).rejects.toThrow('busy');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });
  it('fails at once on what another attempt cannot fix', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('denied');
        },
        { attempts: 3, baseDelayMs: 100, isRetryable: retryable, sleep: async () => undefined },
      ),
    ).rejects.toThrow('denied');
    expect(calls).toBe(1);
  });
  it('returns the first success, with jittered delays', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const v = await withRetry(
      async () => {
        if (++calls < 3) throw new Error('busy');
        return 'ok';
      },
      {
        attempts: 3,
        baseDelayMs: 100,
        isRetryable: retryable,
        sleep: async (ms) => void sleeps.push(ms),
        random: () => 0.5,
      },
    );
    expect(v).toBe('ok');
    expect(sleeps).toEqual([50, 100]);
  });
});

describe('isNetworkError', () => {
  it.each([
    [{ code: 'ECONNRESET' }, true],
    [{ name: 'TimeoutError' }, true],
    [{ message: 'x', cause: { code: 'ECONNREFUSED' } }, true],
    [{ name: 'AccessDenied' }, false],
    ['ECONNRESET', false],
  ])('%j → %s', (err, expected) => {
    expect(isNetworkError(err)).toBe(expected);
  });
});

describe('isCertificateError', () => {
  const coded = (code: string) => Object.assign(new Error(code), { code });
  it("knows OpenSSL's verification codes and Node's host-name one, also as a cause", () => {
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'CERT_HAS_EXPIRED',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ])
      expect(isCertificateError(coded(code)), code).toBe(true);
    expect(isCertificateError(new Error('wrapped', { cause: coded('CERT_HAS_EXPIRED') }))).toBe(
      true,
    );
  });
  it('is not a network failure, nor an error without a code', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT'])
      expect(isCertificateError(coded(code)), code).toBe(false);
    expect(isCertificateError(new Error('certificate'))).toBe(false);
    expect(isCertificateError(undefined)).toBe(false);
  });
});
