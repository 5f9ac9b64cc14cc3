/**
 * Largest-remainder apportionment: split a whole number of fen by weights so the parts add
 * up to the whole exactly. Each part gets the floor of its exact quota; the fen left over go
 * one each to the largest remainders, ties to the earlier position (file order).
 */
import { gcd, type Fen } from './money.ts';

export class ApportionError extends Error {}

export function apportion(total: Fen | number, weights: readonly bigint[]): Fen[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new ApportionError(`cannot apportion ${total} fen`);
  if (total === 0) return new Array<number>(weights.length).fill(0) as Fen[];
  let W = 0n;
  for (const w of weights) {
    if (w < 0n) throw new ApportionError('negative weight');
    W += w;
  }
  return apportionSummed(total, weights, W);
}

/**
 * apportion over weights already known to be non-negative with sum W (the pools' weights are
 * summed once, in allocate: summing 100,000 bigints costs more than the split itself).
 */
export function apportionSummed(total: Fen | number, weights: readonly bigint[], W: bigint): Fen[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new ApportionError(`cannot apportion ${total} fen`);
  if (total === 0) return new Array<number>(weights.length).fill(0) as Fen[];
  if (W === 0n) throw new ApportionError('nothing to apportion over: every weight is zero');
  if (W < SMALL_W) return apportionSmall(total, weights.map(Number), Number(W));
  return Array.from(apportionLarge(total, weights, W)) as Fen[];
}

/** apportionSummed as a typed column: what the pools' split writes (no 100,000-entry array built). */
export function apportionColumn(total: Fen | number, weights: readonly bigint[], W: bigint): Float64Array {
  if (!Number.isSafeInteger(total) || total < 0) throw new ApportionError(`cannot apportion ${total} fen`);
  if (total === 0) return new Float64Array(weights.length);
  if (W === 0n) throw new ApportionError('nothing to apportion over: every weight is zero');
  if (W >= SMALL_W) return apportionLarge(total, weights, W);
  const out = new Float64Array(weights.length);
  apportionSmallInto(total, weights.map(Number), Number(W), out, 0);
  return out;
}

/**
 * Large weights (the pools' exact weights run to 10^45) and totals up to 2^53 fen: each quota
 * total·w/W is estimated in double-double arithmetic (about 100 bits, error far below a fen's
 * 2^-40), and bigint is used only where the estimate cannot decide — a quota within the bound
 * of a whole fen, or a remainder within it of the cut-off for the leftover fen. The cut-off is
 * found by selection (linear), not by sorting every part. The parts are exactly those of the
 * all-bigint computation.
 */
