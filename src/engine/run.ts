/** Scenario → Result: the whole year, exact to the fen. Pure; same input, same output. */
import { allocate } from './allocate.ts';
import { compile } from './compile.ts';
import { apportion } from './apportion.ts';
import { finalize, settleYear, type HospitalFinal } from './settle.ts';
import { formatMoney as m, ratioString, sum, type Fen } from './money.ts';
import { ratioToString } from './quality.ts';
import type { Model } from './model.ts';
import type { FundResult, HospitalResult, Result } from './result.ts';
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

export function toResult(model: Model, st: Settlement): Result {
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
  const hospitals = finals.map((h, i) => hospitalResult(h, i, model, region.pools[region.poolOf[i]!]!));
  return { fund, hospitals };
}

function hospitalResult(h: HospitalFinal, i: number, model: Model, pool: { id: string; weightSum: bigint }): HospitalResult {
  const hm = model.hospitals[i]!;
  const t = BigInt(h.target);
  return {
    id: hm.id,
    target: m(h.target),
    deposit: m(h.deposit),
    monthlyBudget: h.monthlyBudget.map(m),
    paid: h.paid.map(m),
    deferred: m(h.deferred),
    actual: m(h.actual),
    surplus: m(h.surplus),
    reward: m(h.reward),
    overspend: m(h.overspend),
    fundShare: m(h.fundShare),
    depositReturned: m(h.depositReturned),
    depositForfeited: m(h.depositForfeited),
    owed: m(h.owed),
    balance: m(h.balance),
    pool: pool.id,
    weightShare: hm.locked !== null ? null : ratioString(hm.weight, pool.weightSum, 8),
    locked: hm.locked !== null,
    allocatedTarget: m(h.allocatedTarget),
    volumeCut: m(h.volumeCut),
    claims: hm.claims.map(m),
    claimsTotal: m(h.claimsTotal),
    projected: hm.projected,
    deductions: m(hm.deductions),
    withheld: h.withheld.map(m),
    reasonableOverspend: m(h.reasonableOverspend),
    fundShareClaimed: m(h.fundShareClaimed),
    surplusRate: ratioString(BigInt(h.surplus), t),
    overspendRate: ratioString(BigInt(h.overspend), t),
    qualityRatio: ratioToString(h.quality),
    due: m(h.due),
    advance: m(h.advance),
    paidTotal: m(h.paidTotal),
  };
}

export type { Fen };
