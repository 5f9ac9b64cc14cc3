/**
 * The exact check of a Monte Carlo draw: the scenario of draw d — the file with every
 * institution's claims replaced by the draw's (its annual claims split over the months by the
 * policy's profile, largest remainder, as the engine projects claims) and its deductions by the
 * draw's — settled by the exact engine, and compared with the kernel's figures.
 */
import { apportion } from '../apportion.ts';
import { formatMoney, parseMoney, RATE_ONE } from '../money.ts';
import { formatPoints } from '../points.ts';
import { runModel } from '../run.ts';
import { compile } from '../compile.ts';
import type { Result } from '../result.ts';
import type { Scenario } from '../../format/types.ts';
import { drawDetail, type DrawDetail } from './kernel.ts';
import type { RiskInput } from './prepare.ts';

/**
 * The scenario whose exact settlement is draw `det` of the kernel. In a pool settled by
 * points, an institution's year's points are the draw's (`points.total`; split over the months
 * by the profile, as its claims are), and its projected points stay the file's (given, or from
 * last year's; else its file's points as the projection), so the budget point value is the plan's.
 */
export function drawScenario(s: Scenario, input: RiskInput, det: DrawDetail): Scenario {
  return {
    ...s,
    hospitals: s.hospitals.map((h, i) => {
      const out = {
        ...h,
        claims: apportion(det.annual[i]!, input.profile).map(formatMoney),
        deductions: formatMoney(det.deductions[i]!),
      };
      if (input.pointsPool[i]! < 0 || h.points === undefined) return out;
      const { months: _m, total: _t, ...rest } = h.points;
      const projected = rest.projected ?? (rest.lastYear === undefined ? formatPoints(BigInt(input.rawPoints[i]!)) : undefined);
      return { ...out, points: { ...rest, total: formatPoints(BigInt(det.rawPoints[i]!)), ...(projected === undefined ? {} : { projected }) } };
    }),
  };
}

/** Overspend rate above the threshold in the exact result's figures (the kernel's rule, in bigint). */
function exactOver(overspend: string, target: string, input: RiskInput): boolean {
  const o = BigInt(parseMoney(overspend)), t = BigInt(parseMoney(target));
  if (o <= 0n) return false;
  if (t <= 0n) return true;
  return o * RATE_ONE > t * input.threshold.rate;
}

/** Every difference between the kernel's draw and the exact result (empty: they agree). */
export function compareDraw(input: RiskInput, det: DrawDetail, r: Result, tolerance = 1): string[] {
  const out: string[] = [];
  const f = parseMoney;
  const near = (what: string, kernel: number, exact: number, tol = 0) => {
    if (Math.abs(kernel - exact) > tol) out.push(`draw ${det.d}: ${what}: kernel ${kernel}, exact ${exact} (fen)`);
  };
  r.hospitals.forEach((h, i) => {
    near(`hospitals[${i}].owed`, det.owed[i]!, f(h.owed), tolerance);
    near(`hospitals[${i}].actual`, det.actual[i]!, f(h.actual));
    near(`hospitals[${i}].reward`, det.reward[i]!, f(h.reward));
    near(`hospitals[${i}].fundShareClaimed`, det.fundShareClaimed[i]!, f(h.fundShareClaimed));
    near(`hospitals[${i}].fundShare`, det.fundShare[i]!, f(h.fundShare));
    near(`hospitals[${i}].depositForfeited`, det.forfeited[i]!, f(h.depositForfeited));
    if (input.depositOnClaims || input.pointsPool[i]! >= 0) near(`hospitals[${i}].deposit`, det.deposit[i]!, f(h.deposit));
    near(`hospitals[${i}].target`, det.target[i]!, f(h.target));
    const over = exactOver(h.overspend, h.target, input);
    if (over !== (det.over[i] === 1)) out.push(`draw ${det.d}: hospitals[${i}]: overspend above the threshold: kernel ${det.over[i] === 1}, exact ${over}`);
    const rewarded = f(h.reward) > 0;
    if (rewarded !== (det.rewarded[i] === 1)) out.push(`draw ${det.d}: hospitals[${i}]: reward > 0: kernel ${det.rewarded[i] === 1}, exact ${rewarded}`);
  });
  const fund = r.fund;
  const noPointValue = fund.pools.some((p) => p.settlement === 'points' && p.pointValue === null);
  if (noPointValue !== det.noPointValue) out.push(`draw ${det.d}: a points pool without points (no point value): kernel ${det.noPointValue}, `
    + `exact ${noPointValue}`);
  const exhausted = f(fund.fundSharesClaimed) > f(fund.adjustmentFundUsed);
  if (exhausted !== det.exhausted) out.push(`draw ${det.d}: adjustment fund exhausted: kernel ${det.exhausted}, exact ${exhausted}`);
  near('fund.fundSharesClaimed', det.claimed, f(fund.fundSharesClaimed));
  near('fund.adjustmentFundUsed', det.used, f(fund.adjustmentFundUsed));
  near('fund.hospitalsOwed', det.owedTotal, f(fund.hospitalsOwed));
  near('fund.expenditure', det.expenditure, f(fund.expenditure));
  near('fund.closingBalance', det.closing, f(fund.closingBalance));
  return out;
}

/**
 * Draw d by the kernel and by the exact engine on the same claims, and their differences. A draw
 * is an outcome, not a file: a points pool left without points is settled unpaid (model.noPoints).
 */
export function exactCheck(s: Scenario, input: RiskInput, d: number): { detail: DrawDetail; scenario: Scenario; result: Result; differences: string[] } {
  const detail = drawDetail(input, d);
  const scenario = drawScenario(s, input, detail);
  const result = runModel({ ...compile(scenario), noPoints: 'unpaid' });
  return { detail, scenario, result, differences: compareDraw(input, detail, result) };
}
