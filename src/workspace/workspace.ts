/**
 * Workspace operations: pure functions that return a new workspace and never touch the old one
 * (so the undo history can hold snapshots). A variant stores only its changes to the baseline;
 * its scenario is materialized on demand and memoized per (variant, baseline) pair.
 */
import type { Scenario } from '../format/types.ts';
import { applyChanges } from './apply.ts';
import { diffScenarios } from './diff.ts';
import { jsonEqual } from '../format/json.ts';
import { BASELINE, WORKSPACE_FORMAT, WORKSPACE_VERSION, type Change, type RefKey, type Variant, type Workspace } from './types.ts';

export { BASELINE, type RefKey };

export function newWorkspace(baseline: Scenario): Workspace {
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, baseline, variants: [] };
}

export function findVariant(ws: Workspace, id: string): Variant | undefined {
  return ws.variants.find((v) => v.id === id);
}

function variantOrThrow(ws: Workspace, id: string): Variant {
  const v = findVariant(ws, id);
  if (!v) throw new Error(`the workspace has no variant "${id}"`);
  return v;
}

const memo = new WeakMap<Variant, { baseline: Scenario; scenario: Scenario }>();

/** The scenario a ref stands for (memoized). Throws ChangeError if a variant's changes no longer apply. */
export function scenarioOf(ws: Workspace, ref: RefKey): Scenario {
  if (ref === BASELINE) return ws.baseline;
  const v = variantOrThrow(ws, ref);
  const hit = memo.get(v);
  if (hit && hit.baseline === ws.baseline) return hit.scenario;
  const scenario = applyChanges(ws.baseline, v.changes);
  memo.set(v, { baseline: ws.baseline, scenario });
  return scenario;
}

/** The scenario, or the error that stops it from being built (a variant's change no longer applies). */
export function scenarioOrError(ws: Workspace, ref: RefKey): Scenario | Error {
  try {
    return scenarioOf(ws, ref);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The change list a ref stands for (the baseline has none). */
export function changesOf(ws: Workspace, ref: RefKey): Change[] {
  return ref === BASELINE ? [] : variantOrThrow(ws, ref).changes;
}

/** Next free id "v<n>", above every id used so far, so a deleted variant's id is not reused. */
function nextId(ws: Workspace): string {
  let max = 0;
  for (const v of ws.variants) {
    const m = /^v(\d+)$/.exec(v.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `v${max + 1}`;
}

/** A new variant copying the baseline (no changes) or another variant's changes. */
export function addVariant(ws: Workspace, name: string, fromRef: RefKey = BASELINE): { ws: Workspace; id: string } {
  const id = nextId(ws);
  const changes = changesOf(ws, fromRef).slice();
  return { ws: { ...ws, variants: [...ws.variants, { id, name, changes }] }, id };
}

function updateVariant(ws: Workspace, id: string, f: (v: Variant) => Variant): Workspace {
  const old = variantOrThrow(ws, id);
  const next = f(old);
  return next === old ? ws : { ...ws, variants: ws.variants.map((v) => (v === old ? next : v)) };
}

export function renameVariant(ws: Workspace, id: string, name: string): Workspace {
  return updateVariant(ws, id, (v) => (v.name === name ? v : { ...v, name }));
}

export function deleteVariant(ws: Workspace, id: string): Workspace {
  variantOrThrow(ws, id);
  return { ...ws, variants: ws.variants.filter((v) => v.id !== id) };
}

/** Move a variant to another position (columns order). */
export function moveVariant(ws: Workspace, id: string, toIndex: number): Workspace {
  const v = variantOrThrow(ws, id);
  const rest = ws.variants.filter((x) => x !== v);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)));
  return { ...ws, variants: [...rest.slice(0, at), v, ...rest.slice(at)] };
}

/** Store an edited variant scenario as its difference from the baseline. */
export function setVariantScenario(ws: Workspace, id: string, edited: Scenario): Workspace {
  return setVariantChanges(ws, id, diffScenarios(ws.baseline, edited));
}

export function setVariantChanges(ws: Workspace, id: string, changes: Change[]): Workspace {
  return updateVariant(ws, id, (v) => (jsonEqual(v.changes, changes) ? v : { ...v, changes }));
}

/**
 * Replace the baseline. Variants keep their change lists, so a baseline edit flows into every
 * variant that did not change the same field; checkWorkspace tells if some change no longer applies.
 */
export function setBaseline(ws: Workspace, edited: Scenario): Workspace {
  return edited === ws.baseline ? ws : { ...ws, baseline: edited };
}

/** Every scenario of the workspace: the baseline first, then the variants in order. */
export function refKeys(ws: Workspace): RefKey[] {
  return [BASELINE, ...ws.variants.map((v) => v.id)];
}

/** Display name: the baseline's meta.name, or the variant's name (its id if it is gone). */
export function refName(ws: Workspace, ref: RefKey): string {
  return ref === BASELINE ? ws.baseline.meta.name : findVariant(ws, ref)?.name ?? ref;
}

/** Replace one scenario of the workspace with an edited copy (a variant keeps only its differences). */
export function replaceScenario(ws: Workspace, ref: RefKey, next: Scenario): Workspace {
  return ref === BASELINE ? setBaseline(ws, next) : setVariantScenario(ws, ref, next);
}
