/**
 * Values of the sweeps and the years' paths as a finance officer reads them, one function each
 * for the app's sweeps tab and `gbsim sweep` / `gbsim years`, so a swept rate reads the same
 * (8.00%) on the screen and on the command line.
 */
import type { Unit } from './lang.ts';
import { money, percent, percentExact, plain } from './number.ts';

/** What a swept parameter is (the engine's ParamInfo, structurally: this floor imports nothing of ours). */
export interface ParamShown {
  kind: string;
  /** A ratio (a share, a rate of the target, growth), shown as a percentage. */
  percent: boolean;
}

/**
 * A parameter's value: amounts grouped in the unit, ratios as exact percentages with at least
 * two decimals (0.08 → 8.00%, 0.0025 → 0.25%, 0.00125 → 0.125%), coefficients, weights, scores
 * and counts as written.
 */
export function paramValue(v: string | null | undefined, p: ParamShown, unit: Unit): string {
  if (v === null || v === undefined || v === '') return '—';
  if (p.kind === 'amount') return money(v, unit);
  return p.percent ? percentExact(v) : v;
}

/** How an output is shown (the engine's OutputKind). */
export type OutputShown = 'amount' | 'ratio' | 'months';

/** An output's value: amounts grouped in the unit, ratios as percentages, months with two decimals (as the results show them). */
export function outputValue(v: string | null | undefined, kind: OutputShown, unit: Unit): string {
  if (v === null || v === undefined || v === '') return '—';
  if (kind === 'amount') return money(v, unit);
  if (kind === 'ratio') return percent(v, 2);
  return plain(v, 2);
}
