/**
 * Keeping the open workspace in the browser (IndexedDB, through `idb`) so a closed tab or a
 * crash loses nothing. The only module that knows about IndexedDB.
 *
 * Database "gbsim", object store "kv": "current" → { text, savedAt, meta? }, where text is the
 * workspace file (saveWorkspace) and is read back through the same loader as a file, so a stored
 * value gets the full validation. A stored value that fails it is moved to "corrupt-<ms since
 * 1970>" (kept for recovery, never deleted) and the app starts empty. meta holds UI-only state
 * (selected column, language, units); it must be structured-cloneable.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Issue } from '../format/issues.ts';
import { createAutosave, type Autosaver, type PersistMeta } from './autosave.ts';
import { loadWorkspaceText, saveWorkspace, type WorkspaceLoad } from './file.ts';
import { isPlainObject } from '../format/json.ts';
import type { KV } from './kv.ts';
import type { Workspace } from './types.ts';

export { memoryStore, type KV } from './kv.ts';
export { createAutosave, type Autosaver, type AutosaveOptions, type PersistMeta } from './autosave.ts';

export const DB_NAME = 'gbsim';
const DB_VERSION = 1;
const STORE = 'kv';
export const CURRENT_KEY = 'current';
export const CORRUPT_PREFIX = 'corrupt-';

export interface StoredWorkspace {
  text: string;
  /** ISO time of the save. */
  savedAt: string;
  meta?: PersistMeta;
}

interface Schema extends DBSchema {
  kv: { key: string; value: unknown };
}

const opened = new Map<string, Promise<KV>>();

/** Open (once per page) the IndexedDB store. Rejects where IndexedDB is unavailable. */
export function openStore(name = DB_NAME): Promise<KV> {
  let p = opened.get(name);
  if (!p) {
    p = openIdb(name);
    p.catch(() => opened.delete(name));
    opened.set(name, p);
  }
  return p;
}

async function openIdb(name: string): Promise<KV> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available here; the workspace cannot be kept in the browser');
  const db: IDBPDatabase<Schema> = await openDB<Schema>(name, DB_VERSION, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
    },
    // Another tab wants a newer schema: step aside instead of blocking it.
    blocking() {
      db.close();
      opened.delete(name);
    },
    terminated() {
      opened.delete(name);
    },
  });
  return {
    get: (key) => db.get(STORE, key),
    put: async (key, value) => {
      await db.put(STORE, value, key);
    },
    move: async (from, to) => {
      const tx = db.transaction(STORE, 'readwrite');
      const value = await tx.store.get(from);
      if (value !== undefined) {
        await tx.store.put(value, to);
        await tx.store.delete(from);
      }
      await tx.done;
    },
    keys: async () => (await db.getAllKeys(STORE)).map(String),
  };
}

export async function saveCurrent(ws: Workspace, meta?: PersistMeta, store?: KV): Promise<void> {
  const rec: StoredWorkspace = { text: saveWorkspace(ws), savedAt: new Date().toISOString(), ...(meta ? { meta } : {}) };
  await (store ?? (await openStore())).put(CURRENT_KEY, rec);
}

export type Restored =
  | { status: 'empty' }
  | { status: 'ok'; ws: Workspace; savedAt: string; meta?: PersistMeta }
  | { status: 'corrupt'; key: string; issues: Issue[] };

/**
 * The stored workspace with its meta; a corrupt one is set aside and reported. `open` is the
 * loader (default loadWorkspaceText; the page may pass one that runs it in a worker).
 */
export async function restoreCurrent(store?: KV, open: (text: string) => WorkspaceLoad | Promise<WorkspaceLoad> = loadWorkspaceText): Promise<Restored> {
  const kv = store ?? (await openStore());
  const rec = await kv.get(CURRENT_KEY);
  if (rec === undefined) return { status: 'empty' };
  const r = isRecord(rec) ? await open(rec.text) : { ok: false as const, issues: [{ path: '', message: 'the stored value is not a saved workspace' }] };
  if (r.ok && isRecord(rec)) return { status: 'ok', ws: r.ws, savedAt: rec.savedAt, ...(isPlainObject(rec.meta) ? { meta: rec.meta } : {}) };
  return { status: 'corrupt', key: await setAsideCurrent(kv), issues: r.ok ? [] : r.issues };
}

/** Move the stored workspace to "corrupt-<ms>" (kept for recovery, never deleted); returns that key. */
export async function setAsideCurrent(store?: KV): Promise<string> {
  const kv = store ?? (await openStore());
  const key = `${CORRUPT_PREFIX}${Date.now()}`;
  await kv.move(CURRENT_KEY, key);
  return key;
}

/** The stored workspace, or null if there is none or it is corrupt (then kept aside). */
export async function loadCurrent(store?: KV): Promise<Workspace | null> {
  const r = await restoreCurrent(store);
  return r.status === 'ok' ? r.ws : null;
}

/** Keys of stored values set aside as corrupt, oldest first. */
export async function corruptKeys(store?: KV): Promise<string[]> {
  const keys = await (store ?? (await openStore())).keys();
  return keys.filter((k) => k.startsWith(CORRUPT_PREFIX)).sort();
}

function isRecord(v: unknown): v is StoredWorkspace {
  return isPlainObject(v) && typeof v.text === 'string' && typeof v.savedAt === 'string';
}

let defaultSaver: Autosaver | null = null;

/** Debounced saveCurrent for the page's workspace. For options or another store, use createAutosave. */
export function autosave(ws: Workspace, meta?: PersistMeta): void {
  defaultSaver ??= createAutosave((w, m) => saveCurrent(w, m));
  defaultSaver.schedule(ws, meta);
}

/** Write any pending autosave now (on pagehide / visibilitychange). */
export function flushAutosave(): Promise<void> {
  return defaultSaver?.flush() ?? Promise.resolve();
}
