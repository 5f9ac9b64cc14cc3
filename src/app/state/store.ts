/**
 * The page's state and the edits that change it: one immutable AppState, replaced on every
 * change (a `change` event follows); workspace edits are undoable snapshots. Computing results
 * is the scheduler's (runs/scheduler.ts): the store only says when its inputs changed.
 */
import type { Scenario } from '../../format/types.ts';
import type { Path } from '../../format/path.ts';
import type { Workspace } from '../../workspace/types.ts';
import { addVariant, BASELINE, deleteVariant, refKeys, renameVariant, replaceScenario, type RefKey } from '../../workspace/workspace.ts';
import { editAt } from '../../workspace/edit.ts';
import { canRedo, canUndo, newHistory, push, redo, undo, type History } from '../../workspace/history.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { AppState, Dialog, Notice, Tab } from './app-state.ts';
import type { Issue } from '../../format/issues.ts';

const UNDO_LIMIT = 200;

/** Why the workspace cannot be changed now (a message key). */
export type LockReason = 'recoveryFirst' | 'otherTab';

export class Store extends EventTarget {
  state: AppState;
  private history: History<Workspace>;
  /** Called after every workspace change (autosave). */
  onWorkspace: ((ws: Workspace) => void) | null = null;
  onPrefs: ((p: { lang: Lang; unit: Unit }) => void) | null = null;
  /** Called when what is computed may have changed (the workspace, the scenario shown, the ones compared). */
  onInputs: (() => void) | null = null;
  /** Called after every announced change, once the page has been told. */
  onChanged: (() => void) | null = null;

  /** The last workspace the gate passed, with the undo steps then: a refused change goes back to it. */
  private good: { ws: Workspace; history: History<Workspace> };
  /** Called with every workspace this page makes, to pass it through the one gate (runs/gate.ts). */
  onCheck: ((ws: Workspace) => void) | null = null;

  constructor(ws: Workspace, prefs: { lang?: Lang; unit?: Unit } = {}) {
    super();
    this.history = newHistory(ws, UNDO_LIMIT);
    this.good = { ws, history: this.history };
    this.state = {
      ws, lang: prefs.lang ?? 'zh', unit: prefs.unit ?? 'wan', tab: 'results', active: BASELINE,
      compare: refKeys(ws).slice(0, 4), hospital: ws.baseline.hospitals[0]?.id ?? null, cols: {},
      notice: null, canUndo: false, canRedo: false, revision: 0, brief: null, dialog: null, printing: null, reporting: false, whatIfPct: '5', years: null,
        sweeps: {}, risk: null, saveState: 'off', recovery: null, monitor: null, adjusting: null, adding: null,
    };
  }

