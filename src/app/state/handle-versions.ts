/**
 * The version history (版本记录, workspace/versions.ts): the dialog reads the list from this
 * browser; restoring a version opens its file text through the one gate (the workspace loader,
 * like a file), and a version that passes becomes the workspace as an undoable change, kept like
 * any edit. A version that no longer passes is refused with the gate's reasons; nothing changes.
 */
import type { Controller } from './controller.ts';
import { autosaver, pageStore } from './persist.ts';
import { listVersions, versionText } from '../../workspace/version-store.ts';
import { openInWorker } from '../runs/column.ts';
import { msg } from '../i18n/index.ts';
import { formatVersionTime } from '../views/dialogs.ts';
import { readDoc } from './read-doc.ts';

const empty = { loading: false, list: [], unreadable: 0, error: null, busy: null };

export async function openVersions(ctl: Controller): Promise<void> {
  ctl.set({ dialog: 'versions', versions: { ...empty, ...(ctl.state.versions ?? {}), loading: true, error: null, busy: null } });
  try {
    // The latest edits first become a version (the snapshot written now).
    await autosaver.flush().catch(() => undefined);
    const kv = await pageStore();
    if (!kv) throw new Error(msg(ctl.state.lang, 'storageUnavailable'));
    const { versions, unreadable } = await listVersions(kv);
    ctl.set({ versions: { ...empty, list: versions, unreadable: unreadable.length } });
  } catch (e) {
    ctl.set({ versions: { ...empty, error: `${msg(ctl.state.lang, 'versionsUnreadable')} ${(e as Error).message}` } });
  }
}

export async function restoreVersion(ctl: Controller, id: string): Promise<void> {
  const v = ctl.state.versions;
  const meta = v?.list.find((x) => x.id === id);
  if (!v || !meta) return;
  const lang = ctl.state.lang;
  const when = formatVersionTime(meta.at, lang);
  ctl.set({ versions: { ...v, busy: id } });
  // A refusal is said in a notice on the page: the dialog closes so that it is not hidden behind it.
  const done = () => ctl.set({ dialog: null, versions: null });
  try {
    const kv = await pageStore();
    const text = kv ? await versionText(kv, id) : null;
    if (text === null) {
      done();
      ctl.notify({ kind: 'error', says: { key: 'versionMissing', vars: { when } } });
      return;
    }
    const r = await openInWorker(text);
    if (!r.ok) {
      done();
      ctl.notify({ kind: 'error', says: { key: 'versionRefused', vars: { when } }, issues: r.issues, read: readDoc(text) });
      return;
    }
    const before = ctl.state.ws;
    ctl.replaceWorkspace(r.ws, { kind: 'info', says: { key: 'versionRestored', vars: { when } } });
    // Locked (recovery first, or another tab edits): the store has said why.
    if (ctl.state.ws === before) { done(); return; }
    done();
  } catch (e) {
    done();
    ctl.notify({ kind: 'error', says: { key: 'versionsUnreadable' }, detail: ` ${(e as Error).message}` });
  }
}
