/**
 * Waterfall bars for a view: the engine's steps (src/engine/waterfall.ts, exact, adding up)
 * with the glossary's name of each step. The component only draws and tabulates them.
 */
import {
  fundWaterfall, institutionChange, institutionWaterfall, INSTITUTION_STEP_FIELDS, isCarried, unchanged, type InstitutionFigures, type WaterfallStep,
} from '../../engine/waterfall.ts';
import type { FundResult } from '../../engine/result.ts';
import type { ResultView } from '../../transport/packed.ts';
import { stepName, type PaidBy } from '../../display/glossary.ts';
import type { Lang } from '../../display/lang.ts';
import { memoize } from './memo.ts';

export interface WaterfallBar extends WaterfallStep {
  label: string;
  /** An amount only carried across and back (a change's payments of the scenario compared with), drawn muted. */
  carried?: true;
}

const named = (steps: WaterfallStep[], lang: Lang, of: 'fund' | 'institution', by: PaidBy = 'target'): WaterfallBar[] =>
  steps.map((s) => ({ ...s, label: stepName(s.key, lang, of, by) }));

/** The fund's flow from its expenditure budget to what it owes institutions. */
export const fundFlow = memoize((f: FundResult | null, lang: Lang): WaterfallBar[] | null => (f ? named(fundWaterfall(f), lang, 'fund') : null));

/** An institution's figures from a packed result, and whether its pool is settled by points (null when it is not in it). */
export function figuresOf(view: ResultView | null, id: string): (InstitutionFigures & { byPoints: boolean }) | null {
  const i = view?.indexOf(id);
  if (!view || i === undefined) return null;
  const out = {} as Record<(typeof INSTITUTION_STEP_FIELDS)[number], string>;
  for (const f of INSTITUTION_STEP_FIELDS) out[f] = view.get(f, i) ?? '0.00';
  const pool = view.get('pool', i);
  return { ...out, byPoints: view.fund.pools.some((p) => p.id === pool && p.settlement === 'points') };
}

/** One institution's year, from its allotted target (or its pool shared by points) to its year-end balance. */
export const institutionYear = (h: InstitutionFigures, lang: Lang, byPoints = false): WaterfallBar[] =>
  named(institutionWaterfall(h), lang, 'institution', byPoints ? 'points' : 'target');

/**
 * Why one institution's year-end balance (清算补（扣）) differs in scenario b from a (engine
 * institutionChange), its bars named by the glossary (比较方案 / 当前方案: the card's heading names
 * the scenario compared with). Null when nothing changes (no step but a's payments carried across).
 */
export function institutionDifference(a: InstitutionFigures, b: InstitutionFigures, lang: Lang, byPoints: [boolean, boolean] = [false, false]):
  WaterfallBar[] | null {
  const steps = institutionChange(a, b);
  const by: PaidBy = byPoints[0] !== byPoints[1] ? 'mixed' : byPoints[0] ? 'points' : 'target';
  return unchanged(steps) ? null : named(steps, lang, 'institution', by).map((b) => (isCarried(b.key) ? { ...b, carried: true } : b));
}
