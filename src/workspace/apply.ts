/**
 * Applying a variant's changes to a scenario. Pure: the base is never touched; containers on a
 * changed path are copied once per call (copy-on-write), everything else is shared.
 * Any change that cannot be applied throws a ChangeError naming the change and its path.
 * Sized for 200,000 hospitals: id lookups use a cached index (ids.ts), and a run of removals
 * by id from one list (what diffScenarios writes) is done in one pass instead of one per change.
 */
import type { Scenario } from '../format/types.ts';
import type { Change } from './types.ts';
import { FORBIDDEN_KEYS, cloneJson, isPlainObject, type JsonObject } from '../format/json.ts';
import { isSegment, segmentId } from './paths.ts';
import { buildIdMap, idMaps, idOf, indexOfId, type List } from './ids.ts';
import { formatPath, type Path } from '../format/path.ts';

export class ChangeError extends Error {
  /** @param index position of the change in its list; @param path its printed path. */
  constructor(readonly index: number, readonly path: string, readonly reason: string) {
    super(`${path || '(empty path)'}: ${reason}`);
    this.name = 'ChangeError';
  }
}

type Container = JsonObject | List;

export function applyChanges(base: Scenario, changes: readonly Change[]): Scenario {
  const d = new Draft(base);
  for (let i = 0; i < changes.length; ) {
    const n = removalRun(changes, i);
    try {
      if (n > 1) removeMany(d, changes.slice(i, i + n));
      else applyOne(d, changes[i]!);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const k = i + e.offset;
      throw new ChangeError(k, formatPath(changes[k]!.path ?? [], true), e.message);
    }
    i += Math.max(n, 1);
  }
  return d.root as Scenario;
}

/** Internal: why a change was refused (`offset` within a run of removals). */
class Refusal extends Error {
  constructor(message: string, readonly offset = 0) {
    super(message);
  }
}

function applyOne(d: Draft, c: Change): void {
  checkChange(c);
  const node = parentOf(d, c.path, c.op === 'set');
  if (c.op === 'set') setLeaf(d, node, c.path, c.value);
  else removeLeaf(d, node, c.path);
}

function checkChange(c: Change): void {
  if (c.op !== 'set' && c.op !== 'remove') throw new Refusal(`unknown operation ${JSON.stringify((c as { op: unknown }).op)}`);
  if (c.op === 'set' && c.value === undefined) throw new Refusal('a "set" change needs a value');
  const path: unknown = c.path;
  if (!Array.isArray(path) || path.length === 0) throw new Refusal('the path is empty');
  for (const seg of path) {
    if (!isSegment(seg)) throw new Refusal(`${JSON.stringify(seg)} is not a field name or a list index`);
    if (typeof seg === 'string' && FORBIDDEN_KEYS.has(seg)) throw new Refusal(`"${seg}" is not allowed in a path`);
  }
}

/** The (writable) container the path's last segment addresses. */
function parentOf(d: Draft, path: Path, create: boolean): Container {
  d.root = d.own(d.root as Container);
  let node = d.root as Container;
  for (let i = 0; i < path.length - 1; i++) node = descend(d, node, path, i, create);
  return node;
}

const where = (path: Path, n: number): string => formatPath(path.slice(0, n), true) || 'the scenario';

