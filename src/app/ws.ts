/**
 * The page's view of the workspace layer (src/workspace): scenario references as plain string
 * keys ("baseline" or a variant id), memoized materialization, and edits at a path.
 * Materialized scenarios share structure with the baseline, so patches to workers stay small.
 */
import type { Scenario } from '../format/types.ts';
import type { Change, ScenarioRef, Workspace } from '../workspace/types.ts';
import { scenarioOf, setBaseline, setVariantScenario } from '../workspace/workspace.ts';
import { diffScenarios } from '../workspace/changes.ts';
import { removeIn, setIn, type Path } from './patch.ts';

export type RefKey = string;
export const BASELINE: RefKey = 'baseline';

export const toRef = (k: RefKey): ScenarioRef => (k === BASELINE ? 'baseline' : { variant: k });

export function refKeys(ws: Workspace): RefKey[] {
  return [BASELINE, ...ws.variants.map((v) => v.id)];
}

export function refName(ws: Workspace, k: RefKey): string {
  if (k === BASELINE) return ws.baseline.meta.name;
  return ws.variants.find((v) => v.id === k)?.name ?? k;
}

/** Scenario of a ref (memoized by the workspace layer, so caches hit). Throws ChangeError. */
export function materialize(ws: Workspace, k: RefKey): Scenario {
  return scenarioOf(ws, toRef(k));
}

/** The scenario, or the error that stops it from being built (a variant's change no longer applies). */
export function materializeOrError(ws: Workspace, k: RefKey): Scenario | Error {
  try {
    return materialize(ws, k);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Set (or, with `undefined`, remove) the value at `path` of one scenario of the workspace. */
export function editAt(ws: Workspace, k: RefKey, path: Path, value: unknown): Workspace {
  const s = materialize(ws, k);
  const next = value === undefined ? removeIn(s, path) : setIn(s, path, value);
  if (k === BASELINE) return setBaseline(ws, next);
  return setVariantScenario(ws, k, next);
}

/** Replace a whole scenario (used by structural edits such as adding a tier). */
export function replaceScenario(ws: Workspace, k: RefKey, next: Scenario): Workspace {
  return k === BASELINE ? setBaseline(ws, next) : setVariantScenario(ws, k, next);
}

/** A variant's changes, or the differences of any two scenarios. */
export function changesOf(ws: Workspace, k: RefKey): Change[] {
  if (k === BASELINE) return [];
  const v = ws.variants.find((x) => x.id === k);
  return v ? v.changes : diffScenarios(ws.baseline, materialize(ws, k));
}
