/**
 * Splitting draws over workers and merging their blocks back. Each draw's figures are kept by
 * draw index and counts are integers, so the merged whole — and every summary of it — is the
 * same bit for bit however the draws were split.
 *
 * Draws are handed out in chunks as workers ask for them (`runChunked`), not as one fixed range
 * per worker: a worker whose core is shared with other work (the page, another program) takes
 * fewer chunks, and every worker finishes within about one small chunk of the others. With
 * fixed halves a run took as long as its slower half.
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
  /** Draws in which a pool settled by points had no points (no point value). */
  noPointValue: number;
}

/** The smallest chunk handed out by messages (but the last): its messages cost well under 1% of its time. */
export const MIN_CHUNK = 16;

/**
 * Guided self-scheduling: the next chunk is the draws left shared over twice the workers, so
 * chunks start large (few messages) and shrink toward the end (the workers finish together).
 * `min`: the smallest chunk but the last (1 where workers take chunks from a shared counter, which costs no message).
 */
export function chunkSize(left: number, workers: number, min = MIN_CHUNK): number {
  return Math.min(left, Math.max(min, Math.ceil(left / (2 * workers))));
}

/**
 * All `draws` draws over `workers` workers: each worker is given the next chunk as soon as it
 * returns one (`run(w, from, to)`: worker w settles draws [from, to)). The blocks come back in
 * the order they finished (mergeBlocks puts them in draw order). A rejected chunk stops the
 * hand-out and rejects the whole.
 */
export async function runChunked(draws: number, workers: number, run: (w: number, from: number, to: number) => Promise<DrawBlock>): Promise<DrawBlock[]> {
  const k = Math.max(1, Math.min(workers, draws));
  const blocks: DrawBlock[] = [];
  let next = 0;
  let failed = false;
  const loop = async (w: number): Promise<void> => {
    while (next < draws && !failed) {
      const from = next;
      const to = from + chunkSize(draws - from, k);
      next = to;
      try {
        blocks.push(await run(w, from, to));
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: k }, (_, w) => loop(w)));
  return blocks;
}

/**
 * Draws done over every chunk, reported as a running total that never goes back: a chunk's
 * reports (draws done within it, keyed by its first draw) may arrive late or after its block.
 */
export function chunkProgress(total: number, onProgress?: (done: number, total: number) => void) {
  const seen = new Map<number, number>();
  let sum = 0;
  return (from: number, done: number): void => {
    const before = seen.get(from) ?? 0;
    if (done <= before) return;
    seen.set(from, done);
    sum += done - before;
    onProgress?.(sum, total);
  };
}

/** Put blocks back in draw order; they must cover 0 … draws − 1 exactly once. */
export function mergeBlocks(blocks: readonly DrawBlock[], draws: number, n: number): Merged {
  const m: Merged = {
    draws, n,
    closing: new Float64Array(draws), months: new Float64Array(draws), afUsed: new Float64Array(draws), exhausted: new Uint8Array(draws),
    overCount: new Uint32Array(n), rewardCount: new Uint32Array(n), noPointValue: 0,
  };
  const seen = new Uint8Array(draws);
  for (const b of blocks) {
    if (!(b.from >= 0 && b.to <= draws && b.from <= b.to) || b.overCount.length !== n) {
      throw new Error(`a block of draws [${b.from}, ${b.to}) does not fit ${draws} draws of ${n} institutions`);
    }
    for (let d = b.from; d < b.to; d++) {
      if (seen[d]) throw new Error(`draw ${d} is in two blocks`);
      seen[d] = 1;
    }
    m.closing.set(b.closing, b.from);
    m.months.set(b.months, b.from);
    m.afUsed.set(b.afUsed, b.from);
    m.exhausted.set(b.exhausted, b.from);
    m.noPointValue += b.noPointValue;
    for (let h = 0; h < n; h++) {
      m.overCount[h]! += b.overCount[h]!;
      m.rewardCount[h]! += b.rewardCount[h]!;
    }
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new Error(`draw ${missing} is in no block`);
  return m;
}
