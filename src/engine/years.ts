/**
 * Several years from one scenario (DESIGN §8): the ratchet (鞭打快牛) made visible.
 *
 * Year 1 is the scenario as it is. Year y+1 is year y's scenario with
 * - history shifted by one year (oldest dropped), its newest year year y's settled basis by the
 *   base rule: `actual` A, `target` T (after any volume cut), `actualPlusRetained` A + reward;
 * - claims projected from that basis by the institution's growth (its own, else its
 *   category's, else the region's; §6 projection): the engine projects them itself, since the
 *   year's claims are left out;
 * - deductions at the institution's year-one deduction rate (deductions ÷ claims) of the
 *   projected claims, rounded half-up to the fen (none when year one had none);
 * - scores, indicator scores, volumes, formula fields and growth rates as in year one;
 * - points (pools settled by points, DESIGN §7): year y's raw points (before the coefficient)
 *   become year y+1's `lastYear`, and year y+1's points are the projection lastYear × (1 +
 *   growth of points) (the institution's, else policy.points.growth); case counts and groups
 *   belong to year one; coefficients kept;
 * - locked targets kept as negotiated (`lockedTargets: "keep"`) or released to the weights;
 * - budget, every carve-out and the top-up cap × (1 + budget growth), revenue × (1 + revenue
 *   growth), each rounded half-up to the fen from the year before's figure; the risk reserve
 *   and the adjustment fund stay rates, so they follow the budget;
 * - opening balance = year y's closing balance (it may turn negative: the run shows it);
 * - meta.year + 1; the policy unchanged;
 * - year one may be a year in progress (DESIGN §10): its months known and projected and its
 *   mid-year adjustments (年中调整) settle it — an adjusted target is year one's target, so
 *   it is the basis under `target` — but they belong to that year: later years are plans made
 *   before they start, without monitoring, claims to date, last year's pattern or adjustments.
 * Each year is settled by the exact engine (compile + settle). A year that cannot be settled
 * (e.g. a kept locked target no longer fits a shrinking pool) ends the run with its issues.
 *
 * The result keeps per year the fund's figures and six columns of integer fen per institution
 * (Float64Array, exact to 2^53): cheap to hold for 10 years × 3,000 institutions and to send
 * to a worker (structured clone or transfer).
 */
import { compile } from './compile.ts';
import { formatPoints } from './points.ts';
import { fundResult, settle, type Settlement } from './run.ts';
import { ScenarioError, issueOf, type Issue } from '../format/issues.ts';
import { formatMoney as m, mulRate, mulRatio, parseRate, ratioString, RATE_ONE, MoneyError, type Fen, type Rate } from './money.ts';
import { resolveYears, type YearsParams } from './analysis-params.ts';
import type { Model } from './model.ts';
import type { FundResult } from './result.ts';
import type { Hospital, Scenario } from '../format/types.ts';
import { ownValue } from '../format/json.ts';

/** Institution columns kept per year (integer fen, file order). */
export const YEAR_COLUMNS = ['target', 'claimsTotal', 'actual', 'reward', 'fundShare', 'owed', 'basis'] as const;
export type YearColumn = (typeof YEAR_COLUMNS)[number];

export interface YearPoint {
  /** 1 for the scenario's own year. */
  index: number;
  /** Calendar year (meta.year + index − 1), or null when the scenario names none. */
  year: number | null;
  fund: FundResult;
  /** Months of coverage below the warning line. */
  belowWarning: boolean;
  columns: Record<YearColumn, Float64Array>;
}

export interface YearsRun {
  params: YearsParams;
  ids: readonly string[];
  years: YearPoint[];
  /** Why the run stopped early: the issues of the year that could not be settled (its `year` index). */
  stopped: { index: number; issues: Issue[] } | null;
}

/** Called with each settled year (e.g. to fingerprint its full result); must not change its arguments. */
export type OnYear = (point: YearPoint, scenario: Scenario, model: Model, st: Settlement) => void;

/**
 * Run `params.years` years from `s` (given params over `s.analysis.years` over the defaults).
 * Throws a ScenarioError only for invalid parameters; an unsettleable year stops the run.
 */
