/**
 * Which scenarios run, on which worker column, and what the page learns from them: the shown
 * and compared scenarios each get a column (runs/column.ts); a result replaces the column's
 * state unless a newer input superseded it; fingerprints are asked for once edits pause; the
 * brief of the institution looked at is fetched from the shown column. Data flows one way:
 * store → scenario → column → result → store.
 */
import type { Scenario } from '../../format/types.ts';
import { scenarioOf, refKeys, type RefKey } from '../../workspace/workspace.ts';
import { ResultView } from '../../transport/packed.ts';
import type { Store } from '../state/store.ts';
import type { ColumnState } from '../state/app-state.ts';
import { Aborted, Column, type Output } from './column.ts';
import type { WhatIf } from '../../engine/whatif.ts';
import type { PointInflation, PointInflationQuery } from '../../engine/point-inflation.ts';
import type { Adjustment } from '../../format/types.ts';
import type { AdjustmentPreview } from '../../engine/adjust-preview.ts';

/** Quiet time after the last result before its fingerprint is computed. */
const FINGERPRINT_DELAY_MS = 400;
/** Quiet time after an edit's result before the brief's what-if is computed again. */
const WHATIF_DELAY_MS = 400;

/** What the scheduler needs of a column (a fake in unit tests). */
export type ColumnLike = Pick<Column, 'cached' | 'run' | 'fingerprint' | 'explain' | 'whatIf' | 'pointInflation' | 'monitor' | 'previewAdjustment' | 'dispose'>;

export class Scheduler {
  private readonly columns = new Map<RefKey, ColumnLike>();
  private scheduled = false;
  /** Counts computes: a run held back for the scenario shown is started only if no newer compute came meanwhile. */
  private generation = 0;
  private fingerprintTimer: ReturnType<typeof setTimeout> | undefined;
  private whatIfTimer: ReturnType<typeof setTimeout> | undefined;
  /** The what-if asked for last: run key, institution, X. */
  private whatIfAsked: { key: number; id: string; pct: string } | null = null;

  constructor(private readonly store: Store, private readonly makeColumn: () => ColumnLike = () => new Column()) {}

  column(k: RefKey): ColumnLike | undefined {
    return this.columns.get(k);
  }

  /** Compute what is shown, once the current task's changes are all in. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.compute();
    });
  }

  /** The scenario shown changed: its fingerprint, if its column has one under way. */
  activeChanged(k: RefKey): void {
    const col = this.columns.get(k);
    if (col) queueMicrotask(() => this.fetchFingerprint(k, col));
  }

  private compute(): void {
    clearTimeout(this.fingerprintTimer); // inputs changed: the pending fingerprint is stale
    const st = this.store.state;
    const shown = this.store.shownRefs();
    for (const [k, col] of this.columns) if (!shown.includes(k)) { col.dispose(); this.columns.delete(k); }
    const cols: Record<RefKey, ColumnState> = {};
    const gen = ++this.generation;
    const later: (() => void)[] = [];
    let first: Promise<unknown> | null = null;
    for (const k of shown) {
      const prev = st.cols[k];
      let scenario: Scenario;
      try {
        scenario = scenarioOf(st.ws, k);
      } catch (e) {
        cols[k] = { status: 'invalid', view: prev?.view ?? null, scenario: prev?.scenario ?? null, out: null,
          issues: [{ path: '', message: (e as Error).message }], stale: true, ms: 0 };
        continue;
      }
      if (prev?.out?.scenario === scenario) { cols[k] = prev; continue; }
      let col = this.columns.get(k);
      if (!col) this.columns.set(k, (col = this.makeColumn()));
      const hit = col.cached(scenario);
      if (hit) { cols[k] = toColumnState(hit, prev); continue; }
      cols[k] = { status: 'running', view: prev?.view ?? null, scenario: prev?.scenario ?? null, out: prev?.out ?? null, issues: [], stale: true, ms: 0 };
      const c = col;
      if (k === st.active) first = this.start(k, c, scenario);
      else if (this.inView(k)) this.start(k, c, scenario);
      else later.push(() => { if (gen === this.generation && scenarioOf(this.store.state.ws, k) === scenario) this.start(k, c, scenario); });
    }
    this.store.set({ cols });
    // Scenarios this tab does not show run once the one shown has its result: on a busy machine (two cores, one of
    // them taken) they would otherwise share its core and hold up what the user is looking at.
    if (later.length) {
      const rest = () => { for (const f of later) f(); };
      if (first) first.then(rest, rest);
      else rest();
    }
  }

