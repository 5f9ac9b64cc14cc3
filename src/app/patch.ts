/**
 * Transport patches between two versions of a scenario held as immutable, structurally shared
 * objects: `diffPaths` walks only where identities differ, so one edited cell among 3,000
 * hospitals costs a few comparisons, and the worker applies the patch to its own copy.
 * `setIn` / `removeIn` make such structurally shared updates.
 */
export type Path = (string | number)[];
export type PatchOp = { path: Path; value?: unknown; remove?: true };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function diffPaths(a: unknown, b: unknown, path: Path = [], out: PatchOp[] = [], limit = 2000): PatchOp[] {
  if (a === b || out.length > limit) return out;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffPaths(a[i], b[i], [...path, i], out, limit);
    return out;
  }
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(b)) if (a[k] !== b[k]) {
      if (!(k in a)) out.push({ path: [...path, k], value: b[k] });
      else diffPaths(a[k], b[k], [...path, k], out, limit);
    }
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ path: [...path, k], remove: true });
    return out;
  }
  if (typeof a === 'object' || typeof b === 'object' || a !== b) out.push({ path, value: b });
  return out;
}

/** Apply a patch in place (the worker owns its copy). A root-level set replaces nothing: use a full send. */
export function applyPatch(target: Record<string, unknown>, ops: PatchOp[]): void {
  for (const op of ops) {
    let o: any = target;
    for (let i = 0; i < op.path.length - 1; i++) o = o[op.path[i]!];
    const last = op.path[op.path.length - 1]!;
    if (op.remove) {
      if (Array.isArray(o) && typeof last === 'number') o.splice(last, 1);
      else delete o[last];
    } else o[last] = op.value;
  }
}

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

/** "policy.deposit.rates.hospital" / "hospitals[3].history[0]" — the form issues use. */
export function pathString(path: Path): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k)) out += out ? `.${k}` : k;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}
