/**
 * Edits of a workspace's immutable scenario trees: a copy with one value set or removed that
 * shares every untouched branch with the original, so undo can hold snapshots, memos keyed on
 * identity stay valid, and transport/patch.ts finds the edit in a few comparisons.
 */
import type { Scenario } from '../format/types.ts';
import type { Path } from '../format/path.ts';
import type { RefKey, Workspace } from './types.ts';
import { replaceScenario, scenarioOf } from './workspace.ts';

/** A copy of `root` with `value` at `path`, sharing every untouched branch. */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path;
  const src: any = root ?? (typeof k === 'number' ? [] : {});
  const copy: any = Array.isArray(src) ? src.slice() : { ...src };
  copy[k!] = setIn(src[k!], rest, value);
  return copy as T;
}

/** A copy of `root` without the value at `path` (array items are spliced out). */
export function removeIn<T>(root: T, path: Path): T {
  if (path.length === 0) return root;
  const [k, ...rest] = path;
  const src: any = root;
  if (src === null || typeof src !== 'object' || !(k! in src)) return root;
  const copy: any = Array.isArray(src) ? src.slice() : { ...src };
  if (rest.length === 0) {
    if (Array.isArray(copy) && typeof k === 'number') copy.splice(k, 1);
    else delete copy[k!];
  } else copy[k!] = removeIn(src[k!], rest);
  return copy as T;
}

export function getIn(root: unknown, path: Path): unknown {
  let o: any = root;
  for (const k of path) {
    if (o === null || o === undefined) return undefined;
    o = o[k];
  }
  return o;
}

/** Set (or, with `undefined`, remove) the value at `path` of one scenario of the workspace. */
export function editAt(ws: Workspace, ref: RefKey, path: Path, value: unknown): Workspace {
  const s: Scenario = scenarioOf(ws, ref);
  const next = value === undefined ? removeIn(s, path) : setIn(s, path, value);
  return replaceScenario(ws, ref, next);
}