  private start(k: RefKey, col: ColumnLike, scenario: Scenario): Promise<unknown> {
    return col.run(scenario).then(
      (out) => {
        const st = this.store.state;
        if (scenarioOf(st.ws, k) !== scenario) return; // superseded
        const next = { ...st.cols, [k]: toColumnState(out, st.cols[k]) };
        if (this.unseen(k, next)) this.store.setQuietly({ cols: next });
        else this.store.set({ cols: next });
        if (out.ok && k === this.store.state.active) this.fetchFingerprint(k, col);
      },
      (e) => { if (!(e instanceof Aborted)) console.warn(e); },
    );
  }

  /** Whether the current view shows scenario k's results. */
  private inView(k: RefKey): boolean {
    const { tab, active } = this.store.state;
    return tab === 'compare' || tab === 'hospital' || k === active;
  }

  /**
   * Whether a result can be kept without updating the page: the comparison and the brief show
   * their columns together (one render per edit, not one per scenario), and the views of one scenario do not
   * show the others (their results are kept for when the user turns to them).
   */
  private unseen(k: RefKey, cols: Record<RefKey, ColumnState>): boolean {
    // The comparison and the brief (its settlement under each scenario) show every column: one render per edit.
    const tab = this.store.state.tab;
    if (tab === 'compare' || tab === 'hospital') return this.store.shownRefs().some((r) => r !== k && cols[r]?.status === 'running');
    return !this.inView(k);
  }

  /**
   * The fingerprint hashes the whole result in the column's worker; asked for once edits pause,
   * so that hashing never delays the next recompute while the user is typing.
   */
  private fetchFingerprint(k: RefKey, col: ColumnLike): void {
    clearTimeout(this.fingerprintTimer);
    this.fingerprintTimer = setTimeout(() => this.fetchFingerprintNow(k, col), FINGERPRINT_DELAY_MS);
  }

  private fetchFingerprintNow(k: RefKey, col: ColumnLike): void {
    const cs = this.store.state.cols[k];
    if (!cs?.out || !cs.view || cs.view.fingerprint) return;
    const out = cs.out;
    col.fingerprint(out).then((fp) => {
      if (!fp) return;
      (out as { fp?: string }).fp = fp;
      const now = this.store.state.cols[k];
      if (now?.out === out && now.view) this.store.set({ cols: { ...this.store.state.cols, [k]: { ...now, view: now.view.withFingerprint(fp) } } });
    }, () => undefined);
  }

  /**
   * The brief of the institution looked at, from the shown column's worker: its explanation at
   * once, and the what-if of its target once edits pause (the previous what-if is shown,
   * marked stale, meanwhile; none for a member of a pool settled by points). Nothing crosses to the worker but the run's key and the index:
   * it holds the scenario already.
   */
  refreshBrief(): void {
    const { active, hospital, cols, brief, whatIfPct } = this.store.state;
    const cs = cols[active];
    const col = this.columns.get(active);
    if (!hospital || !cs?.out?.ok || !col) return;
    const out = cs.out;
    const index = out.scenario.hospitals.findIndex((h) => h.id === hospital);
    const same = brief !== null && brief.ref === active && brief.id === hospital;
    if (same && brief.key === out.key) {
      const w = this.whatIfAsked;
      if (index >= 0 && !(w && w.key === out.key && w.id === hospital && w.pct === whatIfPct)) this.scheduleWhatIf(0);
      return;
    }
    const kept = same && brief.whatIf ? { ...brief.whatIf, stale: true } : null;
    const placeholder = { ref: active, id: hospital, key: out.key, explanation: null, whatIf: kept };
    this.store.setQuietly({ brief: placeholder });
    if (index < 0) return;
    col.explain(out, index).then((explanation) => {
      const b = this.store.state.brief;
      if (!b || b.ref !== placeholder.ref || b.id !== placeholder.id || b.key !== placeholder.key) return;
      this.store.set({ brief: { ...b, explanation } });
    }, () => undefined);
    this.scheduleWhatIf(same ? WHATIF_DELAY_MS : 0);
  }

  private scheduleWhatIf(delay: number): void {
    clearTimeout(this.whatIfTimer);
    const { hospital, whatIfPct } = this.store.state;
    const out = this.store.state.cols[this.store.state.active]?.out;
    if (!hospital || !out) return;
    this.whatIfAsked = { key: out.key, id: hospital, pct: whatIfPct };
    this.whatIfTimer = setTimeout(() => this.fetchWhatIf(), delay);
  }

