import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTiers, applyTiersExact, type CompiledTierTable, type TierMode } from '../../src/engine/tiers.ts';
import { parseMoney as y, parseRate, RATE_ONE, type Fen } from '../../src/engine/money.ts';

function table(mode: TierMode, tiers: [string | null, string][]): CompiledTierTable {
  return { mode, tiers: tiers.map(([upTo, share]) => ({ upTo: upTo === null ? null : parseRate(upTo), share: parseRate(share) })) };
}
const T100k = y('100000.00');

describe('marginal tiers (each slice at its own share)', () => {
  const t = table('marginal', [['0.05', '0.5'], ['0.1', '0.3'], [null, '0']]);

  it('gives nothing for no surplus', () => {
    expect(applyTiers(t, 0 as Fen, T100k)).toBe(0);
    expect(applyTiers(t, -100 as Fen, T100k)).toBe(0);
  });

  it('charges slices below, at and above each bound (bounds at upTo × T exactly)', () => {
    expect(applyTiers(t, y('4000.00'), T100k)).toBe(y('2000.00'));
    expect(applyTiers(t, y('5000.00'), T100k)).toBe(y('2500.00')); // exactly 5% of T
    expect(applyTiers(t, y('5000.01'), T100k)).toBe(y('2500.00')); // 2,500 + 0.003 → 2,500.00
    expect(applyTiers(t, y('5000.02'), T100k)).toBe(y('2500.01')); // 2,500 + 0.006 → 2,500.01
    expect(applyTiers(t, y('10000.00'), T100k)).toBe(y('4000.00')); // 2,500 + 0.3 × 5,000
    expect(applyTiers(t, y('12000.00'), T100k)).toBe(y('4000.00')); // the open tier's share is 0
  });

  it('rounds once, at the end, half-up', () => {
    expect(applyTiers(t, 1 as Fen, T100k)).toBe(1); // 0.5 fen → 1
    expect(applyTiers(t, 3 as Fen, T100k)).toBe(2); // 1.5 fen → 2
    // T = 33,333.33: 0.5 × 1,666.6665 + 0.3 × (2,222.22 − 1,666.6665) = 999.9993 → 1,000.00
    expect(applyTiers(t, y('2222.22'), y('33333.33'))).toBe(y('1000.00'));
    // T = 10 fen, bound 0.5 fen: 0.3 × 0.5 + 0.7 × 0.5 = 0.5 fen → 1 (rounding each slice would give 0 + 0).
    const u = table('marginal', [['0.05', '0.3'], [null, '0.7']]);
    expect(applyTiers(u, 1 as Fen, 10 as Fen)).toBe(1);
  });

  it('with a zero target every amount is in the open tier', () => {
    expect(applyTiers(table('marginal', [['0.05', '0.5'], [null, '0.2']]), y('1000.00'), 0 as Fen)).toBe(y('200.00'));
  });

  it('a single open tier is a flat share', () => {
    expect(applyTiers(table('marginal', [[null, '0.6']]), y('10000.00'), T100k)).toBe(y('6000.00'));
    expect(applyTiers(table('marginal', [[null, '0.5']]), y('3333.33'), T100k)).toBe(y('1666.67')); // 1,666.665
  });
});

describe('step tiers (the whole amount at the share of its tier)', () => {
  const t = table('step', [['0.03', '0.2'], ['0.08', '0.4'], [null, '0.5']]);

  it('uses the first tier whose bound the amount does not exceed (≤ upTo × T)', () => {
    expect(applyTiers(t, y('2999.99'), T100k)).toBe(y('600.00')); // 599.998
    expect(applyTiers(t, y('3000.00'), T100k)).toBe(y('600.00')); // exactly 3%: first tier
    expect(applyTiers(t, y('3000.01'), T100k)).toBe(y('1200.00')); // 1,200.004
    expect(applyTiers(t, y('8000.00'), T100k)).toBe(y('3200.00'));
    expect(applyTiers(t, y('8000.01'), T100k)).toBe(y('4000.01')); // 4,000.005 → half-up
    expect(applyTiers(t, y('50000.00'), T100k)).toBe(y('25000.00'));
  });

  it('compares with the exact bound, not a rounded one', () => {
    // T = 33,333.33 → 3% of T = 999.9999 yuan: 999.99 is inside the first tier, 1,000.00 is not.
    expect(applyTiers(t, y('999.99'), y('33333.33'))).toBe(y('200.00')); // 199.998
    expect(applyTiers(t, y('1000.00'), y('33333.33'))).toBe(y('400.00'));
  });

  it('minimum savings rate: share 0 up to the threshold, then a share of the whole', () => {
    const m = table('step', [['0.02', '0'], [null, '0.5']]);
    expect(applyTiers(m, y('1500.00'), T100k)).toBe(0);
    expect(applyTiers(m, y('2000.00'), T100k)).toBe(0);
    expect(applyTiers(m, y('2000.01'), T100k)).toBe(y('1000.01')); // 1,000.005
  });

  it('with a zero target every amount is in the open tier', () => {
    expect(applyTiers(t, y('100.00'), 0 as Fen)).toBe(y('50.00'));
  });
});

describe('the double fast path computes exactly what the bigint path does', () => {
  // Rates a policy writes (short decimals) take the double path; long ones fall back to bigint.
  const rate = fc.oneof(
    fc.integer({ min: 0, max: 100 }).map((k) => `0.${String(k).padStart(2, '0')}`),
    fc.integer({ min: 0, max: 1000 }).map((k) => (k / 1000).toString()),
    fc.constantFrom('0.333333333333', '0.000000000001', '1', '0.7', '0.125'),
  );
  const bound = fc.integer({ min: 1, max: 400 }).map((k) => (k / 1000).toString());
  const tableArb = fc.tuple(fc.constantFrom<TierMode>('marginal', 'step'), fc.uniqueArray(bound, { maxLength: 4 }), fc.array(rate, { minLength: 5, maxLength: 5 }))
    .map(([mode, bounds, shares]) => {
      const ups = [...bounds].sort((a, b) => Number(a) - Number(b));
      return table(mode, [...ups.map((u, k) => [u, shares[k]!] as [string, string]), [null, shares[4]!]]);
    });
  const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 100_000_000_000 }));

  it('on random tables, amounts and targets (including bounds hit exactly)', () => {
    fc.assert(
      fc.property(tableArb, amount, amount, (t, x, T) => {
        expect(applyTiers(t, x as Fen, T as Fen)).toBe(applyTiersExact(t, x as Fen, T as Fen));
        for (const tier of t.tiers) {
          if (tier.upTo === null) continue;
          const b = Number((tier.upTo * BigInt(T)) / RATE_ONE);
          for (const x2 of [b - 1, b, b + 1]) if (x2 >= 0 && x2 <= Number.MAX_SAFE_INTEGER) expect(applyTiers(t, x2 as Fen, T as Fen)).toBe(applyTiersExact(t, x2 as Fen, T as Fen));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
