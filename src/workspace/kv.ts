/**
 * The small key-value interface persistence needs, so the save/restore logic can be tested
 * without a browser. persist.ts backs it with IndexedDB; memoryStore backs it with a Map.
 */
export interface KV {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  /** Copy `from` to `to` and delete `from` (in one transaction where the backend has them). */
  move(from: string, to: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** An in-memory store (tests; or a fallback where IndexedDB is unavailable). Values are cloned like IndexedDB does. */
export function memoryStore(): KV & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key) {
      return data.has(key) ? structuredClone(data.get(key)) : undefined;
    },
    async put(key, value) {
      data.set(key, structuredClone(value));
    },
    async move(from, to) {
      if (!data.has(from)) return;
      data.set(to, data.get(from));
      data.delete(from);
    },
    async keys() {
      return [...data.keys()];
    },
  };
}
