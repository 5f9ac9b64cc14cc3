/**
 * The case-points rule of DESIGN §7 in exact integer arithmetic: the reference the SQL
 * (src/cases/sql.ts) is tested against, and what a single case is checked with.
 *
 * Units: a score and points in 10^-4 points (bigint), costs in fen (bigint).
 * ρ = cost / c_g; ρ < low: p = s_g × ρ; ρ > high: p = s_g × (ρ − high + 1); otherwise p = s_g;
 * a special-review case (特例单议) gets its approved points; p is rounded half-up to 10^-4.
 * Comparisons are done on cross products (cost × den vs num × c_g), never on a quotient.
 */
import { ceilDiv, floorDiv, roundHalfUp, type Ratio } from './decimal.ts';

export type CaseClass = 'normal' | 'low' | 'high' | 'special';

export interface OutlierRule {
  low: Ratio;
  high: Ratio;
}

export interface CasePoints {
  units: bigint;
  cls: CaseClass;
}

/** ρ < low ⇔ cost·den_low < num_low·c. */
export const isLow = (costFen: bigint, refFen: bigint, r: OutlierRule): boolean => costFen * r.low.den < r.low.num * refFen;
/** ρ > high ⇔ cost·den_high > num_high·c. */
export const isHigh = (costFen: bigint, refFen: bigint, r: OutlierRule): boolean => costFen * r.high.den > r.high.num * refFen;

/** One case's points (10^-4 units). `scoreUnits` ≥ 0, `refFen` > 0, `costFen` ≥ 0. */
export function casePoints(scoreUnits: bigint, refFen: bigint, costFen: bigint, rule: OutlierRule, specialUnits: bigint | null = null): CasePoints {
  if (specialUnits !== null) return { units: specialUnits, cls: 'special' };
  if (isLow(costFen, refFen, rule)) return { units: roundHalfUp(scoreUnits * costFen, refFen), cls: 'low' };
  if (isHigh(costFen, refFen, rule)) {
    // s × (cost/c − h + 1) = s × (cost·hd − hn·c + hd·c) / (hd·c)
    const { num: hn, den: hd } = rule.high;
    return { units: roundHalfUp(scoreUnits * (costFen * hd - hn * refFen + hd * refFen), hd * refFen), cls: 'high' };
  }
  return { units: scoreUnits, cls: 'normal' };
}

/**
 * A group's outlier bounds in fen, exact: a case is low when cost < lowBelow, high when
 * cost > highAbove (lowBelow = ⌈low·c⌉, highAbove = ⌊high·c⌋). The SQL compares integers with these.
 */
export function groupBounds(refFen: bigint, rule: OutlierRule): { lowBelow: bigint; highAbove: bigint } {
  return { lowBelow: ceilDiv(rule.low.num * refFen, rule.low.den), highAbove: floorDiv(rule.high.num * refFen, rule.high.den) };
}

/**
 * Institution points Pts_h = round4(k_h × Σp) (DESIGN §7): what the engine applies to the raw
 * Σp an import gives. `sumUnits` in 10^-4 units, `k` as an exact ratio.
 */
export function institutionPoints(sumUnits: bigint, k: Ratio): bigint {
  return roundHalfUp(sumUnits * k.num, k.den);
}
