/**
 * The monthly report (每月通报总额控制执行情况, DESIGN §10): with claims known through month k
 * and the rest projected (engine/project.ts, applied by compile), the projected year is settled
 * by the one engine; this reads, per institution, what happened to date — budget, claims,
 * payments and deferrals of months 1…k — and what the projected year-end looks like, and
 * flags the institutions to warn. For the fund: projected months of coverage against the line.
 *
 * Where §10 is silent:
 * - progress (执行进度) = claims to date ÷ monthly budget to date;
 * - "heading for an overspend": the projected overspend rate (A − T) / T strictly above the
 *   threshold (default 10%, §10's example); "deferred claims piling up": claims deferred so far
 *   strictly above a share of the budget to date (default 5%, an assumption);
 * - the coverage line defaults to analysis.years.warningMonths, else 6 months (§10's example);
 * - deductions are taken as found so far (they come from audits, not from a pace) and the
 *   quality score as given (none: the whole deposit back);
 * - the warning list is ordered by projected overspend rate, highest first (file order on ties).
 */
import { compile } from './compile.ts';
import { recordsOf } from './adjust-records.ts';
import { formatPoints, pointValueString } from './points.ts';
import { settle, type Settlement } from './run.ts';
import { formatMoney as m, ratioString, RATE_ONE, parseRate } from './money.ts';
import type { Model } from './model.ts';
import type { Amount, RatioStr } from './result.ts';
import type { Provenance, Scenario } from '../format/types.ts';

export type WarningKind = 'overspend' | 'deferred';

export interface MonitorRow {
  id: string;
  name: string;
  pool: string;
  /** The year's target (after any mid-year adjustment and volume cut). */
  target: Amount;
  /** A mid-year adjustment changed this institution's target. */
  adjusted: boolean;
  budgetToDate: Amount;
  claimsToDate: Amount;
  paidToDate: Amount;
  deferredToDate: Amount;
  /** Claims to date ÷ budget to date (执行进度). */
  progress: RatioStr;
  projectedClaims: Amount;
  projectedActual: Amount;
  /** (A − T) / T of the projected year: positive an overspend, negative a surplus. */
  projectedRate: RatioStr;
  projectedBalance: Amount;
  warnings: WarningKind[];
}

export interface Threshold {
  value: string;
  /** Where it comes from: the file's source for it, or null for the tool's default. */
  source: Provenance | null;
  /** The file set it (else the default). */
  given: boolean;
}

export interface MonitorReport {
  asOf: number;
  /** Month by month: claims known or projected. */
  months: ('actual' | 'projected')[];
  thresholds: { overspendRate: Threshold; deferredRate: Threshold; coverageMonths: Threshold };
  fund: {
    budgetToDate: Amount; claimsToDate: Amount; paidToDate: Amount; deferredToDate: Amount;
    projectedExpenditure: Amount; projectedClosingBalance: Amount; projectedAdjustmentFundUsed: Amount;
    projectedMonthsOfCoverage: RatioStr; belowWarningLine: boolean;
  };
  rows: MonitorRow[];
  /** Indices into rows of the institutions warned, most overspent first. */
  warningList: number[];
  /** Pools settled by points (DESIGN §7): points to date, the projected year's points and point value. */
  points: MonitorPointsPool[];
  adjustments: { hospital: string; from: number; reason: string; change: Amount; targetBefore: Amount; targetAfter: Amount; members: number }[];
}

/**
 * A pool settled by points as the year is heading: its members' points of months 1…k (after
 * their coefficients), the year's points (the months known and the rest projected, compile's
 * pointsAsOf), and the point values the projected year settles at (元/分, 4 decimals).
 */
export interface MonitorPointsPool {
  pool: string;
  name: string;
  pointsToDate: string;
  projectedPoints: string;
  budgetPointValue: string | null;
  projectedPointValue: string | null;
}

export const DEFAULT_THRESHOLDS = { overspendRate: '0.1', deferredRate: '0.05', coverageMonths: '6' } as const;

export function monitor(s: Scenario): MonitorReport {
  const model = compile(s);
  return monitorReport(s, model, settle(model));
}

