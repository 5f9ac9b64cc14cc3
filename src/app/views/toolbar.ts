/** What the header's tools show: the result's fingerprint or why there is none, undo/redo, unit, language. */
import type { AppState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import { stable } from './memo.ts';

export interface ToolbarView {
  lang: Lang;
  unit: Unit;
  canUndo: boolean;
  canRedo: boolean;
  /** The fingerprint of the result shown, once computed and fresh. */
  fingerprint: string | null;
  /** Why no fingerprint is shown: the scenario is being computed, or cannot be. */
  status: 'none' | 'computing' | 'invalid' | 'ok';
  /** Whether the workspace is kept in this browser (app-state's SaveState). */
  saveState: AppState['saveState'];
}

export function toolbarView(s: AppState, prev: ToolbarView | null = null): ToolbarView {
  const col = s.cols[s.active];
  const status = !col ? 'none' : col.status === 'invalid' ? 'invalid' : col.stale ? 'computing' : 'ok';
  const fp = !col?.stale ? col?.view?.fingerprint ?? null : null;
  return stable(prev, { lang: s.lang, unit: s.unit, canUndo: s.canUndo, canRedo: s.canRedo, fingerprint: fp, status, saveState: s.saveState });
}
