/** Failures a test can line up for the next calls, to watch the client's retries and error handling. */
export type AwsFaultKind = 'throttle' | 'status500' | 'hang' | 'reset' | 'malformed';

export type FaultTarget = 'sts' | 's3';

interface Pending {
  kind: AwsFaultKind;
  remaining: number;
  target: FaultTarget;
}

const KINDS: readonly AwsFaultKind[] = ['throttle', 'status500', 'hang', 'reset', 'malformed'];

export class AwsFaultQueue {
  #pending: Pending[] = [];

  /** The next `times` calls to `target` (STS by default) fail with `kind`, in the order queued. */
  add(kind: AwsFaultKind, times = 1, target: FaultTarget = 'sts'): this {
    if (!KINDS.includes(kind)) throw new Error(`Unknown AWS emulator fault '${kind}'; use one of ${KINDS.join(', ')}.`);
    if (!Number.isInteger(times) || times < 1) throw new Error(`Fault count must be a positive integer, got ${times}.`);
    this.#pending.push({ kind, remaining: times, target });
    return this;
  }

  clear(): void {
    this.#pending = [];
  }

  /** How many faulty answers are still queued (for a test to assert they were all consumed). */
  get pending(): number {
    return this.#pending.reduce((n, p) => n + p.remaining, 0);
  }

  /** Takes the fault for this call, if one is queued for its service. */
  take(target: FaultTarget): AwsFaultKind | undefined {
    const next = this.#pending.find((p) => p.target === target);
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining === 0) this.#pending.splice(this.#pending.indexOf(next), 1);
    return next.kind;
  }
}
