/**
 * The workspace file: one self-contained JSON file holding the baseline scenario, the variants
 * (as change lists) and, optionally, each scenario's result fingerprint so a receiver can check
 * they see the same numbers.
 *
 *   { "format": "gbsim-workspace", "version": 1, "baseline": {scenario}, "variants": [...],
 *     "fingerprints": { "baseline": "sha256:…", "<variant id>": "sha256:…" } }
 *
 * Opening: JSON → header → migrate → wrapper shape → baseline validation → every variant
 * materialized and validated. Any problem refuses the whole file (nothing is half-loaded).
 * A bare scenario file opens as a new workspace with that baseline.
 * Saved in a file: baseline, variants, unknown top-level fields (kept as found), fingerprints.
 * Not saved (UI-only, kept in IndexedDB meta by persist.ts): selected column, language, units.
 */
import { validateScenario } from '../scenario/open.ts';
import { parseJson } from '../format/json.ts';
import { migrateSteps, type Steps } from '../format/migrate.ts';
import { FORMAT_NAME } from '../format/types.ts';
import { Issues, issueOf, type Issue } from '../format/issues.ts';
import { isPlainObject, jsonEqual, type JsonObject } from '../format/json.ts';
import { diffScenarios } from './diff.ts';
import { checkVariant } from './validate.ts';
import { checkFingerprints, checkHeader, checkVariants } from './file-shape.ts';
import { newWorkspace } from './workspace.ts';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type Variant, type Workspace } from './types.ts';

/** Result fingerprints by "baseline" or variant id. */
export type Fingerprints = Record<string, string>;

export type WorkspaceLoad =
  | { ok: true; ws: Workspace; fingerprints?: Fingerprints; kind: 'workspace' | 'scenario' }
  | { ok: false; issues: Issue[] };

/**
 * The file text: two-space indented JSON, except that each change is one line, so a variant
 * reads as a list of edits (and diffs well).
 */
export function saveWorkspace(ws: Workspace, fingerprints?: Fingerprints): string {
  const { format: _f, version: _v, baseline, variants, fingerprints: _old, ...extra } = ws as Workspace & JsonObject;
  const known = new Set(['baseline', ...variants.map((v) => v.id)]);
  const fp = fingerprints && Object.fromEntries(Object.entries(fingerprints).filter(([k]) => known.has(k)));
  const fields: [string, string][] = [
    ...Object.entries({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, ...extra, baseline }).filter(([, v]) =>
      v !== undefined).map(([k, v]): [string, string] => [k, json(v, 1)]),
    ['variants', list(variants.map((v) => variantText(v, 2)), 1)],
    ...(fp ? [['fingerprints', json(fp, 1)] as [string, string]] : []),
  ];
  return `${object(fields, 0)}\n`;
}

const pad = (depth: number) => '  '.repeat(depth);
/** Indented JSON of a value that starts at nesting `depth`. */
const json = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replaceAll('\n', `\n${pad(depth)}`);
const object = (fields: [string, string][], depth: number) =>
  `{\n${fields.map(([k, t]) => `${pad(depth + 1)}${JSON.stringify(k)}: ${t}`).join(',\n')}\n${pad(depth)}}`;
const list = (items: string[], depth: number) =>
  items.length ? `[\n${items.map((t) => pad(depth + 1) + t).join(',\n')}\n${pad(depth)}]` : '[]';

function variantText(v: Variant, depth: number): string {
  const { changes, ...rest } = v;
  const fields = Object.entries(rest).filter(([, x]) => x !== undefined).map(([k, x]): [string, string] => [k, json(x, depth + 1)]);
  return object([...fields, ['changes', list(changes.map((c) => JSON.stringify(c)), depth + 1)]], depth);
}

export function loadWorkspaceText(text: string): WorkspaceLoad {
  const j = parseJson(text);
  return j.ok ? validateWorkspace(j.value) : j;
}

/** Validate an already-parsed workspace or scenario document. */
export function validateWorkspace(doc: unknown): WorkspaceLoad {
  if (!isPlainObject(doc)) {
    return fail([issueOf('', 'notWorkspace', { format: WORKSPACE_FORMAT })]);
  }
  if (doc.format === FORMAT_NAME) {
    const s = validateScenario(doc);
    return s.ok ? { ok: true, ws: newWorkspace(s.scenario), kind: 'scenario' } : s;
  }
  const issues = new Issues();
  if (!checkHeader(doc, issues)) return fail(issues.list);
  const d = migrate(doc);
  const variants = checkVariants(d.variants, issues);
  const fingerprints = checkFingerprints(d.fingerprints, variants, issues);
  if (d.baseline === undefined) issues.code('baseline', 'baselineRequired');
  const base = d.baseline === undefined ? null : validateScenario(d.baseline);
  // Each issue keeps its catalogue code, so it is shown in the user's language.
  if (base && !base.ok) for (const i of base.issues) issues.push({ ...i, path: i.path ? `baseline.${i.path}` : 'baseline' });
  if (issues.any || !base?.ok) return fail(issues.list);

  const checked = variants.map((v, i) => materialized(base.scenario, v, i, issues));
  if (issues.any) return fail(issues.list);
  const { format: _f, version: _v, fingerprints: _fp, baseline: _b, variants: _vs, ...extra } = d;
  const ws = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, ...extra, baseline: base.scenario, variants: checked } as Workspace;
  return { ok: true, ws, kind: 'workspace', ...(fingerprints ? { fingerprints } : {}) };
}

/**
 * Check one variant. If validation normalized a value (a rate written as a number becomes a
 * string), the stored changes are re-derived so the variant materializes to the validated scenario.
 */
function materialized(baseline: Workspace['baseline'], v: Variant, i: number, issues: Issues): Variant {
  const r = checkVariant(baseline, v, `variants[${i}]`);
  if (!r.ok) {
    for (const x of r.issues) issues.push(x);
    return v;
  }
  const changes = jsonEqual(r.applied, r.scenario) ? v.changes : diffScenarios(baseline, r.scenario);
  return { ...v, changes };
}

const fail = (issues: Issue[]): WorkspaceLoad => ({ ok: false, issues });

/** Workspace format steps (version 1 is the first, so none yet); the loop is format/migrate.ts's. */
const STEPS: Steps = {};
const migrate = (doc: JsonObject): JsonObject => migrateSteps(doc, STEPS, WORKSPACE_VERSION, 'workspace');
