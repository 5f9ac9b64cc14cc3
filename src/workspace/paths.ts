import type { Path } from '../format/path.ts';
/**
 * Paths of changes. A segment is an object key (string), a list index (number), or — in a
 * list of objects that carry an `id` (hospitals, pools, carve-outs, quality indicators) — an
 * id segment `"#H003"`: the element whose `id` is "H003". Id segments keep a variant's change
 * pointing at the same hospital when the baseline's list is reordered or grows.
 * A string segment is read as an id only where the container is a list (lists have no string
 * keys), so an object key that happens to start with "#" still means that key.
 * Printed by format/path.ts (`formatPath(path, true)`): `hospitals[id=H003].lockedTarget`.
 */

export const ID_MARK = '#';

export const idSegment = (id: string): string => ID_MARK + id;

/** The id named by a segment, or null if it is not an id segment. */
export function segmentId(seg: string | number): string | null {
  return typeof seg === 'string' && seg.startsWith(ID_MARK) && seg.length > 1 ? seg.slice(1) : null;
}


/** A segment is a key or a whole, non-negative index. */
export function isSegment(seg: unknown): seg is string | number {
  return typeof seg === 'string' || (typeof seg === 'number' && Number.isSafeInteger(seg) && seg >= 0);
}

export function isJsonPath(p: unknown): p is Path {
  return Array.isArray(p) && p.length > 0 && p.every(isSegment);
}
