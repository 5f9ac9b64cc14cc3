/**
 * The small key-value interface persistence needs, so the save/restore logic can be tested
 * without a browser. persist.ts backs it with IndexedDB; memoryStore backs it with a Map.
 *
 * `put` and `batch` issue their write before they return (the promise only says when it is
 * done): the page journals an edit in the same task that accepts it, so a tab closed right
 * after still has the write on its way to the database.
 */
export type KvOp = { put: string; value: unknown } | { del: string } | { delRange: [string, string] };

export interface KV {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  /** Copy `from` to `to` and delete `from` (in one transaction where the backend has them). */
  move(from: string, to: string): Promise<void>;
  keys(): Promise<string[]>;
  /** Every [key, value] whose key starts with `prefix`, in key order. */
  entries(prefix: string): Promise<[string, unknown][]>;
  /** Several writes in one transaction (all or none). delRange deletes keys from lo to hi, both included. */
  batch(ops: readonly KvOp[]): Promise<void>;
}

/** An in-memory store (tests; or a fallback where IndexedDB is unavailable). Values are cloned like IndexedDB does. */
export function memoryStore(): KV & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const apply = (op: KvOp) => {
    if ('put' in op) data.set(op.put, structuredClone(op.value));
    else if ('del' in op) data.delete(op.del);
    else for (const k of [...data.keys()]) if (k >= op.delRange[0] && k <= op.delRange[1]) data.delete(k);
  };
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
    async entries(prefix) {
      return [...data.keys()].filter((k) => k.startsWith(prefix)).sort().map((k): [string, unknown] => [k, structuredClone(data.get(k))]);
    },
    async batch(ops) {
      const cloned = ops.map((op) => ('put' in op ? { put: op.put, value: structuredClone(op.value) } : op));
      for (const op of cloned) apply(op);
    },
  };
}
