/** What components ask for: they render and dispatch these; the app shell applies them. */
import type { Dialog, SweepKind, Tab } from './app-state.ts';
import type { ImportReport } from '../../sheets/report.ts';
import type { Adjustment, Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { Path } from '../../format/path.ts';
import { RefKey } from '../../workspace/workspace.ts';

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
  | { type: 'dismiss' }
  | { type: 'print' }
  | { type: 'dialog'; dialog: Dialog | null }
  | { type: 'import'; report: ImportReport; mode: 'replace' | 'merge'; onlyValid: boolean }
  | { type: 'export'; what: ExportWhat; done?: () => void }
  | { type: 'template'; lang: Lang; format: 'xlsx' | 'csv' }
  | { type: 'printBriefs'; ids: string[] }
  | { type: 'printDone' }
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
  | { type: 'exportMonitor'; done?: () => void };

/** Results of the scenario shown / of the compared scenarios (.xlsx), its hospitals table (.csv), its hospitals' data (.xlsx). */
export type ExportWhat = 'results' | 'compared' | 'csv' | 'data';

export const ACTION_EVENT = 'gb-action';

export function emit(from: EventTarget, action: Action): void {
  from.dispatchEvent(new CustomEvent<Action>(ACTION_EVENT, { detail: action, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'gb-action': CustomEvent<Action>;
  }
}

/** A file picked in an `<input type="file">` is opened as a workspace or scenario file; the input is cleared so the same file can be picked again. */
export async function emitPickedFile(from: EventTarget, e: Event): Promise<void> {
  const input = e.target as HTMLInputElement;
  const f = input.files?.[0];
  if (f) emit(from, { type: 'openText', text: await f.text(), name: f.name });
  input.value = '';
}
