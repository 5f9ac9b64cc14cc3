/** Plain bigint references the engine's fast paths are held against. */

/** Largest remainder in plain bigint: floors of the exact quotas, leftover fen to the largest remainders, ties to the earlier index. */
export function apportionRef(total: bigint, w: readonly bigint[]): bigint[] {
  const W = w.reduce((a, b) => a + b, 0n);
  const q = w.map((x) => (total * x) / W);
  const rem = w.map((x, i) => total * x - q[i]! * W);
  let left = total - q.reduce((a, b) => a + b, 0n);
  const order = w.map((_, i) => i).sort((a, b) => (rem[a]! > rem[b]! ? -1 : rem[a]! < rem[b]! ? 1 : a - b));
  for (let k = 0; left > 0n; k++, left--) q[order[k]!]! += 1n;
  return q;
}
