/**
 * One institution's year: volume floor, quality deposit, monthly budget and payments with
 * deferral, actual spending, surplus retention or overspend sharing (before any cut of the
 * fund's shares), then the deposit's return, what is owed and the balance due.
 *
 * Every institution's figures are written into one table of typed columns (integer fen held
 * in doubles, exact to 2^53) rather than one object each: a 3,000-institution recompute then
 * allocates a few dozen arrays instead of tens of thousands of objects and boxed numbers, and
 * the columns can be handed to the page as they are.
 */
import { apportion, apportionSmallInto } from './apportion.ts';
import { mulRate, mulRatio, divRoundHalfUp, RATE_ONE, type Fen, type Rate } from './money.ts';
import { applyTiers } from './tiers.ts';
import { applyRatio } from './quality.ts';
import type { HospitalModel, Model } from './model.ts';

/** Per-institution amounts, one column each; filled by settleYear, completed by finalize. */
export const YEAR_FIELDS = [
  'allocatedTarget', 'volumeCut', 'target', 'deposit', 'claimsTotal', 'deferred', 'actual', 'surplus', 'reward',
  'overspend', 'reasonableOverspend', 'fundShareClaimed', 'advance',
  // Pools settled by points: what a point-value cap kept of the entitlement (0 elsewhere).
  'pointCapCut',
  // Known once the fund's shares are final:
  'fundShare', 'due', 'depositReturned', 'depositForfeited', 'owed', 'paidTotal', 'balance',
] as const;
export type YearField = (typeof YEAR_FIELDS)[number];

/** Monthly columns: 12 entries per institution, institution i at [12i, 12i + 12). */
export const MONTH_FIELDS = ['monthlyBudget', 'paid', 'withheld'] as const;
export type MonthField = (typeof MONTH_FIELDS)[number];

export type YearTable = { readonly n: number } & { readonly [K in YearField | MonthField]: Float64Array };

/**
 * A table of n institutions, every column zero. Written out as one object literal, not filled in
 * by a loop over the field names: 28 properties added by computed keys put the object in V8's
 * dictionary mode, and every column read in the year loop (millions at 100,000 institutions)
 * was then a hash lookup. `satisfies` keeps the literal's columns those of YEAR_FIELDS and
 * MONTH_FIELDS.
 */
export function yearTable(n: number): YearTable {
  const y = () => new Float64Array(n);
  const mo = () => new Float64Array(12 * n);
  const t = {
    n,
    allocatedTarget: y(), volumeCut: y(), target: y(), deposit: y(), claimsTotal: y(), deferred: y(), actual: y(),
    surplus: y(), reward: y(), overspend: y(), reasonableOverspend: y(), fundShareClaimed: y(), advance: y(),
    pointCapCut: y(),
    fundShare: y(), due: y(), depositReturned: y(), depositForfeited: y(), owed: y(), paidTotal: y(), balance: y(),
    monthlyBudget: mo(), paid: mo(), withheld: mo(),
  } satisfies { n: number } & Record<YearField | MonthField, Float64Array>;
  return t;
}

/**
 * A table about to be settled again: every column is overwritten for each institution except
 * the months withheld, which settleYear writes only when the deposit comes from claims.
 */
export function clearForReuse(t: YearTable, m: Model): YearTable {
  if (m.depositBase === 'target') t.withheld.fill(0);
  return t;
}

const capOf = (cap: Rate | null, t: Fen): Fen | null => (cap === null ? null : mulRate(t, cap));
const capped = (x: Fen, cap: Fen | null): Fen => (cap !== null && cap < x ? cap : x);

/** An institution's target after any volume cut, its deposit from the target, and the budget split into months. */
export function budgetOf(h: HospitalModel, allocatedTarget: Fen, m: Model): { target: Fen; deposit: Fen; budget: Fen } {
  let target = allocatedTarget;
  if (h.volume !== null && h.floor !== null && h.volume < h.floor) target = mulRatio(allocatedTarget, h.volume, h.floor);
  const deposit = m.depositBase === 'target' ? mulRate(target, h.depositRate) : (0 as Fen);
  return { target, deposit, budget: (target - deposit) as Fen };
}

/**
 * Institution i's year up to the fund's share as its tiers give it (before any cut).
 * `schedule`: its 12 monthly amounts when a mid-year adjustment set them (engine/adjust.ts).
 */
