/**
 * Keeping the workspace in this browser (IndexedDB) through the workspace layer's store, and
 * the two preferences beside it. Restoring validates the stored text in a worker, so a big
 * workspace does not freeze the page at start-up.
 */
import { CURRENT_KEY, openStore, type StoredWorkspace } from '../../workspace/persist.ts';
import { Saver } from './saver.ts';
import type { Workspace } from '../../workspace/types.ts';
import type { Issue } from '../../format/issues.ts';
import { openInWorker } from '../runs/column.ts';
import type { Lang, Unit } from '../../display/lang.ts';

const PREFS_KEY = 'prefs';
export interface Prefs { lang?: Lang; unit?: Unit }

export type Restore = { status: 'empty' } | { status: 'ok'; ws: Workspace } | { status: 'corrupt'; issues: Issue[] } | { status: 'unavailable' };

export async function restore(): Promise<Restore> {
  let rec: unknown;
  try {
    rec = await (await openStore()).get(CURRENT_KEY);
  } catch {
    return { status: 'unavailable' };
  }
  if (rec === undefined) return { status: 'empty' };
  const text = (rec as Partial<StoredWorkspace>).text;
  if (typeof text !== 'string') return { status: 'corrupt', issues: [{ path: '', message: 'the stored value is not a saved workspace' }] };
  const r = await openInWorker(text);
  return r.ok ? { status: 'ok', ws: r.ws } : { status: 'corrupt', issues: r.issues };
}

export async function loadPrefs(): Promise<Prefs> {
  try {
    const p = await (await openStore()).get(PREFS_KEY);
    return (p && typeof p === 'object' ? p : {}) as Prefs;
  } catch {
    return {};
  }
}

export function savePrefs(p: Prefs): void {
  openStore().then((kv) => kv.put(PREFS_KEY, p)).catch(() => undefined);
}

/** Saves the workspace a moment after the last change (and at once on flush). */
export const autosaver = new Saver(600);

// A closing tab writes what it has.
addEventListener('pagehide', () => { void autosaver.flush(); });
