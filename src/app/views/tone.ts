/**
 * The one rule for colouring a difference: good or bad for the fund, not its sign, and no colour
 * for a difference that shows as zero (0.00 万元, 0.00 个百分点, 0.00 months). The comparison's
 * fund table, its difference chart, the institutions' table and their gains and losses all ask here.
 */
import { roundDec, shiftPoint, sign } from '../../display/number.ts';
import type { Unit } from '../../display/lang.ts';

/** How a difference is shown: an amount in the unit, a rate in percentage points, months; each to two decimals. */
export type DeltaKind = 'money' | 'pct' | 'months';

/** The class a difference is drawn with: good or bad for the fund, '' for neither. */
export type Tone = 'good' | 'bad' | '';

/** Good (+1), bad (−1) or neither (0) for the fund: a change of `sign` in a figure whose better way is `better`. */
export const forTheFund = (sign: -1 | 0 | 1, better: 1 | -1 | 0 | undefined): -1 | 0 | 1 => (better ? ((sign * better) as -1 | 0 | 1) : 0);

/** The sign of a difference as it is shown, to two decimals in its unit: 0 for one that rounds to 0.00. */
export function shownSign(d: string | null | undefined, kind: DeltaKind, unit: Unit): -1 | 0 | 1 {
  if (d === null || d === undefined || d === '') return 0;
  const scaled = kind === 'money' ? (unit === 'wan' ? shiftPoint(d, -4) : d) : kind === 'pct' ? shiftPoint(d, 2) : d;
  return sign(roundDec(scaled, 2));
}

/** The tone of difference `d` of a figure whose better way is `better` (+1 more is better, −1 less is, 0 neither). */
export function toneOf(d: string | null | undefined, kind: DeltaKind, unit: Unit, better: 1 | -1 | 0 | undefined): Tone {
  const f = forTheFund(shownSign(d, kind, unit), better);
  return f > 0 ? 'good' : f < 0 ? 'bad' : '';
}