export function settleYear(t: YearTable, i: number, h: HospitalModel, allocatedTarget: Fen, m: Model, schedule?: readonly Fen[]): void {
  const { target, deposit: fromTarget, budget } = budgetOf(h, allocatedTarget, m);
  const onTarget = m.depositBase === 'target';
  let deposit = fromTarget;
  const at = 12 * i;
  const months = t.monthlyBudget;
  if (schedule !== undefined) months.set(schedule, at);
  else if (m.profileSmall) apportionSmallInto(budget, m.profileSmall.w, m.profileSmall.sum, months, at);
  else months.set(apportion(budget, m.profile), at);

  let cumC = 0;
  let cumM = 0;
  let prevX = 0;
  let claimsTotal = 0;
  for (let k = 0; k < 12; k++) {
    const c = h.claims[k]!;
    cumC += c;
    cumM += months[at + k]!;
    claimsTotal += c;
    const x = m.prepaid || cumM < cumC ? cumM : cumC;
    const pay = x - prevX;
    prevX = x;
    // Withheld monthly only when the deposit is a share of claims (else the column stays 0).
    let w = 0;
    if (!onTarget) {
      w = mulRate(pay, h.depositRate);
      t.withheld[at + k] = w;
      deposit = (deposit + w) as Fen;
    }
    t.paid[at + k] = pay - w;
  }
  // Claims not covered by what was paid in the year; under prepayment, paid may exceed claims.
  const deferred = claimsTotal > prevX ? claimsTotal - prevX : 0;
  yearEnd(t, i, h, m, { allocatedTarget, target, deposit, budget, claimsTotal, deferred, capCut: 0 });
}

/** What the months of a year leave for its end (the same for targets and for points). */
export interface YearSoFar {
  allocatedTarget: number;
  /** T (or the entitlement E of a points pool). */
  target: number;
  deposit: number;
  /** The year's monthly budget (the advance is a share of it). */
  budget: number;
  claimsTotal: number;
  deferred: number;
  capCut: number;
}

/** Actual spending, surplus retention or overspend sharing (DESIGN §6) against `y.target`, and the advance. */
export function yearEnd(t: YearTable, i: number, h: HospitalModel, m: Model, y: YearSoFar): void {
  const { allocatedTarget, deposit, budget, claimsTotal, deferred } = y;
  const target = y.target as Fen;
  const actual = (claimsTotal - h.deductions) as Fen;

  let surplus = 0, reward = 0, overspend = 0, reasonable = 0 as Fen, fundShare = 0;
  if (actual < target) {
    surplus = target - actual;
    if (m.surplus && h.rewardEligible) reward = capped(applyTiers(m.surplus.table, surplus as Fen, target), capOf(m.surplus.cap, target));
  } else if (actual > target) {
    overspend = actual - target;
    if (m.overspend) {
      reasonable = mulRate(overspend, h.reasonableShare ?? m.overspend.reasonableShare);
      fundShare = capped(applyTiers(m.overspend.table, reasonable, target), capOf(m.overspend.cap, target));
    }
  }
  t.allocatedTarget[i] = allocatedTarget;
  t.volumeCut[i] = allocatedTarget - target - y.capCut;
  t.pointCapCut[i] = y.capCut;
  t.target[i] = target;
  t.deposit[i] = deposit;
  t.claimsTotal[i] = claimsTotal;
  t.deferred[i] = deferred;
  t.actual[i] = actual;
  t.surplus[i] = surplus;
  t.reward[i] = reward;
  t.overspend[i] = overspend;
  t.reasonableOverspend[i] = reasonable;
  t.fundShareClaimed[i] = fundShare;
  t.advance[i] = m.advanceMonths !== null && h.advanceEligible
    ? Number(divRoundHalfUp(BigInt(budget) * m.advanceMonths, 12n * RATE_ONE))
    : 0;
}

/** Complete institution i's year once the fund's share is final. */
export function finalize(t: YearTable, i: number, h: HospitalModel, fundShare: Fen): void {
  const surplus = t.surplus[i]!, overspend = t.overspend[i]!, deposit = t.deposit[i]!;
  const due = surplus > 0 ? t.actual[i]! + t.reward[i]! : overspend > 0 ? t.target[i]! + fundShare : t.actual[i]!;
  const returned = applyRatio(deposit as Fen, h.quality);
  const owed = due - (deposit - returned);
  let paidTotal = 0;
  for (let k = 12 * i; k < 12 * i + 12; k++) paidTotal += t.paid[k]!;
  t.fundShare[i] = fundShare;
  t.due[i] = due;
  t.depositReturned[i] = returned;
  t.depositForfeited[i] = deposit - returned;
  t.owed[i] = owed;
  t.paidTotal[i] = paidTotal;
  t.balance[i] = owed - paidTotal - t.advance[i]!;
}