function apportionLarge(total: number, weights: readonly bigint[], W: bigint): Float64Array {
  const n = weights.length;
  const Wd = Number(W);
  if (!(Wd < 2 ** 900)) return Float64Array.from(apportionExact(total, weights, W)); // Dekker's split needs headroom
  const WH = Wd;
  const WL = Wd < 2 ** 53 ? 0 : Number(W - BigInt(Wd));
  const X = BigInt(total);
  const parts = new Float64Array(n);
  const frac = new Float64Array(n); // each quota's fractional part, within TOL
  const exact = new Map<number, bigint>(); // remainders computed in bigint
  const remOf = (i: number): bigint => {
    let r = exact.get(i);
    if (r === undefined) exact.set(i, (r = quota(X, weights[i]!, W)[1]));
    return r;
  };
  // Dekker's split of the divisor and the total, shared by every quota.
  let t = SPLIT * WH;
  const wh1 = t - (t - WH), wh2 = WH - wh1;
  t = SPLIT * total;
  const x1 = t - (t - total), x2 = total - x1;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0n) { parts[i] = 0; frac[i] = 0; exact.set(i, 0n); continue; }
    const hi = Number(w);
    const lo = hi < 2 ** 53 ? 0 : Number(w - BigInt(hi));
    // w/W ≈ q1 + q2: q1 = hi/WH, then the residual (hi + lo) − q1·(WH + WL) over WH, where
    // q1·WH = p + e exactly (Dekker's product) and hi − p is exact (Sterbenz).
    const q1 = hi / WH;
    t = SPLIT * q1;
    const a1 = t - (t - q1), a2 = q1 - a1;
    const p = q1 * WH;
    const e = ((a1 * wh1 - p) + a1 * wh2 + a2 * wh1) + a2 * wh2;
    const q2 = (((hi - p) - e) + lo - q1 * WL) / WH;
    // total·q1 = P + E exactly, then total·q2 added to the low part.
    const P = total * q1;
    const E = ((x1 * a1 - P) + x1 * a2 + x2 * a1) + x2 * a2 + total * q2;
    let whole = Math.floor(P);
    let f = (P - whole) + E;
    if (f < 0) { whole -= 1; f += 1; } else if (f >= 1) { whole += 1; f -= 1; }
    if (f <= TOL || f >= 1 - TOL) {
      // Too close to a whole fen to know which side the quota is on.
      const [q, r] = quota(X, w, W);
      whole = Number(q);
      exact.set(i, r);
      f = Number(r) / Wd;
    }
    parts[i] = whole;
    frac[i] = f;
    given += whole;
  }
  const left = total - given;
  if (left <= 0) return parts;
  // The left-th largest fraction. Above the band around it a part is surely among the largest
  // remainders, below it surely not; inside the band the exact remainders decide (ties to file
  // order).
  const pivot = kthLargest(frac.slice(), left);
  const band: number[] = [];
  let sure = 0;
  for (let i = 0; i < n; i++) {
    const f = frac[i]!;
    if (f > pivot + 2 * TOL) { parts[i]! += 1; sure++; }
    else if (f >= pivot - 2 * TOL) band.push(i);
  }
  band.sort(byRemainder(remOf));
  for (let k = 0; k < left - sure; k++) parts[band[k]!]! += 1;
  return parts;
}

/** Scratch space of apportionWholeInto: fractions, a copy for the selection, exact remainders. */
let fracs = new Float64Array(0), picks = new Float64Array(0);
const exactRem = new Map<number, bigint>();

/**
 * apportionColumn(total, weights, W) for weights held as doubles: whole numbers, each and their
 * sum W at most 2^53 − 1, W > 0 (the Monte Carlo kernel's points, whole 10^-4 points), the first
 * `n` of `w`, written to out[0 … n). The same parts, digit for digit: for W < 2^26 the exact small
 * path, else apportionLarge's double-double quotas — with weights and W below 2^53 their low
 * parts are 0 — and bigint only where the estimate cannot decide. Allocates nothing on the way.
 */
export function apportionWholeInto(total: number, w: ArrayLike<number>, n: number, W: number, out: Float64Array): void {
  if (!Number.isSafeInteger(total) || total < 0) throw new ApportionError(`cannot apportion ${total} fen`);
  if (!(W > 0 && W <= Number.MAX_SAFE_INTEGER)) throw new ApportionError(`weights summing to ${W} are not whole doubles`);
  if (total === 0) { out.fill(0, 0, n); return; }
  if (W < SMALL_W_NUMBER) {
    apportionSmallInto(total, n === w.length ? w : Array.prototype.slice.call(w, 0, n) as number[], W, out, 0);
    return;
  }
  if (fracs.length < n) { fracs = new Float64Array(n); picks = new Float64Array(n); }
  const frac = fracs;
  exactRem.clear();
  const X = BigInt(total), WB = BigInt(W);
  let t = SPLIT * W;
  const wh1 = t - (t - W), wh2 = W - wh1;
  t = SPLIT * total;
  const x1 = t - (t - total), x2 = total - x1;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const hi = w[i]!;
    if (hi === 0) { out[i] = 0; frac[i] = 0; exactRem.set(i, 0n); continue; }
    const q1 = hi / W;
    t = SPLIT * q1;
    const a1 = t - (t - q1), a2 = q1 - a1;
    const p = q1 * W;
    const e = ((a1 * wh1 - p) + a1 * wh2 + a2 * wh1) + a2 * wh2;
    const q2 = ((hi - p) - e) / W;
    const P = total * q1;
    const E = ((x1 * a1 - P) + x1 * a2 + x2 * a1) + x2 * a2 + total * q2;
    let whole = Math.floor(P);
    let f = (P - whole) + E;
    if (f < 0) { whole -= 1; f += 1; } else if (f >= 1) { whole += 1; f -= 1; }
    if (f <= TOL || f >= 1 - TOL) {
      const [q, r] = quota(X, BigInt(hi), WB);
      whole = Number(q);
      exactRem.set(i, r);
      f = Number(r) / W;
    }
    out[i] = whole;
    frac[i] = f;
    given += whole;
  }
  const left = total - given;
  if (left <= 0) return;
  picks.set(frac.subarray(0, n));
  const pivot = kthLargest(picks.subarray(0, n), left);
  const band: number[] = [];
  let sure = 0;
  for (let i = 0; i < n; i++) {
    const f = frac[i]!;
    if (f > pivot + 2 * TOL) { out[i]! += 1; sure++; }
    else if (f >= pivot - 2 * TOL) band.push(i);
  }
  const remOf = (i: number): bigint => {
    let r = exactRem.get(i);
    if (r === undefined) exactRem.set(i, (r = quota(X, BigInt(w[i]!), WB)[1]));
    return r;
  };
  band.sort(byRemainder(remOf));
  for (let k = 0; k < left - sure; k++) out[band[k]!]! += 1;
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

