/** What components ask for: they render and dispatch these; the app shell applies them. */
import type { Dialog, SweepKind, Tab } from './app-state.ts';
import type { ImportReport } from '../../sheets/report.ts';
import type { Adjustment, Hospital, Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { Path } from '../../format/path.ts';
import { RefKey } from '../../workspace/workspace.ts';
import { sniffFile, SNIFF_HEAD, SNIFF_TAIL, type FileKind } from '../../format/file-kind.ts';

export type Action =
  | { type: 'edit'; path: Path; value: unknown }
  | { type: 'replace'; scenario: Scenario }
  | { type: 'lang'; lang: Lang }
  | { type: 'unit'; unit: Unit }
  | { type: 'tab'; tab: Tab }
  | { type: 'active'; ref: RefKey }
  | { type: 'compare'; refs: RefKey[] }
  | { type: 'hospital'; id: string; open?: boolean }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'addVariant'; name: string; from?: RefKey }
  | { type: 'renameVariant'; id: string; name: string }
  | { type: 'deleteVariant'; id: string }
  | { type: 'save'; what: 'workspace' | 'scenario' }
  | { type: 'openText'; text: string; name: string }
  /** A file that is neither a workspace/scenario file nor a spreadsheet: refused, saying what it seems to be. */
  | { type: 'fileRefused'; name: string; kind: Exclude<FileKind, 'json' | 'xlsx' | 'csv'> }
  /** The bundled city with a variant settled by points (state/handle-points.ts). */
  | { type: 'openPointsExample' }
  /** A case list (.csv / .parquet) into the scenario shown: points per institution and month (handle-points.ts). */
  | { type: 'importCases'; file: File }
  | { type: 'cancelCases' }
  /** The case picker was opened: start the case engine while the user chooses a file. */
  | { type: 'warmCases' }
  | { type: 'importCatalogue'; file: File }
  | { type: 'pointInflation'; pool: string; level: string | null; pct: string }
  | { type: 'dismiss' }
  | { type: 'print' }
  | { type: 'dialog'; dialog: Dialog | null }
  /** The version history (版本记录): open its dialog (reads the list), restore one version through the gate. */
  | { type: 'versions' }
  | { type: 'restoreVersion'; id: string }
  | { type: 'import'; report: ImportReport; mode: 'replace' | 'merge'; onlyValid: boolean }
  | { type: 'export'; what: ExportWhat; done?: () => void }
  | { type: 'template'; lang: Lang; format: 'xlsx' | 'csv' }
  | { type: 'printBriefs'; ids: string[] }
  | { type: 'printDone' }
  | { type: 'openReport' }
  | { type: 'closeReport' }
  | { type: 'whatIfPct'; pct: string }
  | { type: 'runSweep'; kind: SweepKind }
  | { type: 'cancelSweep'; kind: SweepKind }
  | { type: 'runRisk' }
  | { type: 'exportPlan'; what: 'years' | 'sweeps' | 'risk' }
  | { type: 'cancelRisk' }
  /** The stored workspace that cannot be loaded: download it as it is, or discard it (set aside, kept). */
  | { type: 'recovery'; op: 'download' | 'discard' }
  | { type: 'monitorAsOf'; month: number }
  | { type: 'monitorImport'; file: File }
  | { type: 'adjustOpen' }
  | { type: 'adjustPreview'; adjustment: Adjustment }
  | { type: 'adjustAccept'; adjustment: Adjustment }
  | { type: 'adjustClose' }
  | { type: 'exportMonitor'; done?: () => void }
  /** The data tab: open / close the add-institution form, add one (through the gate), remove one, set its level, category or class. */
  | { type: 'addInstitutionForm'; open: boolean }
  | { type: 'addInstitution'; hospital: Hospital }
  | { type: 'removeInstitution'; id: string }
  | { type: 'institutionAttr'; id: string; attr: 'level' | 'category' | 'class'; value: string };

/** Results of the scenario shown / of the compared scenarios (.xlsx), its hospitals table (.csv), its hospitals' data (.xlsx). */
export type ExportWhat = 'results' | 'compared' | 'csv' | 'data';

export const ACTION_EVENT = 'gb-action';

export function emit(from: EventTarget, action: Action): void {
  from.dispatchEvent(new CustomEvent<Action>(ACTION_EVENT, { detail: action, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'gb-action': CustomEvent<Action>;
    'gb-import-file': CustomEvent<File>;
  }
}

/** Asks the page (gb-app) to import a spreadsheet: the import dialog opens on it. */
export const IMPORT_FILE_EVENT = 'gb-import-file';

/**
 * Every file the user gives the page goes where it belongs, by what it is (format/file-kind.ts):
 * a workspace or scenario file is opened, a spreadsheet goes to the import, anything else is
 * refused with what it seems to be. `sheet`: how to import a spreadsheet (default: ask the page).
 */
export async function routeFile(from: EventTarget, f: File, sheet?: (f: File) => void): Promise<FileKind> {
  const head = new Uint8Array(await f.slice(0, SNIFF_HEAD).arrayBuffer());
  const tail = f.size <= SNIFF_HEAD ? head : new Uint8Array(await f.slice(Math.max(0, f.size - SNIFF_TAIL)).arrayBuffer());
  const kind = sniffFile(head, tail, f.name);
  if (kind === 'json') emit(from, { type: 'openText', text: await f.text(), name: f.name });
  else if (kind === 'xlsx' || kind === 'csv') {
    if (sheet) sheet(f);
    else from.dispatchEvent(new CustomEvent<File>(IMPORT_FILE_EVENT, { detail: f, bubbles: true, composed: true }));
  } else emit(from, { type: 'fileRefused', name: f.name, kind });
  return kind;
}

/** A file picked in an `<input type="file">` goes where it belongs (routeFile); the input is cleared so the same file can be picked again. */
export async function emitPickedFile(from: EventTarget, e: Event): Promise<void> {
  const input = e.target as HTMLInputElement;
  const f = input.files?.[0];
  input.value = '';
  if (f) await routeFile(from, f);
}
