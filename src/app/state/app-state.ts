/** The page's state: what is shown and what has been computed. UI-only fields are never saved. */
import type { Issue } from '../../format/issues.ts';
import type { Workspace } from '../../workspace/types.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Output } from '../runs/column.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { MsgKey } from '../i18n/index.ts';
import { RefKey } from '../../workspace/workspace.ts';

export type Tab = 'results' | 'params' | 'data' | 'compare' | 'hospital' | 'years' | 'sweeps' | 'risk' | 'monitor';
export const TABS: Tab[] = ['results', 'params', 'data', 'compare', 'hospital', 'years', 'sweeps', 'risk', 'monitor'];

export interface ColumnState {
  status: 'running' | 'ok' | 'invalid';
  /** The latest good result (kept while a newer run is under way, marked stale). */
  view: ResultView | null;
  /** The scenario `view` was computed from (names, levels, categories of its rows). */
  scenario: import('../../format/types.ts').Scenario | null;
  /** The latest run's output (may be newer than `view` when it failed). */
  out: Output | null;
  issues: Issue[];
  stale: boolean;
  ms: number;
}

export interface Brief {
  ref: RefKey;
  id: string;
  /** The run it was derived from. */
  key: number;
  explanation: import('../../engine/explain.ts').Explanation | null;
  /** The what-if at ±pct% (computed in the same worker once edits pause; the previous one, marked stale, meanwhile). */
  whatIf: { pct: string; result: import('../../engine/whatif.ts').WhatIf | null; error: string | null; stale: boolean } | null;
}

/**
 * A message of the UI's words by key and variables, said when it is shown, in the language shown
 * (views/page.ts). `words`: variables that are themselves words of the UI (what a file seems to
 * be). Or a text that comes in both languages (a sheet's reason).
 */
export type Says = { key: MsgKey; vars?: Record<string, string | number>; words?: Record<string, MsgKey> } | { zh: string; en: string };

/**
 * A notice on top of the page. It keeps what it says, not the text: a notice raised before the
 * language is switched reads in the new language.
 */
export interface Notice {
  kind: 'info' | 'error';
  says: Says;
  /** A second message after it (" — "): the fingerprint check after a file is opened. */
  also?: Says;
  /** Text with no translation (an exception's own words, a file name), shown after it as given. */
  detail?: string;
  /** Why it failed, in the exception's own words: shown after the message's colon (full-width in Chinese). */
  reason?: string;
  issues?: Issue[];
  /** The workspace the issues are about (a change the gate refused): they are named by its institutions and fields. */
  doc?: Workspace;
  /** Or the document as read (a refused file or version, state/read-doc.ts), for the same purpose. */
  read?: unknown;
  /** The workspace a notice of an undoable step tells of (「已删除机构…（可撤销）」): undo or redo to another takes the notice down. */
  step?: Workspace;
}

export interface AppState {
  ws: Workspace;
  lang: Lang;
  unit: Unit;
  tab: Tab;
  /** The scenario shown and edited. */
  active: RefKey;
  /** Scenarios compared side by side (2–4), baseline first. */
  compare: RefKey[];
  /** Hospital looked at (id). */
  hospital: string | null;
  cols: Record<RefKey, ColumnState>;
  notice: Notice | null;
  canUndo: boolean;
  canRedo: boolean;
  /** The hospital looked at, explained under the scenario shown (fetched from its worker). */
  brief: Brief | null;
  /** Edit counter; the bench waits on it. */
  revision: number;
  /** An open dialog (import or export of spreadsheets). */
  dialog: Dialog | null;
  /** Institutions whose briefs are being laid out for printing ("print all briefs"). */
  printing: string[] | null;
  /** The fund report (基金预算执行与清算报告) of the scenario shown is open in place of the app. */
  reporting: boolean;
  /** X of the brief's what-if (±X% of the target), as typed. */
  whatIfPct: string;
  /** Several years of the scenario shown and of the compared ones (computed in a worker while the years tab is shown). */
  years: YearsState | null;
  /** The latest sweep and tornado run (started from the sweeps tab), each with its progress. */
  sweeps: Partial<Record<SweepKind, SweepRunState>>;
  /** The latest Monte Carlo run (started from the risk tab), with its progress. */
  risk: RiskRunState | null;
  /**
   * Whether the workspace is kept in this browser: 'saved' once every change is on disk,
   * 'saving' while the last one is on its way, 'off' when this page does not keep it (a stored
   * workspace that cannot be loaded is waiting for the user's decision), 'error' when a write failed.
   */
  saveState: SaveState;
  recovery: Recovery | null;
  /** The monthly report of the scenario shown (DESIGN §10), from its column's worker. */
  monitor: { ref: RefKey; key: number; report: import('../../transport/engine-session.ts').ShownMonitor | null; stale: boolean } | null;
  /** The mid-year adjustment being considered, and what it would do (null: dialog closed). */
  /** The add-institution form is open; `refused`: the gate's answer on the last one asked for (the form keeps what was typed). */
  adding: { refused: Issue[]; doc: Workspace | null } | null;
  adjusting: { preview: import('../../engine/adjust-preview.ts').AdjustmentPreview | null; busy: boolean } | null;
  /** The latest case list import (pools settled by points, state/handle-points.ts); absent before the first. */
  cases?: CasesState | null;
  /** The latest group catalogue import (state/handle-catalogue.ts); absent before the first. */
  catalogue?: CatalogueState | null;
  /** The point-inflation what-if of the scenario shown (DESIGN §7, engine/point-inflation.ts); absent before the first. */
  inflation?: InflationState | null;
  /** The version history read for its dialog; absent before the first. */
  versions?: VersionsState | null;
}

