/**
 * Case import in the browser: DuckDB-wasm (the "eh" build: WebAssembly exceptions, one
 * thread) inside the worker that calls this module. The ~34 MB .wasm is fetched from the
 * app's own origin (a Vite asset; in the single file, unpacked from inside it: wasm-url.ts)
 * the first time a case list is opened, and kept for the worker's life. Files are read where
 * they are: a picked File through FileReaderSync, in slices, never copied whole — except a CSV in GBK or UTF-16, transcoded to UTF-8 first.
 */
import * as duckdb from './duckdb-blocking.js';
import { duckdbWasmUrl } from './wasm-url.ts';
import type { CsvEncoding } from './detect.ts';
import type { Cell, CaseSource, SqlEngine } from './engine.ts';
import { importCases } from './import.ts';
import { parquetToCsv } from './parquet-csv.ts';
import { queryRows, type WasmConnection } from './wasm-query.ts';
import type { CaseImportResult, CaseProgress, CaseSetup } from './types.ts';

/** Progress of the statement running now, as DuckDB reports it to the runtime. */
let progressSink: ((percentage: number) => void) | null = null;

export class WasmDuckDB implements SqlEngine {
  private constructor(readonly bindings: duckdb.DuckDBBindings, private readonly conn: duckdb.DuckDBConnection) {}

  static async open(onLoad?: (fraction: number | null) => void): Promise<WasmDuckDB> {
    const features = await duckdb.getPlatformFeatures();
    if (!features.wasmExceptions) throw new Error('this browser lacks WebAssembly exception handling (Chrome 95+, Firefox 100+, Safari 15.2+) '
      + '/ 浏览器不支持 WebAssembly 异常处理');
    const runtime = duckdb.BROWSER_RUNTIME;
    runtime.progressUpdate = (_final: number, percentage: number) => progressSink?.(percentage);
    const url = duckdbWasmUrl();
    const bundle = { mainModule: typeof url === 'string' ? url : await url, mainWorker: '' };
    const bindings = await duckdb.createDuckDB({ mvp: bundle, eh: bundle }, new duckdb.VoidLogger(), runtime);
    await bindings.instantiate((p) => onLoad?.(p.bytesTotal > 0 ? p.bytesLoaded / p.bytesTotal : null));
    bindings.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
    const conn = bindings.connect();
    // Nothing from the network: no extension is installed or loaded on demand.
    for (const s of ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false',
      'SET enable_progress_bar = true', 'SET enable_progress_bar_print = true', 'SET progress_bar_time = 0']) {
      try { conn.query(s); } catch { /* an option this build does not know: progress is optional */ }
    }
    return new WasmDuckDB(bindings, conn);
  }

  async exec(sql: string): Promise<void> {
    try { this.conn.query(sql); } catch (e) { throw engineError(e, sql); }
  }

  async rows(sql: string, onProgress?: (fraction: number | null, rows: number | null) => void): Promise<Cell[][]> {
    try { return await this.query(sql, onProgress); } catch (e) { throw engineError(e, sql); }
  }

  private async query(sql: string, onProgress?: (fraction: number | null, rows: number | null) => void): Promise<Cell[][]> {
    if (!onProgress) return queryRows(this.conn as unknown as WasmConnection, sql, false);
    progressSink = (pct) => { if (pct >= 0) onProgress(pct / 100, null); };
    try {
      return queryRows(this.conn as unknown as WasmConnection, sql, true);
    } finally {
      progressSink = null;
    }
  }
}

let seq = 0;

/** A Blob (a picked File) or bytes as a case source registered with DuckDB-wasm. */
export function blobSource(db: WasmDuckDB, data: Blob | Uint8Array, name: string): CaseSource {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart]);
  const path = `case-list-${++seq}${/\.[a-z0-9]+$/i.exec(name)?.[0] ?? ''}`;
  let registered = false;
  return {
    name,
    size: blob.size,
    async head(n) { return new Uint8Array(await blob.slice(0, n).arrayBuffer()); },
    async path(encoding?: CsvEncoding) {
      if (!encoding || encoding === 'utf-8') {
        db.bindings.registerFileHandle(path, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      } else {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const text = new TextDecoder(encoding).decode(encoding === 'gbk' ? bytes : bytes.subarray(2));
        db.bindings.registerFileBuffer(path, new TextEncoder().encode(text));
      }
      registered = true;
      return path;
    },
    async release() { if (registered) db.bindings.dropFile(path); registered = false; },
  };
}

