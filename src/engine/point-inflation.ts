/**
 * Point inflation (DESIGN §7, "the point of the simulator"): what if every institution of a pool
 * settled by points — or those of one level — reported x% more points? Each chosen institution's
 * points become round4(Pts_h × (1 + x%)) (half-up, to 10^-4 points, as the engine rounds points);
 * the pool is then settled again by the engine's own allocation (allocate.ts → settlePointsPool:
 * settlement point value, entitlements apportioned to the fen, the point-value cap). Projected
 * points — and so the budget point value — are fixed before the year and do not move.
 *
 * Without a binding cap the pool is still paid out exactly, so the changes add up to zero: when
 * every institution inflates, everyone keeps its entitlement and the point value falls by 1/(1+x)
 * (exactly, whenever the inflated points need no rounding; otherwise to within the rounding of
 * each institution's points); when one level inflates, it gains what the others lose.
 */
import { allocate, type Region } from './allocate.ts';
import { compile } from './compile.ts';
import { formatMoney, parseRate, RATE_ONE, type Rate } from './money.ts';
import { formatPoints, mulPoints, pointValueString } from './points.ts';
import type { Model } from './model.ts';
import type { Scenario } from '../format/types.ts';

export interface PointInflationMember {
  id: string;
  name: string;
  level: string;
  /** This institution's points were inflated (it is of the chosen level, or all were). */
  inflated: boolean;
  /** Pts_h before and after (10^-4 points, 4 decimals). */
  pointsBefore: string;
  pointsAfter: string;
  /** Entitlement (after any point-value cap) before and after, and after − before. */
  before: string;
  after: string;
  diff: string;
}

export interface PointInflation {
  pool: { id: string; name: string };
  /** The level whose institutions inflate, or null for every institution of the pool. */
  level: string | null;
  /** x as typed (percent, e.g. "5"). */
  pct: string;
  /** Settlement point value (元/分, 4 decimals) before and after; null without points. */
  pointValue: { before: string | null; after: string | null };
  /** Σ Pts of the pool before and after. */
  points: { before: string; after: string };
  /** The point-value cap binds before / after. */
  capped: { before: boolean; after: boolean };
  /** Σ of the entitlements before and after, and Σ of the changes (0.00 unless a cap binds). */
  total: { before: string; after: string; diff: string };
  /** The pool's members, file order. */
  members: PointInflationMember[];
}

export interface PointInflationQuery {
  /** The pool's id; it must be settled by points. */
  pool: string;
  /** A level code (hospitals[].level), or null for all. */
  level: string | null;
  /** Percent, e.g. "5", "2.5", "-3": at most 4 decimals, more than −100. */
  pct: string;
}

/** "5" (percent) → 1 + 5% as a rate. Throws on anything else. */
function factor(pct: string): Rate {
  const s = pct.trim();
  if (!/^-?\d{1,3}(\.\d{1,4})?$/.test(s)) throw new Error(`not a percentage with at most 4 decimals: ${pct}`);
  const f = RATE_ONE + parseRate(s) / 100n;
  if (f <= 0n) throw new Error(`points cannot fall by 100% or more: ${pct}`);
  return f as Rate;
}

/** The what-if from a compiled scenario and its allocation (nothing is compiled again). */
export function pointInflationOf(s: Scenario, model: Model, base: Region, q: PointInflationQuery): PointInflation {
  const k = model.pools.findIndex((p) => p.id === q.pool);
  const pool = model.pools[k];
  if (!pool || !pool.byPoints) throw new Error(`no pool settled by points with id ${q.pool}`);
  const f = factor(q.pct);
  const chosen = (i: number) => q.level === null || s.hospitals[i]!.level === q.level;
  const hospitals = model.hospitals.slice();
  for (const i of pool.members) {
    const h = hospitals[i]!;
    if (!chosen(i) || h.points === null) continue;
    const p = h.points;
    hospitals[i] = { ...h, points: { ...p, pts: mulPoints(p.pts, f), months: p.months.map((x) => mulPoints(x, f)) } };
  }
  const after = allocate({ ...model, hospitals });
  const pb = base.points[k]!;
  const pa = after.points[k]!;
  let tb = 0, ta = 0;
  const members = pool.members.map((i): PointInflationMember => {
    const b = base.entitlements[i]!;
    const a = after.entitlements[i]!;
    tb += b;
    ta += a;
    return {
      id: s.hospitals[i]!.id, name: s.hospitals[i]!.name, level: s.hospitals[i]!.level, inflated: chosen(i),
      pointsBefore: formatPoints(model.hospitals[i]!.points?.pts ?? 0n), pointsAfter: formatPoints(hospitals[i]!.points?.pts ?? 0n),
      before: formatMoney(b), after: formatMoney(a), diff: formatMoney(a - b),
    };
  });
  return {
    pool: { id: pool.id, name: pool.name }, level: q.level, pct: q.pct.trim(),
    pointValue: { before: pointValueString(BigInt(pb.entitled), pb.points), after: pointValueString(BigInt(pa.entitled), pa.points) },
    points: { before: formatPoints(pb.points), after: formatPoints(pa.points) },
    capped: { before: pb.capped, after: pa.capped },
    total: { before: formatMoney(tb), after: formatMoney(ta), diff: formatMoney(ta - tb) },
    members,
  };
}

