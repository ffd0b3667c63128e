/**
 * Holds IAM answers so a test can line up concurrent readers and writers exactly, instead of
 * hoping the scheduler interleaves them: `hold('GetRolePolicy', 8)` lets the next eight
 * GetRolePolicy calls be answered (each as IAM saw the role when it arrived) but keeps every
 * answer back until the eighth has arrived, then sends all eight. Eight read-modify-write
 * clients then provably all read the same document before any of them writes.
 *
 * With `answer: 'on-release'` the calls are answered as the role is when the hold lets them
 * go, not on arrival: a test can change the role while a client's read waits (count
 * `Infinity` and `release()` by hand).
 *
 * A hold catches only calls of its action that arrive while it is waiting, and is spent once
 * released (later calls pass). Nothing times out here: the test's own timeout bounds a hold
 * that never fills, and `release()` (or closing the emulator) lets everything go.
 */
export type HoldAnswer = 'on-arrival' | 'on-release';

export interface IamHold {
  readonly action: string;
  readonly count: number;
  readonly answer: HoldAnswer;
  /** Calls waiting so far. */
  readonly waiting: number;
  /** Resolves when the hold has filled (or was released) and its answers were let go. */
  readonly released: Promise<void>;
  /** Lets everything waiting go now, filled or not. */
  release(): void;
}

interface Pending extends IamHold {
  queue: Array<() => void>;
}

export class IamHolds {
  readonly #pending: Pending[] = [];

  hold(action: string, count: number, answer: HoldAnswer = 'on-arrival'): IamHold {
    if (!(Number.isInteger(count) || count === Infinity) || count < 1) {
      throw new RangeError(
        `IamHolds.hold('${action}', ${count}): count must be a whole number >= 1`,
      );
    }
    let resolve!: () => void;
    const released = new Promise<void>((r) => (resolve = r));
    const pending: Pending = {
      action,
      count,
      answer,
      queue: [],
      get waiting() {
        return this.queue.length;
      },
      released,
      release: () => {
        const i = this.#pending.indexOf(pending);
        if (i >= 0) this.#pending.splice(i, 1);
        // In arrival order: the answers leave in the order the calls came.
        for (const go of pending.queue.splice(0)) go();
        resolve();
      },
    };
    this.#pending.push(pending);
    return pending;
  }

  /**
   * Called twice with every IAM call, before it is answered and after: waits while a hold on
   * its action (answering at that moment) is filling.
   */
  pass(action: string | undefined, moment: HoldAnswer): Promise<void> {
    const hold = this.#pending.find((h) => h.action === action);
    if (!hold || hold.answer !== moment) return Promise.resolve();
    const wait = new Promise<void>((go) => hold.queue.push(go));
    if (hold.queue.length >= hold.count) hold.release();
    return wait;
  }

  releaseAll(): void {
    for (const hold of [...this.#pending]) hold.release();
  }
}
