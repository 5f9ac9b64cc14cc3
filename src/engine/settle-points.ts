/**
 * One institution's year in a pool settled by points (DESIGN §7): monthly pre-settlement at the
 * budget point value with the deposit withheld, then the year's end against its entitlement E
 * exactly as against a target (settle.ts yearEnd: §6 with T := E).
 *
 * Where §7 is silent:
 * - the deposit is withheld monthly from the pre-settlement (§7's rule) whatever
 *   `policy.deposit.base` says; `monthlyPayment` does not apply (the months pay by points);
 * - "deferred" is the part of the year's claims not covered by the pre-settlement (claims minus
 *   Σ pre, if positive): what is left to the year-end settlement;
 * - the volume floor does not apply (points already pay for volume); no locked target;
 * - the working-capital advance, where granted, is `advance.months` of the average monthly
 *   pre-settlement (Σ pre / 12 per month), as it is of the monthly budget for targets.
 */
import { mulRate, type Fen } from './money.ts';
import { issueOf, ScenarioError } from '../format/issues.ts';
import { formatPoints } from './points.ts';
import { preSettlement } from './points.ts';
import { yearEnd, type YearTable } from './settle.ts';
import type { HospitalModel, Model } from './model.ts';
import type { PointsPool } from './points.ts';

export function settlePointsYear(t: YearTable, i: number, h: HospitalModel, m: Model, pool: { amount: Fen; points: PointsPool }, allocated: Fen,
  entitled: Fen): void {
  const at = 12 * i;
  const pts = h.points;
  let deposit = 0;
  let pre = 0;
  let claimsTotal = 0;
  for (let k = 0; k < 12; k++) {
    const p = pts === null ? 0 : preSettlement(pts.months[k]!, pool.amount, pool.points.projected);
    // Beyond 2^53 fen the amounts are no longer exact doubles: refused, at the figure that caused it
    // (points far above the pool's projected points make the budget point value apply to a huge count).
    if (!Number.isSafeInteger(p) || !Number.isSafeInteger(pre + p)) refuseOverflow(h, i, k, pts!.months[k]!, pool.points.projected);
    const w = mulRate(p, h.depositRate);
    t.monthlyBudget[at + k] = p;
    t.withheld[at + k] = w;
    t.paid[at + k] = p - w;
    deposit += w;
    pre += p;
    claimsTotal += h.claims[k]!;
  }
  const deferred = claimsTotal > pre ? claimsTotal - pre : 0;
  yearEnd(t, i, h, m, { allocatedTarget: allocated, target: entitled, deposit, budget: pre, claimsTotal, deferred, capCut: allocated - entitled });
}

function refuseOverflow(h: HospitalModel, i: number, k: number, monthPoints: bigint, projected: bigint): never {
  throw new ScenarioError([issueOf(`hospitals[${i}].points`, 'preSettlementTooLarge',
    { id: h.id, month: k + 1, points: formatPoints(monthPoints), projected: formatPoints(projected) })]);
}
