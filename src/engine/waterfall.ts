/**
 * Waterfalls: where the money goes, step by step, so a reader sees each part and the parts add
 * up to the whole to the fen. Three of them:
 *
 * - the fund's flow: the expenditure budget → risk reserve and carve-outs → the global target →
 *   the adjustment fund → what was allotted to institutions → what the fund keeps of their
 *   targets and what it adds as shares of overspend → what it owes the institutions;
 * - one institution's year: its allotted target → cuts → target → surplus or overspend → actual
 *   → surplus retained, or the part of an overspend it bears → deposit forfeited → owed for the
 *   year → paid in the months and advanced → the year-end balance;
 * - one institution's change between two scenarios, from its year-end balance (清算补（扣）) in
 *   one to its balance in the other: the balance in a, plus what a paid and advanced in the year
 *   → what it is owed in a → the difference of each step of its year → what it is owed in b →
 *   less what a paid and advanced → the difference of each part of the payments (the target paid
 *   monthly, the deposit held back from the months, the rest of the target not paid out in them,
 *   the advance) → the balance in b.
 *
 * Pure and exact: integer fen from the result's decimal strings; every subtotal is the running
 * sum of the steps before it, and the function checks that it equals the figure the settlement
 * computed (so a waterfall that does not add up is an error, never a drawing).
 */
import { formatMoney, parseMoney } from './money.ts';
import type { FundResult, HospitalSummary } from './result.ts';

/** Names of steps that are not a result field (the glossary's WATERFALL_STEPS names them). */
export type ExtraStep =
  | 'unallocated' | 'retainedOther' | 'overspendBorne' | 'adjustmentFundCut' | 'surplusVsTarget' | 'overspendVsTarget'
  | 'owedBefore' | 'owedAfter' | 'balanceBefore' | 'balanceAfter' | 'paymentsBefore' | 'paymentsAsBefore'
  | 'monthsTarget' | 'monthsDeposit' | 'monthsUnpaid';

export type StepKey = keyof FundResult | keyof HospitalSummary | ExtraStep;

export interface WaterfallStep {
  key: StepKey;
  /** 'total': a bar from 0 (the start, a subtotal, the end); 'step': a change from the running sum. */
  kind: 'total' | 'step';
  /** Signed amount of a step, or the total's value, as a decimal string (元, 2 dp). */
  amount: string;
  /** The running sum before and after this bar (for a total: 0 and its value). */
  from: string;
  to: string;
}

export class WaterfallError extends Error {}

/** The figures of one institution's result a waterfall reads (all amounts of the packed result too). */
export const INSTITUTION_STEP_FIELDS = [
  'allocatedTarget', 'volumeCut', 'pointCapCut', 'target', 'surplus', 'overspend', 'actual', 'reward', 'fundShareClaimed', 'fundShare',
  'depositForfeited', 'owed', 'deposit', 'paidTotal', 'advance', 'balance',
] as const satisfies readonly (keyof HospitalSummary)[];
export type InstitutionFigures = Pick<HospitalSummary, (typeof INSTITUTION_STEP_FIELDS)[number]>;

type Part = { key: StepKey; fen: number; total?: number | undefined; keepZero?: boolean };

/**
 * Lay out steps: a part with `total` set is a subtotal that must equal the running sum;
 * zero steps are left out (nothing happened there) unless `keepZero`.
 */
function build(parts: Part[]): WaterfallStep[] {
  const out: WaterfallStep[] = [];
  let run = 0;
  for (const p of parts) {
    if (p.total !== undefined) {
      if (out.length > 0 && run !== p.total) {
        throw new WaterfallError(`waterfall ${String(p.key)}: steps give ${formatMoney(run)}, the settlement ${formatMoney(p.total)}`);
      }
      run = p.total;
      out.push({ key: p.key, kind: 'total', amount: formatMoney(p.total), from: '0.00', to: formatMoney(p.total) });
      continue;
    }
    if (p.fen === 0 && !p.keepZero) continue;
    const from = run;
    run += p.fen;
    out.push({ key: p.key, kind: 'step', amount: formatMoney(p.fen), from: formatMoney(from), to: formatMoney(run) });
  }
  return out;
}

const F = parseMoney;

/** The fund's flow from its expenditure budget to what it owes institutions (the rest of every fen is a step on the way). */
export function fundWaterfall(f: FundResult): WaterfallStep[] {
  const allotted = F(f.totalTargets) + F(f.volumeCuts) + F(f.pointCapCuts);
  const other = F(f.retainedFromTargets) - F(f.volumeCuts) - F(f.pointCapCuts);
  return build([
    { key: 'base', fen: 0, total: F(f.base) },
    { key: 'riskReserve', fen: -F(f.riskReserve) },
    { key: 'carveOuts', fen: -F(f.carveOuts) },
    { key: 'globalTarget', fen: 0, total: F(f.globalTarget) },
    { key: 'adjustmentFund', fen: -F(f.adjustmentFund) },
    { key: 'allocatable', fen: 0, total: F(f.allocatable) },
    // A pool without members keeps its amount: it reaches no institution.
    { key: 'unallocated', fen: allotted - F(f.allocatable) },
    { key: 'volumeCuts', fen: -F(f.volumeCuts) },
    { key: 'pointCapCuts', fen: -F(f.pointCapCuts) },
    { key: 'retainedOther', fen: -other },
    { key: 'adjustmentFundUsed', fen: F(f.adjustmentFundUsed) },
    { key: 'hospitalsOwed', fen: 0, total: F(f.hospitalsOwed) },
  ]);
}

