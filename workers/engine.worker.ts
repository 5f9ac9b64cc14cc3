/**
 * The engine's worker: hosts engine calls only. The page keeps one of these per scenario column;
 * each holds its own copy of "its" scenario, updated by small patches, and a tiny LRU of recent
 * results so a hospital's monthly detail can be fetched without resending anything.
 */
import '../src/format/csp.ts';
import { expose, transfer } from 'comlink';
import { settle, toResult, type Settlement } from '../src/engine/run.ts';
import { changedInstitution, changeKeepsInstitutions, compile } from '../src/engine/compile.ts';
import type { Model } from '../src/engine/model.ts';
import { ScenarioError } from '../src/format/issues.ts';
import { validateScenario } from '../src/scenario/open.ts';
import type { Issue } from '../src/format/issues.ts';
import type { HospitalResult, Result } from '../src/engine/result.ts';
import type { Scenario } from '../src/format/types.ts';
import { fingerprint } from '../src/engine/fingerprint.ts';
import { loadWorkspaceText } from '../src/workspace/file.ts';
import { saveCurrent } from '../src/workspace/persist.ts';
import type { Workspace } from '../src/workspace/types.ts';
import { applyPatch } from '../src/transport/patch.ts';
import type { Change } from '../src/workspace/types.ts';
import { packSettlement, transferables, type PackedResult } from '../src/transport/packed.ts';
import { explain, type Explanation } from '../src/engine/explain.ts';

export type RunOutput =
  | { ok: true; key: number; packed: PackedResult; ms: number; phases: { patch: number; compile: number; settle: number; pack: number } }
  | { ok: false; key: number; issues: Issue[]; ms: number };

let held: Scenario | null = null;
/** The saver's own copy of the baseline (a saver worker never runs scenarios). */
let saved: Scenario | null = null;
let heldKey = -1;
/** Recent runs: the settled year, and the full result built only when something asks for it. */
interface Run {
  key: number;
  model: Model;
  st: Settlement;
  full?: Result;
  fp?: string;
}
const recent: Run[] = [];

function remember(run: Run): void {
  recent.unshift(run);
  if (recent.length > 4) recent.pop();
}
const find = (key: number) => recent.find((r) => r.key === key);

/**
 * The first runs on a new set of institutions are two to four times slower than later ones (V8
 * has not yet optimized the engine's code for them). After such a run the worker settles the
 * scenario a few more times while idle, one run per task, so the user's first edits are as
 * quick as the rest (measured by `npm run bench`). Stops as soon as a real request comes in.
 */
const WARM_RUNS = 6;
/** How many institutions the worker last warmed up on. */
let warmedFor = -1;
function warmUp(key: number, left = WARM_RUNS): void {
  if (left === 0) return;
  setTimeout(() => {
    const r = recent[0];
    if (!r || r.key !== key || heldKey !== key) return; // a newer run came in: already warming by use
    // The path an edit takes: compile reusing the institutions, settle, pack.
    const model = held ? compile(held, r.model.hospitals) : r.model;
    packSettlement(model, settle(model));
    warmUp(key, left - 1);
  }, 0);
}
const fullResult = (r: Run): Result => (r.full ??= toResult(r.model, r.st));

const api = {
  /** Run the held scenario after replacing it (`full`) or patching it (`patch`). */
  run(req: { key: number; full?: Scenario; patch?: Change[] }): RunOutput {
    const t0 = performance.now();
    // The latest run's institutions can be reused when the patch leaves them as they were, or
    // changes only some institutions' own data (those are compiled again).
    const previous = recent[0]?.key === heldKey ? recent[0].model.hospitals : undefined;
    const changed = new Set<number>();
    const reusable = !req.full && req.patch !== undefined && req.patch.every((op) => {
      if (changeKeepsInstitutions(op.path)) return true;
      const i = changedInstitution(op.path);
      if (i !== null) changed.add(i);
      return i !== null;
    });
    const reuse = reusable ? previous : undefined;
    if (req.full) held = req.full;
    else if (held && req.patch) applyPatch(held as unknown as Record<string, unknown>, req.patch);
    if (!held) return { ok: false, key: req.key, issues: [{ path: '', message: 'no scenario' }], ms: 0 };
    heldKey = req.key;
    const tPatched = performance.now();
    try {
      const t1 = tPatched;
      const model = compile(held, reuse, changed);
      const t2 = performance.now();
      const st = settle(model);
      const t3 = performance.now();
      remember({ key: req.key, model, st });
      const packed = packSettlement(model, st);
      const t4 = performance.now();
      if (!reuse && model.hospitals.length !== warmedFor) { warmedFor = model.hospitals.length; warmUp(req.key); }
      const out: RunOutput = { ok: true, key: req.key, packed, ms: t4 - t0, phases: { patch: t1 - t0, compile: t2 - t1, settle: t3 - t2, pack: t4 - t3 } };
      return transfer(out, transferables(packed)); // the amounts' buffer moves to the page, uncopied
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, key: req.key, issues: e.issues, ms: performance.now() - t0 };
      const v = validateScenario(held);
      const issues = v.ok ? [{ path: '', message: e instanceof Error ? e.message : String(e) }] : v.issues;
      return { ok: false, key: req.key, issues, ms: performance.now() - t0 };
    }
  },
  /** Fingerprint of a recent result (hash of its canonical form). */
  fingerprint(key: number): string | null {
    const r = find(key);
    if (!r) return null;
    r.fp ??= fingerprint(fullResult(r));
    return r.fp;
  },
  /** One hospital's full result (monthly arrays included). */
  detail(key: number, index: number): HospitalResult | null {
    const r = find(key);
    return r ? fullResult(r).hospitals[index] ?? null : null;
  },
  /** The derivation of one hospital's target, and its peers; only for the latest run. */
  explain(key: number, index: number): Explanation | null {
    const r = find(key);
    if (!r || !held || key !== heldKey) return null;
    return explain(held, fullResult(r), index);
  },
  /** Keep the workspace in IndexedDB: serializing 3,000 hospitals happens here, not on the page. */
  async persist(req: { full?: Scenario; patch?: Change[]; rest: Omit<Workspace, 'baseline'> }): Promise<void> {
    if (req.full) saved = req.full;
    else if (saved && req.patch) applyPatch(saved as unknown as Record<string, unknown>, req.patch);
    if (!saved) throw new Error('no baseline to save');
    await saveCurrent({ ...req.rest, baseline: saved } as Workspace);
  },
  /** Open a file's text: validation is heavy, so it happens here, off the page's thread. */
  open(text: string): ReturnType<typeof loadWorkspaceText> {
    return loadWorkspaceText(text);
  },
};

export type EngineApi = typeof api;
expose(api);
