/**
 * Splitting draws over workers and merging their blocks back. Each draw's figures are kept by
 * draw index and counts are integers, so the merged whole — and every summary of it — is the
 * same bit for bit however the draws were split.
 */
import type { DrawBlock } from './kernel.ts';

/** All draws' figures, by draw index, and per-institution counts over all draws. */
export interface Merged {
  draws: number;
  n: number;
  closing: Float64Array;
  months: Float64Array;
  afUsed: Float64Array;
  exhausted: Uint8Array;
  overCount: Uint32Array;
  rewardCount: Uint32Array;
}

/** `workers` contiguous ranges [from, to) of near-equal size covering 0 … draws − 1 (none empty). */
export function splitDraws(draws: number, workers: number): [number, number][] {
  const k = Math.max(1, Math.min(workers, draws));
  const out: [number, number][] = [];
  for (let w = 0; w < k; w++) out.push([Math.floor((w * draws) / k), Math.floor(((w + 1) * draws) / k)]);
  return out;
}

/** Put blocks back in draw order; they must cover 0 … draws − 1 exactly once. */
export function mergeBlocks(blocks: readonly DrawBlock[], draws: number, n: number): Merged {
  const m: Merged = {
    draws, n,
    closing: new Float64Array(draws), months: new Float64Array(draws), afUsed: new Float64Array(draws), exhausted: new Uint8Array(draws),
    overCount: new Uint32Array(n), rewardCount: new Uint32Array(n),
  };
  const seen = new Uint8Array(draws);
  for (const b of blocks) {
    if (!(b.from >= 0 && b.to <= draws && b.from <= b.to) || b.overCount.length !== n) throw new Error(`a block of draws [${b.from}, ${b.to}) does not fit ${draws} draws of ${n} institutions`);
    for (let d = b.from; d < b.to; d++) {
      if (seen[d]) throw new Error(`draw ${d} is in two blocks`);
      seen[d] = 1;
    }
    m.closing.set(b.closing, b.from);
    m.months.set(b.months, b.from);
    m.afUsed.set(b.afUsed, b.from);
    m.exhausted.set(b.exhausted, b.from);
    for (let h = 0; h < n; h++) {
      m.overCount[h]! += b.overCount[h]!;
      m.rewardCount[h]! += b.rewardCount[h]!;
    }
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new Error(`draw ${missing} is in no block`);
  return m;
}
