import { describe, expect, it } from 'vitest';
import { createClock, dayAfter, nextLocalTime, vietnamDate, vietnamDateTime } from './clock.js';

describe('the next 00:05 in Asia/Ho_Chi_Minh', () => {
  it('is later the same Vietnamese day when the clock reads just after midnight there', () => {
    // 00:01 on 20/02/2026 in Hà Nội is 17:01 UTC the day before.
    expect(nextLocalTime(new Date('2026-02-19T17:01:00Z')).toISOString()).toBe('2026-02-19T17:05:00.000Z');
  });

  it('is the next Vietnamese day once 00:05 has passed, even when UTC is still on the day before', () => {
    expect(nextLocalTime(new Date('2026-02-19T17:05:00Z')).toISOString()).toBe('2026-02-20T17:05:00.000Z');
    expect(nextLocalTime(new Date('2026-02-20T02:00:00Z')).toISOString()).toBe('2026-02-20T17:05:00.000Z');
  });

  it('crosses months and years, with no daylight saving to skip', () => {
    expect(nextLocalTime(new Date('2025-12-31T16:59:59Z')).toISOString()).toBe('2025-12-31T17:05:00.000Z');
    expect(nextLocalTime(new Date('2026-02-28T18:00:00Z')).toISOString()).toBe('2026-03-01T17:05:00.000Z');
    expect(nextLocalTime(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-29T17:05:00.000Z');
  });
});

describe('days in Vietnam', () => {
  it('dates an instant by the day in Hà Nội and reads it as dd/mm/yyyy HH:mm', () => {
    expect(vietnamDate(new Date('2026-02-19T17:00:00Z'))).toBe('2026-02-20');
    expect(vietnamDate(new Date('2026-02-19T16:59:59Z'))).toBe('2026-02-19');
    expect(vietnamDateTime(new Date('2026-02-20T01:30:00Z'))).toBe('20/02/2026 08:30');
    expect(dayAfter('2025-12-31')).toBe('2026-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });
});

describe('the clock', () => {
  it('follows the real time when no fixed instant is given', () => {
    let real = 1_000;
    const clock = createClock(undefined, () => real);
    real = 5_000;
    expect(clock().getTime()).toBe(5_000);
  });

  it('starts at a fixed instant and moves on from it as real time passes', () => {
    let real = 1_000_000;
    const clock = createClock('2026-02-20T01:00:00Z', () => real);
    expect(clock().toISOString()).toBe('2026-02-20T01:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-02-20T01:01:30.000Z');
  });
});
