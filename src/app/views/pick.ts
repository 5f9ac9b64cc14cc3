/**
 * Picking one institution out of thousands by typing part of its name (or code): the choices
 * that match, best first, and only a handful of them, so the picker's list stays a few elements
 * however many institutions there are (components/gb-pick-institution.ts renders it).
 */

export interface PickChoice { id: string; name: string }

export interface PickMatches {
  matches: PickChoice[];
  /** How many more match than are listed (keep typing to narrow them). */
  more: number;
}

/** Lower-cased "name id" of each choice, computed once per list. */
const keys = new WeakMap<readonly PickChoice[], string[]>();
function keysOf(choices: readonly PickChoice[]): string[] {
  let k = keys.get(choices);
  if (!k) keys.set(choices, (k = choices.map((c) => `${c.name}\u0000${c.id}`.toLowerCase())));
  return k;
}

/**
 * The choices whose name or code contains every word of `query` (case-insensitive), at most
 * `limit`: the exact code first, then those whose name or code starts with the query, then the
 * rest, each in file order. A blank query lists the first `limit`.
 */
export function matchChoices(choices: readonly PickChoice[], query: string, limit = 12): PickMatches {
  const q = query.trim().toLowerCase();
  if (!q) return { matches: choices.slice(0, limit), more: Math.max(0, choices.length - limit) };
  const words = q.split(/\s+/);
  const ks = keysOf(choices);
  const ranked: [number, number][] = [];
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i]!;
    if (!words.every((w) => k.includes(w))) continue;
    const c = choices[i]!;
    const id = c.id.toLowerCase();
    ranked.push([id === q ? 0 : k.startsWith(q) || id.startsWith(q) ? 1 : 2, i]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { matches: ranked.slice(0, limit).map(([, i]) => choices[i]!), more: Math.max(0, ranked.length - limit) };
}
