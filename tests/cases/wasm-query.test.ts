/**
 * The browser's case engine is DuckDB-wasm; here the same wasm (the "eh" build, through the
 * package's Node bindings) runs the import with the browser's statement runner (wasm-query.ts),
 * at both extremes of DuckDB's polling interval — every statement finishing inside the first
 * poll, and every step of it polled — and must give exactly what DuckDB in Node gives.
 *
 * Lists of a few hundred cases (every institution of the city, every month form, bad rows) do
 * for both extremes what thousands did: each statement still runs its every step under each interval.
 *
 * The first extreme is what the browser met by chance (a statement quick enough to finish in
 * the first 100 ms): the runner then polled a finished query, and DuckDB threw an uncaught
 * C++ exception (the last test shows that this is what such a poll does).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parquetToCsv } from '../../src/cases/parquet-csv.ts';
import { importCases } from '../../src/cases/import.ts';
import { importCaseFile } from '../../src/cases/node.ts';
import { queryRows, runPending, type WasmConnection } from '../../src/cases/wasm-query.ts';
import type { CaseSource, SqlEngine } from '../../src/cases/engine.ts';
import { synthCatalogue } from '../../scripts/cases/catalogue.ts';
import { institutionsOf, writeCaseList } from '../../scripts/cases/caselist.ts';
import type { CaseImportResult, CaseSetup } from '../../src/cases/types.ts';
import { tempDir } from './helpers.ts';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = join(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'), '..');

interface Wasm { bindings: { registerFileBuffer(path: string, bytes: Uint8Array): void; reset?(): void }; conn: WasmConnection & { close(): void } }
const opened: Wasm[] = [];
afterAll(() => { for (const w of opened) w.conn.close(); });

/** One DuckDB-wasm per polling interval: instantiating the wasm is most of this file's time. */
const byInterval = new Map<number, Promise<Wasm>>();
const openWasm = (queryPollingInterval: number): Promise<Wasm> => {
  if (!byInterval.has(queryPollingInterval)) byInterval.set(queryPollingInterval, instantiate(queryPollingInterval));
  return byInterval.get(queryPollingInterval)!;
};

async function instantiate(queryPollingInterval: number): Promise<Wasm> {
  const bundle = { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' };
  const bindings = await duckdb.createDuckDB({ mvp: bundle, eh: bundle }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await bindings.instantiate();
  bindings.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false, queryPollingInterval } });
  const conn = bindings.connect();
  for (const s of ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false']) conn.query(s);
  const w = { bindings, conn };
  opened.push(w);
  return w;
}

/** The browser's engine over these bindings: the statements as wasm.ts runs them. */
const engineOf = (w: Wasm): SqlEngine => ({
  async exec(sql) { w.conn.query(sql); },
  async rows(sql, onProgress) { return queryRows(w.conn, sql, onProgress !== undefined); },
});

let seq = 0;
const bytesSource = (w: Wasm, bytes: Uint8Array): CaseSource => ({
  name: 'cases.csv', size: bytes.byteLength,
  async head(n) { return bytes.subarray(0, n); },
  async path() { const p = `wasm-query-${++seq}.csv`; w.bindings.registerFileBuffer(p, bytes); return p; },
});

const dir = tempDir();
const city = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
const setup: CaseSetup = { hospitalIds: city.hospitals.map((h: { id: string }) => h.id), year: 2025, catalogue: synthCatalogue(), thresholds: { low: '0.5', high: '2' } };
const strip = (r: CaseImportResult) => ({ ...r, report: { ...r.report, timings: undefined, file: { ...r.report.file, name: '', ignored: [] } } });
const list = { institutions: institutionsOf(city), catalogue: setup.catalogue, year: 2025, seed: 4 };

async function parquetCsv(path: string): Promise<Uint8Array> {
  const buf = readFileSync(path);
  const t = await parquetToCsv({ byteLength: buf.length, slice: async (s, e) => buf.buffer.slice(buf.byteOffset + s, buf.byteOffset + (e ?? buf.length)) as ArrayBuffer });
  if (!t.ok) throw new Error(JSON.stringify(t.problems));
  return t.csv;
}

describe('the browser case engine (DuckDB-wasm) gives what DuckDB in Node gives', () => {
  for (const [label, interval] of [['every statement finishes inside the first poll', 3_600_000], ['every step is a poll of its own', 0]] as const) {
    it(`${label}: a Parquet list (as the browser decodes it) and a CSV list with bad rows`, async () => {
      const w = await openWasm(interval);
      const pq = join(dir, `p-${interval}.parquet`);
      await writeCaseList(pq, { ...list, cases: 800, month: 'date' });
      const fromPq = await importCases(engineOf(w), bytesSource(w, await parquetCsv(pq)), setup, () => {}, { fromParquet: true });
      expect(fromPq.ok ? true : JSON.stringify(fromPq.report.fatal)).toBe(true);
      expect(strip(fromPq)).toEqual(strip(await importCaseFile(pq, setup)));

      const csv = join(dir, `c-${interval}.csv`);
      await writeCaseList(csv, { ...list, cases: 500, bad: 24, month: 'mixed' });
      const fromCsv = await importCases(engineOf(w), bytesSource(w, readFileSync(csv)), setup, () => {});
      expect(fromCsv.report.rejected).toBe(24);
      expect(strip(fromCsv)).toEqual(strip(await importCaseFile(csv, setup)));
    }, 120_000);
  }

  it('polling a statement that already finished throws from inside the engine (why runPending checks the start)', async () => {
    const w = await openWasm(3_600_000);
    // The runner does not poll then: the statement just runs.
    expect(w.conn.useUnsafe((b, id) => runPending(b, id, 'SELECT 42'))).toBe(0);
    expect(queryRows(w.conn, 'SELECT 40 + 2 AS x', true)).toEqual([[42]]);
    let thrown: unknown = null;
    w.conn.useUnsafe((b, id) => {
      expect(b.startPendingQuery(id, 'SELECT 42', false)).not.toBeNull();
      try { b.pollPendingQuery(id); } catch (e) { thrown = e; }
    });
    expect(thrown).toBeInstanceOf((WebAssembly as unknown as { Exception: new () => unknown }).Exception);
  }, 60_000);
});
