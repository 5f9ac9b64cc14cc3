/**
 * Keeping the open workspace in the browser (IndexedDB, through `idb`) so a closed tab or a
 * crash loses nothing. The only module that knows about IndexedDB.
 *
 * Database "gbsim", object store "kv": "current" → { text, savedAt, seq? } (workspace/journal.ts's
 * Snapshot), where text is the workspace file (saveWorkspace) and is read back through the same
 * loader as a file, so a stored value gets the full validation; "wal-<seq>" → journal entries.
 * A stored value that fails the check is never written over: the page says what is wrong and
 * lets the user download it as it is, open a repaired file or discard it; only then is it moved
 * to "corrupt-<ms since 1970>" (kept, never deleted) by setAsideStored.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { KV, KvOp } from './kv.ts';
import { JOURNAL_PREFIX } from './journal.ts';

export { memoryStore, type KV, type KvOp } from './kv.ts';
export { createAutosave, type Autosaver, type AutosaveOptions, type PersistMeta } from './autosave.ts';

export const DB_NAME = 'gbsim';
const DB_VERSION = 1;
const STORE = 'kv';
export const CURRENT_KEY = 'current';
export const CORRUPT_PREFIX = 'corrupt-';

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
  const raw = unwrap(db) as IDBDatabase;
  return {
    get: (key) => db.get(STORE, key),
    put: (key, value) => write(raw, [{ put: key, value }]),
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
    entries: async (prefix) => {
      const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
      const tx = db.transaction(STORE, 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
      return keys.map((k, i): [string, unknown] => [String(k), values[i]]);
    },
    batch: (ops) => write(raw, ops),
  };
}

/**
 * One read-write transaction, issued now and committed at once (not at the end of the task), with
 * strict durability: the database says "complete" only once the write is on disk, so a tab closed
 * or a browser killed right after keeps it.
 */
function write(db: IDBDatabase, ops: readonly KvOp[]): Promise<void> {
  return new Promise((ok, fail) => {
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(STORE);
    for (const op of ops) {
      if ('put' in op) store.put(op.value, op.put);
      else if ('del' in op) store.delete(op.del);
      else store.delete(IDBKeyRange.bound(op.delRange[0], op.delRange[1]));
    }
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error('the write was aborted'));
    tx.commit?.();
  });
}

/** Keys of stored values set aside (setAsideStored), oldest first. */
export async function corruptKeys(store?: KV): Promise<string[]> {
  const keys = await (store ?? (await openStore())).keys();
  return keys.filter((k) => k.startsWith(CORRUPT_PREFIX)).sort();
}

/**
 * The user has decided (discard, or open a repaired file): the stored workspace and its journal
 * are moved, as they are, to "corrupt-<ms>" (kept, never deleted), so a new one can start.
 */
export async function setAsideStored(kv: KV): Promise<string> {
  const [current, journal] = await Promise.all([kv.get(CURRENT_KEY), kv.entries(JOURNAL_PREFIX)]);
  const key = `${CORRUPT_PREFIX}${Date.now()}`;
  await kv.batch([
    { put: key, value: { current, journal: journal.map(([, v]) => v) } },
    { del: CURRENT_KEY },
    ...(journal.length ? [{ delRange: [journal[0]![0], journal[journal.length - 1]![0]] as [string, string] }] : []),
  ]);
  return key;
}
