/**
 * Failures a test lines up for the next calls, to watch a client's retries and error handling.
 * A thin layer over the shared fault queue of test/emulators/http.ts that aims at STS by
 * default (the brief's "next N STS calls"), or at S3.
 */
import type { Faults, LoggedRequest } from '../http.ts';

export type AwsFaultKind = 'throttle' | 'status500' | 'hang' | 'reset' | 'malformed';
export type FaultTarget = 'sts' | 's3' | 'iam';

const KINDS: readonly AwsFaultKind[] = ['throttle', 'status500', 'hang', 'reset', 'malformed'];

/** STS calls are signed for service `sts`, or (unsigned) carry an Action form parameter. */
export function isStsRequest(req: LoggedRequest): boolean {
  const auth = String(req.headers.authorization ?? '');
  if (auth) return /Credential=[^/]+\/\d{8}\/[^/]+\/sts\/aws4_request/.test(auth);
  const credential = req.query.get('X-Amz-Credential');
  if (credential) return credential.split('/')[3] === 'sts';
  const type = String(req.headers['content-type'] ?? '');
  if (req.query.has('Action')) return true;
  return (
    type.startsWith('application/x-www-form-urlencoded') &&
    new URLSearchParams(req.body).has('Action')
  );
}

/** IAM's actions this emulator answers; an unsigned call naming one is still IAM's to refuse. */
export const IAM_ACTIONS = new Set([
  'GetRolePolicy',
  'PutRolePolicy',
  'ListRolePolicies',
  'DeleteRolePolicy',
]);

/** IAM calls are signed for service `iam` (or, unsigned, name an IAM action). */
export function isIamRequest(req: LoggedRequest): boolean {
  const auth = String(req.headers.authorization ?? '');
  if (auth) return /Credential=[^/]+\/\d{8}\/[^/]+\/iam\/aws4_request/.test(auth);
  const credential = req.query.get('X-Amz-Credential');
  if (credential) return credential.split('/')[3] === 'iam';
  const action =
    req.query.get('Action') ??
    (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(req.body).get('Action')
      : null);
  return action !== null && IAM_ACTIONS.has(action);
}

export function serviceOf(req: LoggedRequest): FaultTarget {
  if (isIamRequest(req)) return 'iam';
  return isStsRequest(req) ? 'sts' : 's3';
}

export class AwsFaultQueue {
  readonly #faults: Faults;

  constructor(faults: Faults) {
    this.#faults = faults;
  }

  /** The next `times` calls to `target` (STS unless told) fail with `kind`, in the order queued. */
  add(kind: AwsFaultKind, times = 1, target: FaultTarget = 'sts'): this {
    if (!KINDS.includes(kind))
      throw new Error(`Unknown AWS emulator fault '${kind}'; use one of ${KINDS.join(', ')}.`);
    this.#faults.next(kind, times, (req) => serviceOf(req) === target);
    return this;
  }

  /** Same as add(kind, times): the name the other emulators' fault queues use. */
  next(kind: AwsFaultKind, times = 1, target: FaultTarget = 'sts'): this {
    return this.add(kind, times, target);
  }

  clear(): void {
    this.#faults.clear();
  }

  /** How many faulty answers are still queued (for a test to assert they were all consumed). */
  get pending(): number {
    return this.#faults.pending().reduce((n, p) => n + p.remaining, 0);
  }
}
