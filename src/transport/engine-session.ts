/**
 * The engine's side of a scenario column (hosted by workers/engine.worker.ts): the column's
 * scenario held as a replica updated by patches, the recent runs (settled years, the full
 * result built only when asked), and the incremental compile decision — an edit that leaves the
 * institutions' inputs alone, or changes only some institutions' own data, reuses the previous
 * compile's institutions.
 */
import { fundResult, hospitalResultAt, settle, toResult, type Settlement } from '../engine/run.ts';
import type { YearTable } from '../engine/settle.ts';
import { changedInstitution, changeKeepsInstitutions, compile } from '../engine/compile.ts';
import { explainAt, type Explanation } from '../engine/explain.ts';
import { whatIfOf, type WhatIf } from '../engine/whatif.ts';
import { pointInflationOf, type InflationMemo, type PointInflation, type PointInflationQuery } from '../engine/point-inflation.ts';
import { monitorReport, type MonitorReport, type MonitorRow } from '../engine/monitor.ts';
import { previewAdjustment, type AdjustmentPreview } from '../engine/adjust-preview.ts';
import type { Adjustment } from '../format/types.ts';
import { fingerprint } from '../engine/fingerprint.ts';
import type { Model } from '../engine/model.ts';
import type { HospitalResult, Result } from '../engine/result.ts';
import { ScenarioError, type Issue } from '../format/issues.ts';
import { validateScenario } from '../scenario/open.ts';
import { packSettlement, type PackedResult } from './packed.ts';
import { Replica, type ScenarioUpdate } from './replica.ts';

export type RunRequest = { key: number } & ScenarioUpdate;

export type RunOutput =
  | { ok: true; key: number; packed: PackedResult; ms: number; phases: { patch: number; compile: number; settle: number; pack: number } }
  | { ok: false; key: number; issues: Issue[]; ms: number };

/** A recent run: the settled year, and the full result built only when something asks for it. */
interface Run {
  key: number;
  model: Model;
  st: Settlement;
  full?: Result;
  fp?: string;
  /** The point-inflation what-ifs its briefs asked for (engine/point-inflation.ts), by pool, level and x. */
  inflation?: InflationMemo;
}

/**
 * The first runs on a new set of institutions are two to four times slower than later ones (V8
 * has not yet optimized the engine's code for them). After such a run the session settles the
 * scenario a few more times while idle, one run per task, so the user's first edits are as
 * quick as the rest (measured by `npm run bench`). Stops as soon as a real request comes in.
 */
const WARM_RUNS = 6;
const RECENT = 4;

export class EngineSession {
  private readonly replica = new Replica();
  private heldKey = -1;
  private readonly recent: Run[] = [];
  /** How many institutions the session last warmed up on. */
  private warmedFor = -1;
  /** The table of a run no longer kept, settled into next instead of a fresh one. */
  private spare: YearTable | undefined;