  private fetchWhatIf(): void {
    const asked = this.whatIfAsked;
    const { active, brief, cols } = this.store.state;
    const cs = cols[active];
    const col = this.columns.get(active);
    if (!asked || !brief || !cs?.out?.ok || !col || cs.out.key !== asked.key || brief.id !== asked.id || brief.key !== asked.key) return;
    const index = cs.out.scenario.hospitals.findIndex((h) => h.id === asked.id);
    // A member of a pool settled by points has no target to move (DESIGN §7): its brief offers point inflation instead.
    const i = cs.view?.indexOf(asked.id);
    const pool = cs.view && i !== undefined ? cs.view.get('pool', i) : null;
    if (cs.view?.fund.pools.some((p) => p.id === pool && p.settlement === 'points')) return;
    const done = (result: WhatIf | null, error: string | null) => {
      const b = this.store.state.brief;
      if (this.whatIfAsked !== asked || !b || b.key !== asked.key || b.id !== asked.id) return;
      this.store.set({ brief: { ...b, whatIf: { pct: asked.pct, result, error, stale: false } } });
    };
    col.whatIf(cs.out, index, asked.pct).then((w) => done(w, null), (e) => { if (!(e instanceof Aborted)) done(null,
      e instanceof Error ? e.message : String(e)); });
  }

  /**
   * The monthly report of the scenario shown, from its column's worker (the run's key crosses,
   * the report comes back), once per run while the monitoring tab is open.
   */
  refreshMonitor(): void {
    const { active, cols, monitor } = this.store.state;
    const cs = cols[active];
    const col = this.columns.get(active);
    if (!cs?.out?.ok || !col) return;
    const out = cs.out;
    if (monitor && monitor.ref === active && monitor.key === out.key) return;
    this.store.setQuietly({ monitor: { ref: active, key: out.key, report: monitor?.ref === active ? monitor.report : null, stale: true } });
    col.monitor(out).then((report) => {
      const m = this.store.state.monitor;
      if (!m || m.ref !== active || m.key !== out.key || !report) return;
      this.store.set({ monitor: { ref: active, key: out.key, report, stale: false } });
    }, () => undefined);
  }

  /** The point-inflation what-if of the scenario shown (its column's worker), with the run it is of. */
  async pointInflation(q: PointInflationQuery): Promise<{ key: number; result: PointInflation | null } | null> {
    const { active, cols } = this.store.state;
    const cs = cols[active];
    const col = this.columns.get(active);
    if (!cs?.out?.ok || !col) return null;
    const out = cs.out;
    return { key: out.key, result: await col.pointInflation(out, q) };
  }

  /** What an adjustment would do (the engine in the shown column's worker), for the dialog. */
  async previewAdjustment(adjustment: Adjustment): Promise<AdjustmentPreview | null> {
    const { active, cols } = this.store.state;
    const cs = cols[active];
    const col = this.columns.get(active);
    if (!cs?.out?.ok || !col) return null;
    return col.previewAdjustment(cs.out, adjustment);
  }

  /**
   * Fingerprints of every scenario (for saving and for checking an opened file). A fresh shown
   * result is used as is; anything else is computed on a temporary column, so the columns'
   * runs are never aborted from here.
   */
  async fingerprints(): Promise<Record<RefKey, string>> {
    const out: Record<RefKey, string> = {};
    const st = this.store.state;
    const ws = st.ws;
    await Promise.all(refKeys(ws).map(async (k) => {
      let scenario: Scenario;
      try { scenario = scenarioOf(ws, k); } catch { return; }
      const cs = st.cols[k];
      if (cs?.status === 'ok' && cs.out?.scenario === scenario && cs.view?.fingerprint) { out[k] = cs.view.fingerprint; return; }
      const tmp = this.makeColumn();
      try {
        const o = await tmp.run(scenario);
        if (o.ok) { const fp = await tmp.fingerprint(o); if (fp) out[k] = fp; }
      } catch { /* invalid: no fingerprint */ } finally { tmp.dispose(); }
    }));
    return out;
  }
}

function toColumnState(out: Output, prev: ColumnState | undefined): ColumnState {
  if (!out.ok) return { status: 'invalid', view: prev?.view ?? null, scenario: prev?.scenario ?? null, out, issues: out.issues, stale: true, ms: out.ms };
  const fp = (out as { fp?: string }).fp ?? null;
  return { status: 'ok', view: new ResultView(out.packed, fp), scenario: out.scenario, out, issues: [], stale: false, ms: out.ms };
}
