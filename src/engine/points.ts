/**
 * The regional point method (区域点数法总额预算, DESIGN §7): points exact in whole 10^-4 points
 * (bigint), an institution's points from its raw case points and coefficient, the pool's budget
 * and settlement point values, and the entitlements that take the place of targets.
 *
 * What the engine reads from the file (scenarios/README.md, "Pools settled by points"):
 * - raw points (Σ case points before k_h): `points.total`, else Σ `points.months`, else the
 *   projection `round4(lastYear × (1 + growth))` or `points.projected`, else 0;
 * - `Pts_h = round4(k_h × raw)`; by month `round4(k_h × raw_m)`, or `Pts_h` split over the months
 *   by the monthly profile (largest remainder, to 10^-4) when the file has no months;
 * - projected `Proj_h = round4(k_h × rawProjected)`, the raw projection as above, else `Pts_h`.
 */
import { apportionColumn } from './apportion.ts';
import { divRoundHalfUp, RATE_ONE, type Fen, type Rate } from './money.ts';
import { POINTS_DP, POINTS_RE } from '../format/numbers.ts';

/** 10^POINTS_DP: units of a point. */
export const POINT_ONE = 10n ** BigInt(POINTS_DP);

/** "1234.5678" → 12345678n (whole 10^-4 points). The schema has checked the form. */
export function parsePoints(s: string): bigint {
  if (!POINTS_RE.test(s)) throw new Error(`not a number of points: ${JSON.stringify(s)}`);
  const [int = '0', frac = ''] = s.split('.');
  return BigInt(int) * POINT_ONE + BigInt(frac.padEnd(POINTS_DP, '0'));
}

/** 12345678n → "1234.5678"; always 4 decimals. */
export function formatPoints(u: bigint): string {
  const neg = u < 0n;
  const a = neg ? -u : u;
  return `${neg ? '-' : ''}${a / POINT_ONE}.${(a % POINT_ONE).toString().padStart(POINTS_DP, '0')}`;
}

/** round4(points × rate): half-up to whole 10^-4 points. */
export const mulPoints = (units: bigint, rate: Rate): bigint => divRoundHalfUp(units * rate, RATE_ONE);

/**
 * Largest-remainder split of whole units by weights (the months of a year's points): floors of
 * the exact quotas, one unit each to the largest remainders, ties to the earlier month.
 */
export function apportionUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  const W = weights.reduce((a, b) => a + b, 0n);
  if (W <= 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / W);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights.map((w, k) => ({ k, r: (total * w) % W })).sort((a, b) => (a.r === b.r ? a.k - b.k : a.r > b.r ? -1 : 1));
  for (let j = 0; left > 0n; j++, left--) parts[order[j]!.k]! += 1n;
  return parts;
}

/** An institution's compiled points (whole 10^-4 points, after its coefficient). */
export interface PointsModel {
  /** Pts_h: the year's points. */
  pts: bigint;
  /** Pts_{h,m}: by month (12). */
  months: readonly bigint[];
  /** Proj_h: projected points, for the budget point value. */
  proj: bigint;
  /** Raw points of the year (before k_h): what the next year's "last year" is (years.ts). */
  raw: bigint;
  /** The year's points are a projection (the file gives neither total nor months). */
  projected: boolean;
}

/** A points pool as settled: its sums, point values and entitlements. */
export interface PointsPool {
  /** Σ Pts_h and Σ Proj_h of its members. */
  points: bigint;
  projected: bigint;
  /** The amount the entitlements share: P_k, or round(cap × pv0 × Σ Pts) when the cap binds. */
  entitled: Fen;
  capped: boolean;
}

/**
 * Settle a points pool: `amount` P_k over `pts` (its members' Pts_h, file order). Entitlements
 * before the cap (`allocated`, they add up to P_k) and after it (`entitled`).
 */
export function settlePointsPool(amount: Fen, pts: readonly bigint[], proj: readonly bigint[],
  cap: Rate | null): PointsPool & { allocated: Float64Array; entitlements: Float64Array } {
  let points = 0n, projected = 0n;
  for (const p of pts) points += p;
  for (const p of proj) projected += p;
  if (points === 0n) {
    const zero = new Float64Array(pts.length);
    return { points, projected, entitled: 0 as Fen, capped: false, allocated: zero, entitlements: zero };
  }
  const allocated = apportionColumn(amount, pts, points);
  // pv > cap × pv0  ⇔  P/ΣPts > cap × P/ΣProj  ⇔  ΣProj > cap × ΣPts (for P > 0).
  const capped = cap !== null && amount > 0 && projected > 0n && projected * RATE_ONE > cap * points;
  if (!capped) return { points, projected, entitled: amount, capped, allocated, entitlements: allocated };
  const entitled = Number(divRoundHalfUp(cap! * BigInt(amount) * points, RATE_ONE * projected)) as Fen;
  return { points, projected, entitled, capped, allocated, entitlements: apportionColumn(entitled, pts, points) };
}

/**
 * Monthly pre-settlement amount: round(Pts_{h,m} × pv0) = round(Pts_{h,m} × P_k / Σ Proj), half-up.
 *
 * Exact, and usually without bigint arithmetic: when the three integers are exact doubles the
 * quotient x is computed in doubles with a relative error below 2^-51, so Math.round(x) is the
 * exact half-up result unless x lies within that error of a half — only then is it redone in
 * bigint. (The settlement of 3,000 institutions spent a third of its time here in bigint.)
 */
export function preSettlement(monthPoints: bigint, amount: Fen, projected: bigint): Fen {
  if (projected === 0n) return 0 as Fen;
  const p = Number(monthPoints);
  if (p <= Number.MAX_SAFE_INTEGER) return preSettlementUnits(p, amount, Number(projected), projected);
  return Number(divRoundHalfUp(monthPoints * BigInt(amount), projected)) as Fen;
}

/**
 * preSettlement with the month's points as a double (whole units, at most 2^53 − 1) and Σ Proj
 * both as a double `d` and exactly: the Monte Carlo kernel's form (no bigint unless near a half).
 */
export function preSettlementUnits(p: number, amount: Fen, d: number, projected: bigint): Fen {
  if (projected === 0n) return 0 as Fen;
  if (amount >= 0 && p >= 0 && p <= Number.MAX_SAFE_INTEGER && d <= Number.MAX_SAFE_INTEGER && amount <= Number.MAX_SAFE_INTEGER) {
    const x = (p * amount) / d;
    const frac = x - Math.floor(x);
    // A margin of 2^-48 × x (plus one ulp of 1) covers the two roundings of × and / with room to spare.
    if (x < 2 ** 52 && Math.abs(frac - 0.5) > x * 2 ** -48 + 2 ** -52) return Math.round(x) as Fen;
  }
  return Number(divRoundHalfUp(BigInt(p) * BigInt(amount), projected)) as Fen;
}

/** A point value in 元/分 to 4 decimals: amount (fen) / points (10^-4 units). Null without points. */
export function pointValueString(amountFen: bigint, units: bigint): string | null {
  if (units === 0n) return null;
  // (fen / 100) / (units / 10^4) = fen × 100 / units.
  const q = divRoundHalfUp(amountFen * 100n * 10000n, units);
  return `${q / 10000n}.${(q % 10000n).toString().padStart(4, '0')}`;
}
