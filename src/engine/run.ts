/** Scenario → Result: the whole year, exact to the fen. Pure; same input, same output. */
import { allocate } from './allocate.ts';
import { compile } from './compile.ts';
import { apportion } from './apportion.ts';
import { settlePointsYear } from './settle-points.ts';
import { formatPoints, pointValueString, type PointsPool } from './points.ts';
import { clearForReuse, finalize, settleYear, yearTable, type YearField, type YearTable } from './settle.ts';
import { formatMoney as m, ratioOfAmounts, ratioString, sum, type Fen } from './money.ts';
import { ratioToString } from './quality.ts';
import type { Model } from './model.ts';
import { applyAdjustments, type Adjusted } from './adjust.ts';
import { AMOUNT_FIELDS, type AmountField, type FundResult, type HospitalResult, type HospitalSummary, type MonthlyField, type PoolPointsResult,
  type Result, type Summary } from './result.ts';
import type { Scenario } from '../format/types.ts';

export function runScenario(s: Scenario): Result {
  return runModel(compile(s));
}

/** The settled year in exact fen, before formatting: what benchmarks and Monte Carlo use. */
export interface Settlement {
  region: ReturnType<typeof allocate>;
  /** Every institution's figures, one column each (file order). */
  year: YearTable;
  claimedTotal: Fen;
  topUp: number;
  used: Fen;
  owed: Fen;
  expenditure: number;
  closing: number;
  /** The mid-year adjustments' effects (null without any). */
  adjusted: Adjusted | null;
}

export function runModel(model: Model): Result {
  return toResult(model, settle(model));
}

/**
 * Settle the year. `into`: a table from an earlier settlement that the caller is done with, to
 * be overwritten instead of allocating a new one (a table is ~450 bytes per institution in
 * typed arrays held outside the heap; allocating one per run at 100,000 institutions made V8 run
 * full collections). Ignored unless it has as many rows as the model has institutions.
 */
export function settle(model: Model, into?: YearTable): Settlement {
  const region = allocate(model);
  const hs = model.hospitals;
  const year = into !== undefined && into.n === hs.length ? clearForReuse(into, model) : yearTable(hs.length);
  // Mid-year adjustments move targets within a pool and re-split months from theirs on.
  const adjusted = model.adjustments.length > 0 ? applyAdjustments(model, region) : null;
  const targets = adjusted ? adjusted.targets : region.targets;
  for (let i = 0; i < hs.length; i++) {
    const k = region.poolOf[i]!;
    const byPoints = k >= 0 ? region.points[k] : null;
    if (byPoints) settlePointsYear(year, i, hs[i]!, model, { amount: region.pools[k]!.amount, points: byPoints }, targets[i]! as Fen,
      region.entitlements[i]! as Fen);
    else settleYear(year, i, hs[i]!, targets[i]! as Fen, model, adjusted?.schedules.get(i));
  }

  // The fund's shares are paid from the adjustment fund (plus any allowed top-up); if short,
  // every share is cut pro rata by largest remainder.
  const claimed = year.fundShareClaimed;
  const claimedTotal = sum(claimed);
  const af = region.adjustmentFund;
  const topUp = claimedTotal > af && model.fund.topUpCap !== null ? Math.min(model.fund.topUpCap, claimedTotal - af) : 0;
  const available = af + topUp;
  const shares = claimedTotal > available ? apportion(available, Array.from(claimed, BigInt)) : claimed;
  for (let i = 0; i < hs.length; i++) finalize(year, i, hs[i]!, shares[i]! as Fen);
  const used = sum(year.fundShare);
  const owed = sum(year.owed);
  const expenditure = owed + region.carveOuts;
  const closing = model.fund.opening + model.fund.revenue - expenditure;
  return { region, year, claimedTotal, topUp, used, owed, expenditure, closing, adjusted };
}

/** The result without monthly arrays: for tables and comparisons (much less to format and send). */
export function toSummary(model: Model, st: Settlement): Summary {
  const hospitals = model.hospitals.map((_, i) => hospitalSummary(row(model, st, i)));
  return { fund: fundResult(model, st), hospitals };
}

