/** What the institution view shows: the institutions to pick from, the one picked, its brief and its months. */
import type { AppState, Brief } from '../state/app-state.ts';
import type { HospitalResult } from '../../engine/result.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { briefContext, briefView, type BriefView } from './brief.ts';
import { memoize, stable } from './memo.ts';
import { figuresOf, institutionDifference, institutionYear, type WaterfallBar } from './waterfall.ts';
import { msg } from '../i18n/index.ts';

export interface InstitutionChoice { id: string; label: string }

export interface HospitalView {
  lang: Lang;
  unit: Unit;
  choices: InstitutionChoice[];
  /** The institution picked (the first when none is). */
  selected: string | null;
  brief: BriefView | null;
  /** The brief and months shown are the previous run's: the institution is being explained again after an edit. */
  briefStale: boolean;
  monthly: HospitalResult | null;
  /** Its pool is settled by points: its months are the monthly pre-settlement. */
  monthlyByPoints: boolean;
  /** Its year step by step, allotted target to balance; and, beside another scenario, why its balance (清算补（扣）) differs. */
  waterfalls: { heading: string; bars: WaterfallBar[] | null; note?: string }[];
  error: string | null;
}

const NO_WATERFALLS: HospitalView['waterfalls'] = [];

/** The waterfalls of institution id: in the scenario shown (column 0), and its change against the next column that has it. */
const waterfallsOf = memoize((cols: ReturnType<typeof briefContext>['settlement'], id: string | null, lang: Lang): HospitalView['waterfalls'] => {
  const mine = id ? figuresOf(cols[0]?.view ?? null, id) : null;
  if (!id || !mine) return NO_WATERFALLS;
  const out: HospitalView['waterfalls'] = [{ heading: msg(lang, 'owedMadeUp'), bars: institutionYear(mine, lang, mine.byPoints) }];
  const other = cols.slice(1).map((c) => ({ name: c.name, f: figuresOf(c.view, id) })).find((c) => c.f !== null);
  if (other?.f) {
    const bars = institutionDifference(other.f, mine, lang, [other.f.byPoints, mine.byPoints]);
    const heading = msg(lang, 'balanceChange', { name: other.name });
    out.push(bars ? { heading, bars } : { heading, bars: null, note: msg(lang, 'balanceChangeNone', { name: other.name }) });
  }
  return out;
});

const choicesOf = memoize((hospitals: Scenario['hospitals']): InstitutionChoice[] => hospitals.map((h) => ({ id: h.id, label: `${h.id} · ${h.name}` })));

const buildBrief = memoize((ctx: ReturnType<typeof briefContext>, ex: Parameters<typeof briefView>[1], w: Brief['whatIf'], pct: string) =>
  briefView(ctx, ex, { result: w?.result ?? null, pct, interactive: true, busy: !w || w.stale || w.pct !== pct, error: w?.pct === pct ? w.error : null }));

export class HospitalViews {
  private prev: HospitalView | null = null;
  /** The last brief shown, and of which scenario: kept on screen while an edit's explanation is under way. */
  private kept: { ref: string; brief: BriefView; monthly: HospitalResult | null; byPoints: boolean } | null = null;

  of(s: AppState): HospitalView {
    const scen = scenarioOrError(s.ws, s.active);
    if (scen instanceof Error) {
      const none = {
        lang: s.lang, unit: s.unit, choices: [], selected: null, brief: null, briefStale: false, monthly: null, monthlyByPoints: false,
        waterfalls: NO_WATERFALLS, error: scen.message,
      };
      this.kept = null;
      return (this.prev = stable(this.prev, none));
    }
    const h = scen.hospitals.find((x) => x.id === s.hospital) ?? scen.hospitals[0];
    const mine = h && s.brief?.id === h.id && s.brief.ref === s.active ? s.brief : null;
    const ex = mine?.explanation ?? null;
    const ctx = briefContext(s);
    let brief = buildBrief(ctx, ex, mine?.whatIf ?? null, s.whatIfPct);
    let monthly = ex?.hospital ?? null;
    let byPoints = !!ex?.points;
    // Re-explained after an edit (same institution, scenario, language and unit): the previous brief stays until the new one
    // arrives, so the brief and its charts update in place rather than being torn down and built again on every edit.
    const k = this.kept;
    const stale = !brief && !!h && !!mine && k !== null && k.ref === s.active && k.brief.id === h.id && k.brief.lang === s.lang && k.brief.unit === s.unit;
    if (stale) ({ brief, monthly, byPoints } = k!);
    else this.kept = brief ? { ref: s.active, brief, monthly, byPoints } : null;
    const view = stable(this.prev, {
      lang: s.lang, unit: s.unit, choices: choicesOf(scen.hospitals), selected: h?.id ?? null,
      brief, briefStale: stale, monthly, monthlyByPoints: byPoints,
      waterfalls: waterfallsOf(ctx.settlement, h?.id ?? null, s.lang), error: null,
    });
    this.prev = view;
    return view;
  }
}
