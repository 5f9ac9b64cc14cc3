/**
 * The cheap shape check of a workspace file's wrapper (header, variants, changes, fingerprints),
 * before any scenario is validated. Every problem is collected with the path of its field.
 */
import type { Issues } from '../format/issues.ts';
import { FORBIDDEN_KEYS, isPlainObject, type JsonObject } from '../format/json.ts';
import { FINGERPRINT_PREFIX } from '../engine/fingerprint.ts';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type Variant } from './types.ts';

/** Is this a workspace file of a version we read? Returns false (with issues) if not. */
export function checkHeader(d: JsonObject, issues: Issues): boolean {
  if (d.format !== WORKSPACE_FORMAT) {
    const is = d.format === undefined ? 'it is missing' : `it is ${JSON.stringify(d.format)}`;
    issues.add('format', `not a workspace file: "format" must be "${WORKSPACE_FORMAT}" or "gbsim-scenario" (${is})`);
  } else if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    issues.add('version', `must be a whole number from 1 (it is ${JSON.stringify(d.version)})`);
  } else if (d.version > WORKSPACE_VERSION) {
    issues.add('version', `this workspace was written by a newer version of the tool (workspace format version ${d.version}); this version reads up to ${WORKSPACE_VERSION}. Please update the tool to open it.`);
  } else {
    return true;
  }
  return false;
}

const MAX_ID = 100;
const MAX_NAME = 200;

/** The variants as written, if their shape is right; issues otherwise. Unknown fields are kept. */
export function checkVariants(raw: unknown, issues: Issues): Variant[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.add('variants', 'must be a list of variants');
    return [];
  }
  const seen = new Map<string, number>();
  return raw.flatMap((v, i): Variant[] => {
    const at = `variants[${i}]`;
    if (!isPlainObject(v)) {
      issues.add(at, 'must be an object with "id", "name" and "changes"');
      return [];
    }
    checkVariantId(v.id, at, seen, i, issues);
    if (typeof v.name !== 'string' || v.name === '' || v.name.length > MAX_NAME) issues.add(`${at}.name`, `must be text of 1 to ${MAX_NAME} characters`);
    if (!Array.isArray(v.changes)) {
      issues.add(`${at}.changes`, v.changes === undefined ? 'is required' : 'must be a list of changes');
      return [];
    }
    v.changes.forEach((c, k) => checkChange(c, `${at}.changes[${k}]`, issues));
    return [v as unknown as Variant];
  });
}

function checkVariantId(id: unknown, at: string, seen: Map<string, number>, i: number, issues: Issues): void {
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID) {
    issues.add(`${at}.id`, `must be a text id of 1 to ${MAX_ID} characters`);
  } else if (id === 'baseline') {
    issues.add(`${at}.id`, '"baseline" is reserved for the baseline; choose another id');
  } else if (seen.has(id)) {
    issues.add(`${at}.id`, `duplicate id "${id}" (also variants[${seen.get(id)}])`);
  } else {
    seen.set(id, i);
  }
}

function checkChange(c: unknown, at: string, issues: Issues): void {
  if (!isPlainObject(c)) {
    issues.add(at, 'must be a change: {"op": "set", "path": [...], "value": ...} or {"op": "remove", "path": [...]}');
    return;
  }
  if (c.op !== 'set' && c.op !== 'remove') issues.add(`${at}.op`, `must be "set" or "remove" (it is ${JSON.stringify(c.op)})`);
  if (c.op === 'set' && c.value === undefined) issues.add(`${at}.value`, 'is required for "set"');
  if (!Array.isArray(c.path) || c.path.length === 0) {
    issues.add(`${at}.path`, 'must be a non-empty list of field names and list indices');
  } else {
    c.path.forEach((seg, j) => checkSegment(seg, `${at}.path[${j}]`, issues));
  }
}

function checkSegment(seg: unknown, at: string, issues: Issues): void {
  if (typeof seg === 'string') {
    if (FORBIDDEN_KEYS.has(seg)) issues.add(at, `"${seg}" is not allowed in a path`);
  } else if (typeof seg !== 'number' || !Number.isSafeInteger(seg) || seg < 0) {
    issues.add(at, `must be a field name or a whole, non-negative list index (it is ${JSON.stringify(seg)})`);
  }
}

const FINGERPRINT_RE = new RegExp(`^${FINGERPRINT_PREFIX}[0-9a-f]{16,64}$`);

/** Fingerprints by "baseline" or variant id. */
export function checkFingerprints(raw: unknown, variants: Variant[], issues: Issues): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw)) {
    issues.add('fingerprints', 'must map "baseline" and variant ids to result fingerprints');
    return undefined;
  }
  const ids = new Set(['baseline', ...variants.map((v) => v.id)]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const at = `fingerprints[${JSON.stringify(k)}]`;
    if (!ids.has(k)) issues.add(at, 'names neither the baseline nor a variant of this workspace');
    else if (typeof v !== 'string' || !FINGERPRINT_RE.test(v)) issues.add(at, `must be a fingerprint like "${FINGERPRINT_PREFIX}0123456789abcdef"`);
    else out[k] = v;
  }
  return out;
}
