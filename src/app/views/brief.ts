/**
 * What one institution's brief shows, from its explanation (engine/explain.ts, computed in a
 * worker) and the compared scenarios' results: identity, history points, the settlement under
 * each scenario, the sources of the rules used. The brief on screen and every brief of "print
 * all" are built here from one context.
 */
import type { AppState, RiskRunState } from '../state/app-state.ts';
import { percent, plain } from '../../display/number.ts';
import type { Explanation } from '../../engine/explain.ts';
import type { WhatIf } from '../../engine/whatif.ts';
import type { Scenario } from '../../format/types.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { refName, scenarioOf, type RefKey } from '../../workspace/workspace.ts';
import { netOf, netRateOf, rewardShareOf } from './table-model.ts';
import { citedSources, groupSources, historyYearsOf, type SourceGroup } from './brief-sources.ts';
import { termOf } from './terms.ts';
import { msg } from '../i18n/index.ts';
import { memoize } from './memo.ts';
import { riskRunCurrent } from './ran-on.ts';
import { changeFor, type AdjustmentRecord } from '../../engine/adjust-records.ts';
import { recordsOfScenario } from './adjustments.ts';
import type { Workspace } from '../../workspace/types.ts';
import { briefInflation, briefPoints, type BriefPoints } from './brief-points.ts';
import { pointsSteps } from '../../display/points-steps.ts';

/** The scenarios a brief's settlement table lists: the one shown first, then the compared ones. */
export interface SettlementColumn { name: string; view: ResultView | null }

/** What every brief of one scenario shares. */
export interface BriefContext {
  lang: Lang;
  unit: Unit;
  scenario: Scenario;
  scenarioName: string;
  fingerprint: string | null;
  settlement: SettlementColumn[];
  /** The latest Monte Carlo run of the scenario shown, when one is done (issue 12). */
  risk?: BriefRiskRun | null;
  /** The scenario's mid-year adjustments (issue 13), exact from the engine. */
  adjustments?: readonly AdjustmentRecord[];
}

/** A mid-year adjustment that moved this institution's target: its own, or its share of another's (decimal strings, yuan). */
export interface BriefAdjustment { from: number; hospital: string; name: string; change: string; own: string; self: boolean; reason: string;
  date: string | null }

export interface BriefRiskRun { draws: string; seed: number; threshold: string; index: ReadonlyMap<string, number>; pOverspend: readonly number[];
  pReward: readonly number[] }

/** An institution's risk figures in its brief. */
export interface BriefRisk { draws: string; seed: number; threshold: string; pOverspend: string; pReward: string }

export interface HistoryPoint { label: string; amount: string; current?: boolean }

export type SettlementField = 'target' | 'actual' | 'surplusOverspend' | 'rate' | 'rewardShare' | 'depositReturned' | 'owed' | 'balance';
export const SETTLEMENT_FIELDS: readonly SettlementField[] = ['target', 'actual', 'surplusOverspend', 'rate', 'rewardShare', 'depositReturned', 'owed',
  'balance'];

/** One scenario's settlement of the institution; `byPoints` when its pool is settled by points there (its target is then the entitlement). */
export interface SettlementRow { name: string; cells: Record<SettlementField, string | null>; monthsOfCoverage: string | null; byPoints: boolean }

export interface WhatIfView {
  result: WhatIf | null;
  /** X as typed (percent). */
  pct: string;
  interactive: boolean;
  /** A newer one is being computed (the one shown is for the previous figures). */
  busy: boolean;
  error: string | null;
}

export interface BriefView {
  lang: Lang;
  unit: Unit;
  id: string;
  name: string;
  /** Level, category and class in words; the pool's name. */
  level: string;
  category: string;
  klass: string;
  pool: string | null;
  year: number | undefined;
  scenarioName: string;
  fingerprint: string | null;
  explanation: Explanation;
  points: HistoryPoint[];
  settlement: SettlementRow[];
  sources: SourceGroup[];
  /**
   * The what-if of its target: with X's input on screen, computed already for print all. Null in a
   * pool settled by points: it has no target up front (its what-if is point inflation, byPoints.inflation).
   */
  whatIf: WhatIfView | null;
  /**
   * In a pool settled by points (DESIGN §7): how its entitlement comes about, step by step
   * (display/points-steps.ts, from the engine's explanation), in place of the target's derivation; else null.
   */
  pointsSteps: string[] | null;
  risk: BriefRisk | null;
  adjustments: BriefAdjustment[];
  /** Its points, point values and payment rate when its pool is settled by points (views/brief-points.ts). */
  byPoints: BriefPoints | null;
}

const CELLS: Record<SettlementField, (v: ResultView, i: number) => string | null> = {
  target: (v, i) => v.get('target', i), actual: (v, i) => v.get('actual', i), surplusOverspend: netOf, rate: netRateOf,
  rewardShare: rewardShareOf, depositReturned: (v, i) => v.get('depositReturned', i), owed: (v, i) => v.get('owed', i), balance: (v, i) => v.get('balance', i),
};

