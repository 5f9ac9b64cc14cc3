/** What the institutions' data table shows: the scenario shown (its institutions), the engine's problems by field, and the history years. */
import type { AppState } from '../state/app-state.ts';
import type { Issue } from '../../format/issues.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { memoize, stable } from './memo.ts';
import { issueMessage } from '../../workspace/issue-text.ts';

export interface DataView {
  lang: Lang;
  unit: Unit;
  scenario: Scenario | null;
  error: string | null;
  /** Problems the engine reported, by printed path ("hospitals[3].history[2]"). */
  problems: ReadonlyMap<string, string>;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
const problemsByPath = memoize((issues: Issue[] | undefined, lang: Lang): ReadonlyMap<string, string> =>
  issues?.length ? new Map(issues.map((i) => [i.path, issueMessage(i, lang)])) : EMPTY);

export function dataView(s: AppState, prev: DataView | null = null): DataView {
  const shown = scenarioOrError(s.ws, s.active);
  return stable(prev, {
    lang: s.lang, unit: s.unit,
    scenario: shown instanceof Error ? null : shown,
    error: shown instanceof Error ? shown.message : null,
    problems: problemsByPath(s.cols[s.active]?.issues, s.lang),
  });
}
