/**
 * Properties of the case-points rule, on random scores, reference costs and costs:
 * p = s at both thresholds exactly; no jump at the high threshold (continuous from above);
 * p never decreases as the cost grows; p is the exact value rounded half-up; and the SQL that
 * DuckDB runs gives, row by row, the same points as the bigint reference.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { casePoints, groupBounds, type OutlierRule } from '../../src/cases/points.ts';
import { formatFen, formatPoints, parseRatio } from '../../src/cases/decimal.ts';
import { HEADER, importText, ok, setupOf, tempDir } from './helpers.ts';

const dir = tempDir();
const RULES: OutlierRule[] = [
  { low: parseRatio('0.5')!, high: parseRatio('2')! },
  { low: parseRatio('0.6')!, high: parseRatio('2.5')! },
  { low: parseRatio('0.4')!, high: parseRatio('3')! },
];

const score = fc.bigInt({ min: 1n, max: 600_000_000n }); // up to 60,000 points
const ref = fc.bigInt({ min: 1n, max: 2_000_000_000n }); // up to 20 million yuan
const rule = fc.constantFrom(...RULES);
const p = (s: bigint, c: bigint, x: bigint, r: OutlierRule) => casePoints(s, c, x, r).units;

describe('case points: properties', () => {
  it('p = s at ρ = low and at ρ = high exactly (when the threshold cost is a whole fen), and at the first cost that is not low', () => {
    fc.assert(fc.property(score, ref, rule, (s, c, r) => {
      const { lowBelow, highAbove } = groupBounds(c, r);
      expect(p(s, c, lowBelow, r)).toBe(s);
      expect(p(s, c, highAbove, r)).toBe(s);
      if ((r.low.num * c) % r.low.den === 0n) expect(p(s, c, (r.low.num * c) / r.low.den, r)).toBe(s);
      if ((r.high.num * c) % r.high.den === 0n) expect(p(s, c, (r.high.num * c) / r.high.den, r)).toBe(s);
    }));
  });

  it('continuous at the high threshold: the first fen above it adds at most ⌈s/c⌉ + 1 units', () => {
    fc.assert(fc.property(score, ref, rule, (s, c, r) => {
      const { highAbove } = groupBounds(c, r);
      const d = p(s, c, highAbove + 1n, r) - s;
      expect(d >= 0n).toBe(true);
      expect(d <= (s + c - 1n) / c + 1n).toBe(true);
    }));
  });

  it('below the low threshold p follows the cost (the rule steps up to s at the threshold, by design)', () => {
    fc.assert(fc.property(score, ref, rule, (s, c, r) => {
      const { lowBelow } = groupBounds(c, r);
      if (lowBelow === 0n) return;
      // just below: p ≈ s × low (within one unit of rounding), then s at the threshold.
      const below = p(s, c, lowBelow - 1n, r);
      expect(below * r.low.den <= s * r.low.num + r.low.den).toBe(true);
    }));
  });

  it('p never decreases as the cost grows', () => {
    fc.assert(fc.property(score, ref, rule, fc.bigInt({ min: 0n, max: 10n ** 11n }), (s, c, r, x) => {
      expect(p(s, c, x, r) <= p(s, c, x + 1n, r)).toBe(true);
      const { lowBelow, highAbove } = groupBounds(c, r);
      for (const y of [lowBelow - 1n, lowBelow, highAbove, highAbove + 1n]) if (y >= 0n) expect(p(s, c, y, r) <= p(s, c, y + 1n, r)).toBe(true);
    }));
  });

  it('p is the exact value s × ρ (or s × (ρ − high + 1)) rounded half-up: |p − exact| ≤ ½ unit, ties up', () => {
    fc.assert(fc.property(score, ref, rule, fc.bigInt({ min: 0n, max: 10n ** 11n }), (s, c, r, x) => {
      const got = casePoints(s, c, x, r);
      // exact = num / den in units
      const [num, den] = got.cls === 'low' ? [s * x, c]
        : got.cls === 'high' ? [s * (x * r.high.den - r.high.num * c + r.high.den * c), r.high.den * c]
        : [s, 1n];
      const twice = 2n * got.units * den - 2n * num; // 2·(p − exact)·den
      expect(twice > -den && twice <= den).toBe(true); // −½ < p − exact ≤ ½
    }));
  });
});

describe('case points: the SQL equals the bigint reference, row by row', () => {
  it('random rows (scores, costs, thresholds, special reviews) through DuckDB', async () => {
    const row = fc.record({
      s: score, c: ref, rho: fc.oneof(fc.double({ min: 0, max: 0.7, noNaN: true }), fc.double({ min: 1.8, max: 40, noNaN: true }), fc.constantFrom(0.5, 2, 2.5, 0.6)),
      wiggle: fc.integer({ min: -2, max: 2 }), special: fc.option(fc.bigInt({ min: 0n, max: 10n ** 9n }), { freq: 8 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), rule, async (rows, r) => {
      // Costs near the interesting points: ρ·c plus a few fen, never negative.
      const data = rows.map((x) => ({ ...x, x: BigInt(Math.max(0, Math.round(Number(x.c) * x.rho) + x.wiggle)) }));
      const catalogue = data.map((d, i) => ({ id: `G${i}`, score: formatPoints(d.s), refCost: formatFen(d.c) }));
      const ids = data.map((_, i) => `H${i}`);
      const lines = data.map((d, i) => `H${i},G${i},${formatFen(d.x)},1.00,${(i % 12) + 1},${d.special === null ? '' : formatPoints(d.special)}`);
      const thresholds = { low: r === RULES[0] ? '0.5' : r === RULES[1] ? '0.6' : '0.4', high: r === RULES[0] ? '2' : r === RULES[1] ? '2.5' : '3' };
      const res = ok(await importText(dir, [HEADER, ...lines].join('\n'), setupOf(catalogue, ids, 2025, thresholds)));
      data.forEach((d, i) => {
        const want = casePoints(d.s, d.c, d.x, r, d.special);
        const inst = res.aggregation.institutions.find((h) => h.id === `H${i}`)!;
        expect(inst.points).toBe(formatPoints(want.units));
        expect([inst.low, inst.high, inst.special]).toEqual([+(want.cls === 'low'), +(want.cls === 'high'), +(want.cls === 'special')]);
      });
    }), { numRuns: 12 });
  });
});
