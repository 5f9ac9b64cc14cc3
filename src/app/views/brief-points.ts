/**
 * The points part of an institution's brief (pools settled by points, DESIGN §7): its points,
 * share of the pool's points, the pool's budget and settlement point values, its entitlement and
 * payment rate, the cases behind its points and its top groups (as imported); and, for every
 * scenario listed, its target or entitlement and payment rate side by side (per target vs points:
 * what it gains or loses). Every figure is the engine's (packed results) or the file's.
 */
import type { Scenario } from '../../format/types.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { InflationBrief } from '../../engine/point-inflation.ts';
import type { Lang } from '../../display/lang.ts';
import { levelSubject } from '../../display/glossary.ts';
import { msg } from '../i18n/index.ts';

export interface BriefGroup { group: string; name: string; cases: number; points: string; low: number; high: number; special: number }
export interface BriefPointsScenario { name: string; byPoints: boolean; points: string | null; pointValue: string | null; target: string | null;
  paymentRate: string | null }

export interface BriefPoints {
  pool: string;
  points: string | null;
  projectedPoints: string | null;
  projected: boolean;
  pointShare: string | null;
  budgetPointValue: string | null;
  pointValue: string | null;
  pointValueCapped: boolean;
  entitlement: string | null;
  actual: string | null;
  paymentRate: string | null;
  cases: number | null;
  groups: BriefGroup[];
  scenarios: BriefPointsScenario[];
  /** Point inflation's what-ifs for this institution (engine/point-inflation.ts, from its explanation); null while unknown. */
  inflation: BriefInflation | null;
}

/**
 * One what-if: who inflates by how much (in words), the point value after and this institution's
 * entitlement after and its change, as the engine gave them (yuan to the fen; 元/分 to 4 decimals).
 */
export interface BriefInflationRow {
  what: string; scope: 'all' | 'level'; pct: string; pointValue: string | null; capped: boolean; entitlement: string; diff: string;
}

export interface BriefInflation { pointValue: string | null; capped: boolean; entitlement: string; rows: BriefInflationRow[] }

/** The engine's table in the brief's words. */
export function briefInflation(inf: InflationBrief | null, lang: Lang): BriefInflation | null {
  if (!inf) return null;
  return {
    pointValue: inf.pointValue, capped: inf.capped, entitlement: inf.entitlement,
    rows: inf.lines.map((l) => ({
      what: msg(lang, 'inflHeadline', { who: l.level === null ? msg(lang, 'inflAll') : levelSubject(l.level, lang), x: l.pct }),
      scope: l.scope, pct: l.pct, pointValue: l.pointValue, capped: l.capped, entitlement: l.entitlement, diff: l.diff,
    })),
  };
}

const TOP = 10;

function poolOf(v: ResultView, i: number) {
  const id = v.get('pool', i);
  return v.fund.pools.find((p) => p.id === id) ?? null;
}

/** Null when the institution's pool is not settled by points in the scenario shown. */
export function briefPoints(s: Scenario, cols: readonly { name: string; view: ResultView | null }[], id: string): BriefPoints | null {
  const v = cols[0]?.view;
  const i = v?.indexOf(id);
  if (!v || i === undefined) return null;
  const pool = poolOf(v, i);
  if (pool?.settlement !== 'points') return null;
  const h = s.hospitals.find((x) => x.id === id);
  const names = new Map((s.catalogue ?? []).map((g) => [g.id, g.name ?? '']));
  return {
    pool: pool.name, points: v.get('points', i), projectedPoints: v.get('projectedPoints', i), projected: v.pointsProjected(i),
    pointShare: v.get('pointShare', i), budgetPointValue: pool.budgetPointValue ?? null, pointValue: pool.pointValue ?? null,
    pointValueCapped: pool.pointValueCapped ?? false, entitlement: v.get('target', i), actual: v.get('actual', i), paymentRate: v.get('paymentRate', i),
    cases: h?.points?.cases ?? null,
    groups: (h?.points?.groups ?? []).slice(0, TOP).map((g) => ({ group: g.group, name: names.get(g.group) ?? '', cases: g.cases, points: g.points,
      low: g.low ?? 0, high: g.high ?? 0, special: g.special ?? 0 })),
    inflation: null,
    scenarios: cols.map(({ name, view }) => {
      const j = view?.indexOf(id);
      if (!view || j === undefined) return { name, byPoints: false, points: null, pointValue: null, target: null, paymentRate: null };
      const p = poolOf(view, j);
      const byPoints = p?.settlement === 'points';
      return { name, byPoints, points: byPoints ? view.get('points', j) : null, pointValue: byPoints ? (p?.pointValue ?? null) : null,
        target: view.get('target', j), paymentRate: view.get('paymentRate', j) };
    }),
  };
}