/** The report from a compile and settlement already made (what the engine worker holds). */
export function monitorReport(s: Scenario, model: Model, st: Settlement): MonitorReport {
  const k = model.asOf;
  const th = thresholds(s);
  const over = parseRate(th.overspendRate.value);
  const defer = parseRate(th.deferredRate.value);
  const y = st.year;
  const adjustedSet = new Set<number>();
  for (const e of st.adjusted?.effects ?? []) for (const c of e.members) adjustedSet.add(c.index);
  const rows: MonitorRow[] = [];
  const rates: bigint[] = [];
  let tBudget = 0, tClaims = 0, tPaid = 0, tDeferred = 0;
  for (let i = 0; i < y.n; i++) {
    const h = model.hospitals[i]!;
    let budget = 0, claims = 0, paid = 0, payable = 0;
    for (let j = 0; j < k; j++) {
      budget += y.monthlyBudget[12 * i + j]!;
      claims += h.claims[j]!;
      paid += y.paid[12 * i + j]!;
      payable += y.paid[12 * i + j]! + y.withheld[12 * i + j]!;
    }
    const deferred = Math.max(0, claims - payable);
    const target = y.target[i]!;
    const diff = y.actual[i]! - target;
    const warnings: WarningKind[] = [];
    // Exact comparisons: amount × 10^12 against rate × amount.
    if (target > 0 && diff > 0 && BigInt(diff) * RATE_ONE > over * BigInt(target)) warnings.push('overspend');
    if (deferred > 0 && BigInt(deferred) * RATE_ONE > defer * BigInt(budget)) warnings.push('deferred');
    rates.push(target > 0 ? (BigInt(diff) * 10n ** 12n) / BigInt(target) : 0n);
    tBudget += budget; tClaims += claims; tPaid += paid; tDeferred += deferred;
    const sh = s.hospitals[i]!;
    rows.push({
      id: h.id, name: sh.name, pool: st.region.pools[st.region.poolOf[i]!]!.id,
      target: m(target), adjusted: adjustedSet.has(i),
      budgetToDate: m(budget), claimsToDate: m(claims), paidToDate: m(paid), deferredToDate: m(deferred),
      progress: ratioString(BigInt(claims), BigInt(budget)),
      projectedClaims: m(y.claimsTotal[i]!), projectedActual: m(y.actual[i]!),
      projectedRate: ratioString(BigInt(diff), BigInt(target)),
      projectedBalance: m(y.balance[i]!),
      warnings,
    });
  }
  const warningList = rows.map((_, i) => i).filter((i) => rows[i]!.warnings.length > 0)
    .sort((a, b) => (rates[b]! > rates[a]! ? 1 : rates[b]! < rates[a]! ? -1 : a - b));
  const coverage = parseRate(th.coverageMonths.value);
  const below = st.expenditure > 0 && BigInt(st.closing) * 12n * RATE_ONE < coverage * BigInt(st.expenditure);
  return {
    asOf: k,
    months: Array.from({ length: 12 }, (_, j) => (j < k ? 'actual' : 'projected')),
    thresholds: th,
    fund: {
      budgetToDate: m(tBudget), claimsToDate: m(tClaims), paidToDate: m(tPaid), deferredToDate: m(tDeferred),
      projectedExpenditure: m(st.expenditure), projectedClosingBalance: m(st.closing), projectedAdjustmentFundUsed: m(st.used),
      projectedMonthsOfCoverage: ratioString(BigInt(st.closing) * 12n, BigInt(st.expenditure)),
      belowWarningLine: below,
    },
    rows,
    warningList,
    points: pointsPools(model, st, k),
    adjustments: recordsOf(s, model, st.adjusted).map((r) => ({
      hospital: r.hospital, from: r.from, reason: r.reason, change: r.change, targetBefore: r.targetBefore, targetAfter: r.targetAfter,
        members: r.members.length,
    })),
  };
}

/** The thresholds in force, each with its source (policy.sources["monitoring.thresholds.<name>"]). */
export function thresholds(s: Scenario): MonitorReport['thresholds'] {
  const t = s.monitoring?.thresholds ?? {};
  const one = (name: keyof typeof DEFAULT_THRESHOLDS, fallback?: string): Threshold => {
    const v = t[name] ?? fallback;
    return { value: v ?? DEFAULT_THRESHOLDS[name], source: s.policy.sources?.[`monitoring.thresholds.${name}`] ?? null, given: t[name] !== undefined };
  };
  return { overspendRate: one('overspendRate'), deferredRate: one('deferredRate'), coverageMonths: one('coverageMonths', s.analysis?.years?.warningMonths) };
}

function pointsPools(model: Model, st: Settlement, k: number): MonitorPointsPool[] {
  return st.region.pools.flatMap((p, j) => {
    const pp = p.points;
    if (!pp) return [];
    let toDate = 0n;
    for (const i of model.pools[j]!.members) {
      const hp = model.hospitals[i]!.points;
      for (let mo = 0; mo < k; mo++) toDate += hp?.months[mo] ?? 0n;
    }
    return [{
      pool: p.id, name: p.name, pointsToDate: formatPoints(toDate), projectedPoints: formatPoints(pp.points),
      budgetPointValue: pointValueString(BigInt(p.amount), pp.projected), projectedPointValue: pointValueString(BigInt(pp.entitled), pp.points),
    }];
  });
}