  /** Run the held scenario after replacing it (`full`) or patching it (`patch`). */
  run(req: RunRequest): RunOutput {
    const t0 = performance.now();
    const previous = this.recent[0]?.key === this.heldKey ? this.recent[0].model.hospitals : undefined;
    const changed = new Set<number>();
    const reusable = !req.full && req.patch.every((op) => {
      if (changeKeepsInstitutions(op.path)) return true;
      const i = changedInstitution(op.path);
      if (i !== null) changed.add(i);
      return i !== null;
    });
    const held = this.replica.apply(req);
    if (!held) return { ok: false, key: req.key, issues: [{ path: '', message: 'no scenario' }], ms: 0 };
    this.heldKey = req.key;
    const t1 = performance.now();
    try {
      const reuse = reusable ? previous : undefined;
      const model = compile(held, reuse, changed);
      const t2 = performance.now();
      const st = settle(model, this.spare);
      if (st.year === this.spare) this.spare = undefined;
      const t3 = performance.now();
      this.remember({ key: req.key, model, st });
      const packed = packSettlement(model, st);
      const t4 = performance.now();
      if (!reuse && model.hospitals.length !== this.warmedFor) {
        this.warmedFor = model.hospitals.length;
        this.warmUp(req.key, WARM_RUNS);
      }
      return { ok: true, key: req.key, packed, ms: t4 - t0, phases: { patch: t1 - t0, compile: t2 - t1, settle: t3 - t2, pack: t4 - t3 } };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, key: req.key, issues: e.issues, ms: performance.now() - t0 };
      const v = validateScenario(held);
      const issues = v.ok ? [{ path: '', message: e instanceof Error ? e.message : String(e) }] : v.issues;
      return { ok: false, key: req.key, issues, ms: performance.now() - t0 };
    }
  }

  /** Fingerprint of a recent result (hash of its canonical form). */
  fingerprint(key: number): string | null {
    const r = this.find(key);
    if (!r) return null;
    r.fp ??= fingerprint(this.fullResult(r));
    return r.fp;
  }

  /** One hospital's full result (monthly arrays included). */
  detail(key: number, index: number): HospitalResult | null {
    const r = this.find(key);
    if (!r || index < 0 || index >= r.model.hospitals.length) return null;
    return r.full?.hospitals[index] ?? hospitalResultAt(r.model, r.st, index);
  }

  /** The derivation of one hospital's target, and its peers; only for the latest run. */
  explain(key: number, index: number): Explanation | null {
    const r = this.find(key);
    const held = this.replica.current;
    if (!r || !held || key !== this.heldKey || index < 0 || index >= r.model.hospitals.length) return null;
    // One institution's result, not the whole (3,000 institutions' monthly arrays formatted).
    const hr = r.full?.hospitals[index] ?? hospitalResultAt(r.model, r.st, index);
    const alloc = { model: r.model, region: r.st.region, memo: (r.inflation ??= new Map()) };
    return explainAt(held, r.full?.fund ?? fundResult(r.model, r.st), hr, index, alloc);
  }

  /** What if institution `index`'s target moved ±pct% (engine/whatif.ts), from the latest run's compile: nothing crosses but the answer. */
  whatIf(key: number, index: number, pct: string): WhatIf | null {
    const r = this.find(key);
    const held = this.replica.current;
    if (!r || !held || key !== this.heldKey || index < 0 || index >= r.model.hospitals.length) return null;
    return whatIfOf(held, r.model, r.st.region, index, pct);
  }

  /** What if a points pool's institutions (all, or one level) reported x% more points (engine/point-inflation.ts), from the latest run's compile. */
  pointInflation(key: number, q: PointInflationQuery): PointInflation | null {
    const r = this.find(key);
    const held = this.replica.current;
    if (!r || !held || key !== this.heldKey) return null;
    return pointInflationOf(held, r.model, r.st.region, q);
  }

  /** The monthly report (DESIGN §10) of the latest run, as the monitoring tab shows it: as of its month, the rest projected. */
  monitor(key: number): ShownMonitor | null {
    const r = this.find(key);
    const held = this.replica.current;
    if (!r || !held || key !== this.heldKey) return null;
    return shownMonitor(monitorReport(held, r.model, r.st));
  }

  /** What a mid-year adjustment would do to the latest run's scenario, before it is accepted. */
  previewAdjustment(key: number, adjustment: Adjustment): AdjustmentPreview | null {
    const held = this.replica.current;
    if (!held || key !== this.heldKey) return null;
    return previewAdjustment(held, adjustment);
  }

  private remember(run: Run): void {
    this.recent.unshift(run);
    if (this.recent.length > RECENT) this.spare = this.recent.pop()!.st.year;
  }

  private find(key: number): Run | undefined {
    return this.recent.find((r) => r.key === key);
  }

  private fullResult(r: Run): Result {
    return (r.full ??= toResult(r.model, r.st));
  }

  private warmUp(key: number, left: number): void {
    if (left === 0) return;
    setTimeout(() => {
      const r = this.recent[0];
      const held = this.replica.current;
      if (!r || r.key !== key || this.heldKey !== key) return; // a newer run came in: already warming by use
      // The path an edit takes: compile reusing the institutions, settle, pack.
      const model = held ? compile(held, r.model.hospitals) : r.model;
      const st = settle(model, this.spare);
      packSettlement(model, st);
      this.spare = st.year; // a warm-up's settlement is thrown away: its table is the next spare
      this.warmUp(key, left - 1);
    }, 0);
  }
}

/**
 * The monthly report as it crosses to the page: the rows of the institutions warned only (most
 * overspent first) and how many institutions there are. The tab lists no other row, and cloning
 * 3,000 rows to the page on every edit was its largest cost after the list's own layout.
 */
export type ShownMonitor = Omit<MonitorReport, 'rows' | 'warningList'> & { institutions: number; warned: MonitorRow[] };

export function shownMonitor(r: MonitorReport): ShownMonitor {
  const { rows, warningList, ...rest } = r;
  return { ...rest, institutions: rows.length, warned: warningList.map((i) => rows[i]!) };
}
