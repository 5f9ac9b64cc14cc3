/** What the institutions' data table shows: the scenario shown (its institutions), the engine's problems by field, and the history years. */
import type { AppState } from '../state/app-state.ts';
import type { Issue } from '../../format/issues.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { memoize, stable } from './memo.ts';
import { issueMessage, workspaceIssueLine } from '../../workspace/issue-text.ts';
import { attrOptions, emptyDraft, type InstitutionAttr, type InstitutionDraft } from './institutions.ts';
import { termOf } from './terms.ts';

export interface AttrOption { value: string; label: string }

export interface DataView {
  lang: Lang;
  unit: Unit;
  scenario: Scenario | null;
  error: string | null;
  /** Problems the engine reported, by printed path ("hospitals[3].history[2]"). */
  problems: ReadonlyMap<string, string>;
  /** What each row's level, category and class selects offer (the values the scenario knows, by their names). */
  options: Readonly<Record<InstitutionAttr, AttrOption[]>>;
  /** The add-institution form, when open: a fresh draft, and the gate's reasons for refusing the last one, in words. */
  adding: { empty: InstitutionDraft; refused: string[] } | null;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
const problemsByPath = memoize((issues: Issue[] | undefined, lang: Lang): ReadonlyMap<string, string> =>
  issues?.length ? new Map(issues.map((i) => [i.path, issueMessage(i, lang)])) : EMPTY);

type Options = Record<InstitutionAttr, AttrOption[]>;
const ATTRS: readonly InstitutionAttr[] = ['level', 'category', 'class'];

/**
 * The options of the scenario shown; the previous object while they are the same values in the same language, so an
 * edit of an institution's figures (a new scenario, the same levels, categories and classes) gives the rows the same lists.
 */
let lastOptions: { lang: Lang; values: string[][]; options: Options } | null = null;
const optionsOf = memoize((s: Scenario | null, lang: Lang): Options => {
  const values = ATTRS.map((attr) => (s ? attrOptions(s, attr) : []));
  const same = lastOptions?.lang === lang && lastOptions.values.every((v, k) => v.length === values[k]!.length && v.every((x, i) => x === values[k]![i]));
  if (same) return lastOptions!.options;
  const [level, category, klass] = values.map((vs, k) => vs.map((value) => ({ value, label: termOf(ATTRS[k]!, value, lang) })));
  const options: Options = { level: level!, category: category!, class: klass! };
  lastOptions = { lang, values, options };
  return options;
});

const addingOf = memoize((a: AppState['adding'], s: Scenario | null, lang: Lang): DataView['adding'] => (a && s ? {
  empty: emptyDraft(s), refused: a.refused.map((i) => (a.doc ? workspaceIssueLine(i, lang, a.doc, 'unnamed') : issueMessage(i, lang))),
} : null));

export function dataView(s: AppState, prev: DataView | null = null): DataView {
  const shown = scenarioOrError(s.ws, s.active);
  const scenario = shown instanceof Error ? null : shown;
  return stable(prev, {
    lang: s.lang, unit: s.unit,
    scenario,
    error: shown instanceof Error ? shown.message : null,
    problems: problemsByPath(s.cols[s.active]?.issues, s.lang),
    options: optionsOf(scenario, s.lang),
    adding: addingOf(s.adding, scenario, s.lang),
  });
}