function kind(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v)})`;
}

const notContainer = (path: Path, n: number, v: unknown) => new Refusal(`${where(path, n)} is ${kind(v)}, not an object or list`);
const notList = (path: Path, i: number) => new Refusal(`${where(path, i)} is an object, not a list: expected a field name, not [${String(path[i])}]`);

/** Step from `node` into path[i], copying the child so it can be written. */
function descend(d: Draft, node: Container, path: Path, i: number, create: boolean): Container {
  const seg = path[i]!;
  if (Array.isArray(node)) {
    const idx = locate(d, node, path, i);
    if (idx < 0) throw new Refusal(missingElement(node, path, i));
    const child = node[idx];
    if (!isContainer(child)) throw notContainer(path, i + 1, child);
    if (path[i + 1] === 'id' && i + 2 === path.length) d.reshaped(node); // the element's id is about to change
    return (node[idx] = d.own(child));
  }
  if (typeof seg === 'number') throw notList(path, i);
  let child = node[seg];
  // "Created if missing": only objects can be made up; a missing list has no index to go to.
  if (child === undefined && create && typeof path[i + 1] === 'string') child = {};
  if (!isContainer(child)) throw notContainer(path, i + 1, child);
  return (node[seg] = d.own(child));
}

/** Index of path[i] in a list: -1 if absent. Throws if the segment cannot address a list. */
function locate(d: Draft, list: List, path: Path, i: number): number {
  const seg = path[i]!;
  if (typeof seg === 'number') return seg < list.length ? seg : -1;
  const id = segmentId(seg);
  if (id === null) throw new Refusal(`${where(path, i)} is a list: expected an index or an id segment "#…", not ${JSON.stringify(seg)}`);
  return d.indexOf(list, id);
}

function missingElement(list: List, path: Path, i: number): string {
  const seg = path[i]!;
  return typeof seg === 'number'
    ? `${where(path, i)} has no element [${seg}] (it has ${list.length})`
    : `${where(path, i)} has no element with id ${JSON.stringify(segmentId(seg))}`;
}

function setLeaf(d: Draft, node: Container, path: Path, value: unknown): void {
  const i = path.length - 1;
  const seg = path[i]!;
  const v = cloneJson(value);
  if (!Array.isArray(node)) {
    if (typeof seg === 'number') throw notList(path, i);
    node[seg] = v;
    return;
  }
  const id = segmentId(seg);
  if (id !== null && idOf(v) !== id) throw new Refusal(`the new element must be an object with "id": ${JSON.stringify(id)}`);
  const idx = locate(d, node, path, i);
  if (idx >= 0) {
    if (idOf(node[idx]) !== idOf(v)) d.reshaped(node);
    node[idx] = v;
  } else if (id !== null || seg === node.length) {
    node.push(v);
    d.appended(node, v);
  } else {
    throw new Refusal(`${missingElement(node, path, i)}; a new element can only be added at [${node.length}]`);
  }
}

function removeLeaf(d: Draft, node: Container, path: Path): void {
  const i = path.length - 1;
  const seg = path[i]!;
  if (!Array.isArray(node)) {
    if (typeof seg === 'number') throw notList(path, i);
    delete node[seg]; // removing an absent field is a no-op: it is already gone
    return;
  }
  const idx = locate(d, node, path, i);
  if (idx < 0) throw new Refusal(missingElement(node, path, i));
  node.splice(idx, 1);
  d.reshaped(node);
}

/** How many changes from i on remove elements by id from the same list (≥ 2 to batch). */
function removalRun(changes: readonly Change[], i: number): number {
  const first = changes[i]!;
  if (!isIdRemoval(first)) return 0;
  let n = 1;
  while (i + n < changes.length && isIdRemoval(changes[i + n]!) && sameParent(first.path, changes[i + n]!.path)) n++;
  return n;
}

function isIdRemoval(c: Change): boolean {
  return c.op === 'remove' && Array.isArray(c.path) && c.path.length >= 2 && segmentId(c.path[c.path.length - 1]!) !== null;
}

function sameParent(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => i === a.length - 1 || s === b[i]);
}

/** Remove several elements by id in one pass, with the same result as one by one. */
function removeMany(d: Draft, run: Change[]): void {
  run.forEach((c, k) => {
    try {
      checkChange(c);
    } catch (e) {
      throw new Refusal((e as Error).message, k);
    }
  });
  const node = parentOf(d, run[0]!.path, false);
  if (!Array.isArray(node)) {
    run.forEach((c, k) => withOffset(k, () => removeLeaf(d, node, c.path)));
    return;
  }
  const drop = new Set<number>();
  run.forEach((c, k) => {
    const id = segmentId(c.path[c.path.length - 1]!)!;
    let idx = d.indexOf(node, id);
    // Removing one id twice removes its next duplicate, as one-by-one removal would.
    while (idx >= 0 && drop.has(idx)) idx = nextWithId(node, id, idx + 1);
    if (idx < 0) throw new Refusal(missingElement(node, c.path, c.path.length - 1), k);
    drop.add(idx);
  });
  let w = 0;
  for (let r = 0; r < node.length; r++) if (!drop.has(r)) node[w++] = node[r];
  node.length = w;
  d.reshaped(node);
}

function nextWithId(list: List, id: string, from: number): number {
  for (let j = from; j < list.length; j++) if (idOf(list[j]) === id) return j;
  return -1;
}

function withOffset(k: number, f: () => void): void {
  try {
    f();
  } catch (e) {
    throw e instanceof Refusal ? new Refusal(e.message, k) : e;
  }
}

const isContainer = (v: unknown): v is Container => Array.isArray(v) || isPlainObject(v);

/**
 * The containers copied during one applyChanges call; only these may be written. A copied list
 * borrows the id index of the list it was copied from until its shape changes, and indexes that
 * original (cached for the next call) rather than the throwaway copy.
 */
class Draft {
  private readonly fresh = new WeakSet<object>();
  private readonly origin = new WeakMap<List, List>();
  private readonly ownMaps = new WeakSet<Map<string, number>>();
  constructor(public root: unknown) {}

  own<T extends Container>(c: T): T {
    if (this.fresh.has(c)) return c;
    const copy = (Array.isArray(c) ? c.slice() : { ...c }) as T;
    if (Array.isArray(c)) this.origin.set(copy as List, c);
    this.fresh.add(copy);
    return copy;
  }

  indexOf(list: List, id: string): number {
    const o = this.origin.get(list);
    if (o && !idMaps.has(list)) {
      indexOfId(o, id);
      const m = idMaps.get(o);
      if (m) idMaps.set(list, m);
    }
    return indexOfId(list, id);
  }

  /** The list's order or ids changed: its borrowed or stale index no longer applies. */
  reshaped(list: List): void {
    this.origin.delete(list);
    idMaps.delete(list);
  }

  /** Keep the index of a list whose new last element was just pushed. */
  appended(list: List, v: unknown): void {
    const id = idOf(v);
    if (id === null) return this.reshaped(list);
    this.origin.delete(list);
    let m = idMaps.get(list);
    if (m && !this.ownMaps.has(m)) m = new Map(m);
    m ??= buildIdMap(list);
    if (!m.has(id)) m.set(id, list.length - 1);
    idMaps.set(list, m);
    this.ownMaps.add(m);
  }
}