/** The steps of one institution's year from its allotted target to what it is owed (no subtotals). */
function owedParts(h: InstitutionFigures): Part[] {
  const surplus = F(h.surplus), overspend = F(h.overspend);
  const claimed = F(h.fundShareClaimed), share = F(h.fundShare);
  return [
    { key: 'volumeCut', fen: -F(h.volumeCut) },
    { key: 'pointCapCut', fen: -F(h.pointCapCut) },
    { key: 'surplusVsTarget', fen: -surplus },
    { key: 'overspendVsTarget', fen: overspend },
    { key: 'reward', fen: F(h.reward) },
    // What of its overspend the fund does not share (its tiers, cap and the reasonable share).
    { key: 'overspendBorne', fen: -(overspend - claimed) },
    // Shares cut pro rata when the adjustment fund could not pay them all.
    { key: 'adjustmentFundCut', fen: -(claimed - share) },
    { key: 'depositForfeited', fen: -F(h.depositForfeited) },
  ];
}

/**
 * One institution's year: allotted target → cuts → target → actual → due → owed → balance.
 * The subtotals are the settlement's own figures (target, actual, owed, balance).
 */
export function institutionWaterfall(h: InstitutionFigures): WaterfallStep[] {
  const [volumeCut, capCut, under, over, reward, borne, afCut, forfeited] = owedParts(h);
  return build([
    { key: 'allocatedTarget', fen: 0, total: F(h.allocatedTarget) },
    volumeCut!, capCut!,
    { key: 'target', fen: 0, total: F(h.target) },
    under!, over!,
    { key: 'actual', fen: 0, total: F(h.actual) },
    reward!, borne!, afCut!, forfeited!,
    { key: 'owed', fen: 0, total: F(h.owed) },
    { key: 'paidTotal', fen: -F(h.paidTotal) },
    { key: 'advance', fen: -F(h.advance) },
    { key: 'balance', fen: 0, total: F(h.balance) },
  ]);
}

/**
 * The payments of one institution's year, as the months made them: its target (T), less the
 * deposit held back from the months (D: taken from the target before the monthly budget, or
 * withheld from each month's payment), less the rest of the target the months did not pay out
 * (claims below the monthly budget; in a points pool, the entitlement beyond the months'
 * pre-settlement, negative when they paid more), and the working-capital advance. Signs as they
 * act on the balance: paidTotal = T − D − rest, so −T + D + rest = −paidTotal exactly.
 */
function paymentParts(h: InstitutionFigures): Part[] {
  const target = F(h.target), deposit = F(h.deposit);
  return [
    { key: 'monthsTarget', fen: -target },
    { key: 'monthsDeposit', fen: deposit },
    { key: 'monthsUnpaid', fen: target - deposit - F(h.paidTotal) },
    { key: 'advance', fen: -F(h.advance) },
  ];
}

const difference = (pa: Part[], pb: Part[]): Part[] => pa.map((p, i) => ({ key: p.key, fen: pb[i]!.fen - p.fen }));

/**
 * Why one institution's year-end balance (清算补（扣）) differs in scenario b from a. The bars:
 * the balance in a; what a paid and advanced in the year, added back; what it is owed in a; the
 * difference of each step of its year (allotted target first, then its cuts, surplus or
 * overspend, reward, the overspend it bears, the adjustment fund's cut, the deposit forfeited);
 * what it is owed in b; less what a paid and advanced; the difference of each part of the
 * payments (paymentParts); the balance in b. Every subtotal is the settlement's own figure
 * (a's owed, b's owed, b's balance), so the steps add up to balance b − balance a exactly.
 */
export function institutionChange(a: InstitutionFigures, b: InstitutionFigures): WaterfallStep[] {
  const paidA = F(a.paidTotal) + F(a.advance);
  return build([
    { key: 'balanceBefore', fen: 0, total: F(a.balance) },
    { key: 'paymentsBefore', fen: paidA },
    { key: 'owedBefore', fen: 0, total: F(a.owed) },
    { key: 'allocatedTarget', fen: F(b.allocatedTarget) - F(a.allocatedTarget) },
    ...difference(owedParts(a), owedParts(b)),
    { key: 'owedAfter', fen: 0, total: F(b.owed) },
    { key: 'paymentsAsBefore', fen: -paidA },
    ...difference(paymentParts(a), paymentParts(b)),
    { key: 'balanceAfter', fen: 0, total: F(b.balance) },
  ]);
}

/** The two bars of a change that carry a's payments across and back (they cancel): not a change of their own. */
const CARRIED: ReadonlySet<StepKey> = new Set<StepKey>(['paymentsBefore', 'paymentsAsBefore']);
export const isCarried = (key: StepKey): boolean => CARRIED.has(key);

/** Nothing changed: no step of a change but the payments carried across (the balance is then the same too). */
export const unchanged = (steps: readonly WaterfallStep[]): boolean => steps.every((s) => s.kind === 'total' || CARRIED.has(s.key));
