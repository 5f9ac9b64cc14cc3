/**
 * Largest-remainder apportionment: split a whole number of fen by weights so the parts add
 * up to the whole exactly. Each part gets the floor of its exact quota; the fen left over go
 * one each to the largest remainders, ties to the earlier position (file order).
 */
import { gcd, type Fen } from './money.ts';

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
  return apportionLarge(total, weights, W);
}

/**
 * Large weights (the pools' exact weights run to 10^45): each quota total·w/W is estimated in
 * doubles with a proven error bound, and bigint is used only where the estimate cannot decide —
 * a quota within the bound of a whole fen, or a remainder within it of the cut-off for the
 * leftover fen. The parts are exactly those of the all-bigint computation.
 */
function apportionLarge(total: number, weights: readonly bigint[], W: bigint): Fen[] {
  const n = weights.length;
  const Wd = Number(W);
  // total·(w/W) in doubles is two conversions, a division and a product, each correctly
  // rounded: relative error < 2^-50, so |estimate − quota| < total·2^-50 = tol / 2.
  const tol = total * 2 ** -49;
  if (tol >= 1 / 16 || !Number.isFinite(Wd)) return apportionExact(total, weights, W);
  const X = BigInt(total);
  const parts = new Array<number>(n);
  const frac = new Float64Array(n); // each quota's fractional part, within tol
  const exact = new Map<number, bigint>(); // remainders computed in bigint
  const remOf = (i: number): bigint => {
    let r = exact.get(i);
    if (r === undefined) exact.set(i, (r = quota(X, weights[i]!, W)[1]));
    return r;
  };
  let given = 0;
  for (let i = 0; i < n; i++) {
    const e = total * (Number(weights[i]!) / Wd);
    let whole = Math.floor(e);
    let f = e - whole;
    if (f <= tol || f >= 1 - tol) {
      // Too close to a whole fen to know which side the quota is on.
      const [q, r] = quota(X, weights[i]!, W);
      whole = Number(q);
      exact.set(i, r);
      f = Number(r) / Wd;
    }
    parts[i] = whole;
    frac[i] = f;
    given += whole;
  }
  const left = total - given;
  if (left <= 0) return parts as Fen[];
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => frac[b]! - frac[a]! || a - b);
  // Above the band around the left-th fraction a part is surely among the largest remainders,
  // below it surely not; inside the band the exact remainders decide (ties to file order).
  const pivot = frac[order[left - 1]!]!;
  let sure = 0;
  while (frac[order[sure]!]! > pivot + 2 * tol) sure++;
  let end = left;
  while (end < n && frac[order[end]!]! >= pivot - 2 * tol) end++;
  const band = order.slice(sure, end);
  band.sort(byRemainder(remOf));
  for (let k = 0; k < sure; k++) parts[order[k]!]! += 1;
  for (let k = 0; k < left - sure; k++) parts[band[k]!]! += 1;
  return parts as Fen[];
}

/** X·w = whole·W + remainder, exactly: a part's quota before the leftover fen. */
function quota(X: bigint, w: bigint, W: bigint): [bigint, bigint] {
  const num = X * w;
  const q = num / W;
  return [q, num - q * W];
}

/** Larger remainder first, ties to the earlier position (file order). */
const byRemainder = (rem: (i: number) => bigint) => (a: number, b: number): number => {
  const ra = rem(a), rb = rem(b);
  return ra > rb ? -1 : ra < rb ? 1 : a - b;
};

/** All in bigint: for totals too large for the double estimate to be of use. */
function apportionExact(total: number, weights: readonly bigint[], W: bigint): Fen[] {
  const n = weights.length;
  const X = BigInt(total);
  const parts = new Array<number>(n);
  const rem = new Array<bigint>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const [q, r] = quota(X, weights[i]!, W);
    parts[i] = Number(q);
    rem[i] = r;
    given += parts[i]!;
  }
  let left = total - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort(byRemainder((i) => rem[i]!));
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
    g = gcd(g, w < 0n ? -w : w);
    if (g === 1n) return [...ws];
  }
  return g === 0n ? [...ws] : ws.map((w) => w / g);
}

/** Split into n equal parts (the even monthly profile). */
export function apportionEven(total: Fen | number, n: number): Fen[] {
  return apportion(total, new Array<bigint>(n).fill(1n));
}
