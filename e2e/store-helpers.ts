/** Reading and writing the browser's stored workspace directly (IndexedDB "gbsim", store "kv"), as a test must. */
import type { Page } from 'playwright-core';

/** The stored value under `key` (structured clone, as JSON), or undefined. */
export function storedValue(page: Page, key: string): Promise<unknown> {
  return page.evaluate((k) => new Promise((ok, fail) => {
    const req = indexedDB.open('gbsim');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction('kv').objectStore('kv').get(k);
      get.onsuccess = () => { db.close(); ok(get.result); };
      get.onerror = () => fail(get.error);
    };
  }), key);
}

export function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => new Promise<string[]>((ok, fail) => {
    const req = indexedDB.open('gbsim');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction('kv').objectStore('kv').getAllKeys();
      get.onsuccess = () => { db.close(); ok(get.result.map(String)); };
      get.onerror = () => fail(get.error);
    };
  }));
}

export function putStored(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(([k, v]) => new Promise<void>((ok, fail) => {
    const req = indexedDB.open('gbsim');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(v, k as string);
      tx.oncomplete = () => { db.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), [key, value] as const);
}

/** Send an edit as a field does on Enter. */
export function dispatchEdit(page: Page, path: (string | number)[], value: unknown): Promise<void> {
  return page.locator('gb-app').evaluate((app, [p, v]) => {
    app.dispatchEvent(new CustomEvent('gb-action', { detail: { type: 'edit', path: p, value: v }, bubbles: true, composed: true }));
  }, [path, value] as const);
}

/** Every change journaled and the snapshot written. */
export const flushed = (page: Page): Promise<void> => page.evaluate(() => (globalThis as any).__gb.flush());