/**
 * Bytes made here (a Parquet file decoded to CSV) as a case source: copied into the engine's
 * memory, not wrapped in a Blob and read back through FileReaderSync (one step fewer).
 */
export function bufferSource(db: WasmDuckDB, bytes: Uint8Array, name: string): CaseSource {
  const path = `case-list-${++seq}.csv`;
  let registered = false;
  return {
    name,
    size: bytes.byteLength,
    async head(n) { return bytes.subarray(0, n); },
    async path() { db.bindings.registerFileBuffer(path, bytes); registered = true; return path; },
    async release() { if (registered) db.bindings.dropFile(path); registered = false; },
  };
}

let opened: Promise<WasmDuckDB> | null = null;
/** The engine `opened` holds has finished starting. */
let ready = false;
/** Loading progress of the start under way, for an import that waits on a start begun by warmEngine. */
let loadSink: ((fraction: number | null) => void) | null = null;

function startEngine(): Promise<WasmDuckDB> {
  if (!opened) {
    ready = false;
    const p = WasmDuckDB.open((f) => loadSink?.(f));
    opened = p;
    p.then(() => { if (opened === p) ready = true; }, () => { if (opened === p) opened = null; });
  }
  return opened;
}

/** Start the engine ahead of an import (the page's picker is open); a failure is left to the import to report. */
export async function warmEngine(): Promise<void> {
  await startEngine().catch(() => undefined);
}

/**
 * Import a case list in this worker; the engine is started on the first call. When the engine
 * fails inside (engineError drops it), the import runs once more on a fresh engine and the
 * report says so: a transient failure does not cost the user the import.
 */
export async function importCaseBlob(data: Blob | Uint8Array, name: string, setup: CaseSetup,
  onProgress?: (p: CaseProgress) => void): Promise<CaseImportResult> {
  const first = await importOnce(data, name, setup, onProgress);
  if (first.ok || opened !== null) return first;
  const again = await importOnce(data, name, setup, onProgress);
  again.report.engineRestarts = 1;
  return again;
}

async function importOnce(data: Blob | Uint8Array, name: string, setup: CaseSetup, onProgress?: (p: CaseProgress) => void): Promise<CaseImportResult> {
  if (!ready) {
    // Started here, or by warmEngine while the file was being chosen: either way its loading is this import's first phase.
    onProgress?.({ phase: 'engine', fraction: 0 });
    loadSink = (f) => onProgress?.({ phase: 'engine', fraction: f });
  }
  let db: WasmDuckDB;
  try {
    db = await startEngine();
  } finally {
    loadSink = null;
  }
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart]);
  const magic = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  if (String.fromCharCode(...magic) !== 'PAR1') return importCases(db, blobSource(db, blob, name), setup, onProgress);
  // Parquet: decoded here (see parquet-csv.ts), then the same SQL over CSV text.
  onProgress?.({ phase: 'read', fraction: 0 });
  const file = { byteLength: blob.size, slice: (start: number, end?: number) => blob.slice(start, end).arrayBuffer() };
  const t = await parquetToCsv(file, (done, rows) => onProgress?.({ phase: 'read', fraction: rows ? (0.5 * done) / rows : null, rows: done }));
  if (!t.ok) {
    return { ok: false, report: { file: { name, format: 'parquet', columns: {}, ignored: [] }, rows: 0, accepted: 0, rejected: 0, rejectedFundPayable: '0.00',
      problems: [], fatal: t.problems } };
  }
  const result = await importCases(db, bufferSource(db, t.csv, `${name}.csv`), setup, onProgress, { fromParquet: true });
  result.report.file.name = name;
  return result;
}

/**
 * What DuckDB-wasm threw, as an Error naming the statement. A C++ exception that escapes the
 * engine arrives as a WebAssembly.Exception (no message, "{}" as JSON): the engine may then be
 * in an unknown state, so it is dropped and the next import starts a fresh one.
 */
function engineError(e: unknown, sql: string): Error {
  const what = sql.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ');
  if (e instanceof Error) return new Error(`${e.message.split('\n')[0]} (in: ${what} …)`);
  const W = (globalThis as { WebAssembly?: { Exception?: abstract new (...a: never[]) => unknown } }).WebAssembly;
  if (W?.Exception && e instanceof W.Exception) {
    opened = null;
    ready = false;
    return new Error(`the case engine (DuckDB) failed inside (an uncaught WebAssembly exception) in: ${what} …; it will be restarted on the next import`);
  }
  return new Error(`${typeof e}${e && typeof e === 'object' ? ` ${(e as object).constructor?.name ?? ''}` : ''}: ${String(e)} (in: ${what} …)`);
}
