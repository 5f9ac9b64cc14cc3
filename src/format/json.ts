import { issueOf, type Issue } from './issues.ts';
import { formatPath, type PathSegment } from './path.ts';

/**
 * Plain-JSON helpers shared by the file loaders and the workspace modules. Scenarios are trees of plain objects,
 * arrays and primitives; a key holding `undefined` counts as absent, as it does in a saved file.
 */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys that could reach an object's prototype; never followed, never written. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function hasKey(o: JsonObject, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined;
}

/**
 * A map's value for a user's key (a class, level, category or indicator id), own properties
 * only: `rates["toString"]` must be "no rate", never Object.prototype.toString.
 */
export function ownValue<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && map !== null && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Present keys of an object (own, not undefined). */
export function keysOf(o: JsonObject): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
}

/** Deep copy of a JSON value, so a stored change never aliases an object the UI may still edit. */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T;
  if (isPlainObject(v)) {
    const out: JsonObject = {};
    for (const k of keysOf(v)) out[k] = cloneJson(v[k]);
    return out as T;
  }
  return v;
}

/** Structural equality of JSON values; key order does not matter, undefined keys are absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = keysOf(a);
    if (ka.length !== keysOf(b).length) return false;
    return ka.every((k) => hasKey(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Largest file accepted (bytes of text). A 200,000-institution scenario is about 150 MB. */
export const MAX_FILE_CHARS = 400_000_000;
/** Deepest nesting of arrays and objects accepted; a scenario needs 6 levels, a workspace's change a few more. */
export const MAX_JSON_DEPTH = 64;

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: pos - last };
}

/**
 * Parse JSON text, refusing keys that could reach an object's prototype (with where they are),
 * nesting deeper than MAX_JSON_DEPTH (before parsing: the checks after it recurse), and giving
 * every syntax error its line and column.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  if (text.length > MAX_FILE_CHARS) return fail(issueOf('', 'fileTooLarge', { size: text.length, max: MAX_FILE_CHARS }));
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = (at: number) => fail(issueOf('', 'jsonTooDeep', { max: MAX_JSON_DEPTH, ...lineColumn(src, at) }));
  // The reviver recurses, so with it the depth is checked before parsing. JSON.parse alone does
  // not (V8 parses iteratively): then the parsed value is measured, cheaper than scanning the text,
  // and the text only scanned for where when it is too deep or does not parse.
  const revive = mayHoldForbiddenKey(src);
  const deepFirst = revive ? tooDeepAt(src, MAX_JSON_DEPTH) : -1;
  if (deepFirst >= 0) return tooDeep(deepFirst);
  const holders: { holder: object; key: string }[] = [];
  let value: unknown;
  // The reviver costs a call per value: only when the text could hold a forbidden key.
  function reviver(this: object, key: string, v: unknown): unknown {
    if (FORBIDDEN_KEYS.has(key)) {
      holders.push({ holder: this, key });
      return undefined;
    }
    return v;
  }
  try {
    value = JSON.parse(src, revive ? reviver : undefined);
  } catch (e) {
    const deep = tooDeepAt(src, MAX_JSON_DEPTH);
    if (deep >= 0) return tooDeep(deep);
    const at = syntaxErrorAt(src);
    const detail = String((e as Error).message).replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').slice(0, 120);
    return fail(issueOf('', 'jsonSyntax', { ...lineColumn(src, at), detail }));
  }
  if (!revive && deeperThan(value, MAX_JSON_DEPTH)) return tooDeep(tooDeepAt(src, MAX_JSON_DEPTH));
  if (holders.length) {
    const { holder, key } = holders[0]!;
    const path = pathTo(value, holder);
    return fail(issueOf(path === null ? '' : formatPath([...path, key]), 'forbiddenKey', { key }));
  }
  return { ok: true, value };
}

/**
 * Whether the text could hold a forbidden key. A key is written with its own letters or with
 * \u escapes, so text with neither cannot; it then parses without the reviver, which costs a
 * call per value (a quarter of loading a 100,000-institution file).
 */
export function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('\\u') || [...FORBIDDEN_KEYS].some((k) => text.includes(k));
}

const fail = (i: Issue): { ok: false; issues: Issue[] } => ({ ok: false, issues: [i] });

/** Offset of the first bracket nested deeper than `max` (strings skipped), or -1. Linear, no recursion. */
function tooDeepAt(s: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < s.length; i++) {
        const d = s.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Whether arrays and objects nest deeper than `max` in a parsed value (the root is level 1). Iterative. */
function deeperThan(root: unknown, max: number): boolean {
  if (typeof root !== 'object' || root === null) return false;
  const values: object[] = [root];
  const levels: number[] = [1];
  while (values.length > 0) {
    const v = values.pop()!;
    const level = levels.pop()!;
    if (level > max) return true;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'object' && x !== null) { values.push(x); levels.push(level + 1); }
      }
    } else {
      for (const k in v) {
        const x: unknown = (v as JsonObject)[k];
        if (typeof x === 'object' && x !== null) { values.push(x); levels.push(level + 1); }
      }
    }
  }
  return false;
}

/** The path of `target` inside `root` (by identity), iteratively; null when it is not there. */
function pathTo(root: unknown, target: object): PathSegment[] | null {
  const stack: { v: unknown; path: PathSegment[] }[] = [{ v: root, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === target) return path;
    if (Array.isArray(v)) v.forEach((x, i) => { if (typeof x === 'object' && x !== null) stack.push({ v: x, path: [...path, i] }); });
    else if (isPlainObject(v)) for (const k of Object.keys(v)) { const x = v[k];
      if (typeof x === 'object' && x !== null) stack.push({ v: x, path: [...path, k] }); }
  }
  return null;
}

/**
 * Where JSON.parse gave up, found by a small scanner of the grammar (V8 names a position for
 * some errors only): the offset of the first character that cannot continue a JSON text.
 */
export function syntaxErrorAt(s: string): number {
  let i = 0;
  const n = s.length;
  const ws = () => { while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++; };
  // Stack of open containers; `fresh` while nothing has been read inside the innermost yet.
  const stack: string[] = [];
  let fresh = false;
  const value = (): boolean => {
    ws();
    const c = s[i];
    if (c === '{' || c === '[') { stack.push(c); i++; fresh = true; return true; }
    fresh = false;
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(s.slice(i, i + 400));
    if (!lit) return false;
    i += lit[0].length;
    return true;
  };
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x22) { i++; return true; }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) { i++; return false; } i += 6; continue; }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) { i++; return false; }
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const key = (): boolean => {
    ws();
    if (s[i] !== '"' || !str()) return false;
    ws();
    if (s[i] !== ':') return false;
    i++;
    return value();
  };
  const member = (top: string): boolean => (top === '{' ? key() : value());
  if (!value()) return Math.min(i, n);
  for (;;) {
    ws();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : n;
    const close = top === '[' ? ']' : '}';
    if (s[i] === close) { stack.pop(); i++; fresh = false; continue; }
    if (fresh) { if (!member(top)) return Math.min(i, n); continue; }
    if (s[i] !== ',') return Math.min(i, n);
    i++;
    if (!member(top)) return Math.min(i, n);
  }
}
