/**
 * Step-by-step migration of older files to the current version: one function per version
 * step, applied in order — the one loop for scenario files (here) and workspace files
 * (src/workspace/file.ts). Version 1 is the first published scenario format, so there are no
 * steps yet; a v2 adds `1: (doc) => …` to SCENARIO_STEPS and a v1 fixture to the tests.
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

const SCENARIO_STEPS: Steps = {};

export const migrate = (doc: Doc): Doc => migrateSteps(doc, SCENARIO_STEPS, FORMAT_VERSION, 'scenario');
