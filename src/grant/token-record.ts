import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';

/** The claims that decide access and that reviewers need to see; the rest stays out of the record. */
export const RECORDED_CLAIMS = [
  'sub',
  'aud',
  'repository',
  'ref',
  'environment',
  'event_name',
  'job_workflow_ref',
  'run_id',
  'run_attempt',
  'actor',
] as const;

export interface TokenRecord {
  tokenSha256: string;
  claims: Record<string, unknown>;
}

/** A digest and the deciding claims of a GitHub OIDC token: enough to audit, useless to replay. */
export function recordToken(token: string): TokenRecord {
  const tokenSha256 = createHash('sha256').update(token).digest('hex');
  let all: Record<string, unknown> = {};
  try {
    all = decodeJwt(token);
  } catch {
    // Not a JWT we can read: the digest still identifies it.
  }
  const claims: Record<string, unknown> = {};
  for (const name of RECORDED_CLAIMS) {
    if (all[name] !== undefined) claims[name] = all[name];
  }
  return { tokenSha256, claims };
}
