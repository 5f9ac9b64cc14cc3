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
    issues.code('format', 'wrongWorkspaceFormat', { format: WORKSPACE_FORMAT, found: d.format === undefined ? '' : short(d.format) });
  } else if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    issues.code('version', 'badVersion', { found: short(d.version) });
  } else if (d.version > WORKSPACE_VERSION) {
    issues.code('version', 'newerWorkspace', { found: d.version, max: WORKSPACE_VERSION });
  } else {
    return true;
  }
  return false;
}

/** A value as the file has it, cut short (a message never echoes a 10 MB value). */
function short(v: unknown): string {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

const MAX_ID = 100;
const MAX_NAME = 200;

/** The variants as written, if their shape is right; issues otherwise. Unknown fields are kept. */
export function checkVariants(raw: unknown, issues: Issues): Variant[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.code('variants', 'listOf', { what: 'variants' });
    return [];
  }
  const seen = new Map<string, number>();
  return raw.flatMap((v, i): Variant[] => {
    const at = `variants[${i}]`;
    if (!isPlainObject(v)) {
      issues.code(at, 'variantObject');
      return [];
    }
    checkVariantId(v.id, at, seen, i, issues);
    if (typeof v.name !== 'string' || v.name === '' || v.name.length > MAX_NAME) issues.code(`${at}.name`, 'variantName', { max: MAX_NAME });
    if (!Array.isArray(v.changes)) {
      if (v.changes === undefined) issues.code(`${at}.changes`, 'required');
      else issues.code(`${at}.changes`, 'listOf', { what: 'changes' });
      return [];
    }
    v.changes.forEach((c, k) => checkChange(c, `${at}.changes[${k}]`, issues));
    return [v as unknown as Variant];
  });
}

function checkVariantId(id: unknown, at: string, seen: Map<string, number>, i: number, issues: Issues): void {
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID) {
    issues.code(`${at}.id`, 'variantId', { max: MAX_ID });
  } else if (id === 'baseline') {
    issues.code(`${at}.id`, 'variantIdReserved');
  } else if (seen.has(id)) {
    issues.code(`${at}.id`, 'duplicateVariant', { id, other: seen.get(id)! + 1 });
  } else {
    seen.set(id, i);
  }
}

function checkChange(c: unknown, at: string, issues: Issues): void {
  if (!isPlainObject(c)) {
    issues.code(at, 'changeShape');
    return;
  }
  if (c.op !== 'set' && c.op !== 'remove') issues.code(`${at}.op`, 'changeOp', { found: short(c.op) });
  if (c.op === 'set' && c.value === undefined) issues.code(`${at}.value`, 'setNeedsValue');
  if (!Array.isArray(c.path) || c.path.length === 0) {
    issues.code(`${at}.path`, 'changePath');
  } else {
    c.path.forEach((seg, j) => checkSegment(seg, `${at}.path[${j}]`, issues));
  }
}

function checkSegment(seg: unknown, at: string, issues: Issues): void {
  if (typeof seg === 'string') {
    if (FORBIDDEN_KEYS.has(seg)) issues.code(at, 'pathKeyForbidden', { key: seg });
  } else if (typeof seg !== 'number' || !Number.isSafeInteger(seg) || seg < 0) {
    issues.code(at, 'pathSegment', { found: short(seg) });
  }
}

const FINGERPRINT_RE = new RegExp(`^${FINGERPRINT_PREFIX}[0-9a-f]{16,64}$`);

/** Fingerprints by "baseline" or variant id. */
export function checkFingerprints(raw: unknown, variants: Variant[], issues: Issues): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw)) {
    issues.code('fingerprints', 'fingerprintsMap');
    return undefined;
  }
  const ids = new Set(['baseline', ...variants.map((v) => v.id)]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const at = `fingerprints[${JSON.stringify(k)}]`;
    if (!ids.has(k)) issues.code(at, 'fingerprintUnknown');
    else if (typeof v !== 'string' || !FINGERPRINT_RE.test(v)) issues.code(at, 'fingerprintShape', { example: `${FINGERPRINT_PREFIX}0123456789abcdef` });
    else out[k] = v;
  }
  return out;
}
