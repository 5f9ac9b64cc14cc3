/** What the institution view shows: the institutions to pick from, the one picked, its brief and its months. */
import type { AppState, Brief } from '../state/app-state.ts';
import type { HospitalResult } from '../../engine/result.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { briefContext, briefView, type BriefView } from './brief.ts';
import { memoize, stable } from './memo.ts';

export interface InstitutionChoice { id: string; label: string }

export interface HospitalView {
  lang: Lang;
  unit: Unit;
  choices: InstitutionChoice[];
  /** The institution picked (the first when none is). */
  selected: string | null;
  brief: BriefView | null;
  monthly: HospitalResult | null;
  error: string | null;
}

const choicesOf = memoize((hospitals: Scenario['hospitals']): InstitutionChoice[] => hospitals.map((h) => ({ id: h.id, label: `${h.id} · ${h.name}` })));

const buildBrief = memoize((ctx: ReturnType<typeof briefContext>, ex: Parameters<typeof briefView>[1], w: Brief['whatIf'], pct: string) =>
  briefView(ctx, ex, { result: w?.result ?? null, pct, interactive: true, busy: !w || w.stale || w.pct !== pct, error: w?.pct === pct ? w.error : null }));

export class HospitalViews {
  private prev: HospitalView | null = null;

  of(s: AppState): HospitalView {
    const scen = scenarioOrError(s.ws, s.active);
    if (scen instanceof Error) return (this.prev = stable(this.prev, { lang: s.lang, unit: s.unit, choices: [], selected: null, brief: null, monthly: null, error: scen.message }));
    const h = scen.hospitals.find((x) => x.id === s.hospital) ?? scen.hospitals[0];
    const mine = h && s.brief?.id === h.id && s.brief.ref === s.active ? s.brief : null;
    const ex = mine?.explanation ?? null;
    const view = stable(this.prev, {
      lang: s.lang, unit: s.unit, choices: choicesOf(scen.hospitals), selected: h?.id ?? null,
      brief: buildBrief(briefContext(s), ex, mine?.whatIf ?? null, s.whatIfPct), monthly: ex?.hospital ?? null, error: null,
    });
    this.prev = view;
    return view;
  }
}
