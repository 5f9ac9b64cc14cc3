import type { Issue } from './issues.ts';

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

/** Parse JSON text, refusing keys that could reach an object's prototype. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  if (text.length > MAX_FILE_CHARS) return { ok: false, issues: [{ path: '', message: `the file is too large (${text.length} characters; at most ${MAX_FILE_CHARS})` }] };
  const bad: string[] = [];
  let value: unknown;
  const reviver = (key: string, v: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) {
      bad.push(key);
      return undefined;
    }
    return v;
  };
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''), mayHoldForbiddenKey(text) ? reviver : undefined);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${jsonErrorWhere(text, (e as Error).message)}` }] };
  }
  if (bad.length) return { ok: false, issues: [{ path: '', message: `the file contains the forbidden key "${bad[0]}"` }] };
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

function jsonErrorWhere(text: string, msg: string): string {
  const m = /position (\d+)/.exec(msg);
  if (!m || /line \d+/.test(msg)) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${msg} (line ${line}, column ${col})`;
}

