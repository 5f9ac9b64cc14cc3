/**
 * Whether a run started from a tab (a Monte Carlo run, a sweep, a tornado) is of what the page
 * shows now: the same scenario shown, with the same inputs. A run keeps the scenario object it
 * was computed on. `analysis` is not an input of any run's figures (each run compares its own
 * parameters, analysis.risk or its sweep spec, separately), so writing a sweep into the file or
 * changing the years parameters leaves the runs current; an edit of anything else (a budget
 * figure, an institution, an undo back and forth, another file opened with other figures) makes
 * them outdated. Scenarios share unchanged containers (copy-on-write), so the comparison is
 * mostly by reference; the rest is compared by value once per pair of scenario objects.
 */
import type { AppState } from '../state/app-state.ts';
import type { Scenario } from '../../format/types.ts';
import { jsonEqual } from '../../format/json.ts';
import { riskParamsOf, type RiskParams } from '../../engine/risk/params.ts';
import { scenarioOrError, type RefKey } from '../../workspace/workspace.ts';

const seen = new WeakMap<Scenario, WeakMap<Scenario, boolean>>();

/** The same inputs: every part but `analysis` equal (by reference, else by value). */
export function sameInputs(a: Scenario, b: Scenario): boolean {
  if (a === b) return true;
  let m = seen.get(a);
  const hit = m?.get(b);
  if (hit !== undefined) return hit;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => k !== 'analysis'));
  const same = [...keys].every((k) => {
    const x = (a as unknown as Record<string, unknown>)[k], y = (b as unknown as Record<string, unknown>)[k];
    return x === y || jsonEqual(x, y);
  });
  if (!m) seen.set(a, (m = new WeakMap()));
  m.set(b, same);
  return same;
}

/** The scenario shown, when `run` was made on it as it is now (same inputs); else null. */
function shownIfRanOn(s: Pick<AppState, 'ws' | 'active'>, run: { ref: RefKey; scenario: Scenario }): Scenario | null {
  if (run.ref !== s.active) return null;
  const now = scenarioOrError(s.ws, s.active);
  return !(now instanceof Error) && sameInputs(run.scenario, now) ? now : null;
}

export function ranOnShown(s: Pick<AppState, 'ws' | 'active'>, run: { ref: RefKey; scenario: Scenario }): boolean {
  return shownIfRanOn(s, run) !== null;
}

/**
 * A Monte Carlo run whose figures are current (the risk tab's "outdated" is its negation; the
 * brief prints only such a run's): of the scenario shown, with the parameters it now keeps.
 */
export function riskRunCurrent(s: Pick<AppState, 'ws' | 'active'>, run: { ref: RefKey; scenario: Scenario; params: RiskParams }): boolean {
  const now = shownIfRanOn(s, run);
  return now !== null && JSON.stringify(riskParamsOf(now.analysis?.risk)) === JSON.stringify(run.params);
}
