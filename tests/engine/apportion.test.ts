import { describe, expect, it } from 'vitest';
import { apportion, apportionEven, ApportionError } from '../../src/engine/apportion.ts';

const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('apportion (largest remainder)', () => {
  it('splits exactly when the quotas are whole', () => {
    expect(apportion(1000, [1n, 1n, 2n])).toEqual([250, 250, 500]);
    expect(apportion(300, [3n, 0n, 0n])).toEqual([300, 0, 0]);
  });

  it('gives the leftover fen to the largest remainders', () => {
    // 100 × 1/6 = 16.67, × 2/6 = 33.33, × 3/6 = 50 → floors 16, 33, 50; 1 fen → the first (rem .67).
    expect(apportion(100, [1n, 2n, 3n])).toEqual([17, 33, 50]);
    // 11 × 0.35 = 3.85, × 0.65 = 7.15 → floors 3, 7; 1 fen → the first (rem .85).
    expect(apportion(11, [35n, 65n])).toEqual([4, 7]);
    // 85,500,046 × 3/8 = …17.25, × 5/8 = …28.75 → the larger remainder (second) gets the fen.
    expect(apportion(85_500_046, [3n, 5n])).toEqual([32_062_517, 53_437_529]);
  });

  it('breaks ties toward the earlier index', () => {
    expect(apportion(1, [1n, 1n, 1n])).toEqual([1, 0, 0]);
    expect(apportion(2, [1n, 1n, 1n])).toEqual([1, 1, 0]);
    expect(apportion(10, [35n, 65n])).toEqual([4, 6]); // 3.5 / 6.5: equal remainders → first
    expect(apportion(3_500_000, [1n, 1n, 1n])).toEqual([1_166_667, 1_166_667, 1_166_666]);
    expect(apportion(9_000_006, new Array(12).fill(1n))).toEqual([...new Array(6).fill(750_001), ...new Array(6).fill(750_000)]);
  });

  it('a later index with a strictly larger remainder wins over an earlier one', () => {
    // 5 × 2/7 = 1.43, 5 × 5/7 = 3.57 → floors 1, 3; 1 fen → the second (rem .57 > .43).
    expect(apportion(5, [2n, 5n])).toEqual([1, 4]);
  });

  it('always adds up exactly, with zero-weight parts getting nothing', () => {
    const w = [7n, 0n, 13n, 1n, 0n, 999_999_999_999n];
    for (const t of [0, 1, 2, 3, 17, 1_000_003, 999_999_999_999_999]) {
      const parts = apportion(t, w);
      expect(total(parts)).toBe(t);
      expect(parts[1]).toBe(0);
      expect(parts[4]).toBe(0);
      for (const p of parts) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
    }
  });

  it('stays exact with huge weights (bigint): a remainder larger by 1e-30 still wins', () => {
    // In floating point all three remainders would tie and the first would get the fen.
    expect(apportion(100, [10n ** 30n, 10n ** 30n + 1n, 10n ** 30n])).toEqual([33, 34, 33]);
  });

  it('returns zeros for a zero total without looking at the weights', () => {
    expect(apportion(0, [0n, 0n])).toEqual([0, 0]);
    expect(apportion(0, [])).toEqual([]);
  });

  it('refuses all-zero weights, negative weights and bad totals', () => {
    expect(() => apportion(100, [0n, 0n])).toThrow(ApportionError);
    expect(() => apportion(100, [0n, 0n])).toThrow(/every weight is zero/);
    expect(() => apportion(100, [])).toThrow(ApportionError);
    expect(() => apportion(100, [1n, -1n])).toThrow(/negative weight/);
    expect(() => apportion(-1, [1n])).toThrow(ApportionError);
    expect(() => apportion(1.5, [1n])).toThrow(ApportionError);
  });
});

describe('apportionEven', () => {
  it('splits into n nearly equal parts, extra fen to the first months', () => {
    expect(apportionEven(10_000_000, 12)).toEqual([...new Array(4).fill(833_334), ...new Array(8).fill(833_333)]);
    expect(apportionEven(11, 12)).toEqual([...new Array(11).fill(1), 0]);
    expect(total(apportionEven(123_456_789, 12))).toBe(123_456_789);
  });
});
