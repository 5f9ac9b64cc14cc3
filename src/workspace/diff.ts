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
 * Subtrees that are the same object are skipped, so diffing an edit made with structural
 * sharing costs only the edited part.
 */
import type { Scenario } from '../format/types.ts';
import type { Change } from './types.ts';
import { cloneJson, hasKey, isPlainObject, jsonEqual, type JsonObject } from '../format/json.ts';
import { idSegment } from './paths.ts';
import { buildIdMap, idMaps, idOf } from './ids.ts';
import type { Path } from '../format/path.ts';

export function diffScenarios(a: Scenario, b: Scenario): Change[] {
  const d = new Differ();
  d.object(a as unknown as JsonObject, b as unknown as JsonObject);
  return d.out;
}

/** Walks both trees with one shared path stack; a path is copied only when a change is emitted. */
class Differ {
  readonly out: Change[] = [];
  private readonly path: Path = [];

  private set(value: unknown, last?: string | number): void {
    const path = last === undefined ? this.path.slice() : [...this.path, last];
    this.out.push({ op: 'set', path, value: cloneJson(value) });
  }

  private remove(last: string | number): void {
    this.out.push({ op: 'remove', path: [...this.path, last] });
  }

  private at(seg: string | number, a: unknown, b: unknown): void {
    this.path.push(seg);
    this.value(a, b);
    this.path.pop();
  }

  value(a: unknown, b: unknown): void {
    if (a === b) return;
    if (isPlainObject(a) && isPlainObject(b)) this.object(a, b);
    else if (Array.isArray(a) && Array.isArray(b)) this.list(a, b);
    else if (!jsonEqual(a, b)) this.set(b);
  }

  object(a: JsonObject, b: JsonObject): void {
    for (const k in a) {
      if (!Object.prototype.hasOwnProperty.call(a, k) || a[k] === undefined) continue;
      if (hasKey(b, k)) this.at(k, a[k], b[k]);
      else this.remove(k);
    }
    for (const k in b) {
      if (Object.prototype.hasOwnProperty.call(b, k) && b[k] !== undefined && !hasKey(a, k)) this.set(b[k], k);
    }
  }

  list(a: unknown[], b: unknown[]): void {
    const aIndex = uniqueIds(a);
    if (aIndex) {
      if (samePositions(a, b)) {
        for (let i = 0; i < a.length; i++) this.at(idSegment(idOf(a[i])!), a[i], b[i]);
        return;
      }
      const bIds = idsOf(b);
      if (bIds && this.byId(a, b, aIndex, bIds)) return;
      if (bIds && a.length === b.length && isReorder(a, bIds)) return this.set(b);
    }
    if (a.length === b.length) {
      for (let i = 0; i < a.length; i++) this.at(i, a[i], b[i]);
    } else if (!jsonEqual(a, b)) {
      this.set(b);
    }
  }

  /** Id-matched diff; false (and nothing emitted) if b is not "a's kept ids in order, then new ones". */
  private byId(a: unknown[], b: unknown[], aIndex: Map<string, number>, bIds: string[]): boolean {
    const inB = new Set(bIds);
    let k = 0;
    for (const x of a) {
      const id = idOf(x)!;
      if (inB.has(id) && bIds[k++] !== id) return false;
    }
    for (const x of a) if (!inB.has(idOf(x)!)) this.remove(idSegment(idOf(x)!));
    bIds.forEach((id, j) => {
      const i = aIndex.get(id);
      if (i === undefined) this.set(b[j], idSegment(id));
      else this.at(idSegment(id), a[i], b[j]);
    });
    return true;
  }
}

/**
 * The id index of a list whose elements all carry distinct ids, else null. Cached (ids.ts), so
 * the baseline's hospital list is indexed once for every later diff against it.
 */
function uniqueIds(list: unknown[]): Map<string, number> | null {
  if (list.length === 0 || idOf(list[0]) === null) return null;
  let m = idMaps.get(list);
  if (!m) idMaps.set(list, (m = buildIdMap(list)));
  return m.size === list.length ? m : null;
}

/** Same length, and each element is the same object or has the same id as its counterpart. */
function samePositions(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && idOf(a[i]) !== idOf(b[i])) return false;
  return true;
}

/** The ids of a list whose elements are all objects with distinct string ids; else null. */
function idsOf(list: unknown[]): string[] | null {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const x of list) {
    const id = idOf(x);
    if (id === null || seen.has(id)) return null;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** b holds exactly a's ids (a has unique ids, b the same length), in another order. */
function isReorder(a: unknown[], bIds: string[]): boolean {
  const inB = new Set(bIds);
  return a.every((x) => inB.has(idOf(x)!));
}
