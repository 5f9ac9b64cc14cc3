/**
 * The workspace worker: opening a file's text (validation is heavy) and keeping the workspace in
 * IndexedDB (serializing thousands of institutions), off the page's thread.
 */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { loadWorkspaceText } from '../src/workspace/file.ts';
import { StoreSession } from '../src/transport/store-session.ts';

const store = new StoreSession();

const api = {
  open: (text: string) => loadWorkspaceText(text),
  persist: (req: Parameters<StoreSession['persist']>[0]) => store.persist(req),
};

export type WorkspaceApi = typeof api;
expose(api);
