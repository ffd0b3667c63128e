import { describe, expect, it } from 'vitest';
import { Clock } from './clock.ts';

describe('Clock', () => {
  it('stands still until moved', () => {
    const clock = new Clock('2026-11-23T18:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-23T18:00:00.000Z');
    clock.advance(1.5);
    expect(clock.nowMs()).toBe(Date.parse('2026-11-23T18:00:01.500Z'));
    expect(clock.nowSeconds()).toBe(Date.parse('2026-11-23T18:00:01Z') / 1000);
  });

  it('advanceTo moves to a recorded instant, plus a margin', () => {
    const clock = new Clock('2026-11-23T18:00:00Z');
    clock.advanceTo('2026-11-23T18:05:00.250Z', 1);
    expect(clock.now().toISOString()).toBe('2026-11-23T18:05:01.250Z');
    clock.advanceTo(new Date('2026-11-23T18:05:01.250Z'));
    expect(clock.now().toISOString()).toBe('2026-11-23T18:05:01.250Z');
  });

  it('advanceTo refuses to go backwards, and bad times are refused', () => {
    const clock = new Clock('2026-11-23T18:00:00Z');
    expect(() => clock.advanceTo('2026-11-23T17:59:59Z')).toThrow(/before the clock/);
    expect(() => clock.advanceTo('not a time')).toThrow(/not a valid time/);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe('2026-11-23T18:00:00.000Z');
  });
});
