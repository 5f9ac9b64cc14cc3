/**
 * Applying a variant's changes to a scenario. Pure: the base is never touched; containers on a
 * changed path are copied once per call (copy-on-write), everything else is shared.
 * Any change that cannot be applied throws a ChangeError naming the change and its path.
 */
import type { Scenario } from '../format/types.ts';
import type { Change, JsonPath } from './types.ts';
import { FORBIDDEN_KEYS, cloneJson, isPlainObject, type JsonObject } from './json.ts';
import { isSegment, pathToString, segmentId } from './paths.ts';

export class ChangeError extends Error {
  /** @param index position of the change in its list; @param path its printed path. */
  constructor(readonly index: number, readonly path: string, readonly reason: string) {
    super(`${path || '(empty path)'}: ${reason}`);
    this.name = 'ChangeError';
  }
}

type List = unknown[];
type Container = JsonObject | List;

export function applyChanges(base: Scenario, changes: readonly Change[]): Scenario {
  const draft = new Draft(base);
  changes.forEach((c, i) => {
    try {
      applyOne(draft, c);
    } catch (e) {
      if (e instanceof Refusal) throw new ChangeError(i, pathToString(c.path ?? []), e.message);
      throw e;
    }
  });
  return draft.root as Scenario;
}

/** Internal: why a change was refused; wrapped into a ChangeError with the change's index. */
class Refusal extends Error {}

function applyOne(d: Draft, c: Change): void {
  checkPath(c.path);
  if (c.op === 'set' && c.value === undefined) throw new Refusal('a "set" change needs a value');
  if (c.op !== 'set' && c.op !== 'remove') throw new Refusal(`unknown operation ${JSON.stringify((c as { op: unknown }).op)}`);
  d.root = d.own(d.root as Container);
  let node = d.root as Container;
  for (let i = 0; i < c.path.length - 1; i++) node = descend(d, node, c.path, i, c.op === 'set');
  if (c.op === 'set') setLeaf(d, node, c.path, c.value);
  else removeLeaf(node, c.path);
}

function checkPath(path: unknown): asserts path is JsonPath {
  if (!Array.isArray(path) || path.length === 0) throw new Refusal('the path is empty');
  for (const seg of path) {
    if (!isSegment(seg)) throw new Refusal(`${JSON.stringify(seg)} is not a field name or a list index`);
    if (typeof seg === 'string' && FORBIDDEN_KEYS.has(seg)) throw new Refusal(`"${seg}" is not allowed in a path`);
  }
}

const where = (path: JsonPath, n: number): string => pathToString(path.slice(0, n)) || 'the scenario';

