import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecrets, redact, redactDeep, rememberSecret } from '../../src/runner/redact.ts';
import { Recorder } from '../../src/grant/recorder.ts';
import { FakeRunner } from '../fakes/runner.ts';
import type { GrantEvent, Ledger } from '../../src/grant/ledger.ts';

const jwtLike = () =>
  ['eyJhbGciOiJSUzI1NiJ9', randomBytes(180), randomBytes(256)]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');

afterEach(forgetSecrets);

describe('redact', () => {
  it('leaves text alone while nothing is registered', () => {
    const token = jwtLike();
    expect(redact(`quoted ${token}`)).toBe(`quoted ${token}`);
  });

  it('takes out a registered secret and its encoded forms', () => {
    const secret = randomBytes(30).toString('base64');
    rememberSecret(secret);
    for (const form of [
      secret,
      Buffer.from(secret).toString('base64'),
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ]) {
      // A base64 form's last characters depend on the bytes after it: they may stay.
      const out = redact(`before ${form} after`);
      expect(out, form).toMatch(/^before \*\*\*[A-Za-z0-9+/=]{0,3} after$/);
    }
  });

  it('takes out a secret quoted as JSON with `/` escaped, though no 16 characters of it stay in a row', () => {
    const secret = 'AbCdEfGhIj/KlMnOpQrSt/UvWxYz0123/456789abcd';
    rememberSecret(secret);
    const escaped = secret.replaceAll('/', '\\/');
    expect(redact(`{"SecretAccessKey":"${escaped}"}`)).toBe('{"SecretAccessKey":"***"}');
  });

  it('takes out a secret split over two lines, both halves, as the line-by-line masker cannot', () => {
    const token = jwtLike();
    rememberSecret(token);
    const half = Math.floor(token.length / 2);
    const text = `AccessDenied for ${token.slice(0, half)}\n${token.slice(half)} (request x)`;
    const out = redact(text);
    expect(out).toBe('AccessDenied for ***\n*** (request x)');
  });

  it('takes out a quoted piece of 16 characters or more of a long secret, not shorter ones', () => {
    const token = jwtLike();
    rememberSecret(token);
    const piece = token.slice(100, 130);
    expect(redact(`…${piece}…`)).toBe('…***…');
    const short = token.slice(200, 212);
    expect(redact(`…${short}…`)).toBe(`…${short}…`);
  });

  it('matches a short secret whole only', () => {
    const key = 'ASIAEXAMPLEKEY123456';
    rememberSecret(key);
    expect(redact(`id ${key}.`)).toBe('id ***.');
    expect(redact(`id ${key.slice(0, 16)}`)).toBe(`id ${key.slice(0, 16)}`);
  });

  it('redacts strings at any depth of an event and keeps everything else', () => {
    const token = jwtLike();
    rememberSecret(token);
    const event = {
      phase: 'denied',
      error: `STS said ${token}`,
      facts: { nested: [`x ${token}`, 3, true] },
      count: 2,
    };
    expect(redactDeep(event)).toEqual({
      phase: 'denied',
      error: 'STS said ***',
      facts: { nested: ['x ***', 3, true] },
      count: 2,
    });
  });
});

describe('redactDeep, keys', () => {
  it('takes a secret out of an object key as well as its values', () => {
    const token = jwtLike();
    rememberSecret(token);
    expect(redactDeep({ facts: { [token]: 'x', kept: token.slice(0, 40) } })).toEqual({
      facts: { '***': 'x', kept: '***' },
    });
  });
});

describe('Recorder', () => {
  it('writes no registered secret to the ledger, nor keeps one in its own events', () => {
    const token = jwtLike();
    rememberSecret(token);
    const written: GrantEvent[] = [];
    const ledger = { append: (e: GrantEvent) => written.push(e) } as unknown as Ledger;
    const recorder = new Recorder(ledger, () => new Date(0));
    recorder.record({ id: 'aws-0123456789', provider: 'aws' }, 'denied', {
      by: 'cloud',
      error: `Not authorized for token ${token.slice(0, 300)}\n${token.slice(300)}`,
    });
    expect(JSON.stringify(written)).not.toContain(token.slice(0, 16));
    expect(JSON.stringify(written)).not.toContain(token.slice(300, 316));
    expect(written[0]!['error']).toBe('Not authorized for token ***\n***');
    expect(recorder.states()[0]!.error).toBe('Not authorized for token ***\n***');
  });
});

describe('redact, pieces at any offset', () => {
  it('finds every run of 16 or more characters wherever it starts, and leaves 15', () => {
    const token = jwtLike();
    rememberSecret(token);
    for (let offset = 0; offset < 24; offset++) {
      for (const length of [15, 16, 17, 40]) {
        const piece = token.slice(100 + offset, 100 + offset + length);
        const text = `${'#'.repeat(offset)}${piece}+`;
        const out = redact(text);
        expect(out, `${offset}/${length}`).toBe(length < 16 ? text : `${'#'.repeat(offset)}***+`);
      }
    }
  });

  it('two pieces side by side, and a piece right after a whole form', () => {
    const token = jwtLike();
    rememberSecret(token);
    const a = token.slice(10, 40);
    const b = token.slice(300, 330);
    expect(redact(`${a}${b}`)).toMatch(/^(\*\*\*)+$/);
    expect(redact(`${token} ${a}`)).toBe('*** ***');
  });
});

describe('redact, hostile text', () => {
  it('near-copies of a secret, many of them: each copy is taken out around the changed character', () => {
    const token = jwtLike();
    rememberSecret(token);
    const mid = Math.floor(token.length / 2);
    const near = `${token.slice(0, mid)}#${token.slice(mid + 1)}`;
    const copies = 200;
    const out = redact(`${near}\n`.repeat(copies));
    expect(out).toBe('***#***\n'.repeat(copies));
  });

  it('text over 1 MiB is cut before it is looked at, and says so', () => {
    const token = jwtLike();
    rememberSecret(token);
    const out = redact(`${token} ${'x'.repeat(1 << 20)}`);
    expect(out.startsWith('*** x')).toBe(true);
    expect(out).toMatch(/… \(\d+ more characters not shown\)$/);
    expect(out.length).toBeLessThan((1 << 20) + 100);
  });
});

describe('one step, one process', () => {
  it("a value one step masked (an account id) is not redacted from the next step's text", () => {
    // The suite runs many files in one worker: a fake runner is a new step, as a new process is.
    new FakeRunner().mask('123456789012');
    expect(redact('arn:aws:iam::123456789012:role/x')).toBe('arn:aws:iam::***:role/x');
    new FakeRunner();
    expect(redact('arn:aws:iam::123456789012:role/x')).toBe('arn:aws:iam::123456789012:role/x');
  });
});