export function settlementRows(cols: readonly SettlementColumn[], id: string): SettlementRow[] {
  return cols.map(({ name, view }) => {
    const i = view ? (view.indexOf(id) ?? -1) : -1;
    const cells = {} as Record<SettlementField, string | null>;
    for (const f of SETTLEMENT_FIELDS) cells[f] = view && i >= 0 ? CELLS[f](view, i) : null;
    const pool = view && i >= 0 ? view.get('pool', i) : null;
    const byPoints = view?.fund.pools.some((p) => p.id === pool && p.settlement === 'points') ?? false;
    return { name, cells, monthsOfCoverage: view?.fund.monthsOfCoverage ?? null, byPoints };
  });
}

export function historyPoints(s: Scenario, ex: Explanation, lang: Lang): HistoryPoint[] {
  const years = historyYearsOf(s);
  const year = s.meta.year;
  return [
    ...ex.history.map((y, i) => ({ label: msg(lang, 'yearHistory', { y: years[i] ?? y.year }), amount: y.amount })),
    { label: year ? msg(lang, 'yearClaims', { y: year }) : msg(lang, 'claimsTotal'), amount: ex.hospital.claimsTotal, current: true },
  ];
}

/** The brief of the institution `ex` explains, or null while it is not known. */
export function briefView(ctx: BriefContext, ex: Explanation | null, whatIf: Partial<WhatIfView> & { result: WhatIf | null;
  interactive: boolean }): BriefView | null {
  const h = ex ? ctx.scenario.hospitals.find((x) => x.id === ex.id) : undefined;
  if (!ex || !h) return null;
  const { lang } = ctx;
  const byPoints = ex.points !== null;
  return {
    lang, unit: ctx.unit, id: h.id, name: h.name,
    level: termOf('level', h.level, lang), category: termOf('category', h.category, lang), klass: termOf('class', h.class, lang),
    pool: ex.pool?.name ?? null, year: ctx.scenario.meta.year, scenarioName: ctx.scenarioName, fingerprint: ctx.fingerprint,
    explanation: ex, points: historyPoints(ctx.scenario, ex, lang), settlement: settlementRows(ctx.settlement, h.id),
    sources: groupSources(citedSources(ctx.scenario, h.class, lang, ctx.unit, byPoints)),
    whatIf: byPoints ? null : { pct: whatIf.result?.pct ?? '5', busy: false, error: null, ...whatIf },
    pointsSteps: ex.points ? pointsSteps(ex.points, lang) : null,
    risk: riskOf(ctx.risk ?? null, h.id),
    byPoints: withInflation(briefPoints(ctx.scenario, ctx.settlement, h.id), ex, lang),
    adjustments: (ctx.adjustments ?? []).flatMap((r) => {
      const own = changeFor(r, h.id);
      return own === null ? [] : [{ from: r.from, hospital: r.hospital, name: r.name, change: r.change, own, self: r.hospital === h.id, reason: r.reason,
        date: r.date }];
    }),
  };
}

function withInflation(b: BriefPoints | null, ex: Explanation, lang: Lang): BriefPoints | null {
  return b && ex.inflation ? { ...b, inflation: briefInflation(ex.inflation, lang) } : b;
}

const contextOf = memoize((lang: Lang, unit: Unit, ws: Workspace, refs: string, ...views: (ResultView | null)[]): BriefContext => {
  const keys: RefKey[] = refs.split('\n');
  return {
    lang, unit, scenario: scenarioOf(ws, keys[0]!), scenarioName: refName(ws, keys[0]!), fingerprint: views[0]?.fingerprint ?? null,
    adjustments: recordsOfScenario(scenarioOf(ws, keys[0]!)),
    settlement: keys.map((k, i) => ({ name: refName(ws, k), view: views[i] ?? null })),
  };
});

/**
 * The context of the scenario shown: its results beside the compared ones' (the same object while they are unchanged).
 * Its risk figures only from a run of the scenario as it is now (views/ran-on.ts): after an edit, or another file opened,
 * the brief prints none rather than the earlier run's probabilities (the risk tab says the run is outdated).
 */
export function briefContext(s: AppState): BriefContext {
  const refs: RefKey[] = [...new Set([s.active, ...s.compare])];
  const r = s.risk?.status === 'done' && riskRunCurrent(s, s.risk) ? s.risk : null;
  return withRisk(contextOf(s.lang, s.unit, s.ws, refs.join('\n'), ...refs.map((k) => s.cols[k]?.view ?? null)), r);
}

const withRisk = memoize((ctx: BriefContext, r: RiskRunState | null): BriefContext => {
  if (!r?.summary || !r.meta) return ctx;
  const m = r.meta, inst = r.summary.institutions;
  return {
    ...ctx,
    risk: {
      draws: plain(String(r.summary.draws), 0), seed: r.params.seed, threshold: percent(String(r.params.overspendThreshold), 0),
      index: new Map(m.ids.map((id, i) => [id, i] as const)), pOverspend: inst.pOverspend, pReward: inst.pReward,
    },
  };
});

function riskOf(r: BriefRiskRun | null, id: string): BriefRisk | null {
  const i = r?.index.get(id);
  if (!r || i === undefined) return null;
  return { draws: r.draws, seed: r.seed, threshold: r.threshold, pOverspend: percent(String(r.pOverspend[i]), 2), pReward: percent(String(r.pReward[i]), 2) };
}
