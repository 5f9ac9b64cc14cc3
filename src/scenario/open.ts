/**
 * Opening a scenario file: JSON text → shape check → migrate → full validation → Scenario.
 * Every problem comes back with the path of its field; nothing is half-loaded.
 */
import type { z } from 'zod';
import { parseScenarioShape } from '../format/hospitals-fast.ts';
import { migrate } from '../format/migrate.ts';
import { FORMAT_NAME, FORMAT_VERSION, type Scenario } from '../format/types.ts';
import { compile } from '../engine/compile.ts';
import { allocate } from '../engine/allocate.ts';
import type { Model } from '../engine/model.ts';
import { applyAdjustments } from '../engine/adjust.ts';
import { ScenarioError, issueOf, type Issue } from '../format/issues.ts';
import { codeOfText } from '../format/messages.ts';
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
    const path = formatPath(i.path);
    if (missing) return issueOf(path, 'required');
    const known = codeOfText(i.message);
    return known ? issueOf(path, known.code, known.params) : { path, message: i.message };
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
    return [issueOf('', 'notScenario', { format: FORMAT_NAME })];
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== FORMAT_NAME) {
    return [issueOf('format', 'wrongFormat', { format: FORMAT_NAME, found: d.format === undefined ? '' : shortJson(d.format) })];
  }
  if (typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    return [issueOf('version', 'badVersion', { found: shortJson(d.version) })];
  }
  if (d.version > FORMAT_VERSION) {
    return [issueOf('version', 'newerVersion', { found: d.version, max: FORMAT_VERSION })];
  }
  return [];
}

/** A value as it stands in the file, cut short (a message never echoes a 10 MB value). */
function shortJson(v: unknown): string {
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/**
 * Validate an already-parsed document. Nothing thrown inside escapes: the gate's own error
 * (ScenarioError) carries its issues, anything else becomes an issue naming where it was raised.
 */
export function validateScenario(doc: unknown): LoadResult {
  const r = validateScenarioModel(doc);
  return r.ok ? { ok: true, scenario: r.scenario } : r;
}

/** A scenario that passed the gate with the model its check compiled (what a run needs first). */
export type ModelResult = { ok: true; scenario: Scenario; model: Model } | { ok: false; issues: Issue[] };

/**
 * validateScenario, keeping the compiled model: compile is pure and the checks only read the
 * model, so a caller about to settle need not compile the scenario again (half a second at
 * 100,000 institutions). Not kept in LoadResult, which callers hold on to.
 */
export function validateScenarioModel(doc: unknown): ModelResult {
  try {
    return validateUnguarded(doc);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    return { ok: false, issues: [internalIssue(e)] };
  }
}

/** An unexpected exception as an issue: its message (cut short), at the field it names if any. */
export function internalIssue(e: unknown): Issue {
  const text = e instanceof Error ? e.message : String(e);
  const detail = text.length > 160 ? `${text.slice(0, 157)}…` : text;
  const at = (e as { path?: unknown } | null)?.path;
  return issueOf(typeof at === 'string' ? at : '', 'internal', { detail });
}

function validateUnguarded(doc: unknown): ModelResult {
  const header = checkHeader(doc);
  if (header.length) return { ok: false, issues: header };
  const migrated = migrate(doc as Record<string, unknown>);
  // The schema's own result (reportInput tells a missing field from a value of the wrong type);
  // the common institutions checked by a faster path to the same output.
  const parsed = parseScenarioShape(migrated);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, migrated) };
  const scenario = parsed.data as unknown as Scenario;
  const model = compile(scenario);
  const region = allocate(model);
  // Mid-year adjustments are refused here, with their reason, rather than when settling.
  if (model.adjustments.length > 0) applyAdjustments(model, region);
  return { ok: true, scenario, model };
}

export function loadScenario(text: string): LoadResult {
  const j = parseJson(text);
  return j.ok ? validateScenario(j.value) : j;
}

/** The text we write: stable key order as held, two-space indent, trailing newline. */
export function saveScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