/** 2^27 + 1: Dekker's splitter for doubles. */
const SPLIT = 134217729;

/**
 * Bound on a double-double quota's distance from the exact one, in fen: the estimate's relative
 * error is below 2^-100 (two 106-bit conversions, a double-double division and product), so for
 * totals below 2^53 the error is below 2^-47, and the fraction's last rounding adds 2^-53.
 */
const TOL = 2 ** -40;

/**
 * The k-th largest value of xs (1-based; xs is reordered): quickselect with a three-way
 * partition (many equal values stay linear), falling back to a sort if the pivots go badly.
 */
export function kthLargest(xs: Float64Array, k: number): number {
  let lo = 0, hi = xs.length - 1;
  const target = k - 1; // index in descending order
  for (let rounds = 0; lo < hi; rounds++) {
    if (rounds > 64) {
      const seg = xs.subarray(lo, hi + 1).sort(); // ascending
      return seg[hi - target]!;
    }
    const a = xs[lo]!, b = xs[(lo + hi) >> 1]!, c = xs[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Descending three-way partition: [lo, gt) > pivot, [gt, i) = pivot, (lt, hi] < pivot.
    let gt = lo, i = lo, lt = hi;
    while (i <= lt) {
      const v = xs[i]!;
      if (v > pivot) { xs[i] = xs[gt]!; xs[gt] = v; gt++; i++; }
      else if (v < pivot) { xs[i] = xs[lt]!; xs[lt] = v; lt--; }
      else i++;
    }
    if (target < gt) hi = gt - 1;
    else if (target > lt) lo = lt + 1;
    else return pivot;
  }
  return xs[target]!;
}

/** Weights whose sum is below 2^26 take the exact double path (b × w < 2^52). */
const SMALL_W = 1n << 26n;
const SMALL_W_NUMBER = 2 ** 26;

/**
 * total × w / W with total = a·W + b: the quota is a·w + b·w/W, and b·w < W² stays exact in
 * doubles, so floors and remainders are exact without bigint.
 */
export function apportionSmall(total: number, w: readonly number[], W: number): Fen[] {
  const parts = new Float64Array(w.length);
  apportionSmallInto(total, w, W, parts, 0);
  return Array.from(parts) as Fen[];
}

/** Remainders' scratch space, reused: the monthly split runs once per institution per recompute. */
let scratch = new Float64Array(64);

/**
 * apportionSmall writing the parts into out[at …]: no allocation on the hot path. Always a
 * Float64Array: stores into one kind of array stay monomorphic (given plain arrays as well, the
 * monthly split of every institution went through V8's generic keyed store).
 */
export function apportionSmallInto(total: number, w: ArrayLike<number>, W: number, out: Float64Array, at: number): void {
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
function giveLeftovers(out: Float64Array, at: number, rem: Float64Array, n: number, left: number): void {
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