function kind(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v)})`;
}

/** Step from `node` into path[i], copying the child so it can be written. */
function descend(d: Draft, node: Container, path: JsonPath, i: number, create: boolean): Container {
  const seg = path[i]!;
  if (Array.isArray(node)) {
    const idx = locate(node, path, i);
    if (idx < 0) throw new Refusal(missingElement(node, path, i));
    const child = node[idx];
    if (path[i + 1] === 'id' && i + 2 === path.length) idMaps.delete(node); // the element's id is about to change
    if (!isContainer(child)) throw new Refusal(`${where(path, i + 1)} is ${kind(child)}, not an object or list`);
    return (node[idx] = d.own(child));
  }
  if (typeof seg === 'number') throw new Refusal(`${where(path, i)} is an object, not a list: expected a field name, not [${seg}]`);
  let child = node[seg];
  // "Created if missing": only objects can be made up; a missing list has no index to go to.
  if (child === undefined && create && typeof path[i + 1] === 'string') child = {};
  if (!isContainer(child)) throw new Refusal(`${where(path, i + 1)} is ${kind(child)}, not an object or list`);
  return (node[seg] = d.own(child));
}

/** Index of path[i] in a list: -1 if absent. Throws if the segment cannot address a list. */
function locate(list: List, path: JsonPath, i: number): number {
  const seg = path[i]!;
  if (typeof seg === 'number') return seg < list.length ? seg : -1;
  const id = segmentId(seg);
  if (id === null) throw new Refusal(`${where(path, i)} is a list: expected an index or an id segment "#…", not ${JSON.stringify(seg)}`);
  return indexOfId(list, id);
}

function missingElement(list: List, path: JsonPath, i: number): string {
  const seg = path[i]!;
  return typeof seg === 'number'
    ? `${where(path, i)} has no element [${seg}] (it has ${list.length})`
    : `${where(path, i)} has no element with id ${JSON.stringify(segmentId(seg))}`;
}

function setLeaf(d: Draft, node: Container, path: JsonPath, value: unknown): void {
  const i = path.length - 1;
  const seg = path[i]!;
  const v = cloneJson(value);
  if (!Array.isArray(node)) {
    if (typeof seg === 'number') throw new Refusal(`${where(path, i)} is an object, not a list: expected a field name, not [${seg}]`);
    node[seg] = v;
    return;
  }
  const id = segmentId(seg);
  if (id !== null && idOf(v) !== id) throw new Refusal(`the new element must be an object with "id": ${JSON.stringify(id)}`);
  const idx = locate(node, path, i);
  if (idx >= 0) {
    if (idOf(node[idx]) !== idOf(v)) idMaps.delete(node);
    node[idx] = v;
  } else if (id !== null || seg === node.length) {
    node.push(v);
    const vid = idOf(v);
    if (vid !== null) d.idMap(node).set(vid, d.idMap(node).get(vid) ?? node.length - 1);
  } else {
    throw new Refusal(`${missingElement(node, path, i)}; a new element can only be added at [${node.length}]`);
  }
}

function removeLeaf(node: Container, path: JsonPath): void {
  const i = path.length - 1;
  const seg = path[i]!;
  if (!Array.isArray(node)) {
    if (typeof seg === 'number') throw new Refusal(`${where(path, i)} is an object, not a list: expected a field name, not [${seg}]`);
    delete node[seg]; // removing an absent field is a no-op: it is already gone
    return;
  }
  const idx = locate(node, path, i);
  if (idx < 0) throw new Refusal(missingElement(node, path, i));
  node.splice(idx, 1);
  idMaps.delete(node);
}

const isContainer = (v: unknown): v is Container => Array.isArray(v) || isPlainObject(v);

function idOf(v: unknown): string | null {
  return isPlainObject(v) && typeof v.id === 'string' ? v.id : null;
}

/**
 * id → index of lists, cached across calls: a 200,000-hospital baseline is indexed once, not
 * once per change. A copied list shares its original's map until its shape changes.
 */
const idMaps = new WeakMap<List, Map<string, number>>();

function buildIdMap(list: List): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((x, i) => {
    const id = idOf(x);
    if (id !== null && !m.has(id)) m.set(id, i);
  });
  return m;
}

function indexOfId(list: List, id: string): number {
  let m = idMaps.get(list);
  const hit = m?.get(id);
  if (hit !== undefined && idOf(list[hit]) === id) return hit;
  // A miss is trusted only from a map that covers the whole list; anything else is rebuilt.
  if (m && hit === undefined && m.size === list.length) return -1;
  m = buildIdMap(list);
  idMaps.set(list, m);
  return m.get(id) ?? -1;
}

/** The containers copied during one applyChanges call; only these may be written. */
class Draft {
  private readonly fresh = new WeakSet<object>();
  private readonly ownMaps = new WeakSet<Map<string, number>>();
  constructor(public root: unknown) {}

  own<T extends Container>(c: T): T {
    if (this.fresh.has(c)) return c;
    const copy = (Array.isArray(c) ? c.slice() : { ...c }) as T;
    if (Array.isArray(c) && idMaps.has(c)) idMaps.set(copy as List, idMaps.get(c)!);
    this.fresh.add(copy);
    return copy;
  }

  /** A map for a list of this draft that this draft may write (copied from a shared one once). */
  idMap(list: List): Map<string, number> {
    let m = idMaps.get(list);
    if (m && this.ownMaps.has(m)) return m;
    m = m ? new Map(m) : buildIdMap(list);
    idMaps.set(list, m);
    this.ownMaps.add(m);
    return m;
  }
}
