/**
 * The Monte Carlo generator and its streams (documented in docs/RISK.md).
 *
 * One stream per draw index d: xoshiro128** (Blackman & Vigna, 2018; 32-bit words, period
 * 2^128 − 1) started from a state derived from (seed, d) by murmur3's fmix32 finalizer. Draw d
 * takes from its stream first the region-wide shock's normal, then one normal per institution
 * in file order — always one, even where σ is 0 — each by the ziggurat (normal.ts): one output,
 * or a few more in about 1.2% of cases. So a draw's numbers depend only on (seed, d), never on
 * how draws are split over workers. Only 32-bit integer operations (Math.imul, shifts, xor),
 * exact in every JavaScript engine.
 */
import { zigguratFast, zigguratSlow } from './normal.ts';

/** murmur3's 32-bit finalizer: a bijection of uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const GOLDEN = 0x9e3779b9;

/**
 * xoshiro128** over a 4-word state; `next()` gives a uint32. The state lives in an Int32Array:
 * in object fields V8 would box every word outside the small-integer range on each store.
 */
export class Stream {
  private readonly s = new Int32Array(4);

  constructor(s0: number, s1: number, s2: number, s3: number) {
    const s = this.s;
    s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
  }

  /** One step of xoshiro128**: the output as a signed 32-bit integer. */
  private step(): number {
    const s = this.s;
    const s0 = s[0]!, s1 = s[1]!, s2 = s[2]! ^ s0, s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  }

  /** The next output, a uint32. */
  next(): number {
    return this.step() >>> 0;
  }

  /** A uniform in (0, 1): (x + ½) / 2^32 — never 0 or 1, and symmetric (u ↔ 1 − u). */
  uniform(): number {
    return ((this.step() >>> 0) + 0.5) * 2.3283064365386963e-10;
  }

  /** A standard normal by the ziggurat (normal.ts): one output, or more in about 1.2% of cases. */
  normal(): number {
    const u = this.step();
    const x = zigguratFast(u);
    return x === x ? x : zigguratSlow(u, this);
  }

  /**
   * out[0 … count − 1] = the next `count` normals, the same as `count` calls of normal(): the
   * state is held in locals (registers) while the ziggurat's fast path runs, and written back
   * only around its slow path.
   */
  normals(out: Float64Array, count: number): void {
    const s = this.s;
    let s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
    for (let i = 0; i < count; i++) {
      // One step of xoshiro128**, as in step().
      const u = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const x = zigguratFast(u);
      if (x === x) out[i] = x;
      else {
        s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
        out[i] = zigguratSlow(u, this);
        s0 = s[0]!; s1 = s[1]!; s2 = s[2]!; s3 = s[3]!;
      }
    }
    s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3;
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * The stream of draw `d` under `seed` (both integers in [0, 2^32)): key = fmix32(fmix32(seed +
 * 0x632be5ab) ^ d); word i = fmix32(key + (i + 1)·0x9e3779b9), i = 0 … 3. fmix32 is a bijection,
 * so different draws of one seed get different keys and the four words are never all zero.
 */
export function drawStream(seed: number, d: number): Stream {
  const key = fmix32(fmix32((seed + 0x632be5ab) >>> 0) ^ d);
  const w = (i: number) => fmix32((key + Math.imul(i + 1, GOLDEN)) >>> 0);
  return new Stream(w(0), w(1), w(2), w(3));
}

/** The same generator started from an explicit state (for the reference test vectors). */
export function streamFromState(s0: number, s1: number, s2: number, s3: number): Stream {
  return new Stream(s0 >>> 0, s1 >>> 0, s2 >>> 0, s3 >>> 0);
}

export { NORMAL_BOUND } from './normal.ts';