/** A point-inflation what-if asked of the shown scenario's column: for which run, and its answer. */
export interface InflationState {
  ref: RefKey;
  /** The run (column output key) it was computed from; a newer run makes it stale. */
  key: number;
  query: import('../../engine/point-inflation.ts').PointInflationQuery;
  result: import('../../engine/point-inflation.ts').PointInflation | null;
  busy: boolean;
  error: string | null;
}

/** A case list being imported into the scenario shown, or the last one imported (its report). */
export interface CasesState {
  ref: RefKey;
  fileName: string;
  status: 'running' | 'done' | 'refused' | 'failed' | 'cancelled';
  progress: import('../../cases/types.ts').CaseProgress | null;
  report: import('../../cases/types.ts').CaseReport | null;
  /**
   * Written into the scenario: institutions given points, those of points pools without cases (0 points), and those with
   * cases whose pool is settled by targets (their points written, never read: the report says so).
   */
  applied: { written: number; zeroed: string[]; outside: { id: string; name: string; cases: number }[] } | null;
  /** Why it failed or was refused by the gate (already in the user's language). */
  error: string | null;
  ms: number;
}

/** A group catalogue (病种目录, .xlsx / .csv) being read for the scenario shown, or the last one (what it did). */
export interface CatalogueState {
  ref: RefKey;
  fileName: string;
  /** 'declined': the user kept the scenario's catalogue rather than replace it. */
  status: 'running' | 'done' | 'refused' | 'failed' | 'declined';
  /** Groups before and after (done; refused or declined: those the file had). */
  before: number;
  after: number;
  /**
   * Why nothing changed: the file could not be read (`file`: its reason), its cells (the first
   * ones, with their count), no group in it, the gate refused the scenario, or the workspace changed meanwhile.
   */
  refusal:
    | { kind: 'file'; reason: import('../../sheets/vocab.ts').Bilingual }
    | { kind: 'cells'; errors: import('../../cases/catalogue.ts').CatalogueError[]; count: number }
    | { kind: 'empty' | 'gate' | 'stale' }
    | null;
  /** Why it failed (an exception's text). */
  error: string | null;
}

export interface RiskRunState {
  ref: RefKey;
  name: string;
  /** The scenario it was run on (the object: an edit of the scenario makes a new one, and the run is outdated, views/ran-on.ts). */
  scenario: import('../../format/types.ts').Scenario;
  params: import('../../engine/risk/params.ts').RiskParams;
  status: 'running' | 'done' | 'refused' | 'cancelled' | 'failed';
  done: number;
  total: number;
  summary: import('../../engine/risk/summary.ts').RiskSummary | null;
  meta: import('../../engine/risk/prepare.ts').RiskMeta | null;
  /** Each draw's fund figures, kept for the export's per-draw sheet. */
  perDraw?: import('../../sheets/plan-export.ts').PerDraw | null;
  issues: Issue[];
  workers: number;
  ms: number;
}

export type SweepKind = 'sweep' | 'tornado';

export interface SweepRunState {
  /** The scenario it was run on (its name when run) and the spec it ran. */
  ref: RefKey;
  name: string;
  /** The scenario it was run on (the object: an edit of the scenario makes a new one, and the run is outdated, views/ran-on.ts). */
  scenario: import('../../format/types.ts').Scenario;
  spec: import('../../engine/sweep-plan.ts').PlanSpec;
  status: 'running' | 'done' | 'refused' | 'cancelled' | 'failed';
  done: number;
  total: number;
  result: import('../../engine/sweep.ts').SweepResult | import('../../engine/tornado.ts').TornadoResult | null;
  /** Why it was refused (by field) or failed. */
  issues: Issue[];
  workers: number;
  ms: number;
}

/** A multi-year run of each scenario: the one shown first, then the others compared. */
export interface YearsState {
  /** The workspace and scenarios it was asked for; a newer workspace makes it stale. */
  ws: Workspace;
  refs: RefKey[];
  running: boolean;
  /** The latest outcomes (possibly of an older workspace while running). */
  runs: { ref: RefKey; name: string; outcome: import('../../engine/years-outcome.ts').YearsOutcome }[] | null;
}

/** follow: another tab edits the stored workspace; this one shows it read-only (state/tabs.ts). */
export type SaveState = 'saved' | 'saving' | 'off' | 'error' | 'follow';

/**
 * The workspace stored in this browser could not be loaded: what is wrong, and its text as it
 * is (to download). Until the user decides (open a repaired file, or discard it), nothing is
 * written to the browser and the workspace shown (the example) cannot be edited.
 */
export interface Recovery {
  issues: Issue[];
  text: string | null;
  /** The last journal entry stored, so entries written after a decision come after it. */
  seq: number;
}

export type Dialog = 'import' | 'export' | 'versions';

/** The version history (版本记录) as last read from this browser, while its dialog is open. */
export interface VersionsState {
  loading: boolean;
  list: import('../../workspace/versions.ts').VersionMeta[];
  /** Stored history values that cannot be read (kept as they are). */
  unreadable: number;
  /** Reading the history failed (already in the user's language). */
  error: string | null;
  /** The version being restored. */
  busy: string | null;
}

/**
 * What a saved file holds vs what stays in the page (Excalidraw's table).
 * file + IndexedDB: ws (baseline, variants and their changes).
 * IndexedDB only (preferences): lang, unit. Page only: tab, active, compare, hospital, results, dialog, printing, years.
 */
export const PERSISTED_PREFS = ['lang', 'unit'] as const;
