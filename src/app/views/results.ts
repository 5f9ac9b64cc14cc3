/** What the results view shows: the scenario's status and problems, its fund figures, and its institutions' table. */
import type { AppState, ColumnState } from '../state/app-state.ts';
import type { FundResult } from '../../engine/result.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { issueLine } from '../../workspace/issue-text.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { memoize, stable } from './memo.ts';
import { casesView, type CasesView } from './cases.ts';
import { inflationView, type InflationView } from './point-inflation.ts';
import { msg } from '../i18n/index.ts';
import { fundFlow, type WaterfallBar } from './waterfall.ts';

/** The institutions' table: a result and the scenario it came from (names, levels, categories). */
export interface TableInput { view: ResultView; scenario: Scenario }

export interface ResultsView {
  lang: Lang;
  unit: Unit;
  status: ColumnState['status'] | 'none';
  /** A newer run is under way: the figures shown are the previous ones. */
  stale: boolean;
  /** Why the scenario cannot be computed (first 50). */
  problems: string[];
  fund: FundResult | null;
  /** The fund's flow, budget to what it owes institutions (exact steps, named). */
  flow: WaterfallBar[] | null;
  table: TableInput | null;
  /** The case list import (shown when the scenario has a pool settled by points). */
  cases: CasesView;
  /** The point-inflation what-if (a scenario with a pool settled by points), else null. */
  inflation: InflationView | null;
}

const NONE: string[] = [];
const problemsOf = memoize((issues: ColumnState['issues'] | undefined, lang: Lang, doc: unknown) =>
  (issues?.length ? issues.slice(0, 50).map((i) => issueLine(i, lang, doc, 'unnamed')) : NONE));
const tableOf = memoize((view: ResultView | null, scenario: Scenario | null): TableInput | null => (view && scenario ? { view, scenario } : null));

/** The scenario as edited (invalid or not), whose institutions name the place of each problem. */
function shownScenario(s: AppState): unknown {
  const shown = scenarioOrError(s.ws, s.active);
  return shown instanceof Error ? undefined : shown;
}

export function resultsView(s: AppState, prev: ResultsView | null = null): ResultsView {
  const col = s.cols[s.active];
  return stable(prev, {
    lang: s.lang, unit: s.unit, status: col?.status ?? 'none', stale: col?.stale ?? false,
    problems: col?.status === 'invalid' ? problemsOf(col.issues, s.lang, shownScenario(s)) : NONE,
    fund: col?.view?.fund ?? null,
    flow: fundFlow(col?.view?.fund ?? null, s.lang),
    table: tableOf(col?.view ?? null, col?.scenario ?? null),
    cases: casesView(s),
    inflation: inflationView(s, msg(s.lang, 'inflAll')),
  });
}
