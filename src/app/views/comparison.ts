/**
 * What the comparison view shows, from the scenarios' results (engine/compare.ts does the
 * arithmetic; components only render): institutions in order of largest change, their
 * differences against the first scenario, and the fund's differences.
 */
import { difference, differences, largestChangeFirst } from '../../engine/compare.ts';
import { formatMoney } from '../../engine/money.ts';
import type { AmountField } from '../../engine/result.ts';
import type { ResultView } from '../../transport/packed.ts';

export { difference as fundDifference };

export interface InstitutionComparison {
  /** Rows of the first scenario, in the order shown. */
  rows: number[];
  /** For each other scenario, row of the first → its difference (null where it lacks the institution). */
  delta(other: number, row: number): string | null;
}

export function compareInstitutions(views: readonly ResultView[], field: AmountField, byChange: boolean): InstitutionComparison {
  const ref = views[0]!;
  const others = views.slice(1);
  const rows = byChange && others.length ? largestChangeFirst(ref, others, field) : ref.ids.map((_, i) => i);
  const deltas = others.map((v) => differences(ref, v, field));
  return {
    rows,
    delta(other, row) {
      const d = deltas[other]![row]!;
      return Number.isNaN(d) ? null : formatMoney(d);
    },
  };
}
