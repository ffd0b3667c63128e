import { decodeJwt } from 'jose';

/** A JWT's own expiry (`exp`): when every audience stops accepting it. Undefined when unreadable. */
export function jwtExpiry(jwt: string): Date | undefined {
  try {
    const exp = decodeJwt(jwt).exp;
    if (typeof exp !== 'number') return undefined;
    // An absurd exp would be `Invalid Date`, which no record can hold.
    const at = new Date(exp * 1000);
    return Number.isNaN(at.getTime()) ? undefined : at;
  } catch {
    return undefined;
  }
}
