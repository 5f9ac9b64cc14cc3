/** The kernel's own arithmetic: tier pieces, the rounding division and the scaled deduction, against bigint. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTiersExact, type CompiledTierTable } from '../../src/engine/tiers.ts';
import { divRoundHalfUp, parseRate, type Fen } from '../../src/engine/money.ts';
import { roundDiv, tierPieces } from '../../src/engine/risk/tier-pieces.ts';
import { scaledDeduction } from '../../src/engine/risk/kernel.ts';
import { apportionColumn, apportionWholeInto } from '../../src/engine/apportion.ts';
import { preSettlementUnits } from '../../src/engine/points.ts';

/** The kernel's evaluation of a table on piece form (what settleDraw does inline). */
function evaluate(table: CompiledTierTable, x: number, t: number): number {
  const p = tierPieces(table, Float64Array.of(t));
  if (x <= 0) return 0;
  if (!(x <= p.xMax) || p.exact[0] === 1) return applyTiersExact(table, x as Fen, t as Fen);
  const X = x * p.du;
  let j = 0;
  while (X > p.bound[j]!) j++;
  return roundDiv(p.alpha[j]! + p.beta[j]! * x, p.d, p.invD);
}

/** A random tier table: rising bounds (rates with up to 4 decimals), shares with up to 3. */
const tableArb = fc.record({
  mode: fc.constantFrom<'marginal' | 'step'>('marginal', 'step'),
  bounds: fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 0, maxLength: 4 }),
  shares: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }),
}).map(({ mode, bounds, shares }): CompiledTierTable => {
  const ups = [...bounds].sort((a, b) => a - b);
  const tiers = [...ups.map((u) => parseRate((u / 10000).toFixed(4))), null].map((upTo, k) => ({ upTo, share: parseRate((shares[k]! / 1000).toFixed(3)) }));
  return { mode, tiers };
});

describe('tier pieces', () => {
  it('give the engine\'s exact tiers for any table, amount and target', () => {
    // Amounts both inside the double path's range and beyond it.
    const amount = fc.oneof(fc.integer({ min: 0, max: 2 ** 28 }), fc.integer({ min: 0, max: 2 ** 45 }));
    fc.assert(fc.property(tableArb, amount, amount, (table, x, t) => {
      expect(evaluate(table, x, t)).toBe(applyTiersExact(table, x as Fen, t as Fen));
    }), { numRuns: 3000 });
  });

  it('at and around every bound (the boundaries of the pieces)', () => {
    fc.assert(fc.property(tableArb, fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: -2, max: 2 }), (table, t, off) => {
      for (const tier of table.tiers) {
        if (tier.upTo === null) continue;
        const edge = Number(divRoundHalfUp(tier.upTo * BigInt(t), 10n ** 12n));
        const x = Math.max(0, edge + off);
        expect(evaluate(table, x, t)).toBe(applyTiersExact(table, x as Fen, t as Fen));
      }
    }), { numRuns: 1000 });
  });

  it('take the bigint path for rates that are no small fraction', () => {
    const table: CompiledTierTable = { mode: 'marginal', tiers: [{ upTo: parseRate('0.000000000007'), share: parseRate('0.123456789011') }, { upTo: null, share: parseRate('0.5') }] };
    const p = tierPieces(table, Float64Array.of(1e12));
    expect(p.exact[0]).toBe(1);
    expect(evaluate(table, 123456789, 1e12)).toBe(applyTiersExact(table, 123456789 as Fen, 1e12 as Fen));
  });
});

describe('rounding division', () => {
  it('is round-half-up of v / d for v < 2^52', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.integer({ min: 1, max: 2 ** 30 }), (v, d) => {
      expect(roundDiv(v, d, 1 / d)).toBe(Number(divRoundHalfUp(BigInt(v), BigInt(d))));
    }), { numRuns: 5000 });
  });

  it('on exact halves', () => {
    for (const d of [2, 10, 20, 1000]) expect(roundDiv(d * 12345 + d / 2, d, 1 / d)).toBe(12346);
  });
});

describe('scaled deductions', () => {
  const exact = (ded: number, annual: number, base: number) => Number(divRoundHalfUp(BigInt(ded) * BigInt(annual), BigInt(base)));

  it('equal round(ded × annual / base) in bigint', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 46 }), fc.integer({ min: 1, max: 2 ** 46 }), (ded, annual, base) => {
      expect(scaledDeduction(ded, annual, base, ded / base)).toBe(exact(ded, annual, base));
    }), { numRuns: 5000 });
  });

  it('on exact half fen, where the double estimate cannot decide', () => {
    // ded/base = 1/2: every odd annual gives a quotient of exactly k + ½.
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 45 }), (k) => {
      const annual = 2 * k + 1;
      expect(scaledDeduction(5, annual, 10, 0.5)).toBe(k + 1);
      expect(scaledDeduction(333, annual, 666, 333 / 666)).toBe(exact(333, annual, 666));
    }), { numRuns: 500 });
  });
});

describe('points draws in doubles', () => {
  // apportionWholeInto (the kernel's split of a points pool) against the engine's apportionColumn
  // on the same weights as bigint: the same parts, fen for fen — large weights near 2^53, sums
  // below and above 2^26 (the small path), many ties (equal weights), zeros.
  const weightArb = fc.oneof(
    fc.integer({ min: 0, max: 2 ** 40 }),
    fc.constantFrom(0, 1, 3, 10_000, 2 ** 26, 2 ** 45),
    fc.integer({ min: 0, max: 1000 }),
  );
  it('apportionWholeInto gives apportionColumn\'s parts', () => {
    fc.assert(fc.property(fc.array(weightArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 45 }), fc.boolean(), (ws, total, tie) => {
      const w = tie ? ws.map(() => ws[0]!) : ws;
      const W = w.reduce((a, b) => a + b, 0);
      fc.pre(W > 0 && W <= Number.MAX_SAFE_INTEGER);
      const out = new Float64Array(w.length + 3).fill(-1);
      apportionWholeInto(total, Float64Array.from(w), w.length, W, out);
      expect(Array.from(out.subarray(0, w.length))).toEqual(Array.from(apportionColumn(total, w.map(BigInt), BigInt(W))));
      expect(Array.from(out.subarray(w.length))).toEqual([-1, -1, -1]); // nothing written past n
    }), { numRuns: 400 });
  });

  it('a pre-settlement month from the double estimate is the engine\'s round(Pts_m × P / Σ Proj), also at halves', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 50 }), (p, amount, d) => {
      expect(preSettlementUnits(p, amount as Fen, d, BigInt(d))).toBe(Number(divRoundHalfUp(BigInt(p) * BigInt(amount), BigInt(d))));
    }), { numRuns: 300 });
    // Exact halves: p × amount / d = n + ½.
    for (const [p, amount, d] of [[1, 1, 2], [3, 5, 2], [2 ** 40 + 1, 3, 2], [7, 2 ** 39 + 1, 2]] as const) {
      expect(preSettlementUnits(p, amount as Fen, d, BigInt(d))).toBe(Number(divRoundHalfUp(BigInt(p) * BigInt(amount), BigInt(d))));
    }
  });
});
