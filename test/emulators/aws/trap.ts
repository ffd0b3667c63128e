/**
 * A server of an attacker's own on loopback, as a step of the job could start one: it answers
 * every AWS call with the explicit deny a revocation's probe looks for, and logs what reached it.
 * Tests point endpoint variables or records at it and expect it to be asked nothing.
 */
import { startServer, type TestServer } from '../http.ts';

export const EXPLICIT_DENY_XML =
  '<ErrorResponse><Error><Code>AccessDenied</Code><Message>with an explicit deny</Message></Error></ErrorResponse>';

export function startDenyingTrap(): Promise<TestServer> {
  return startServer(() => ({
    status: 403,
    headers: { 'content-type': 'text/xml' },
    body: EXPLICIT_DENY_XML,
  }));
}
