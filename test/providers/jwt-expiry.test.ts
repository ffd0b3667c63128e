import { describe, expect, it } from 'vitest';
import { tokenExp } from '../../src/providers/azure/index.ts';
import { jwtExpiry } from '../../src/providers/gcp/jwt-expiry.ts';

const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

// A token's exp comes from a cloud's answer (or whatever answers in its place): an absurd one
// must read as "no expiry", never as an `Invalid Date` that no record can hold.
describe("a token's own expiry", () => {
  it.each([
    ['Google', (t: string) => jwtExpiry(t)?.getTime()],
    ['Azure', (t: string) => tokenExp(t)],
  ] as const)('%s: read when it is a time, undefined when absurd or absent', (_, read) => {
    expect(read(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(read(jwt({ exp: 1e13 }))).toBeUndefined();
    expect(read(jwt({ exp: Number.MAX_VALUE }))).toBeUndefined();
    expect(read(jwt({ exp: 'soon' }))).toBeUndefined();
    expect(read('not a jwt')).toBeUndefined();
  });
});
