/** The exact decimals of swept values against plain bigint references (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEC_ONE, formatDecimal, formatFixed, mulDecimal, parseDecimal, roundDecimal } from '../../src/engine/decimal.ts';
import { divRoundHalfUp } from '../../src/engine/money.ts';

// Up to 12 digits before the point, so that rounding stays within the 13 a value may have.
const scaled = fc.bigInt({ min: -(10n ** 24n - 1n), max: 10n ** 24n - 1n });

describe('exact decimals', () => {
  it('print the shortest form and read it back', () => {
    fc.assert(fc.property(scaled, (x) => {
      const s = formatDecimal(x);
      expect(s).not.toMatch(/\.\d*0$/);
      expect(parseDecimal(s)).toBe(x);
    }));
    expect(formatDecimal(parseDecimal('0.30')!)).toBe('0.3');
    expect(parseDecimal(0.1)).toBe(DEC_ONE / 10n);
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('0.0000000000001')).toBeNull(); // 13 decimals
  });

  it('round half away from zero, as the engine does', () => {
    fc.assert(fc.property(scaled, fc.integer({ min: 0, max: 12 }), (x, dp) => {
      const unit = 10n ** BigInt(12 - dp);
      expect(roundDecimal(x, dp)).toBe(divRoundHalfUp(x, unit) * unit);
      expect(parseDecimal(formatFixed(x, dp))).toBe(roundDecimal(x, dp));
    }));
    expect(formatFixed(parseDecimal('-0.005')!, 2)).toBe('-0.01');
    expect(formatFixed(parseDecimal('-0.004')!, 2)).toBe('0.00');
  });

  it('multiply with one rounding to the precision asked', () => {
    fc.assert(fc.property(scaled, fc.bigInt({ min: 0n, max: 2n * DEC_ONE }), fc.integer({ min: 0, max: 12 }), (a, b, dp) => {
      const unit = 10n ** BigInt(12 - dp);
      expect(mulDecimal(a, b, dp)).toBe(divRoundHalfUp(a * b, DEC_ONE * unit) * unit);
    }));
  });
});
