/**
 * The summary of a Monte Carlo run: percentiles, mean, standard deviation and a histogram of
 * the closing balance, the months of coverage and the adjustment fund used; the probability
 * the adjustment fund is exhausted; each institution's probability of overspending beyond the
 * threshold and of earning a reward.
 *
 * Rules, fixed so that Node and every browser give the same bits:
 * - Percentile P_p (nearest rank): the value of rank ⌈p·N/100⌉ (1-based) in ascending order —
 *   always one of the draws' own values (whole fen for amounts).
 * - Mean and standard deviation of amounts from exact integer sums (bigint), then one
 *   correctly rounded conversion and division; of months of coverage, sums in draw order.
 *   The standard deviation is the sample one (N − 1).
 * - Histogram: k = the smallest whole number with k³ ≥ 8N (Rice's rule 2·N^⅓), at most 50
 *   bins, over [min, max]: for amounts, bins of a whole number of fen ⌈(max − min + 1)/k⌉
 *   wide starting at min; for months, k equal bins (max − min)/k wide, max in the last.
 */
import type { Merged } from './blocks.ts';

export interface Histogram {
  /** k + 1 edges; bin i is [edges[i], edges[i + 1]) (the last includes max). */
  edges: number[];
  counts: number[];
}

export interface Distribution {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  histogram: Histogram;
}

export interface RiskSummary {
  draws: number;
  /** Amounts in fen. */
  closingBalance: Distribution;
  monthsOfCoverage: Distribution;
  adjustmentFundUsed: Distribution;
  /** Draws where the requested fund shares exceeded the adjustment fund plus any top-up. */
  exhausted: { draws: number; probability: number };
  /**
   * Draws in which a pool settled by points had no points at all: its point value cannot be set
   * (P_k / 0), every member's entitlement is 0 and the pool's amount stays with the fund
   * (DESIGN §7, engine model.noPoints). 0 without such pools.
   */
  noPointValue: { draws: number; probability: number };
  /** Per institution, file order: draws with an overspend rate above the threshold, with a reward > 0, and their shares of all draws. */
  institutions: { overspendDraws: number[]; rewardDraws: number[]; pOverspend: number[]; pReward: number[] };
}

export const MAX_BINS = 50;

/** Rice's rule with an exact cube root: the smallest k with k³ ≥ 8N, in [1, MAX_BINS]. */
export function binCount(n: number): number {
  let k = 1;
  while (k < MAX_BINS && k * k * k < 8 * n) k++;
  return k;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[Math.min(n, rank) - 1]!;
}

function amountDistribution(xs: Float64Array): Distribution {
  const n = xs.length;
  const sorted = Float64Array.from(xs).sort();
  let s = 0n, s2 = 0n;
  for (let i = 0; i < n; i++) {
    const v = BigInt(xs[i]!);
    s += v;
    s2 += v * v;
  }
  const N = BigInt(n);
  // Sample variance (N·Σx² − (Σx)²) / (N(N − 1)), exact until the final conversion.
  const variance = n > 1 ? Number(N * s2 - s * s) / Number(N * (N - 1n)) : 0;
  const min = sorted[0]!, max = sorted[n - 1]!;
  const k = binCount(n);
  const width = Math.ceil((max - min + 1) / k);
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) counts[Math.min(k - 1, Math.floor((xs[i]! - min) / width))]!++;
  const edges = Array.from({ length: k + 1 }, (_, i) => min + i * width);
  return {
    p5: percentile(sorted, 5), p50: percentile(sorted, 50), p95: percentile(sorted, 95),
    mean: Number(s) / n, sd: Math.sqrt(variance), min, max, histogram: { edges, counts },
  };
}

function realDistribution(xs: Float64Array): Distribution {
  const n = xs.length;
  const sorted = Float64Array.from(xs).sort();
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) * (xs[i]! - mean);
  const min = sorted[0]!, max = sorted[n - 1]!;
  const finite = Number.isFinite(min) && Number.isFinite(max);
  const k = finite && max > min ? binCount(n) : 1;
  const width = k > 1 ? (max - min) / k : 0;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const b = width > 0 ? Math.floor((xs[i]! - min) / width) : 0;
    counts[b >= k || !(b >= 0) ? k - 1 : b]!++;
  }
  const edges = k > 1 ? Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * width)) : [min, max];
  return {
    p5: percentile(sorted, 5), p50: percentile(sorted, 50), p95: percentile(sorted, 95),
    mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, max, histogram: { edges, counts },
  };
}

export function summarize(m: Merged): RiskSummary {
  if (m.draws < 1) throw new Error('a summary needs at least one draw');
  let exhausted = 0;
  for (let i = 0; i < m.draws; i++) exhausted += m.exhausted[i]!;
  const over = Array.from(m.overCount), reward = Array.from(m.rewardCount);
  return {
    draws: m.draws,
    closingBalance: amountDistribution(m.closing),
    monthsOfCoverage: realDistribution(m.months),
    adjustmentFundUsed: amountDistribution(m.afUsed),
    exhausted: { draws: exhausted, probability: exhausted / m.draws },
    noPointValue: { draws: m.noPointValue, probability: m.noPointValue / m.draws },
    institutions: {
      overspendDraws: over,
      rewardDraws: reward,
      pOverspend: over.map((c) => c / m.draws),
      pReward: reward.map((c) => c / m.draws),
    },
  };
}
