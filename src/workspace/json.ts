/**
 * Plain-JSON helpers shared by the workspace modules. Scenarios are trees of plain objects,
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
