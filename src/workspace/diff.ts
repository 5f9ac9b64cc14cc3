/**
 * What changed between two scenarios, as a list of changes that applyChanges replays exactly.
 * Leaf-level: objects are compared key by key, so a variant that lowers one rate holds one change.
 * Lists:
 *  - a list of objects with unique ids (hospitals, pools, carve-outs, indicators) is matched by
 *    id: `hospitals[id=H003].lockedTarget`; removed ids are removed, new ids are appended —
 *    as long as the kept elements stay in order and the new ones come last;
 *  - otherwise a list of the same length is compared element by element by index;
 *  - otherwise (a reorder, an insertion in the middle, a different length) the whole list is set,
 *    which reads better than a cascade of shifted elements ("historyWeights: [...] → [...]").
 */
import type { Scenario } from '../format/types.ts';
import type { Change, JsonPath } from './types.ts';
import { cloneJson, hasKey, isPlainObject, jsonEqual, keysOf, type JsonObject } from './json.ts';
import { idSegment } from './paths.ts';

export function diffScenarios(a: Scenario, b: Scenario): Change[] {
  const out: Change[] = [];
  diffObject(a as unknown as JsonObject, b as unknown as JsonObject, [], out);
  return out;
}

const set = (path: JsonPath, value: unknown): Change => ({ op: 'set', path, value: cloneJson(value) });

function diffValue(a: unknown, b: unknown, path: JsonPath, out: Change[]): void {
  if (a === b) return;
  if (isPlainObject(a) && isPlainObject(b)) diffObject(a, b, path, out);
  else if (Array.isArray(a) && Array.isArray(b)) diffList(a, b, path, out);
  else if (!jsonEqual(a, b)) out.push(set(path, b));
}

function diffObject(a: JsonObject, b: JsonObject, path: JsonPath, out: Change[]): void {
  for (const k of keysOf(a)) {
    if (hasKey(b, k)) diffValue(a[k], b[k], [...path, k], out);
    else out.push({ op: 'remove', path: [...path, k] });
  }
  for (const k of keysOf(b)) if (!hasKey(a, k)) out.push(set([...path, k], b[k]));
}

function diffList(a: unknown[], b: unknown[], path: JsonPath, out: Change[]): void {
  const aIds = idsOf(a);
  const bIds = idsOf(b);
  if (aIds && bIds && diffById(a, b, aIds, bIds, path, out)) return;
  if (a.length === b.length && !(aIds && bIds && isReorder(aIds, bIds))) {
    a.forEach((x, i) => diffValue(x, b[i], [...path, i], out));
  } else if (!jsonEqual(a, b)) {
    out.push(set(path, b));
  }
}

/** The ids of a list whose elements are all objects with distinct string ids; else null. */
function idsOf(list: unknown[]): string[] | null {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const x of list) {
    if (!isPlainObject(x) || typeof x.id !== 'string' || seen.has(x.id)) return null;
    seen.add(x.id);
    ids.push(x.id);
  }
  return ids;
}

/** Id-matched diff; false (and nothing written) if b is not "a's kept ids in order, then new ones". */
function diffById(a: unknown[], b: unknown[], aIds: string[], bIds: string[], path: JsonPath, out: Change[]): boolean {
  const inA = new Map(aIds.map((id, i) => [id, i]));
  const inB = new Set(bIds);
  const kept = aIds.filter((id) => inB.has(id));
  if (kept.some((id, i) => bIds[i] !== id)) return false;
  for (const id of aIds) if (!inB.has(id)) out.push({ op: 'remove', path: [...path, idSegment(id)] });
  bIds.forEach((id, j) => {
    const i = inA.get(id);
    if (i === undefined) out.push(set([...path, idSegment(id)], b[j]));
    else diffValue(a[i], b[j], [...path, idSegment(id)], out);
  });
  return true;
}

function isReorder(aIds: string[], bIds: string[]): boolean {
  const inB = new Set(bIds);
  return aIds.every((id) => inB.has(id)) && aIds.some((id, i) => bIds[i] !== id);
}
