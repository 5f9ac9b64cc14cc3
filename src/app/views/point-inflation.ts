/**
 * What the point-inflation what-if shows (DESIGN §7, engine/point-inflation.ts): the pools of the
 * shown scenario settled by points, the levels of their institutions in a bureau's words, and the
 * answer — the settlement point value before and after, and each institution's entitlement
 * before, after and its change, as the engine computed them, formatted here (src/display).
 */
import type { AppState, InflationState } from '../state/app-state.ts';
import type { Scenario } from '../../format/types.ts';
import type { PointInflation } from '../../engine/point-inflation.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { compareDec, money, plain, sign } from '../../display/number.ts';
import { termName } from '../../display/glossary.ts';
import { memoize } from './memo.ts';

export interface InflationRow {
  id: string;
  name: string;
  level: string;
  inflated: boolean;
  points: string;
  pointsAfter: string;
  before: string;
  after: string;
  diff: string;
  /** The change as the engine gave it (yuan, 2 decimals), for tests and sorting; and its sign. */
  rawDiff: string;
  sign: -1 | 0 | 1;
}

export interface InflationResultView {
  poolName: string;
  who: string;
  pct: string;
  pvBefore: string;
  pvAfter: string;
  rawPvBefore: string | null;
  rawPvAfter: string | null;
  pointsBefore: string;
  pointsAfter: string;
  capped: boolean;
  rows: InflationRow[];
  total: { before: string; after: string; diff: string; rawDiff: string };
}

export interface InflationView {
  lang: Lang;
  unit: Unit;
  pools: { id: string; name: string }[];
  /** Levels of each pool's institutions: code and name. */
  levels: Record<string, { code: string; name: string }[]>;
  query: { pool: string; level: string | null; pct: string };
  busy: boolean;
  error: string | null;
  /** The scenario changed since: the answer is of an earlier run. */
  stale: boolean;
  result: InflationResultView | null;
}

const poolsOf = memoize((s: Scenario | null, lang: Lang) => {
  const pools = (s?.policy.pools ?? []).filter((p) => p.settlement === 'points');
  const levels: InflationView['levels'] = {};
  for (const p of pools) {
    const codes = [...new Set(s!.hospitals.filter((h) => p.classes.includes(h.class)).map((h) => h.level))];
    levels[p.id] = codes.map((code) => ({ code, name: termName('level', code, lang) }));
  }
  return { pools: pools.map((p) => ({ id: p.id, name: p.name })), levels };
});

const resultOf = memoize((r: PointInflation | null, lang: Lang, unit: Unit, all: string): InflationResultView | null => {
  if (!r) return null;
  const rows = r.members.map((m): InflationRow => ({
    id: m.id, name: m.name, level: termName('level', m.level, lang), inflated: m.inflated,
    points: plain(m.pointsBefore, 4), pointsAfter: plain(m.pointsAfter, 4),
    before: money(m.before, unit), after: money(m.after, unit), diff: money(m.diff, unit, true), rawDiff: m.diff, sign: sign(m.diff),
  }));
  // Gainers first, losers last: who the inflation pays and who pays for it.
  rows.sort((a, b) => compareDec(b.rawDiff, a.rawDiff));
  return {
    poolName: r.pool.name, who: r.level === null ? all : termName('level', r.level, lang), pct: r.pct,
    pvBefore: plain(r.pointValue.before, 4), pvAfter: plain(r.pointValue.after, 4), rawPvBefore: r.pointValue.before, rawPvAfter: r.pointValue.after,
    pointsBefore: plain(r.points.before, 4), pointsAfter: plain(r.points.after, 4), capped: r.capped.before || r.capped.after,
    rows, total: { before: money(r.total.before, unit), after: money(r.total.after, unit), diff: money(r.total.diff, unit, true), rawDiff: r.total.diff },
  };
});

const build = memoize((pl: ReturnType<typeof poolsOf>, st: InflationState | null, outKey: number, lang: Lang, unit: Unit, all: string): InflationView | null =>
  {
  const { pools, levels } = pl;
  if (pools.length === 0) return null;
  return {
    lang, unit, pools, levels,
    query: st?.query ?? { pool: pools[0]!.id, level: null, pct: '5' },
    busy: st?.busy ?? false, error: st?.error ?? null,
    stale: !!st?.result && st.key !== outKey,
    result: resultOf(st?.result ?? null, lang, unit, all),
  };
});

/** Null when the shown scenario has no pool settled by points. */
export function inflationView(s: AppState, all: string): InflationView | null {
  const col = s.cols[s.active];
  const st: InflationState | null = s.inflation?.ref === s.active ? s.inflation : null;
  return build(poolsOf(col?.scenario ?? null, s.lang), st, col?.out?.ok ? col.out.key : -2, s.lang, s.unit, all);
}
