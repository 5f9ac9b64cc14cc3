/**
 * Largest-remainder apportionment: split a whole number of fen by weights so the parts add
 * up to the whole exactly. Each part gets the floor of its exact quota; the fen left over go
 * one each to the largest remainders, ties to the earlier position (file order).
 */
import type { Fen } from './money.ts';

export class ApportionError extends Error {}

export function apportion(total: Fen | number, weights: readonly bigint[]): Fen[] {
  const n = weights.length;
  if (!Number.isSafeInteger(total) || total < 0) throw new ApportionError(`cannot apportion ${total} fen`);
  if (total === 0) return new Array<number>(n).fill(0) as Fen[];
  let W = 0n;
  for (const w of weights) {
    if (w < 0n) throw new ApportionError('negative weight');
    W += w;
  }
  if (W === 0n) throw new ApportionError('nothing to apportion over: every weight is zero');
  if (W < SMALL_W) return apportionSmall(total, weights.map(Number), Number(W));
  const X = BigInt(total);
  const parts = new Array<number>(n);
  const rem = new Array<bigint>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const num = X * weights[i]!;
    const q = num / W;
    parts[i] = Number(q);
    rem[i] = num - q * W;
    given += parts[i]!;
  }
  let left = total - given;
  if (left > 0) {
    // Sort by the remainders' fractions as doubles (error < 1e-15), settling any pair closer
    // than 1e-9 exactly in bigint: the order is the exact one, at the speed of numbers.
    const Wd = Number(W);
    const key = rem.map((r) => Number(r) / Wd);
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const d = key[b]! - key[a]!;
      if (d > 1e-9 || d < -1e-9) return d;
      return rem[a]! > rem[b]! ? -1 : rem[a]! < rem[b]! ? 1 : a - b;
    });
    for (let k = 0; left > 0; k++, left--) parts[order[k]!]! += 1;
  }
  return parts as Fen[];
}

/** Weights whose sum is below 2^26 take the exact double path (b × w < 2^52). */
const SMALL_W = 1n << 26n;

/**
 * total × w / W with total = a·W + b: the quota is a·w + b·w/W, and b·w < W² stays exact in
 * doubles, so floors and remainders are exact without bigint.
 */
export function apportionSmall(total: number, w: readonly number[], W: number): Fen[] {
  const parts = new Array<number>(w.length).fill(0);
  apportionSmallInto(total, w, W, parts, 0);
  return parts as Fen[];
}

/** Remainders' scratch space, reused: the monthly split runs once per institution per recompute. */
let scratch = new Float64Array(64);

/** apportionSmall writing the parts into out[at …]: no allocation on the hot path. */
export function apportionSmallInto(total: number, w: readonly number[], W: number, out: { [k: number]: number }, at: number): void {
  const n = w.length;
  if (scratch.length < n) scratch = new Float64Array(n);
  const rem = scratch;
  // Floor division with a correction step, not `%`: on doubles past int32 `%` is a slow call.
  let a = Math.floor(total / W);
  let b = total - a * W;
  if (b < 0) { a -= 1; b += W; } else if (b >= W) { a += 1; b -= W; }
  let given = 0;
  for (let i = 0; i < n; i++) {
    const bw = b * w[i]!;
    let q = Math.floor(bw / W);
    let r = bw - q * W;
    if (r < 0) { q -= 1; r += W; } else if (r >= W) { q += 1; r -= W; }
    const part = a * w[i]! + q;
    out[at + i] = part;
    rem[i] = r;
    given += part;
  }
  giveLeftovers(out, at, rem, n, total - given);
}

/** Positions' scratch space for the small split's ranking. */
const order16 = new Int32Array(16);

/**
 * One fen each to the `left` largest remainders, ties to the earlier index. Few parts (the 12
 * months) take an insertion sort in scratch space, which allocates nothing; many parts a sort.
 */
function giveLeftovers(out: { [k: number]: number }, at: number, rem: Float64Array, n: number, left: number): void {
  if (left <= 0) return;
  if (n <= 16) {
    const order = order16;
    // Stable insertion sort by remainder, largest first: equal remainders keep index order.
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j > 0 && rem[order[j - 1]!]! < rem[i]!) { order[j] = order[j - 1]!; j--; }
      order[j] = i;
    }
    for (let k = 0; k < left; k++) out[at + order[k]!]! += 1;
    return;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => rem[y]! - rem[x]! || x - y);
  for (let k = 0; left > 0; k++, left--) out[at + order[k]!]! += 1;
}

/** Reduce weights by their greatest common divisor (keeps quotas, enables the small path). */
export function reduceWeights(ws: readonly bigint[]): bigint[] {
  let g = 0n;
  for (const w of ws) {
    let a = g, b = w < 0n ? -w : w;
    while (b) [a, b] = [b, a % b];
    g = a;
    if (g === 1n) return [...ws];
  }
  return g === 0n ? [...ws] : ws.map((w) => w / g);
}

/** Split into n equal parts (the even monthly profile). */
export function apportionEven(total: Fen | number, n: number): Fen[] {
  return apportion(total, new Array<bigint>(n).fill(1n));
}
