/**
 * Statements on a DuckDB-wasm connection, as rows of plain cells. Shared by the browser's engine
 * (wasm.ts) and the Node test that runs the same wasm (tests/cases/wasm-query.test.ts), so the
 * code the browser runs is the code tested.
 *
 * A long statement runs as a pending query, so that DuckDB reports its progress through the
 * runtime while it runs. `startPendingQuery` already runs it for one polling interval and returns
 * its result when it finished within it; only `null` means "poll again". Polling a finished query
 * makes DuckDB throw from a function that catches nothing: the C++ exception escapes as an uncaught
 * WebAssembly.Exception. That was the rare "engine failure" of the browser's case import — it came
 * whenever a statement happened to finish inside the first interval.
 */
import type { Cell } from './engine.ts';

interface ArrowLike {
  numRows: number;
  numCols: number;
  getChildAt(i: number): { get(row: number): unknown } | null;
}

export interface PendingBindings {
  startPendingQuery(conn: number, text: string, allowStreamResult?: boolean): unknown;
  pollPendingQuery(conn: number): unknown;
}

export interface WasmConnection {
  query(text: string): unknown;
  useUnsafe<R>(fn: (bindings: PendingBindings, conn: number) => R): R;
}

/** Run `sql` to completion as a pending query; returns how many polls followed the start. */
export function runPending(b: PendingBindings, conn: number, sql: string): number {
  if (b.startPendingQuery(conn, sql, false) !== null) return 0;
  let polls = 1;
  while (b.pollPendingQuery(conn) === null) polls++;
  return polls;
}

/**
 * The rows of `sql`. `pending`: run it as a pending query (progress is reported meanwhile); its
 * (small) result lands in a temporary table read afterwards.
 */
export function queryRows(conn: WasmConnection, sql: string, pending: boolean): Cell[][] {
  let t: ArrowLike;
  if (pending) {
    conn.useUnsafe((b, id) => runPending(b, id, `CREATE OR REPLACE TEMP TABLE gb_result AS ${sql}`));
    t = conn.query('SELECT * FROM gb_result ORDER BY rowid') as ArrowLike;
    conn.query('DROP TABLE gb_result');
  } else {
    t = conn.query(sql) as ArrowLike;
  }
  const cols = Array.from({ length: t.numCols }, (_, i) => t.getChildAt(i)!);
  const out: Cell[][] = [];
  for (let r = 0; r < t.numRows; r++) {
    out.push(cols.map((c) => {
      const v = c.get(r);
      return v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v);
    }));
  }
  return out;
}
