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
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (rem[a]! > rem[b]! ? -1 : rem[a]! < rem[b]! ? 1 : a - b));
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
  const n = w.length;
  const b = total % W;
  const a = (total - b) / W;
  const parts: number[] = [];
  const rem: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const bw = b * w[i]!;
    const r = bw % W;
    const part = a * w[i]! + (bw - r) / W;
    parts.push(part);
    rem.push(r);
    given += part;
  }
  giveLeftovers(parts, rem, total - given);
  return parts as Fen[];
}

/**
 * One fen each to the `left` largest remainders, ties to the earlier index. Few parts (the 12
 * months) take repeated selection, which allocates nothing; many parts take a sort.
 */
function giveLeftovers(parts: number[], rem: number[], left: number): void {
  const n = parts.length;
  if (left <= 0) return;
  if (n <= 16) {
    for (; left > 0; left--) {
      let best = -1;
      for (let i = 0; i < n; i++) if (rem[i]! >= 0 && (best < 0 || rem[i]! > rem[best]!)) best = i;
      parts[best]! += 1;
      rem[best] = -1; // given
    }
    return;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => rem[y]! - rem[x]! || x - y);
  for (let k = 0; left > 0; k++, left--) parts[order[k]!]! += 1;
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
