/**
 * What the comparison view shows, from the scenarios' results (engine/compare.ts does the
 * arithmetic; components only render): institutions in order of largest change, their
 * differences against the first scenario, and the fund's differences.
 */
import { difference, differences, gainsAndLosses, largestChangeFirst, relativeChange, type GainsAndLosses } from '../../engine/compare.ts';
import { formatMoney } from '../../engine/money.ts';
import type { AmountField } from '../../engine/result.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Unit } from '../../display/lang.ts';
import { BETTER } from './compare.ts';
import { toneOf, type Tone } from './tone.ts';

export { difference as fundDifference };

export interface InstitutionComparison {
  /** Rows of the first scenario, in the order shown. */
  rows: number[];
  /** For each other scenario, row of the first → its difference (null where it lacks the institution). */
  delta(other: number, row: number): string | null;
  /** The same difference relative to the first scenario's value (a 4-decimal ratio; null where it is 0). */
  ratio(other: number, row: number): string | null;
}

/** The metrics an institutions' comparison offers, in the order a negotiator asks about them. */
export const METRICS = ['target', 'owed', 'balance'] as const;
export type Metric = (typeof METRICS)[number];

/**
 * Which way a change of an institution's metric is good for the fund: what the fund owes an
 * institution and its balance are what the fund pays (as the fund's hospitalsOwed and
 * totalBalance, BETTER), and a larger target is more the fund commits to it: more is bad for
 * the fund in each. The table's cells and the gains and losses above it are coloured by this alone.
 */
export const METRIC_BETTER: Readonly<Record<Metric, 1 | -1 | 0>> = { target: -1, owed: BETTER.hospitalsOwed!, balance: BETTER.totalBalance! };

/** The colour of a change `d` (yuan) of an institution's `metric`, shown in `unit`: good or bad for the fund, none for 0.00. */
export const institutionTone = (metric: Metric, d: string | null | undefined, unit: Unit): Tone => toneOf(d, 'money', unit, METRIC_BETTER[metric]);

/** The metric to lead with: the first that changed for some institution (target when none did). */
export function changedMetric(views: readonly ResultView[]): Metric {
  const ref = views[0];
  if (!ref) return 'target';
  for (const m of METRICS) {
    for (const v of views.slice(1)) if (differences(ref, v, m).some((d) => d !== 0 && !Number.isNaN(d))) return m;
  }
  return 'target';
}

export function compareInstitutions(views: readonly ResultView[], field: AmountField, byChange: boolean): InstitutionComparison {
  const ref = views[0]!;
  const others = views.slice(1);
  const rows = byChange && others.length ? largestChangeFirst(ref, others, field) : ref.ids.map((_, i) => i);
  const deltas = others.map((v) => differences(ref, v, field));
  const base = ref.fen(field);
  return {
    rows,
    delta(other, row) {
      const d = deltas[other]![row]!;
      return Number.isNaN(d) ? null : formatMoney(d);
    },
    ratio(other, row) {
      return relativeChange(deltas[other]![row]!, base[row]!);
    },
  };
}

/**
 * Who gains and who loses in one compared scenario against the first (engine/compare.ts), rows
 * named by institution id; each sum and row with its colour for the fund (institutionTone), so an
 * institution owed more reads as the same colour here as in the table.
 */
export type GainsView = Omit<GainsAndLosses, 'topGains' | 'topLosses'> & {
  gainedTone: Tone;
  lostTone: Tone;
  topGains: { id: string; delta: string; tone: Tone }[];
  topLosses: { id: string; delta: string; tone: Tone }[];
};

/** For each scenario after the first, its gains and losses of `field` against the first (engine/compare.ts), coloured for `unit`. */
export function gainsOf(views: readonly ResultView[], field: Metric, unit: Unit, top = 3): GainsView[] {
  const ref = views[0];
  if (!ref) return [];
  const tone = (d: string) => institutionTone(field, d, unit);
  return views.slice(1).map((v) => {
    const g = gainsAndLosses(ref, v, field, top);
    const at = ({ row, delta }: { row: number; delta: string }) => ({ id: ref.ids[row]!, delta, tone: tone(delta) });
    return { ...g, gainedTone: tone(g.gained), lostTone: tone(g.lost), topGains: g.topGains.map(at), topLosses: g.topLosses.map(at) };
  });
}
