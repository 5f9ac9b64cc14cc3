// DuckDB-wasm's synchronous ("blocking") browser build, which runs a database inside the
// worker that calls it (no second worker). The package does not list this file in its
// "exports", so it is reached by path; its types are in duckdb-blocking.d.ts.
export * from '../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs';
