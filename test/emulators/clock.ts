/**
 * A clock that tests move by hand, shared by every emulator.
 *
 * Tokens, sessions and expiry in the emulators are all measured against one `Clock`, so a test
 * that needs "five minutes later" calls `clock.advance(300)` instead of sleeping. It starts at the
 * real time of construction (so that clients which compare against their own wall clock, such as
 * SDKs refreshing tokens early, see plausible times) unless a start is given.
 *
 *   const clock = new Clock();                 // now
 *   const fixed = new Clock('2026-11-23T18:00:00Z');
 *   clock.advance(301);                        // seconds, may be fractional; never backwards
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

  set(d: Date | string | number): void {
    this.#ms = Clock.#toMs(d);
  }

  static #toMs(d: Date | string | number): number {
    const ms = d instanceof Date ? d.getTime() : typeof d === 'number' ? d : Date.parse(d);
    if (!Number.isFinite(ms)) throw new RangeError(`Clock: '${String(d)}' is not a valid time.`);
    return ms;
  }
}
