import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { prepareRisk } from '../../src/engine/risk/prepare.ts';
import { runDraws, type DrawBlock } from '../../src/engine/risk/kernel.ts';
import { chunkProgress, chunkSize, mergeBlocks, MIN_CHUNK, runChunked } from '../../src/engine/risk/blocks.ts';
import { binCount, percentile, summarize } from '../../src/engine/risk/summary.ts';
import { riskParams } from '../../src/engine/risk/params.ts';
import type { Scenario } from '../../src/format/types.ts';

const city = (): Scenario => {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city.json');
  return r.scenario;
};

describe('percentiles and histograms', () => {
  it('nearest rank: P_p is the value of rank ⌈p·N/100⌉', () => {
    const xs = Float64Array.from({ length: 20 }, (_, i) => (i + 1) * 10); // 10, 20, …, 200
    expect(percentile(xs, 5)).toBe(10); // rank ⌈1⌉ = 1
    expect(percentile(xs, 50)).toBe(100); // rank 10
    expect(percentile(xs, 95)).toBe(190); // rank 19
    const ys = Float64Array.of(1, 2, 3);
    expect(percentile(ys, 50)).toBe(2); // rank ⌈1.5⌉ = 2
    expect(percentile(ys, 5)).toBe(1); // rank ⌈0.15⌉ = 1
    expect(percentile(ys, 95)).toBe(3); // rank ⌈2.85⌉ = 3
  });

  it('Rice\'s rule with an exact cube root', () => {
    expect(binCount(1)).toBe(2); // 2³ = 8 ≥ 8
    expect(binCount(1000)).toBe(20); // 20³ = 8000
    expect(binCount(10_000)).toBe(44); // 43³ = 79,507 < 80,000 ≤ 44³
    expect(binCount(10 ** 7)).toBe(50); // capped
  });

  it('every draw is in exactly one bin, and bins cover [min, max]', () => {
    const { input } = prepareRisk(city(), riskParams({ draws: 997, seed: 3 }));
    const s = summarize(mergeBlocks([runDraws(input, 0, 997)], 997, input.n));
    for (const dist of [s.closingBalance, s.monthsOfCoverage, s.adjustmentFundUsed]) {
      const h = dist.histogram;
      expect(h.counts.reduce((a, b) => a + b, 0)).toBe(997);
      expect(h.edges).toHaveLength(h.counts.length + 1);
      expect(h.edges[0]).toBe(dist.min);
      expect(h.edges.at(-1)!).toBeGreaterThanOrEqual(dist.max);
      expect(dist.p5).toBeLessThanOrEqual(dist.p50);
      expect(dist.p50).toBeLessThanOrEqual(dist.p95);
    }
  });
});

describe('merging blocks from workers', () => {
  it('gives the same summary, bit for bit, however the draws are split', () => {
    const { input } = prepareRisk(city(), riskParams({ seed: 77 }));
    const draws = 240;
    const whole = summarize(mergeBlocks([runDraws(input, 0, draws)], draws, input.n));
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: draws - 1 }), { maxLength: 6 }), fc.boolean(), (cuts, reverse) => {
      const edges = [0, ...[...cuts].sort((a, b) => a - b), draws];
      let blocks: DrawBlock[] = edges.slice(1).map((to, i) => runDraws(input, edges[i]!, to));
      if (reverse) blocks = blocks.reverse(); // blocks arrive in any order
      expect(summarize(mergeBlocks(blocks, draws, input.n))).toEqual(whole);
    }), { numRuns: 15 });
  });

  it('runChunked hands out every draw once, chunks shrinking to the end, to whichever worker is free', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(3), { minLength: 1 }), async (draws, workers, delays) => {
      const given: [number, number, number][] = [];
      let i = 0;
      const blocks = await runChunked(draws, workers, async (w, from, to) => {
        given.push([w, from, to]);
        for (let k = delays[i++ % delays.length]!; k > 0; k--) await Promise.resolve(); // workers finish out of turn
        return { from, to } as DrawBlock;
      });
      const ranges = blocks.map((b) => [b.from, b.to] as const).sort((a, b) => a[0] - b[0]);
      let at = 0;
      for (const [a, b] of ranges) {
        expect(a).toBe(at);
        expect(b).toBeGreaterThan(a);
        at = b;
      }
      expect(at).toBe(draws);
      expect(new Set(given.map(([w]) => w)).size).toBe(Math.min(Math.max(1, Math.min(workers, draws)), given.length));
      // In hand-out order, no chunk is larger than the one before (guided self-scheduling), all but the last ≥ MIN_CHUNK.
      given.forEach(([, a, b], j) => {
        if (j > 0) expect(b - a).toBeLessThanOrEqual(given[j - 1]![2] - given[j - 1]![1]);
        if (b < draws) expect(b - a).toBeGreaterThanOrEqual(Math.min(MIN_CHUNK, draws - a));
      });
    }), { numRuns: 200 });
    expect(chunkSize(10_000, 2)).toBe(2500);
    expect(chunkSize(40, 2)).toBe(MIN_CHUNK);
  });

  it('runChunked stops handing out chunks after one fails', async () => {
    const given: number[] = [];
    await expect(runChunked(10_000, 2, async (_w, from, to) => {
      given.push(from);
      if (given.length === 3) throw new Error('worker stopped');
      return { from, to } as DrawBlock;
    })).rejects.toThrow('worker stopped');
    expect(given.length).toBeLessThanOrEqual(4);
  });

  it('chunkProgress sums chunks and never goes back (late or repeated reports are dropped)', () => {
    const seen: number[] = [];
    const p = chunkProgress(300, (done, total) => { expect(total).toBe(300); seen.push(done); });
    p(0, 100); p(100, 50); p(0, 60); p(100, 100); p(0, 100); p(200, 100);
    expect(seen).toEqual([100, 150, 200, 300]);
  });

  it('refuses blocks that overlap or leave a gap', () => {
    const { input } = prepareRisk(city(), riskParams());
    const a = runDraws(input, 0, 5), b = runDraws(input, 4, 10), c = runDraws(input, 6, 10);
    expect(() => mergeBlocks([a, b], 10, input.n)).toThrow(/draw 4 is in two blocks/);
    expect(() => mergeBlocks([a, c], 10, input.n)).toThrow(/draw 5 is in no block/);
  });
});

