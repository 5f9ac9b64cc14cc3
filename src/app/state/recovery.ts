/**
 * The stored workspace that cannot be loaded, and the user's decisions about it: download it as
 * it is, open a repaired file in its place, or discard it. Either of the last two sets the stored
 * record aside (kept, never deleted) and only then lets this page keep a workspace again.
 */
import type { Controller } from './controller.ts';
import { autosaver, pageStore } from './persist.ts';
import { setAsideStored } from '../../workspace/persist.ts';
import { msg } from '../i18n/index.ts';
import { MIME, downloadBytes } from '../download.ts';

/** Offer the stored text as it is. */
export function downloadStored(ctl: Controller): void {
  const r = ctl.state.recovery;
  if (!r) return;
  downloadBytes(ctl.state.lang === 'zh' ? '本机保存的工作区-原样.json' : 'stored-workspace-as-is.json', r.text ?? '', MIME.json);
}

/** Set the stored workspace aside and start keeping this page's from now on; the key it was set aside under. */
export async function leaveRecovery(ctl: Controller): Promise<string> {
  const r = ctl.state.recovery;
  if (!r) return '';
  // Only the tab that edits the stored workspace may set it aside (state/tabs.ts).
  if (ctl.state.saveState === 'follow') throw new Error(msg(ctl.state.lang, 'otherTab'));
  const kv = await pageStore();
  if (!kv) throw new Error('IndexedDB is not available');
  const key = await setAsideStored(kv);
  autosaver.attach(kv, r.seq, null);
  ctl.set({ recovery: null, saveState: 'saved' });
  return key;
}

/** Discard: the example shown becomes the kept workspace. */
export async function discardStored(ctl: Controller): Promise<void> {
  if (!ctl.state.recovery) return;
  if (!confirm(msg(ctl.state.lang, 'recoveryConfirm'))) return;
  try {
    const key = await leaveRecovery(ctl);
    autosaver.schedule(ctl.state.ws);
    ctl.notify({ kind: 'info', says: { key: 'recoveryDiscarded', vars: { key } } });
  } catch (e) {
    ctl.notify({ kind: 'error', says: { key: 'saveError' }, detail: ` ${(e as Error).message}` });
  }
}
