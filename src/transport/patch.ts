/**
 * Patches between two versions of a scenario held as immutable, structurally shared objects
 * (workspace/edit.ts makes such versions): `diffPaths` walks only where identities differ, so
 * one edited cell among 3,000 hospitals costs a few comparisons, and the worker applies the
 * patch to its own copy. A patch is a list of the workspace's changes (one vocabulary), with
 * plain index paths.
 */
import type { Path } from '../format/path.ts';
import type { Change } from '../workspace/types.ts';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function diffPaths(a: unknown, b: unknown, path: Path = [], out: Change[] = [], limit = 2000): Change[] {
  if (a === b || out.length > limit) return out;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffPaths(a[i], b[i], [...path, i], out, limit);
    return out;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(b)) if (a[k] !== b[k]) {
      if (!(k in a)) out.push({ op: 'set', path: [...path, k], value: b[k] });
      else diffPaths(a[k], b[k], [...path, k], out, limit);
    }
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ op: 'remove', path: [...path, k] });
    return out;
  }
  if (typeof a === 'object' || typeof b === 'object' || a !== b) out.push({ op: 'set', path, value: b });
  return out;
}

/**
 * What to send a worker that holds `sent`: the patch to `next`, or `next` whole when there is no
 * copy yet, the patch would be longer than `max` changes, or it replaces the root.
 */
export function updateOf<T>(sent: T | null, next: T, max = 1000): { full: T; patch?: undefined } | { full?: undefined; patch: Change[] } {
  if (sent === null) return { full: next };
  const patch = diffPaths(sent, next, [], [], max);
  return patch.length > max || patch.some((p) => p.path.length === 0) ? { full: next } : { patch };
}

/** Apply a patch in place (the worker owns its copy). A root-level set replaces nothing: use a full send. */
export function applyPatch(target: Record<string, unknown>, ops: readonly Change[]): void {
  for (const op of ops) {
    let o: any = target;
    for (let i = 0; i < op.path.length - 1; i++) o = o[op.path[i]!];
    const last = op.path[op.path.length - 1]!;
    if (op.op === 'remove') {
      if (Array.isArray(o) && typeof last === 'number') o.splice(last, 1);
      else delete o[last];
    } else o[last] = op.value;
  }
}
