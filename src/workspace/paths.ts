/**
 * Paths of changes. A segment is an object key (string), a list index (number), or — in a
 * list of objects that carry an `id` (hospitals, pools, carve-outs, quality indicators) — an
 * id segment `"#H003"`: the element whose `id` is "H003". Id segments keep a variant's change
 * pointing at the same hospital when the baseline's list is reordered or grows.
 * A string segment is read as an id only where the container is a list (lists have no string
 * keys), so an object key that happens to start with "#" still means that key.
 * Printed form: `hospitals[id=H003].lockedTarget`, `policy.historyWeights[2]`.
 */
import type { JsonPath } from './types.ts';

export const ID_MARK = '#';

export const idSegment = (id: string): string => ID_MARK + id;

/** The id named by a segment, or null if it is not an id segment. */
export function segmentId(seg: string | number): string | null {
  return typeof seg === 'string' && seg.startsWith(ID_MARK) && seg.length > 1 ? seg.slice(1) : null;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PLAIN_ID = /^[^\]\["'\s=]+$/;

export function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    const id = segmentId(seg);
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (id !== null) out += `[id=${PLAIN_ID.test(id) ? id : JSON.stringify(id)}]`;
    else if (IDENT.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A segment is a key or a whole, non-negative index. */
export function isSegment(seg: unknown): seg is string | number {
  return typeof seg === 'string' || (typeof seg === 'number' && Number.isSafeInteger(seg) && seg >= 0);
}

export function isJsonPath(p: unknown): p is JsonPath {
  return Array.isArray(p) && p.length > 0 && p.every(isSegment);
}