/** The what-if from a scenario (compiled and allocated here). */
export function pointInflation(s: Scenario, q: PointInflationQuery): PointInflation {
  const model = compile(s);
  return pointInflationOf(s, model, allocate(model), q);
}

/** One line of a brief's point-inflation table: who inflates, by how much, and what it does to the point value and to this institution. */
export interface InflationLine {
  /** Every institution of the pool, or those of this institution's level. */
  scope: 'all' | 'level';
  /** The level that inflates (scope 'level'), else null. */
  level: string | null;
  /** x, percent ("5", "10"). */
  pct: string;
  /** Settlement point value after (元/分, 4 decimals); null without points. */
  pointValue: string | null;
  /** The point-value cap binds after. */
  capped: boolean;
  /** This institution's entitlement after, and after − before (yuan, to the fen). */
  entitlement: string;
  diff: string;
}

/** What an institution's negotiation brief prints of point inflation (DESIGN §7): its pool now, then the standard what-ifs. */
export interface InflationBrief {
  pool: { id: string; name: string };
  id: string;
  level: string;
  /** Now: the settlement point value, whether the cap binds, its entitlement (after any cap). */
  pointValue: string | null;
  capped: boolean;
  entitlement: string;
  lines: InflationLine[];
}

/**
 * The what-ifs a brief prints, in this order: every institution of the pool +5%, +10%; then the
 * institution's own level +5%, +10% (left out when the whole pool is of that level: the same
 * lines again). The x of the DESIGN's example (10%) and half of it.
 */
export const BRIEF_INFLATION: readonly { scope: 'all' | 'level'; pct: string }[] = [
  { scope: 'all', pct: '5' }, { scope: 'all', pct: '10' }, { scope: 'level', pct: '5' }, { scope: 'level', pct: '10' },
];

/** A pool's what-ifs, kept between the briefs of one run (every member of a pool, or of a level, shares them). */
export type InflationMemo = Map<string, PointInflation>;

/**
 * Institution `index`'s brief table of point inflation, from a compiled scenario and its
 * allocation; null when it is not in a pool settled by points. `memo` keeps each pool's
 * what-ifs, so the briefs of a whole pool cost four allocations, not four each.
 */
export function inflationBriefOf(s: Scenario, model: Model, base: Region, index: number, memo: InflationMemo = new Map()): InflationBrief | null {
  const k = base.poolOf[index] ?? -1;
  const pool = model.pools[k];
  const h = s.hospitals[index];
  if (!pool || !pool.byPoints || !h || !base.points[k]) return null;
  const j = pool.members.indexOf(index);
  const oneLevel = pool.members.every((i) => s.hospitals[i]!.level === h.level);
  const lines: InflationLine[] = [];
  let now: PointInflation | null = null;
  for (const c of BRIEF_INFLATION) {
    if (c.scope === 'level' && oneLevel) continue;
    const level = c.scope === 'level' ? h.level : null;
    const key = `${pool.id}\n${level ?? ''}\n${c.pct}`;
    let r = memo.get(key);
    if (!r) memo.set(key, (r = pointInflationOf(s, model, base, { pool: pool.id, level, pct: c.pct })));
    now ??= r;
    const m = r.members[j]!;
    lines.push({ scope: c.scope, level, pct: c.pct, pointValue: r.pointValue.after, capped: r.capped.after, entitlement: m.after, diff: m.diff });
  }
  return {
    pool: { id: pool.id, name: pool.name }, id: h.id, level: h.level,
    pointValue: now!.pointValue.before, capped: now!.capped.before, entitlement: now!.members[j]!.before, lines,
  };
}

/** The brief's table from a scenario (compiled and allocated here): what the command line prints. */
export function inflationBrief(s: Scenario, id: string): InflationBrief | null {
  const index = s.hospitals.findIndex((h) => h.id === id);
  if (index < 0) throw new Error(`no institution with id ${id}`);
  const model = compile(s);
  return inflationBriefOf(s, model, allocate(model), index);
}
