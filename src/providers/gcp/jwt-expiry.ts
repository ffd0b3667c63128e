import { decodeJwt } from 'jose';

/** A JWT's own expiry (`exp`): when every audience stops accepting it. Undefined when unreadable. */
export function jwtExpiry(jwt: string): Date | undefined {
  try {
    const exp = decodeJwt(jwt).exp;
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}
