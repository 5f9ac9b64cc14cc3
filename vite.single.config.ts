import { defineConfig, mergeConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fileURLToPath } from 'node:url';
import base from './vite.config.ts';
import { finishHtml, inlineWorkers, packDuckdbWasm } from './scripts/single-file.ts';

// The app as one file, dist-single/gbsim.html, that opens from disk (file://): scripts and
// styles inlined by vite-plugin-singlefile, workers carried as script blocks started from blob:
// URLs, DuckDB's wasm carried gzipped inside. See docs/SINGLE-FILE.md.
const root = fileURLToPath(new URL('.', import.meta.url));

export default mergeConfig(base, defineConfig({
  publicDir: false,
  plugins: [inlineWorkers(root), viteSingleFile({ removeViteModuleLoader: true }), finishHtml(root)],
  worker: {
    // A worker started from a blob: URL cannot import a chunk beside it: each is one piece, which
    // finishHtml then wraps as a classic script (Chromium starts no module worker from a blob: URL
    // of a file:// page). Not format 'iife': Rolldown refuses it for the case worker's graph.
    format: 'es',
    rolldownOptions: { output: { codeSplitting: false } },
    plugins: () => [inlineWorkers(root, true), packDuckdbWasm(root)],
  },
  build: { outDir: 'dist-single', emptyOutDir: true },
}));
