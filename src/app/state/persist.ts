/**
 * Keeping the workspace in this browser (IndexedDB) through the journal (state/saver.ts) and
 * the workspace worker, and the two preferences beside it. Restoring replays and validates the
 * stored workspace in the worker, so a big workspace does not freeze the page at start-up.
 */
import { openStore } from '../../workspace/persist.ts';
import type { KV } from '../../workspace/kv.ts';
import { Saver } from './saver.ts';
import type { StoredState } from '../../transport/store-session.ts';
import type { Lang, Unit } from '../../display/lang.ts';

const PREFS_KEY = 'prefs';
export interface Prefs { lang?: Lang; unit?: Unit }

/** The journal writer and snapshot worker of this page. */
export const autosaver = new Saver();

/** The page's own connection (journal entries are written from the page's thread), or null. */
export async function pageStore(): Promise<KV | null> {
  try {
    return await openStore();
  } catch {
    return null;
  }
}

export async function restore(own = true): Promise<StoredState> {
  if (!(await pageStore())) return { status: 'unavailable', message: 'IndexedDB is not available' };
  return autosaver.restore(own);
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

// A closing or hidden tab writes its snapshot (the journal already holds every change).
addEventListener('pagehide', () => { void autosaver.flush(); });
addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') void autosaver.flush(); });
