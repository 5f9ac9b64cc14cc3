/**
 * Tier tables for the kernel: for every institution, `tiers(x)` against its target T as pieces
 * of an affine function, so that a draw evaluates a tier table with a few comparisons, one
 * multiply-add and one rounding, in doubles and without calls.
 *
 * The integers are those of the engine's small form (tiers.ts `smallForm`): bound k is
 * T·up_k/du and share k is sh_k/ds. With X = x·du, on the piece k where B_{k−1} < X ≤ B_k
 * (B_k = T·up_k, the open tier unbounded):
 *   marginal: tiers(x)·du·ds = Σ_{j<k} sh_j·(B_j − B_{j−1}) + sh_k·(X − B_{k−1}) = α_k + (sh_k·du)·x
 *   step:     tiers(x)·ds    = sh_k·x                                          (α_k = 0, β_k = sh_k)
 * and round(tiers(x)) = round((α_k + β_k·x) / D) half-up, D = du·ds or ds. For x ≤ xMax and
 * T ≤ tMax (the small form's range) every value on the piece used is an integer below 2^52, so
 * doubles compute it exactly; outside it the kernel calls the engine's bigint `applyTiersExact`.
 */
import { smallForm, type CompiledTierTable } from '../tiers.ts';

export interface TierPieces {
  table: CompiledTierTable;
  /** Pieces per institution (the number of tiers). */
  k: number;
  du: number;
  /** Denominator D, its reciprocal, D/2 and 1/(4D) (for the rounding). */
  d: number;
  invD: number;
  half: number;
  quarter: number;
  /** Largest amount x for which the double path is exact. */
  xMax: number;
  /** n·k: bound B of each piece in units of x·du (Infinity for the open one). */
  bound: Float64Array;
  /** n·k: α of each piece (exact where the piece can be reached by x ≤ xMax). */
  alpha: Float64Array;
  /** k: β of each piece (the same for every institution). */
  beta: Float64Array;
  /** n: 1 when the institution's target is beyond the small form: the bigint path decides. */
  exact: Uint8Array;
}

/** The pieces of `table` for every target; every institution takes the bigint path when the table has no small form. */
export function tierPieces(table: CompiledTierTable, targets: Float64Array): TierPieces {
  const n = targets.length;
  const s = smallForm(table);
  const k = table.tiers.length;
  const bound = new Float64Array(n * k), alpha = new Float64Array(n * k), beta = new Float64Array(k);
  const exact = new Uint8Array(n);
  if (s === null) {
    exact.fill(1);
    return { table, k, du: 1, d: 1, invD: 1, half: 0.5, quarter: 0.25, xMax: -1, bound, alpha, beta, exact };
  }
  const marginal = table.mode === 'marginal';
  for (let j = 0; j < k; j++) beta[j] = marginal ? s.sh[j]! * s.du : s.sh[j]!;
  const d = marginal ? s.du * s.ds : s.ds;
  for (let i = 0; i < n; i++) {
    const t = targets[i]!;
    if (!(t <= s.tMax)) { exact[i] = 1; continue; }
    const T = BigInt(t);
    let cum = 0n; // Σ_{j<k} sh_j·(B_j − B_{j−1}), exactly
    let lower = 0n;
    for (let j = 0; j < k; j++) {
      const open = s.up[j] === Infinity;
      const b = open ? 0n : T * BigInt(s.up[j]!);
      const sh = BigInt(s.sh[j]!);
      bound[i * k + j] = open ? Infinity : Number(b);
      alpha[i * k + j] = marginal ? Number(cum - sh * lower) : 0;
      if (!open) { cum += sh * (b - lower); lower = b; }
    }
  }
  return { table, k, du: s.du, d, invD: 1 / d, half: d / 2, quarter: 0.25 / d, xMax: s.xMax, bound, alpha, beta, exact };
}

/**
 * round(v / d) half-up for an integer 0 ≤ v < 2^52, with invD = fl(1/d): the estimate
 * fl(v·invD) is within 1/d·(1 + 2^-50) ≤ ½ + ε of v/d for d ≥ 2 (and exact for d = 1), so one
 * correction step makes the floor exact.
 */
export function roundDiv(v: number, d: number, invD: number): number {
  let q = Math.floor(v * invD);
  let r = v - q * d;
  if (r < 0) { q -= 1; r += d; } else if (r >= d) { q += 1; r -= d; }
  return 2 * r >= d ? q + 1 : q;
}

/** Below this, `roundDivFast` is exact. */
export const FAST_LIMIT = 2 ** 48;

/**
 * round(v / d) half-up for an integer 0 ≤ v ≤ 2^48, without branches (a branch on a random
 * remainder is mispredicted half the time): ⌊(v + d/2)·fl(1/d) + fl(1/(4d))⌋, with half = d/2
 * and quarter = fl(0.25/d). Why it is exact: y = (v + d/2)/d is n + j/(2d) for whole n and
 * 0 ≤ j < 2d, and round-half-up(v/d) = ⌊y⌋ = n. v + d/2 is exact; its product with fl(1/d) is
 * within y·2^-51 < 2^-3/d of y (y < 2^48/d + 1); adding 1/(4d) (rounded within y·2^-53) puts
 * the sum strictly inside (n + (j + 0.1)/(2d), n + (j + 0.9)/(2d)) ⊂ [n, n + 1).
 */
export function roundDivFast(v: number, half: number, invD: number, quarter: number): number {
  return Math.floor((v + half) * invD + quarter);
}