export function runYears(s: Scenario, given?: Partial<YearsParams>, onYear?: OnYear): YearsRun {
  const { params, issues } = resolveYears({ ...s.analysis?.years, ...stripUndefined(given) });
  if (issues.length) throw new ScenarioError(issues);
  const n = s.hospitals.length;
  const growth = s.hospitals.map((h) => (RATE_ONE + growthOf(h, s)) as Rate);
  const budgetFactor = (RATE_ONE + parseRate(params.budgetGrowth)) as Rate;
  const revenueFactor = (RATE_ONE + parseRate(params.revenueGrowth)) as Rate;
  const warning = parseRate(params.warningMonths);
  const out: YearsRun = { params, ids: s.hospitals.map((h) => h.id), years: [], stopped: null };
  // Year one's deductions and claims, for the deduction rate of later years.
  let dedNum: Float64Array | null = null;
  let dedDen: Float64Array | null = null;

  let cur = s;
  for (let y = 1; y <= params.years; y++) {
    let model: Model;
    let st: Settlement;
    try {
      model = compile(cur);
      st = settle(model);
    } catch (e) {
      if (e instanceof ScenarioError) { out.stopped = { index: y, issues: e.issues }; break; }
      if (e instanceof MoneyError) { out.stopped = { index: y, issues: [issueOf('', 'notExact', { detail: e.message })] }; break; }
      throw e;
    }
    const t = st.year;
    const basis = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      basis[i] = params.baseRule === 'target' ? t.target[i]! : params.baseRule === 'actual' ? t.actual[i]! : t.actual[i]! + t.reward[i]!;
    }
    const fund = fundResult(model, st);
    const months = fund.monthsOfCoverage === null ? null : parseRate(fund.monthsOfCoverage);
    const point: YearPoint = {
      index: y,
      year: cur.meta.year ?? null,
      fund,
      belowWarning: months !== null && months < warning,
      columns: {
        target: t.target.slice(), claimsTotal: t.claimsTotal.slice(), actual: t.actual.slice(), reward: t.reward.slice(),
        fundShare: t.fundShare.slice(), owed: t.owed.slice(), basis,
      },
    };
    out.years.push(point);
    onYear?.(point, cur, model, st);
    if (y === 1) {
      dedNum = Float64Array.from(model.hospitals, (h) => h.deductions);
      dedDen = t.claimsTotal.slice();
    }
    if (y < params.years) cur = nextYear(cur, model, st, basis, growth, dedNum!, dedDen!, budgetFactor, revenueFactor, params);
  }
  return out;
}

/** Year y+1's scenario from year y's (see the module comment for every rule). */
function nextYear(
  cur: Scenario, model: Model, st: Settlement, basis: Float64Array, growth: readonly Rate[],
  dedNum: Float64Array, dedDen: Float64Array, budgetFactor: Rate, revenueFactor: Rate, p: YearsParams,
): Scenario {
  const hospitals = cur.hospitals.map((h, i): Hospital => {
    const b = basis[i]! as Fen;
    const next: Hospital = { ...h, history: [...h.history.slice(1), m(b)] };
    delete next.claims;
    delete next.deductions;
    delete next.claimsToDate;
    delete next.lastYearClaims;
    if (p.lockedTargets === 'release') delete next.lockedTarget;
    // Points (DESIGN §7, §8): year y's raw points become last year's; year y+1's are projected
    // from them by its growth of points (its own, else the policy's) — a plan has no case list yet.
    const pm = model.hospitals[i]!.points;
    if (h.points !== undefined) {
      const { total: _t, months: _mo, projected: _p, cases: _c, groups: _g, ...keep } = h.points;
      next.points = { ...keep, lastYear: formatPoints(pm?.raw ?? 0n) };
    }
    const num = dedNum[i]!, den = dedDen[i]!;
    if (num > 0 && den > 0) next.deductions = m(mulRatio(mulRate(b, growth[i]!), num, den));
    return next;
  });
  const f = model.fund;
  const grow = (x: Fen) => m(mulRate(x, budgetFactor));
  const fund = {
    ...cur.fund,
    budget: grow(f.budget),
    revenue: m(mulRate(f.revenue, revenueFactor)),
    openingBalance: m(st.closing),
    carveOuts: cur.fund.carveOuts.map((c, k) => ({ ...c, amount: grow(f.carveOuts[k]!.amount) })),
  };
  if (f.topUpCap !== null) fund.adjustmentTopUpCap = grow(f.topUpCap);
  const meta = cur.meta.year === undefined ? cur.meta : { ...cur.meta, year: cur.meta.year + 1 };
  const { monitoring: _m, adjustments: _a, ...plan } = cur;
  return { ...plan, meta, fund, hospitals };
}

