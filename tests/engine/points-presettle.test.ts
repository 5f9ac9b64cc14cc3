/** preSettlement's double fast path gives exactly the bigint half-up result, halves and large values included. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preSettlement } from '../../src/engine/points.ts';
import type { Fen } from '../../src/engine/money.ts';

const exact = (p: bigint, amount: bigint, d: bigint): number => {
  const n = p * amount;
  const q = n / d;
  return Number(2n * (n - q * d) >= d ? q + 1n : q);
};

describe('preSettlement', () => {
  it('matches round-half-up in bigint for any points, amount and projected points', () => {
    fc.assert(fc.property(
      fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.bigInt({ min: 1n, max: 10n ** 17n }),
      (p, amount, d) => { expect(preSettlement(p, amount as Fen, d)).toBe(exact(p, BigInt(amount), d)); },
    ), { numRuns: 3000 });
  });

  it('exact halves round up, and values next to a half are not pulled over it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.constantFrom(-1n, 0n, 1n), (q, half, e) => {
      // p × amount / d = q + 1/2 (+ a hair): d = 2·half, amount = 1, p = (2q + 1)·half + e.
      const d = BigInt(2 * half);
      const p = BigInt(2 * q + 1) * BigInt(half) + e;
      if (p < 0n) return;
      expect(preSettlement(p, 1 as Fen, d)).toBe(exact(p, 1n, d));
    }), { numRuns: 2000 });
    expect(preSettlement(5n, 1 as Fen, 10n)).toBe(1);
    expect(preSettlement(4n, 1 as Fen, 10n)).toBe(0);
    expect(preSettlement(12345n, 0 as Fen, 7n)).toBe(0);
    expect(preSettlement(1n, 1 as Fen, 0n)).toBe(0);
  });
});
