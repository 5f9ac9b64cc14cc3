export * from '../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking';