/** The fund's figures and indicators. */
export function fundResult(model: Model, st: Settlement): FundResult {
  const { region, year: y, claimedTotal, used, owed, expenditure, closing } = st;
  const af = region.adjustmentFund;
  const carve = region.carveOuts;
  const f = model.fund;
  // What institutions were allotted and not paid, leaving aside the fund's shares of overspend.
  let retained = 0;
  for (let i = 0; i < y.n; i++) retained += y.allocatedTarget[i]! - (y.owed[i]! - y.fundShare[i]!);
  const big = BigInt;
  const fund: FundResult = {
    base: m(f.budget),
    riskReserve: m(region.riskReserve),
    carveOuts: m(carve),
    globalTarget: m(region.globalTarget),
    adjustmentFund: m(af),
    allocatable: m(region.allocatable),
    hospitalsOwed: m(owed),
    adjustmentFundUsed: m(used),
    expenditure: m(expenditure),
    closingBalance: m(closing),
    monthsOfCoverage: ratioString(big(closing) * 12n, big(expenditure)),
    currentSurplusRate: ratioString(big(f.revenue - expenditure), big(f.revenue)),
    revenue: m(f.revenue),
    openingBalance: m(f.opening),
    cumulativeSurplusRate: ratioString(big(closing), big(f.revenue)),
    adjustmentFundTopUp: m(Math.max(0, used - af)),
    adjustmentFundUnused: m(Math.max(0, af - used)),
    fundSharesClaimed: m(claimedTotal),
    retainedFromTargets: m(retained),
    volumeCuts: m(sum(y.volumeCut)),
    totalTargets: m(sum(y.target)),
    totalDeposit: m(sum(y.deposit)),
    totalPaid: m(sum(y.paidTotal)),
    totalDeferred: m(sum(y.deferred)),
    totalAdvance: m(sum(y.advance)),
    totalBalance: m(sum(y.balance)),
    carveOutItems: f.carveOuts.map((c) => ({ id: c.id, name: c.name, amount: m(c.amount) })),
    pointCapCuts: m(sum(y.pointCapCut)),
    pools: region.pools.map((p, k) => ({
      id: p.id, name: p.name, amount: m(p.amount), locked: m(p.locked), members: model.pools[k]!.members.length,
      // Only a pool settled by points says so (and has points): a target pool's figures are as they were.
      ...(p.points ? poolPoints(p.amount, p.points) : {}),
    })),
  };
  return fund;
}

/** A points pool's figures (DESIGN §7): sums of points, the budget and settlement point values (元/分). */
function poolPoints(amount: Fen, pp: PointsPool): PoolPointsResult {
  return {
    settlement: 'points',
    points: formatPoints(pp.points),
    projectedPoints: formatPoints(pp.projected),
    budgetPointValue: pointValueString(BigInt(amount), pp.projected),
    pointValue: pointValueString(BigInt(pp.entitled), pp.points),
    uncappedPointValue: pointValueString(BigInt(amount), pp.points),
    pointValueCapped: pp.capped,
    entitled: m(pp.entitled),
    capCut: m(amount - pp.entitled),
  };
}

interface Row {
  y: YearTable;
  i: number;
  hm: Model['hospitals'][number];
  pool: { id: string; weightSum: bigint; points?: PointsPool };
}

type Cell = HospitalSummary[keyof HospitalSummary];

/** How each summary field is formatted from the settled year: the one definition of a row. */
const COLUMNS: { readonly [K in keyof HospitalSummary]: (r: Row) => HospitalSummary[K] } = {
  id: (r) => r.hm.id,
  target: (r) => m(r.y.target[r.i]!),
  deposit: (r) => m(r.y.deposit[r.i]!),
  deferred: (r) => m(r.y.deferred[r.i]!),
  actual: (r) => m(r.y.actual[r.i]!),
  surplus: (r) => m(r.y.surplus[r.i]!),
  reward: (r) => m(r.y.reward[r.i]!),
  overspend: (r) => m(r.y.overspend[r.i]!),
  fundShare: (r) => m(r.y.fundShare[r.i]!),
  depositReturned: (r) => m(r.y.depositReturned[r.i]!),
  depositForfeited: (r) => m(r.y.depositForfeited[r.i]!),
  owed: (r) => m(r.y.owed[r.i]!),
  balance: (r) => m(r.y.balance[r.i]!),
  pool: (r) => r.pool.id,
  weightShare: (r) => (r.hm.locked !== null || r.pool.points ? null : ratioString(r.hm.weight, r.pool.weightSum, 8)),
  locked: (r) => r.hm.locked !== null,
  allocatedTarget: (r) => m(r.y.allocatedTarget[r.i]!),
  volumeCut: (r) => m(r.y.volumeCut[r.i]!),
  claimsTotal: (r) => m(r.y.claimsTotal[r.i]!),
  projected: (r) => r.hm.projected,
  deductions: (r) => m(r.hm.deductions),
  reasonableOverspend: (r) => m(r.y.reasonableOverspend[r.i]!),
  fundShareClaimed: (r) => m(r.y.fundShareClaimed[r.i]!),
  surplusRate: (r) => ratioOfAmounts(r.y.surplus[r.i]!, r.y.target[r.i]!),
  overspendRate: (r) => ratioOfAmounts(r.y.overspend[r.i]!, r.y.target[r.i]!),
  qualityRatio: (r) => ratioToString(r.hm.quality),
  due: (r) => m(r.y.due[r.i]!),
  advance: (r) => m(r.y.advance[r.i]!),
  paidTotal: (r) => m(r.y.paidTotal[r.i]!),
  pointCapCut: (r) => m(r.y.pointCapCut[r.i]!),
  paymentRate: (r) => ratioOfAmounts(r.y.target[r.i]!, r.y.actual[r.i]!),
  points: (r) => (r.pool.points ? formatPoints(r.hm.points?.pts ?? 0n) : null),
  projectedPoints: (r) => (r.pool.points ? formatPoints(r.hm.points?.proj ?? 0n) : null),
  pointShare: (r) => (r.pool.points ? ratioString(r.hm.points?.pts ?? 0n, r.pool.points.points, 8) : null),
  pointsProjected: (r) => (r.pool.points ? r.hm.points?.projected ?? true : false),
};
const FIELDS = Object.keys(COLUMNS) as (keyof HospitalSummary)[];

