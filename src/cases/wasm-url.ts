/**
 * Where DuckDB's wasm comes from. The served app fetches it from its own origin (a Vite asset
 * beside the page). The single-file build (scripts/single-file.ts) replaces this module with
 * one that carries the wasm gzipped inside the file and unpacks it to a blob: URL
 * (`unpackToUrl` in wasm-unpack.ts): a page opened from file:// may not fetch another file.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

/** A plain string when served (no extra await before DuckDB starts, as before the seam); a promise in the single file. */
export function duckdbWasmUrl(): string | Promise<string> {
  return ehWasm;
}
