/**
 * The workspace worker: opening a file's text (validation is heavy) and keeping the workspace in
 * IndexedDB (replaying the journal, serializing thousands of institutions), off the page's thread.
 */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { loadWorkspaceText, validateWorkspace } from '../src/workspace/file.ts';
import type { Workspace } from '../src/workspace/types.ts';
import { StoreSession } from '../src/transport/store-session.ts';
import { GateSession, type WorkspaceUpdate } from '../src/transport/gate-session.ts';
import type { JournalEntry } from '../src/workspace/journal.ts';

const store = new StoreSession();
const gate = new GateSession();

const api = {
  open: (text: string) => loadWorkspaceText(text),
  /** The one gate on a workspace the page would make: shape, cross-field rules, every scenario compiled. */
  gate: (ws: Workspace) => validateWorkspace(ws),
  /** The same gate on the page's own changes, sent as patches (transport/gate-session.ts). */
  check: (u: WorkspaceUpdate) => gate.check(u),
  journaled: (e: JournalEntry) => store.journaled(e),
  flush: () => store.flush(),
  restore: (own: boolean) => store.restore(own),
};

export type WorkspaceApi = typeof api;
expose(api);
