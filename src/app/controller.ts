/**
 * The page's controller: holds the state, applies user actions to the workspace, keeps undo
 * history, and sends the scenarios shown to their worker columns. Data flows one way:
 * workspace → materialized scenario → worker → result → views.
 */
import type { Scenario } from '../format/types.ts';
import type { Workspace } from '../workspace/types.ts';
import { addVariant, deleteVariant, renameVariant } from '../workspace/workspace.ts';
import { Aborted, Column } from './engine-client.ts';
import { ResultView } from '../transport/packed.ts';
import type { AppState, ColumnState, Dialog, Notice, Tab } from './state.ts';
import { canRedo, canUndo, newHistory, push, redo, undo, type History } from '../workspace/history.ts';

/** Quiet time after the last result before its fingerprint is computed. */
const FINGERPRINT_DELAY_MS = 400;
import type { Lang, Unit } from '../display/lang.ts';
import type { Path } from '../format/path.ts';
import { BASELINE, refKeys, replaceScenario, scenarioOf, type RefKey } from '../workspace/workspace.ts';
import { editAt } from '../workspace/edit.ts';

const UNDO_LIMIT = 200;

export class Controller extends EventTarget {
  state: AppState;
  private history: History<Workspace>;
  private readonly columns = new Map<RefKey, Column>();
  private scheduled = false;
  /** Called after every workspace change (autosave). */
  onWorkspace: ((ws: Workspace) => void) | null = null;
  onPrefs: ((p: { lang: Lang; unit: Unit }) => void) | null = null;

  constructor(ws: Workspace, prefs: { lang?: Lang; unit?: Unit } = {}) {
    super();
    this.history = newHistory(ws, UNDO_LIMIT);
    this.state = {
      ws, lang: prefs.lang ?? 'zh', unit: prefs.unit ?? 'wan', tab: 'results', active: BASELINE,
      compare: refKeys(ws).slice(0, 4), hospital: ws.baseline.hospitals[0]?.id ?? null, cols: {},
      notice: null, canUndo: false, canRedo: false, revision: 0, brief: null, dialog: null, printing: null,
    };
    this.schedule();
  }

