/**
 * Step-by-step migration of older scenario files to the current version: one function per
 * version step, applied in order. Version 1 is the first published format, so there are no
 * steps yet; a future v2 adds `1: (doc) => …` here and a v1 fixture to tests/fixtures/legacy.
 */
import { FORMAT_VERSION } from './types.ts';

type Doc = Record<string, unknown>;
const STEPS: Record<number, (doc: Doc) => Doc> = {};

export function migrate(doc: Doc): Doc {
  let d = doc;
  for (let v = d.version as number; v < FORMAT_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new Error(`no migration from format version ${v}`);
    d = { ...step(d), version: v + 1 };
  }
  return d;
}
