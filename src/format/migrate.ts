/**
 * Step-by-step migration of older files to the current version: one function per version
 * step, applied in order — the one loop for scenario files (here) and workspace files
 * (src/workspace/file.ts). Each step has fixtures of its old version that keep loading forever
 * (tests/fixtures/v1/, tests/format/migrate.test.ts).
 */
import { FORMAT_VERSION } from './types.ts';

export type Doc = Record<string, unknown>;
/** Step `v` turns a version-v document into a version-(v+1) one. */
export type Steps = Readonly<Record<number, (doc: Doc) => Doc>>;

/** Apply `steps` from `doc.version` up to `current`. The header check has made version a whole number ≤ current. */
export function migrateSteps(doc: Doc, steps: Steps, current: number, what: string): Doc {
  let d = doc;
  for (let v = d.version as number; v < current; v++) {
    const step = steps[v];
    if (!step) throw new Error(`no migration from ${what} format version ${v}`);
    d = { ...step(d), version: v + 1 };
  }
  return d;
}

/** Where a v1 file's fields that v2 gives a meaning to are kept (scenarios/README.md, "Versions"). */
export const V1_FIELDS = 'v1Fields';

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object with the fields named in `keys` moved under `V1_FIELDS` (merged with any already
 * there), or the object itself when it has none of them.
 */
function setAside(o: Doc, keys: readonly string[]): Doc {
  const found = keys.filter((k) => Object.hasOwn(o, k));
  if (found.length === 0) return o;
  const kept = isObject(o[V1_FIELDS]) ? { ...(o[V1_FIELDS] as Doc) } : {};
  const out: Doc = {};
  for (const [k, v] of Object.entries(o)) if (!found.includes(k) && k !== V1_FIELDS) out[k] = v;
  for (const k of found) kept[k] = o[k];
  out[V1_FIELDS] = kept;
  return out;
}

/**
 * v1 → v2. Version 2 adds pools settled by points (DESIGN §7: `policy.pools[].settlement`,
 * `policy.points`, the root `catalogue`, `hospitals[].points`) and an institution's own
 * reasonable share of its overspend (`hospitals[].reasonableShare`). A v1 file means what it
 * meant: every pool is settled by targets (v2's default when `settlement` is absent) and the
 * policy's reasonable share applies to everyone (v2's fallback). v1 objects were loose, so a v1
 * file may carry fields of those names that v1 ignored; v2 would read them, so they are moved,
 * untouched, under `v1Fields` of the same object (kept and saved, never read).
 */
function v1ToV2(doc: Doc): Doc {
  // Copies all the way down to what changes: the input document is never modified.
  const d = { ...setAside(doc, ['catalogue']) };
  const policy = d.policy;
  if (isObject(policy)) {
    const p = { ...setAside(policy, ['points']) };
    if (Array.isArray(p.pools)) p.pools = p.pools.map((pool) => (isObject(pool) ? setAside(pool, ['settlement']) : pool));
    d.policy = p;
  }
  if (Array.isArray(d.hospitals)) d.hospitals = d.hospitals.map((h) => (isObject(h) ? setAside(h, ['points', 'reasonableShare']) : h));
  return d;
}

const SCENARIO_STEPS: Steps = { 1: v1ToV2 };

export const migrate = (doc: Doc): Doc => migrateSteps(doc, SCENARIO_STEPS, FORMAT_VERSION, 'scenario');
