/**
 * Claims of a GitHub Actions OIDC token that a rule may test. Time claims and `jti`
 * are left out on purpose: they change on every token and are checked by verification.
 */
export const MATCHABLE_CLAIMS: readonly string[] = [
  'sub',
  'aud',
  'iss',
  'actor',
  'actor_id',
  'base_ref',
  'head_ref',
  'ref',
  'ref_type',
  'ref_protected',
  'sha',
  'environment',
  'event_name',
  'job_workflow_ref',
  'job_workflow_sha',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'repository_visibility',
  'run_id',
  'run_number',
  'run_attempt',
  'runner_environment',
  'workflow',
  'workflow_ref',
  'workflow_sha',
  'check_run_id',
  'enterprise',
  'enterprise_id',
];

/** What the ledger keeps of a token's claims: one list for grants and policy decisions. */
export { RECORDED_CLAIMS } from '../grant/token-record.js';

/** Claims that pin the repository; a rule with none of them matches every repository. */
export const REPOSITORY_CLAIMS = [
  'repository',
  'repository_id',
  'sub',
  'job_workflow_ref',
  'workflow_ref',
];
/**
 * Claims that pin the ref (or a protected environment standing for it). Not `head_ref` nor
 * `base_ref`: whoever opens a pull request names its branch and picks its base.
 */
export const REF_CLAIMS = ['ref', 'sub', 'environment', 'job_workflow_ref', 'workflow_ref'];

/** GitHub puts strings in every claim a rule can test; numbers and booleans are compared as text. */
export function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Closest known claim name, for "did you mean" in errors. */
export function suggestClaim(name: string): string | undefined {
  return closest(name, MATCHABLE_CLAIMS);
}

/** The known name a typo most likely meant: a prefix of it (repo → repository), else within two edits. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const n = norm(name);
  if (n.length >= 3) {
    const prefixed = known.find((k) => norm(k).startsWith(n));
    if (prefixed) return prefixed;
  }
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(n, norm(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
