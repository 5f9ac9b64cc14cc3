/**
 * What the policy editors show: the scenario shown, the problems the engine found in it, its
 * sources and which of them a variant carries over from the baseline for a value it changed.
 */
import type { AppState } from '../state/app-state.ts';
import type { Issue } from '../../format/issues.ts';
import type { Provenance, Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { BASELINE, scenarioOrError } from '../../workspace/workspace.ts';
import { inheritedChanged } from './inherited-sources.ts';
import { memoize, stable } from './memo.ts';

export interface ParamsView {
  lang: Lang;
  unit: Unit;
  /** The scenario shown, or why it cannot be built (a variant's change no longer applies). */
  scenario: Scenario | null;
  error: string | null;
  issues: Issue[];
  sources: Record<string, Provenance>;
  /** Keys of policy.sources carried over from the baseline although the value changed (flagged). */
  inherited: ReadonlySet<string>;
}

const NO_ISSUES: Issue[] = [];
const NO_SOURCES: Record<string, Provenance> = {};
const NONE: ReadonlySet<string> = new Set();

const inherited = memoize((base: Scenario | Error, shown: Scenario | Error): ReadonlySet<string> =>
  base instanceof Error || shown instanceof Error ? NONE : inheritedChanged(base, shown));

export function paramsView(s: AppState, prev: ParamsView | null = null): ParamsView {
  const shown = scenarioOrError(s.ws, s.active);
  const scenario = shown instanceof Error ? null : shown;
  return stable(prev, {
    lang: s.lang, unit: s.unit, scenario, error: shown instanceof Error ? shown.message : null,
    issues: s.cols[s.active]?.issues ?? NO_ISSUES,
    sources: scenario?.policy.sources ?? NO_SOURCES,
    inherited: inherited(scenarioOrError(s.ws, BASELINE), shown),
  });
}
