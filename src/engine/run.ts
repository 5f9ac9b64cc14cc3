/** Scenario → Result: the whole year, exact to the fen. Pure; same input, same output. */
import { allocate } from './allocate.ts';
import { compile } from './compile.ts';
import { apportion } from './apportion.ts';
import { finalize, settleYear, type HospitalFinal } from './settle.ts';
import { formatMoney as m, ratioString, sum, type Fen } from './money.ts';
import { ratioToString } from './quality.ts';
import type { Model } from './model.ts';
import type { FundResult, HospitalResult, HospitalSummary, Result, Summary } from './result.ts';
import type { Scenario } from '../format/types.ts';

export function runScenario(s: Scenario): Result {
  return runModel(compile(s));
}

/** The settled year in exact fen, before formatting: what benchmarks and Monte Carlo use. */
export interface Settlement {
  region: ReturnType<typeof allocate>;
  hospitals: HospitalFinal[];
  claimedTotal: Fen;
  topUp: number;
  used: Fen;
  owed: Fen;
  expenditure: number;
  closing: number;
}

export function runModel(model: Model): Result {
  return toResult(model, settle(model));
}

export function settle(model: Model): Settlement {
  const region = allocate(model);
  const years = model.hospitals.map((h, i) => settleYear(h, region.targets[i]!, model));

  // The fund's shares are paid from the adjustment fund (plus any allowed top-up); if short,
  // every share is cut pro rata by largest remainder.
  const claimed = years.map((y) => y.fundShareClaimed);
  const claimedTotal = sum(claimed);
  const af = region.adjustmentFund;
  const topUp = claimedTotal > af && model.fund.topUpCap !== null ? Math.min(model.fund.topUpCap, claimedTotal - af) : 0;
  const available = af + topUp;
  const shares = claimedTotal > available ? apportion(available, claimed.map(BigInt)) : claimed;
  const finals = years.map((y, i) => finalize(y, shares[i]!));
  const used = sum(shares);
  const owed = sum(finals.map((h) => h.owed));
  const expenditure = owed + region.carveOuts;
  const closing = model.fund.opening + model.fund.revenue - expenditure;
  return { region, hospitals: finals, claimedTotal, topUp, used, owed, expenditure, closing };
}

/** The result without monthly arrays: for tables and comparisons (much less to format and send). */
export function toSummary(model: Model, st: Settlement): Summary {
  const hospitals = st.hospitals.map((_, i) => hospitalSummary(row(model, st, i)));
  return { fund: fundResult(model, st), hospitals };
}

/** The fund's figures and indicators. */
export function fundResult(model: Model, st: Settlement): FundResult {
  const { region, hospitals: finals, claimedTotal, used, owed, expenditure, closing } = st;
  const af = region.adjustmentFund;
  const carve = region.carveOuts;
  const f = model.fund;
  const retained = sum(finals.map((h) => h.allocatedTarget - (h.owed - h.fundShare)));
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
    volumeCuts: m(sum(finals.map((h) => h.volumeCut))),
    totalTargets: m(sum(finals.map((h) => h.target))),
    totalDeposit: m(sum(finals.map((h) => h.deposit))),
    totalPaid: m(sum(finals.map((h) => h.paidTotal))),
    totalDeferred: m(sum(finals.map((h) => h.deferred))),
    totalAdvance: m(sum(finals.map((h) => h.advance))),
    totalBalance: m(sum(finals.map((h) => h.balance))),
    carveOutItems: f.carveOuts.map((c) => ({ id: c.id, name: c.name, amount: m(c.amount) })),
    pools: region.pools.map((p, k) => ({ id: p.id, name: p.name, amount: m(p.amount), locked: m(p.locked), members: model.pools[k]!.members.length })),
  };
  return fund;
}

interface Row {
  h: HospitalFinal;
  hm: Model['hospitals'][number];
  pool: { id: string; weightSum: bigint };
}

type Cell = HospitalSummary[keyof HospitalSummary];

/** How each summary field is formatted from the settled year: the one definition of a row. */
const COLUMNS: { readonly [K in keyof HospitalSummary]: (r: Row) => HospitalSummary[K] } = {
  id: (r) => r.hm.id,
  target: (r) => m(r.h.target),
  deposit: (r) => m(r.h.deposit),
  deferred: (r) => m(r.h.deferred),
  actual: (r) => m(r.h.actual),
  surplus: (r) => m(r.h.surplus),
  reward: (r) => m(r.h.reward),
  overspend: (r) => m(r.h.overspend),
  fundShare: (r) => m(r.h.fundShare),
  depositReturned: (r) => m(r.h.depositReturned),
  depositForfeited: (r) => m(r.h.depositForfeited),
  owed: (r) => m(r.h.owed),
  balance: (r) => m(r.h.balance),
  pool: (r) => r.pool.id,
  weightShare: (r) => (r.hm.locked !== null ? null : ratioString(r.hm.weight, r.pool.weightSum, 8)),
  locked: (r) => r.hm.locked !== null,
  allocatedTarget: (r) => m(r.h.allocatedTarget),
  volumeCut: (r) => m(r.h.volumeCut),
  claimsTotal: (r) => m(r.h.claimsTotal),
  projected: (r) => r.hm.projected,
  deductions: (r) => m(r.hm.deductions),
  reasonableOverspend: (r) => m(r.h.reasonableOverspend),
  fundShareClaimed: (r) => m(r.h.fundShareClaimed),
  surplusRate: (r) => ratioString(BigInt(r.h.surplus), BigInt(r.h.target)),
  overspendRate: (r) => ratioString(BigInt(r.h.overspend), BigInt(r.h.target)),
  qualityRatio: (r) => ratioToString(r.h.quality),
  due: (r) => m(r.h.due),
  advance: (r) => m(r.h.advance),
  paidTotal: (r) => m(r.h.paidTotal),
};
const FIELDS = Object.keys(COLUMNS) as (keyof HospitalSummary)[];

function row(model: Model, st: Settlement, i: number): Row {
  return { h: st.hospitals[i]!, hm: model.hospitals[i]!, pool: st.region.pools[st.region.poolOf[i]!]! };
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
  for (let i = 0; i < st.hospitals.length; i++) {
    r.h = st.hospitals[i]!;
    r.hm = model.hospitals[i]!;
    r.pool = st.region.pools[st.region.poolOf[i]!]!;
    out.push(get(r));
  }
  return out;
}

const ZERO_MONTHS: readonly string[] = Object.freeze(new Array<string>(12).fill('0.00'));

/** The full result contract: the summary plus each hospital's monthly arrays. */
export function toResult(model: Model, st: Settlement): Result {
  return withMonthly(model, st, toSummary(model, st));
}

/** Complete a summary with the monthly arrays, in place (no copy of 3,000 objects). */
export function withMonthly(model: Model, st: Settlement, summary: Summary): Result {
  const onTarget = model.depositBase === 'target';
  for (let i = 0; i < summary.hospitals.length; i++) {
    const h = st.hospitals[i]!;
    const r = summary.hospitals[i] as HospitalResult;
    r.monthlyBudget = h.monthlyBudget.map(m);
    r.paid = h.paid.map(m);
    r.claims = model.hospitals[i]!.claims.map(m);
    // Nothing is withheld monthly when the deposit is taken from the target.
    r.withheld = onTarget ? (ZERO_MONTHS as string[]) : h.withheld.map(m);
  }
  return summary as Result;
}

export type { Fen };
