/** What the scenario bar shows: the scenarios to choose from, the one shown, and what a variant changes. */
import type { AppState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { Workspace } from '../../workspace/types.ts';
import { describeChange } from '../../workspace/changes.ts';
import { BASELINE, changesOf, refKeys, refName, type RefKey } from '../../workspace/workspace.ts';
import { memoize } from './memo.ts';

export interface ScenarioChoice { key: RefKey; name: string; baseline: boolean }

export interface ScenarioBarView {
  lang: Lang;
  scenarios: ScenarioChoice[];
  active: RefKey;
  baselineKey: RefKey;
  activeName: string;
  isVariant: boolean;
  /** A variant's changes against the baseline, one line each (or why they no longer apply). */
  changes: string[];
  /** The name a new variant gets. */
  nextName: string;
}

export const choicesOf = (ws: Workspace): ScenarioChoice[] => refKeys(ws).map((key) => ({ key, name: refName(ws, key), baseline: key === BASELINE }));

const build = memoize((ws: Workspace, active: RefKey, lang: Lang, unit: Unit): ScenarioBarView => {
  const isVariant = active !== BASELINE;
  let changes: string[] = [];
  try {
    changes = isVariant ? changesOf(ws, active).map((c) => describeChange(c, ws.baseline, lang, unit)) : [];
  } catch (e) {
    changes = [(e as Error).message];
  }
  const n = ws.variants.length + 1;
  return {
    lang, scenarios: choicesOf(ws), active, baselineKey: BASELINE, activeName: refName(ws, active), isVariant, changes,
    nextName: lang === 'zh' ? `测算方案 ${n}` : `Alternative ${n}`,
  };
});

export function scenarioBarView(s: AppState): ScenarioBarView {
  return build(s.ws, s.active, s.lang, s.unit);
}