/** The growth used to project claims (DESIGN §6): the institution's, else its category's, else the region's. */
function growthOf(h: Hospital, s: Scenario): Rate {
  return parseRate(h.growth ?? ownValue(s.policy.growth?.byCategory, h.category) ?? s.policy.growth?.region ?? '0');
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  const r: Partial<T> = {};
  for (const [k, v] of Object.entries(o ?? {})) if (v !== undefined) (r as Record<string, unknown>)[k] = v;
  return r;
}

/** One institution's cumulative rate over the run: (Σ actual − Σ target) / Σ target. */
export interface Pick {
  index: number;
  id: string;
  /** Σ actual − Σ target over the years, yuan. */
  net: string;
  /** net / Σ target, 4 decimals (negative: saved). */
  rate: string;
}

/**
 * The saver and the spender to show: the institution with the largest cumulative surplus rate
 * (Σ T − Σ A) / Σ T > 0 and the one with the largest cumulative overspend rate (Σ A − Σ T) / Σ T
 * > 0, over all years of the run; ties to the earlier institution in file order. Institutions
 * whose targets add up to 0 are left out. Null when nobody saved (or nobody overspent).
 */
export function saverAndSpender(run: YearsRun): { saver: Pick | null; spender: Pick | null } {
  const n = run.ids.length;
  const net = new Array<bigint>(n).fill(0n);
  const tot = new Array<bigint>(n).fill(0n);
  for (const y of run.years) {
    const { actual, target } = y.columns;
    for (let i = 0; i < n; i++) {
      net[i] = net[i]! + BigInt(actual[i]! - target[i]!);
      tot[i] = tot[i]! + BigInt(target[i]!);
    }
  }
  let saver = -1, spender = -1;
  for (let i = 0; i < n; i++) {
    if (tot[i]! <= 0n) continue;
    // a/b < c/d with b, d > 0 ⇔ a·d < c·b: exact comparison of the rates.
    if (net[i]! < 0n && (saver < 0 || net[i]! * tot[saver]! < net[saver]! * tot[i]!)) saver = i;
    if (net[i]! > 0n && (spender < 0 || net[i]! * tot[spender]! > net[spender]! * tot[i]!)) spender = i;
  }
  const pick = (i: number): Pick | null => (i < 0 ? null : { index: i, id: run.ids[i]!, net: m(Number(net[i]!)), rate: ratioString(net[i]!, tot[i]!)! });
  return { saver: pick(saver), spender: pick(spender) };
}

/**
 * Any institution's cumulative figures over the run (the saver's and the spender's measure, for
 * the one a user picks): Σ actual − Σ target and its rate; null when its targets add up to 0.
 */
export function cumulativeOf(run: YearsRun, i: number): Pick | null {
  if (i < 0 || i >= run.ids.length) return null;
  let net = 0n, tot = 0n;
  for (const y of run.years) {
    net += BigInt(y.columns.actual[i]! - y.columns.target[i]!);
    tot += BigInt(y.columns.target[i]!);
  }
  return tot <= 0n ? null : { index: i, id: run.ids[i]!, net: m(Number(net)), rate: ratioString(net, tot)! };
}

/** A column of a year as decimal strings (for JSON and tables). */
export const columnStrings = (col: Float64Array): string[] => Array.from(col, (x) => m(x));