  private set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
    if (this.state.tab === 'hospital') this.refreshBrief();
  }

  /** Fetch the explanation of the hospital looked at from the active column's worker. */
  private refreshBrief(): void {
    const { active, hospital, cols, brief } = this.state;
    const cs = cols[active];
    const col = this.columns.get(active);
    if (!hospital || !cs?.out?.ok || !col) return;
    const out = cs.out;
    if (brief && brief.ref === active && brief.id === hospital && brief.key === out.key) return;
    const index = out.scenario.hospitals.findIndex((h) => h.id === hospital);
    const placeholder = { ref: active, id: hospital, key: out.key, explanation: null };
    this.state = { ...this.state, brief: placeholder };
    if (index < 0) return;
    col.explain(out, index).then((explanation) => {
      if (this.state.brief !== placeholder) return;
      this.set({ brief: { ...placeholder, explanation } });
    }, () => undefined);
  }

  // ---- preferences and navigation (not undoable, not in the file) ----
  setLang(lang: Lang): void { this.set({ lang }); this.onPrefs?.({ lang, unit: this.state.unit }); }
  setUnit(unit: Unit): void { this.set({ unit }); this.onPrefs?.({ lang: this.state.lang, unit }); }
  setTab(tab: Tab): void { this.set({ tab }); }
  setActive(active: RefKey): void {
    this.set({ active });
    this.schedule();
    const col = this.columns.get(active);
    if (col) queueMicrotask(() => this.fetchFingerprint(active, col));
  }
  setCompare(compare: RefKey[]): void { this.set({ compare: compare.slice(0, 4) }); this.schedule(); }
  openHospital(id: string): void { this.set({ hospital: id, tab: 'hospital' }); }
  selectHospital(id: string): void { this.set({ hospital: id }); }
  notify(notice: Notice | null): void { this.set({ notice }); }
  setDialog(dialog: Dialog | null): void { this.set({ dialog }); }
  setPrinting(printing: string[] | null): void { this.set({ printing }); }

  // ---- workspace edits (undoable) ----
  private commit(ws: Workspace, extra: Partial<AppState> = {}): void {
    if (ws === this.state.ws) return;
    this.history = push(this.history, ws);
    this.applyWs(ws, extra);
  }

  private applyWs(ws: Workspace, extra: Partial<AppState> = {}): void {
    const keys = refKeys(ws);
    const active = keys.includes(extra.active ?? this.state.active) ? (extra.active ?? this.state.active) : BASELINE;
    let compare = (extra.compare ?? this.state.compare).filter((k) => keys.includes(k));
    if (compare.length < 2) compare = keys.slice(0, 4);
    // Queued before the change is announced, so the page renders the edit and its runs starting in one update.
    this.schedule();
    this.set({ ...extra, ws, active, compare, canUndo: canUndo(this.history), canRedo: canRedo(this.history), revision: this.state.revision + 1 });
    this.onWorkspace?.(ws);
  }

  /** Set (value) or remove (undefined) a field of the active scenario. */
  edit(path: Path, value: unknown, ref: RefKey = this.state.active): void {
    this.commit(editAt(this.state.ws, ref, path, value));
  }

  /** Replace the active scenario with an edited copy (structural edits). */
  replace(next: Scenario, ref: RefKey = this.state.active): void {
    this.commit(replaceScenario(this.state.ws, ref, next));
  }

  addVariant(name: string, from: RefKey = this.state.active): void {
    const r = addVariant(this.state.ws, name, from);
    const compare = this.state.compare.length < 4 ? [...this.state.compare, r.id] : this.state.compare;
    this.commit(r.ws, { active: r.id, compare });
  }
  renameVariant(id: string, name: string): void { this.commit(renameVariant(this.state.ws, id, name)); }
  deleteVariant(id: string): void { this.commit(deleteVariant(this.state.ws, id)); }

  /** Replace the whole workspace (a file was opened): undoable too. */
  replaceWorkspace(ws: Workspace, notice: Notice | null): void {
    this.commit(ws, { active: BASELINE, compare: refKeys(ws).slice(0, 4), notice, hospital: ws.baseline.hospitals[0]?.id ?? null });
  }

  undo(): void {
    if (!canUndo(this.history)) return;
    this.history = undo(this.history);
    this.applyWs(this.history.present);
  }
  redo(): void {
    if (!canRedo(this.history)) return;
    this.history = redo(this.history);
    this.applyWs(this.history.present);
  }

  // ---- computing ----
  /** Scenarios being computed: the active one and the compared ones. */
  shownRefs(): RefKey[] {
    return [...new Set([this.state.active, ...this.state.compare])];
  }

  column(k: RefKey): Column | undefined {
    return this.columns.get(k);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.compute();
    });
  }

  private compute(): void {
    clearTimeout(this.fingerprintTimer); // inputs changed: the pending fingerprint is stale
    const shown = this.shownRefs();
    for (const [k, col] of this.columns) if (!shown.includes(k)) { col.dispose(); this.columns.delete(k); }
    const cols: Record<RefKey, ColumnState> = {};
    for (const k of shown) {
      const prev = this.state.cols[k];
      let scenario: Scenario;
      try {
        scenario = scenarioOf(this.state.ws, k);
      } catch (e) {
        cols[k] = { status: 'invalid', view: prev?.view ?? null, scenario: prev?.scenario ?? null, out: null, issues: [{ path: '', message: (e as Error).message }], stale: true, ms: 0 };
        continue;
      }
      if (prev?.out?.scenario === scenario) { cols[k] = prev; continue; }
      let col = this.columns.get(k);
      if (!col) this.columns.set(k, (col = new Column()));
      const hit = col.cached(scenario);
      if (hit) { cols[k] = this.toColumnState(hit, prev); continue; }
      cols[k] = { status: 'running', view: prev?.view ?? null, scenario: prev?.scenario ?? null, out: prev?.out ?? null, issues: [], stale: true, ms: 0 };
      const c = col;
      c.run(scenario).then(
        (out) => {
          if (scenarioOf(this.state.ws, k) !== scenario) return; // superseded
          const next = { ...this.state.cols, [k]: this.toColumnState(out, this.state.cols[k]) };
          if (this.unseen(k, next)) this.state = { ...this.state, cols: next };
          else this.set({ cols: next });
          if (out.ok && k === this.state.active) this.fetchFingerprint(k, c);
        },
        (e) => { if (!(e instanceof Aborted)) console.warn(e); },
      );
    }
    this.set({ cols });
  }

  /** Whether the current view shows scenario k's results. */
  private inView(k: RefKey): boolean {
    const { tab, active } = this.state;
    return tab === 'compare' || tab === 'hospital' || k === active;
  }

  /**
   * Whether a result can be kept without updating the page: the comparison shows its columns
   * together (one render per edit, not one per scenario), and the views of one scenario do not
   * show the others (their results are kept for when the user turns to them).
   */
  private unseen(k: RefKey, cols: Record<RefKey, ColumnState>): boolean {
    if (this.state.tab === 'compare') return this.shownRefs().some((r) => r !== k && cols[r]?.status === 'running');
    return !this.inView(k);
  }

  private toColumnState(out: import('./engine-client.ts').Output, prev: ColumnState | undefined): ColumnState {
    if (!out.ok) return { status: 'invalid', view: prev?.view ?? null, scenario: prev?.scenario ?? null, out, issues: out.issues, stale: true, ms: out.ms };
    const fp = (out as { fp?: string }).fp ?? null;
    return { status: 'ok', view: new ResultView(out.packed, fp), scenario: out.scenario, out, issues: [], stale: false, ms: out.ms };
  }

  private fingerprintTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The fingerprint hashes the whole result in the column's worker; asked for once edits pause,
   * so that hashing never delays the next recompute while the user is typing.
   */
  private fetchFingerprint(k: RefKey, col: Column): void {
    clearTimeout(this.fingerprintTimer);
    this.fingerprintTimer = setTimeout(() => this.fetchFingerprintNow(k, col), FINGERPRINT_DELAY_MS);
  }

  private fetchFingerprintNow(k: RefKey, col: Column): void {
    const cs = this.state.cols[k];
    if (!cs?.out || !cs.view || cs.view.fingerprint) return;
    const out = cs.out;
    col.fingerprint(out).then((fp) => {
      if (!fp) return;
      (out as { fp?: string }).fp = fp;
      const now = this.state.cols[k];
      if (now?.out === out && now.view) this.set({ cols: { ...this.state.cols, [k]: { ...now, view: now.view.withFingerprint(fp) } } });
    }, () => undefined);
  }

  /**
   * Fingerprints of every scenario (for saving and for checking an opened file). A fresh shown
   * result is used as is; anything else is computed on a temporary worker, so the columns'
   * runs are never aborted from here.
   */
  async fingerprints(): Promise<Record<RefKey, string>> {
    const out: Record<RefKey, string> = {};
    const ws = this.state.ws;
    await Promise.all(refKeys(ws).map(async (k) => {
      let scenario: Scenario;
      try { scenario = scenarioOf(ws, k); } catch { return; }
      const cs = this.state.cols[k];
      if (cs?.status === 'ok' && cs.out?.scenario === scenario && cs.view?.fingerprint) { out[k] = cs.view.fingerprint; return; }
      const tmp = new Column();
      try {
        const o = await tmp.run(scenario);
        if (o.ok) { const fp = await tmp.fingerprint(o); if (fp) out[k] = fp; }
      } catch { /* invalid: no fingerprint */ } finally { tmp.dispose(); }
    }));
    return out;
  }
}
