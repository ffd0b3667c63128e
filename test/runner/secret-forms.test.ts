import { describe, expect, it } from 'vitest';
import { holdsSecret, secretForms } from '../../src/runner/secret-forms.ts';

const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const hex = Buffer.from(secret).toString('hex');

describe('holdsSecret', () => {
  it('finds the raw value, its base64 at any alignment, URL- and JSON-escaped forms', () => {
    expect(holdsSecret(`x ${secret} y`, [secret])).toBe(true);
    expect(holdsSecret(Buffer.from(`ab${secret}`).toString('base64'), [secret])).toBe(true);
    expect(holdsSecret(encodeURIComponent(secret), [secret])).toBe(true);
    // `/` escaped, as PHP's json_encode writes it.
    expect(holdsSecret(`{"k":"${secret.replaceAll('/', '\\/')}"}`, [secret])).toBe(true);
    expect(holdsSecret('nothing here', [secret])).toBe(false);
  });

  it('finds hex, in lower and upper case, inside a longer blob', () => {
    expect(holdsSecret(`HEX=00${hex}ff`, [secret])).toBe(true);
    expect(holdsSecret(`HEX=${hex.toUpperCase()}`, [secret])).toBe(true);
    expect(secretForms(secret)).toContain(hex);
  });

  it('finds a value split over lines or by spaces', () => {
    expect(holdsSecret(`${secret.slice(0, 20)}\n${secret.slice(20)}\n`, [secret])).toBe(true);
    expect(
      holdsSecret(`${secret.slice(0, 7)} ${secret.slice(7, 30)}\r\n\t${secret.slice(30)}`, [
        secret,
      ]),
    ).toBe(true);
    const b64 = Buffer.from(secret).toString('base64');
    expect(holdsSecret(b64.replace(/(.{10})/g, '$1\n'), [secret])).toBe(true);
  });

  it('a secret that itself holds whitespace is still found, whole or split', () => {
    const pem = '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----';
    expect(holdsSecret(`k=${pem}`, [pem])).toBe(true);
    expect(holdsSecret(pem.replace(/\n/g, '\n\n  '), [pem])).toBe(true);
  });
});
