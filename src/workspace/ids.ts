/**
 * Finding list elements by id. The id → index map of a list is cached (a WeakMap keyed by the
 * list), so a 200,000-hospital baseline is indexed once rather than once per change or label.
 * Lists are treated as immutable; a hit is always re-checked, so a stale map is only rebuilt.
 */
import { isPlainObject } from '../format/json.ts';

export type List = unknown[];

export function idOf(v: unknown): string | null {
  // An empty id cannot be addressed by an id segment ("#"): such an element is found by index.
  return isPlainObject(v) && typeof v.id === 'string' && v.id !== '' ? v.id : null;
}

export const idMaps = new WeakMap<List, Map<string, number>>();

export function buildIdMap(list: List): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((x, i) => {
    const id = idOf(x);
    if (id !== null && !m.has(id)) m.set(id, i);
  });
  return m;
}

/** Index of the first element with this id, or -1. */
export function indexOfId(list: List, id: string): number {
  let m = idMaps.get(list);
  const hit = m?.get(id);
  if (hit !== undefined && idOf(list[hit]) === id) return hit;
  // A miss is trusted only from a map that covers the whole list; anything else is rebuilt.
  if (m && hit === undefined && m.size === list.length) return -1;
  m = buildIdMap(list);
  idMaps.set(list, m);
  return m.get(id) ?? -1;
}