/**
 * A closed form: no surplus rule (owed = actual), every overspend borne in full by the fund
 * (one open tier at share 1, reasonable share 1) with a top-up large enough never to cut, no
 * quality table (the whole deposit comes back) and no deductions. Then each institution is
 * owed exactly its drawn claims, closing = opening + revenue − carve-outs − Σ claims, and with
 * claims_h ≈ last_h·(1 + μ + z + ε_h) (rounding to the fen adds a mean-zero error):
 *   E[closing] = opening + revenue − carve-outs − Σ last_h·(1 + μ)
 *   Var[closing] = σ_c²·(Σ last_h)² + σ_h²·Σ last_h²
 */
describe('statistics against a closed form', () => {
  it('the mean closing balance is within three standard errors of its expected value, and the spread matches', () => {
    const s = city();
    delete s.policy.surplus;
    delete s.policy.quality;
    s.policy.overspend = { mode: 'marginal', tiers: [{ upTo: null, share: '1' }], reasonableShare: '1' };
    s.policy.growth = { region: '0.04' };
    s.fund.adjustmentTopUpCap = '9000000000.00';
    for (const h of s.hospitals) {
      delete h.deductions;
      delete h.score;
      delete h.indicators;
      delete h.growth;
    }
    const zs: number[] = [];
    // Five seeds: each mean within 3 standard errors, and together their z-scores as N(0, 1)
    // would give (Σz² below the 99.9% point of χ² with 5 degrees of freedom, 20.52).
    for (const seed of [2718, 1, 2, 3, 4]) {
      const params = riskParams({ draws: 10_000, seed, sigmaCommon: 0.03, sigma: 0.05 });
      const { input } = prepareRisk(s, params);
      const sm = summarize(mergeBlocks([runDraws(input, 0, params.draws)], params.draws, input.n));
      expect(sm.exhausted.draws).toBe(0);
      const last = Array.from(input.last);
      const sumLast = last.reduce((a, b) => a + b, 0);
      const sumSq = last.reduce((a, b) => a + b * b, 0);
      const expected = input.opening + input.revenue - input.carveOuts - sumLast * 1.04;
      const sd = Math.sqrt((0.03 * sumLast) ** 2 + 0.05 ** 2 * sumSq);
      const se = sd / Math.sqrt(params.draws);
      const z = (sm.closingBalance.mean - expected) / se;
      expect(Math.abs(z)).toBeLessThan(3);
      zs.push(z);
      // The sample SD of N normal draws has a relative standard error of 1/√(2N) = 0.7%.
      expect(Math.abs(sm.closingBalance.sd / sd - 1)).toBeLessThan(4 / Math.sqrt(2 * params.draws));
    }
    expect(zs.reduce((a, z) => a + z * z, 0)).toBeLessThan(20.52);
  });
});
