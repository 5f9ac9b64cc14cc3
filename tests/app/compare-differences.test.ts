import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { relativeChange } from '../../src/engine/compare.ts';
import { BETTER, forTheFund } from '../../src/app/views/compare.ts';
import { pointsChange } from '../../src/display/number.ts';

describe('the comparison leads with differences', () => {
  it('a change relative to its base, half-up to four decimals, exact', () => {
    expect(relativeChange(2560, 100000)).toBe('0.0256');
    expect(relativeChange(-2560, 100000)).toBe('-0.0256');
    expect(relativeChange(1, 20000)).toBe('0.0001'); // 0.00005 rounds up
    expect(relativeChange(-1, 20000)).toBe('-0.0001'); // and away from zero
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(Number.NaN, 10)).toBeNull();
    expect(relativeChange(10, -100)).toBe('0.1000'); // relative to the base's size: the sign is the change's
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (d, b) => {
      const r = relativeChange(d, b)!;
      // |r − d/b| ≤ 0.00005, checked in integers: |r·10⁴·b − d·10⁴| ≤ b/2 (scaled by 10⁴ once more).
      const rr = BigInt(r.replace('.', '').replace('-0', '-').replace(/^(-?)0+(?=\d)/, '$1'));
      const err = rr * BigInt(b) - BigInt(d) * 10000n;
      expect((err < 0n ? -err : err) * 2n <= BigInt(b)).toBe(true);
    }));
  });

  it('colours say good or bad for the fund, not the sign', () => {
    expect(forTheFund(-1, BETTER.hospitalsOwed)).toBe(1); // paying institutions less: good
    expect(forTheFund(1, BETTER.closingBalance)).toBe(1); // a larger balance: good
    expect(forTheFund(-1, BETTER.monthsOfCoverage)).toBe(-1);
    expect(forTheFund(1, BETTER.globalTarget)).toBe(0); // how the budget is divided: neither
  });

  it('a change of a rate reads in percentage points', () => {
    expect(pointsChange('0.0001', 'zh')).toBe('+0.01 个百分点');
    expect(pointsChange('-0.0125', 'en')).toBe('−1.25 pp');
  });
});
