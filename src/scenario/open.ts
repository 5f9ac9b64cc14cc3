/**
 * Opening a scenario file: JSON text → shape check → migrate → full validation → Scenario.
 * Every problem comes back with the path of its field; nothing is half-loaded.
 */
import type { z } from 'zod';
import { scenarioSchema } from '../format/schema.ts';
import { migrate } from '../format/migrate.ts';
import { FORMAT_NAME, FORMAT_VERSION, type Scenario } from '../format/types.ts';
import { compile } from '../engine/compile.ts';
import { allocate } from '../engine/allocate.ts';
import { applyAdjustments } from '../engine/adjust.ts';
import { ScenarioError, type Issue } from '../format/issues.ts';
import { parseJson } from '../format/json.ts';
import { formatPath } from '../format/path.ts';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] };

/**
 * zod issues → our issues. "is required" only when the field is really absent from `doc`
 * (zod 4 does not report the input value, so a wrong-typed value would look missing).
 */
export function zodIssues(error: z.ZodError, doc?: unknown): Issue[] {
  return error.issues.map((i) => {
    const missing = i.code === 'invalid_type' && (doc === undefined ? i.input === undefined : !hasPath(doc, i.path));
    return { path: formatPath(i.path), message: missing ? 'is required' : i.message };
  });
}

/** Whether `path` leads to a present (own, not undefined) value in `doc`. */
function hasPath(doc: unknown, path: readonly PropertyKey[]): boolean {
  let o: unknown = doc;
  for (const k of path) {
    if (typeof o !== 'object' || o === null || !Object.hasOwn(o, k)) return false;
    o = (o as Record<PropertyKey, unknown>)[k];
  }
  return o !== undefined;
}

/** The header check: is this our format, and a version we can read? */
function checkHeader(doc: unknown): Issue[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return [{ path: '', message: `not a scenario file: expected a JSON object with "format": "${FORMAT_NAME}"` }];
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== FORMAT_NAME) {
    return [{ path: 'format', message: `not a scenario file: "format" must be "${FORMAT_NAME}"${d.format === undefined ? ' (it is missing)' : ` (it is ${JSON.stringify(d.format)})`}` }];
  }
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    return [{ path: 'version', message: `must be a whole number from 1 (it is ${JSON.stringify(d.version)})` }];
  }
  if (d.version > FORMAT_VERSION) {
    return [{ path: 'version', message: `this file was written by a newer version of the tool (format version ${d.version}); this version reads up to ${FORMAT_VERSION}. Please update the tool to open it.` }];
  }
  return [];
}

/** Validate an already-parsed document. */
export function validateScenario(doc: unknown): LoadResult {
  const header = checkHeader(doc);
  if (header.length) return { ok: false, issues: header };
  const migrated = migrate(doc as Record<string, unknown>);
  // reportInput tells a missing field (input undefined) from a value of the wrong type.
  const parsed = scenarioSchema.safeParse(migrated, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, migrated) };
  const scenario = parsed.data as unknown as Scenario;
  try {
    const model = compile(scenario);
    const region = allocate(model);
    // Mid-year adjustments are refused here, with their reason, rather than when settling.
    if (model.adjustments.length > 0) applyAdjustments(model, region);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
  return { ok: true, scenario };
}

export function loadScenario(text: string): LoadResult {
  const j = parseJson(text);
  return j.ok ? validateScenario(j.value) : j;
}

/** The text we write: stable key order as held, two-space indent, trailing newline. */
export function saveScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
