/**
 * One institution's year: volume floor, quality deposit, monthly budget and payments with
 * deferral, actual spending, surplus retention or overspend sharing (before any cut of the
 * fund's shares), then the deposit's return, what is owed and the balance due.
 */
import { apportion, apportionSmall } from './apportion.ts';
import { mulRate, mulRatio, divRoundHalfUp, RATE_ONE, type Fen, type Rate } from './money.ts';
import { applyTiers } from './tiers.ts';
import { applyRatio, type Ratio } from './quality.ts';
import type { HospitalModel, Model } from './model.ts';

export interface HospitalYear {
  allocatedTarget: Fen;
  volumeCut: Fen;
  target: Fen;
  deposit: Fen;
  monthlyBudget: Fen[];
  paid: Fen[];
  withheld: Fen[];
  claimsTotal: Fen;
  deferred: Fen;
  actual: Fen;
  surplus: Fen;
  reward: Fen;
  overspend: Fen;
  reasonableOverspend: Fen;
  /** The fund's share as the tiers give it, before any cut for a short adjustment fund. */
  fundShareClaimed: Fen;
  quality: Ratio;
  advance: Fen;
}

export interface HospitalFinal extends HospitalYear {
  fundShare: Fen;
  due: Fen;
  depositReturned: Fen;
  depositForfeited: Fen;
  owed: Fen;
  paidTotal: Fen;
  balance: Fen;
}

const capOf = (cap: Rate | null, t: Fen): Fen | null => (cap === null ? null : mulRate(t, cap));
const capped = (x: Fen, cap: Fen | null): Fen => (cap !== null && cap < x ? cap : x);

export function settleYear(h: HospitalModel, allocatedTarget: Fen, m: Model): HospitalYear {
  let target = allocatedTarget;
  if (h.volume !== null && h.floor !== null && h.volume < h.floor) {
    target = mulRatio(allocatedTarget, BigInt(h.volume), BigInt(h.floor));
  }
  const volumeCut = (allocatedTarget - target) as Fen;
  const onTarget = m.depositBase === 'target';
  let deposit = onTarget ? mulRate(target, h.depositRate) : (0 as Fen);
  const budget = (target - deposit) as Fen;
  const monthlyBudget = m.profileSmall ? apportionSmall(budget, m.profileSmall.w, m.profileSmall.sum) : apportion(budget, m.profile);

  // Filled by push so the arrays stay packed (holey arrays are slower to read and format).
  const paid: Fen[] = [];
  const withheld: Fen[] = [];
  let cumC = 0;
  let cumM = 0;
  let prevX = 0;
  let claimsTotal = 0;
  for (let k = 0; k < 12; k++) {
    const c = h.claims[k]!;
    cumC += c;
    cumM += monthlyBudget[k]!;
    claimsTotal += c;
    const x = m.prepaid || cumM < cumC ? cumM : cumC;
    const pay = (x - prevX) as Fen;
    prevX = x;
    const w = onTarget ? (0 as Fen) : mulRate(pay, h.depositRate);
    withheld.push(w);
    paid.push((pay - w) as Fen);
    if (!onTarget) deposit = (deposit + w) as Fen;
  }
  // Claims not covered by what was paid in the year; under prepayment, paid may exceed claims.
  const deferred = (claimsTotal > prevX ? claimsTotal - prevX : 0) as Fen;
  const actual = (claimsTotal - h.deductions) as Fen;

  let surplus = 0 as Fen, reward = 0 as Fen, overspend = 0 as Fen, reasonable = 0 as Fen, fundShare = 0 as Fen;
  if (actual < target) {
    surplus = (target - actual) as Fen;
    if (m.surplus && h.rewardEligible) reward = capped(applyTiers(m.surplus.table, surplus, target), capOf(m.surplus.cap, target));
  } else if (actual > target) {
    overspend = (actual - target) as Fen;
    if (m.overspend) {
      reasonable = mulRate(overspend, m.overspend.reasonableShare);
      fundShare = capped(applyTiers(m.overspend.table, reasonable, target), capOf(m.overspend.cap, target));
    }
  }
  const quality = h.quality;
  const advance = m.advanceMonths !== null && h.advanceEligible
    ? (Number(divRoundHalfUp(BigInt(budget) * m.advanceMonths, 12n * RATE_ONE)) as Fen)
    : (0 as Fen);
  const zero = 0 as Fen;
  const year: HospitalFinal = {
    allocatedTarget, volumeCut, target, deposit, monthlyBudget, paid, withheld, claimsTotal: claimsTotal as Fen,
    deferred, actual, surplus, reward, overspend, reasonableOverspend: reasonable, fundShareClaimed: fundShare, quality, advance,
    // Filled by finalize(); declared here so every year object has one shape.
    fundShare: zero, due: zero, depositReturned: zero, depositForfeited: zero, owed: zero, paidTotal: zero, balance: zero,
  };
  return year;
}

/** Complete the year once the fund's share is final (fills in place: no copy of 12-month arrays). */
export function finalize(y: HospitalYear, fundShare: Fen): HospitalFinal {
  const f = y as HospitalFinal;
  f.fundShare = fundShare;
  f.due = (y.surplus > 0 ? y.actual + y.reward : y.overspend > 0 ? y.target + fundShare : y.actual) as Fen;
  f.depositReturned = applyRatio(y.deposit, y.quality);
  f.depositForfeited = (y.deposit - f.depositReturned) as Fen;
  f.owed = (f.due - f.depositForfeited) as Fen;
  let paidTotal = 0;
  for (const p of y.paid) paidTotal += p;
  f.paidTotal = paidTotal as Fen;
  f.balance = (f.owed - paidTotal - y.advance) as Fen;
  return f;
}