  /** Replace part of the state and announce it. */
  set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
    this.onChanged?.();
  }

  /** Replace part of the state without announcing it (results nobody looks at yet). */
  setQuietly(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
  }

  // ---- preferences and navigation (not undoable, not in the file) ----
  setLang(lang: Lang): void { this.set({ lang }); this.onPrefs?.({ lang, unit: this.state.unit }); }
  setUnit(unit: Unit): void { this.set({ unit }); this.onPrefs?.({ lang: this.state.lang, unit }); }
  setTab(tab: Tab): void { this.set({ tab }); }
  setActive(active: RefKey): void { this.onInputs?.(); this.set({ active }); }
  setCompare(compare: RefKey[]): void { this.onInputs?.(); this.set({ compare: compare.slice(0, 4) }); }
  openHospital(id: string): void { this.set({ hospital: id, tab: 'hospital' }); }
  selectHospital(id: string): void { this.set({ hospital: id }); }
  notify(notice: Notice | null): void { this.set({ notice }); }
  setDialog(dialog: Dialog | null): void { this.set({ dialog }); }
  setPrinting(printing: string[] | null): void { this.set({ printing }); }
  setReporting(reporting: boolean): void { this.set({ reporting }); }
  setWhatIfPct(whatIfPct: string): void { this.set({ whatIfPct }); }

  // ---- workspace edits (undoable) ----
  /** Why the workspace cannot be changed now (a message key), or null. */
  protected locked(): LockReason | null {
    return this.state.recovery ? 'recoveryFirst' : this.state.saveState === 'follow' ? 'otherTab' : null;
  }

  /** Called with the reason when a change is refused because the workspace is locked. */
  onLocked: ((reason: LockReason) => void) | null = null;

  /**
   * Show the workspace another tab has stored (state/tabs.ts): this tab follows it. Not an edit of
   * this tab, so it is neither kept (the other tab kept it) nor undoable; the undo steps start afresh.
   */
  follow(ws: Workspace, extra: Partial<AppState> = {}): void {
    if (ws === this.state.ws) { if (Object.keys(extra).length) this.set(extra); return; }
    this.history = newHistory(ws, UNDO_LIMIT);
    this.good = { ws, history: this.history };
    this.applyWs(ws, extra, false);
  }

  /**
   * The gate's answer for `ws`. Passed: it is the last good workspace. Refused while it is still
   * the one shown: back to the last good workspace and its undo steps (kept like any change, so a
   * reload shows it too), saying why. An answer for a workspace no longer shown is left to the
   * check of the newer one.
   */
  checked(ws: Workspace, issues: Issue[] | null, notice: (issues: Issue[]) => Notice): void {
    if (ws !== this.state.ws) return;
    if (!issues) { this.good = { ws, history: this.history }; return; }
    this.history = this.good.history;
    this.applyWs(this.good.ws, { notice: notice(issues) }, true, false);
  }

  private commit(ws: Workspace, extra: Partial<AppState> = {}): void {
    if (ws === this.state.ws) return;
    const lock = this.locked();
    if (lock) { this.onLocked?.(lock); return; }
    this.history = push(this.history, ws);
    this.applyWs(ws, extra);
  }

  private applyWs(ws: Workspace, extra: Partial<AppState> = {}, keep = true, check = keep): void {
    const keys = refKeys(ws);
    const active = keys.includes(extra.active ?? this.state.active) ? (extra.active ?? this.state.active) : BASELINE;
    let compare = (extra.compare ?? this.state.compare).filter((k) => keys.includes(k));
    if (compare.length < 2) compare = keys.slice(0, 4);
    // Kept first (the journal write is issued in this task, and the page shows it as being saved),
    // announced before the change, so the page renders the edit and its runs starting in one update.
    if (keep) this.onWorkspace?.(ws);
    if (check) this.onCheck?.(ws);
    this.onInputs?.();
    this.set({ ...extra, ws, active, compare, canUndo: canUndo(this.history), canRedo: canRedo(this.history), revision: this.state.revision + 1 });
  }

  /** Set (value) or remove (undefined) a field of a scenario (the one shown by default). */
  edit(path: Path, value: unknown, ref: RefKey = this.state.active): void {
    this.commit(editAt(this.state.ws, ref, path, value));
  }

  /** Replace a scenario with an edited copy (structural edits). */
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
    const lock = this.locked();
    if (lock) { this.onLocked?.(lock); return; }
    this.history = undo(this.history);
    this.applyWs(this.history.present, this.stepUndone());
  }
  redo(): void {
    if (!canRedo(this.history)) return;
    const lock = this.locked();
    if (lock) { this.onLocked?.(lock); return; }
    this.history = redo(this.history);
    this.applyWs(this.history.present, this.stepUndone());
  }

  /** A notice of a step (an institution removed) no longer stands once undo or redo shows another workspace. */
  private stepUndone(): Partial<AppState> {
    const step = this.state.notice?.step;
    return step && step !== this.history.present ? { notice: null } : {};
  }

  /** Scenarios being computed: the one shown and the compared ones. */
  shownRefs(): RefKey[] {
    return [...new Set([this.state.active, ...this.state.compare])];
  }
}
