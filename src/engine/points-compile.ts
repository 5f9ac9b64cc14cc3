/**
 * The checks and exact inputs of the point method (DESIGN §7) at compile: each institution's
 * points, the catalogue's ids, and what a pool settled by points may not have.
 */
import { parseRateCached, RATE_ONE, type Rate } from './money.ts';
import { apportionUnits, formatPoints, mulPoints, parsePoints, type PointsModel } from './points.ts';
import type { Issues } from '../format/issues.ts';
import type { Hospital, PointsPolicy, Scenario } from '../format/types.ts';

/** The coefficient k_h: the institution's own, else its level's, else 1. */
export function pointsCoefficient(h: Hospital, p: PointsPolicy | undefined): Rate {
  const own = h.points?.coefficient ?? p?.levelCoefficients?.[h.level];
  return own === undefined ? RATE_ONE : parseRateCached(own);
}

/**
 * An institution's points, or null when it has none in the file (an institution of a points
 * pool without points earns nothing). `profile`: the monthly weights (for a year without months).
 */
export function compilePoints(h: Hospital, p: PointsPolicy | undefined, profile: readonly bigint[], path: string, issues: Issues): PointsModel | null {
  const hp = h.points;
  if (hp === undefined) return null;
  const k = pointsCoefficient(h, p);
  const months = hp.months?.map(parsePoints);
  const monthsSum = months?.reduce((a, b) => a + b, 0n);
  let raw: bigint;
  if (hp.total !== undefined) {
    raw = parsePoints(hp.total);
    if (monthsSum !== undefined && monthsSum !== raw) {
      issues.code(`${path}.points.months`, 'pointsMonthsSum', { sum: formatPoints(monthsSum), total: hp.total });
    }
  } else raw = monthsSum ?? rawProjection(hp, p) ?? 0n;
  const projected = hp.total === undefined && months === undefined;
  const pts = mulPoints(raw, k);
  const byMonth = months ? months.map((x) => mulPoints(x, k)) : apportionUnits(pts, profile);
  const rawProj = rawProjection(hp, p);
  return { pts, months: byMonth, proj: rawProj === null ? pts : mulPoints(rawProj, k), raw, projected };
}

/** Raw projected points: given outright, else round4(lastYear × (1 + growth)); null with neither. */
function rawProjection(hp: NonNullable<Hospital['points']>, p: PointsPolicy | undefined): bigint | null {
  if (hp.projected !== undefined) return parsePoints(hp.projected);
  if (hp.lastYear === undefined) return null;
  const g = parseRateCached(hp.growth ?? p?.growth ?? '0');
  return mulPoints(parsePoints(hp.lastYear), (RATE_ONE + g) as Rate);
}

/**
 * Checks that span the file: a pool settled by points has no locked targets; catalogue ids are
 * unique; no mid-year adjustment concerns an institution of such a pool. (A pool without points
 * is refused at allocation, where its amount is known.)
 */
export function checkPoints(s: Scenario, poolOf: (i: number) => number, issues: Issues): void {
  const pools = s.policy.pools ?? [];
  s.hospitals.forEach((h, i) => {
    const k = poolOf(i);
    const pool = k >= 0 ? pools[k] : undefined;
    if (pool?.settlement === 'points' && h.lockedTarget !== undefined) {
      issues.code(`hospitals[${i}].lockedTarget`, 'pointsNoLock', { pool: pool.id, poolName: pool.name });
    }
  });
  // A mid-year adjustment (DESIGN §10) moves a target; a points pool has none to move.
  (s.adjustments ?? []).forEach((a, j) => {
    const i = s.hospitals.findIndex((h) => h.id === a.hospital);
    const pool = i >= 0 && poolOf(i) >= 0 ? pools[poolOf(i)] : undefined;
    if (pool?.settlement === 'points') {
      issues.code(`adjustments[${j}].hospital`, 'pointsNoAdjust', { id: a.hospital, name: s.hospitals[i]!.name, pool: pool.id, poolName: pool.name });
    }
  });
  const seen = new Map<string, number>();
  (s.catalogue ?? []).forEach((g, j) => {
    const prev = seen.get(g.id);
    if (prev !== undefined) issues.code(`catalogue[${j}].id`, 'duplicateGroup', { id: g.id, other: prev + 1 });
    else seen.set(g.id, j);
  });
}
