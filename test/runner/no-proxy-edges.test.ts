/**
 * NO_PROXY entries as the README's rule says: "`host:port` matches that port only; IP addresses
 * match exactly" (however the address is written), and a name's trailing dot is no difference.
 */
import { describe, expect, it } from 'vitest';
import { bypassesProxy, parseNoProxy } from '../../src/runner/proxy.ts';

describe('NO_PROXY edge entries', () => {
  it('`*:8443` matches port 8443 only, not the STS call on 443 (it went around the proxy)', () => {
    expect(bypassesProxy(new URL('https://sts.amazonaws.com'), parseNoProxy('*:8443'))).toBe(false);
    expect(bypassesProxy(new URL('https://sts.amazonaws.com:8443'), parseNoProxy('*:8443'))).toBe(
      true,
    );
  });

  it('an IPv6 address written in full or IPv4-mapped matches the same address (URL writes it short)', () => {
    expect(bypassesProxy(new URL('http://[::1]:3000'), parseNoProxy('0:0:0:0:0:0:0:1'))).toBe(true);
    expect(
      bypassesProxy(new URL('http://[::ffff:127.0.0.1]:3000'), parseNoProxy('::ffff:127.0.0.1')),
    ).toBe(true);
  });

  it('a fully qualified name with its trailing dot matches the name (curl strips it)', () => {
    expect(bypassesProxy(new URL('https://corp.example'), parseNoProxy('corp.example.'))).toBe(
      true,
    );
  });
});
