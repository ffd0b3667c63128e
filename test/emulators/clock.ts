/**
 * A clock that tests move by hand, shared by every emulator.
 *
 * Tokens, sessions and expiry in the emulators are all measured against one `Clock`, so a test
 * that needs "five minutes later" calls `clock.advance(300)` instead of sleeping. It starts at the
 * real time of construction (so that clients which compare against their own wall clock, such as
 * SDKs refreshing tokens early, see plausible times) unless a start is given. It does not tick.
 *
 * An action under test computes some times from the runner's real clock (an AWS session window is
 * "now + 5 minutes" by the action's clock, not the emulator's). To get past such a time, move to
 * the instant the action recorded (`advanceTo(expiresAt, 1)`), never by a fixed amount from the
 * emulator's own start: the gap between the two clocks is however long the machine took.
 *
 *   const clock = new Clock();                 // now
 *   const fixed = new Clock('2026-11-23T18:00:00Z');
 *   clock.advance(301);                        // seconds, may be fractional; never backwards
 *   clock.advanceTo(step.outputs['expires-at'], 1);  // 1 s past a time the action recorded
 *   clock.set(new Date('2026-12-01T00:00:00Z'));
 *   clock.nowSeconds();                        // whole seconds since the epoch, as JWTs count
 */
export class Clock {
  #ms: number;

  constructor(start?: Date | string | number) {
    this.#ms = start === undefined ? Date.now() : Clock.#toMs(start);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Milliseconds since the epoch, for arithmetic without allocating a Date. */
  nowMs(): number {
    return this.#ms;
  }

  /** Whole seconds since the epoch (floored), the unit of `iat`, `exp` and `nbf`. */
  nowSeconds(): number {
    return Math.floor(this.#ms / 1000);
  }

  /** Moves forward by `seconds`. Going backwards is almost always a test bug, so it is refused. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(
        `Clock.advance(${seconds}): give a finite number of seconds >= 0; use set() to jump.`,
      );
    }
    this.#ms += Math.round(seconds * 1000);
  }

  /**
   * Moves forward to `instant` plus `plusSeconds` (e.g. one second past a grant's recorded
   * expiry). Refuses to go backwards: a target already behind the clock means the test's idea of
   * "later" is wrong, and silently staying put would make an expiry test pass for no reason.
   */
  advanceTo(instant: Date | string | number, plusSeconds = 0): void {
    const target = Clock.#toMs(instant) + Math.round(plusSeconds * 1000);
    if (target < this.#ms) {
      throw new RangeError(
        `Clock.advanceTo(${new Date(target).toISOString()}): that is before the clock (${this.now().toISOString()}); use set() to go back on purpose.`,
      );
    }
    this.#ms = target;
  }

  set(d: Date | string | number): void {
    this.#ms = Clock.#toMs(d);
  }

  static #toMs(d: Date | string | number): number {
    const ms = d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
    if (!Number.isFinite(ms)) throw new RangeError(`Clock: '${String(d)}' is not a valid time.`);
    return ms;
  }
}