function row(model: Model, st: Settlement, i: number): Row {
  return { y: st.year, i, hm: model.hospitals[i]!, pool: st.region.pools[st.region.poolOf[i]!]! };
}

function hospitalSummary(r: Row): HospitalSummary {
  // Fields are added in one fixed order, so every summary shares one object shape.
  const o = {} as Record<string, Cell>;
  for (const f of FIELDS) o[f] = COLUMNS[f](r);
  return o as unknown as HospitalSummary;
}

/**
 * One summary field for every hospital, in file order, without building per-hospital objects:
 * what a table needs, at a fraction of the memory of a full result.
 */
export function summaryColumn<K extends keyof HospitalSummary>(model: Model, st: Settlement, field: K): HospitalSummary[K][] {
  const get = COLUMNS[field];
  const out: HospitalSummary[K][] = [];
  const r = row(model, st, 0); // one cursor, moved along: no allocation per cell
  for (let i = 0; i < st.year.n; i++) {
    r.i = i;
    r.hm = model.hospitals[i]!;
    r.pool = st.region.pools[st.region.poolOf[i]!]!;
    out.push(get(r));
  }
  return out;
}

const ZERO_MONTHS: readonly string[] = Object.freeze(new Array<string>(12).fill('0.00'));

/** The monthly arrays of a full result, in the order they follow the summary's fields. */
export const MONTHLY_FIELDS = ['monthlyBudget', 'paid', 'claims', 'withheld'] as const satisfies readonly MonthlyField[];

/** Where an institution's months of one monthly field are in fen: `count` values of `col` from `from`. */
export interface MonthsAt {
  col: ArrayLike<number>;
  from: number;
  count: number;
}

/**
 * Institution i's months of `field`; null for none withheld (twelve "0.00"): nothing is withheld
 * monthly when the deposit is taken from the target, outside pools settled by points.
 */
export function monthsAt(model: Model, st: Settlement, i: number, field: MonthlyField): MonthsAt | null {
  if (field === 'claims') return { col: model.hospitals[i]!.claims, from: 0, count: model.hospitals[i]!.claims.length };
  if (field === 'withheld' && model.depositBase === 'target' && !st.region.pools[st.region.poolOf[i]!]?.points) return null;
  return { col: st.year[field], from: 12 * i, count: 12 };
}

/** The full result contract: the summary plus each hospital's monthly arrays. */
export function toResult(model: Model, st: Settlement): Result {
  return withMonthly(model, st, toSummary(model, st));
}

/** Complete a summary with the monthly arrays, in place (no copy of 3,000 objects). */
export function withMonthly(model: Model, st: Settlement, summary: Summary): Result {
  for (let i = 0; i < summary.hospitals.length; i++) addMonths(model, st, summary.hospitals[i] as HospitalResult, i);
  return summary as Result;
}

function addMonths(model: Model, st: Settlement, r: HospitalResult, i: number): HospitalResult {
  for (const f of MONTHLY_FIELDS) {
    const at = monthsAt(model, st, i, f);
    r[f] = at === null ? (ZERO_MONTHS as string[]) : Array.from({ length: at.count }, (_, k) => m(at.col[at.from + k]!));
  }
  return r;
}

/** One institution's full result, as toResult gives it, without formatting the others'. */
export function hospitalResultAt(model: Model, st: Settlement, i: number): HospitalResult {
  return addMonths(model, st, hospitalSummary(row(model, st, i)) as HospitalResult, i);
}

/** The summary's fields in the order every summary holds them (what the JSON of a result lists). */
export const SUMMARY_FIELDS: readonly (keyof HospitalSummary)[] = FIELDS;

/**
 * Every amount of a summary but deductions (the model's) is the year column of its name,
 * formatted as money (packed results rely on it too): writers may format those from the column.
 */
type Year<T extends YearField> = T; // fails to compile when an amount is not a year column
export type YearAmountField = Year<Exclude<AmountField, 'deductions'>>;
const YEAR_AMOUNTS: ReadonlySet<string> = new Set(AMOUNT_FIELDS.filter((f) => f !== 'deductions'));
export const isYearAmount = (f: keyof HospitalSummary): f is YearAmountField => YEAR_AMOUNTS.has(f);

/**
 * One summary cell of institution i at a time, for writers that format rows themselves
 * (cli/json-out.ts): one cursor moved along, no object per institution.
 */
export function summaryCursor(model: Model, st: Settlement): { at: (i: number) => void; cell: <K extends keyof HospitalSummary>(f: K) => HospitalSummary[K] } {
  const r = row(model, st, 0);
  return {
    at: (i) => {
      r.i = i;
      r.hm = model.hospitals[i]!;
      r.pool = st.region.pools[st.region.poolOf[i]!]!;
    },
    cell: (f) => COLUMNS[f](r),
  };
}

export type { Fen };
