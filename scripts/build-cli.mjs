#!/usr/bin/env node
/**
 * Builds the command line into plain JavaScript (dist-cli/), so `gbsim` starts without
 * compiling TypeScript (tsx spent ~1 s of every start doing so). Run by `npm ci` / `npm install`
 * (the `prepare` script) and by `npm run build:cli`.
 *
 * - dist-cli/gbsim.mjs: src/cli/entry.ts; commands loaded on demand stay separate chunks, so
 *   `gbsim run` loads neither exceljs nor DuckDB.
 * - dist-cli/sweep-worker.mjs, dist-cli/risk-worker.mjs: the worker threads of sweep and risk.
 * Packages stay in node_modules (imported at run time): DuckDB's node-api is native, and
 * bundling exceljs would only move its code. mathjs is the exception (see BUNDLED below).
 */
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// esbuild comes with vite and tsx (development dependencies); an install without them keeps
// the CLI running from source (bin/gbsim.mjs falls back to tsx), so the install must not fail.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.warn('build-cli: esbuild is not installed; gbsim will run from the TypeScript source');
  process.exit(0);
}
const root = fileURLToPath(new URL('..', import.meta.url));
// Every package stays external but mathjs: bundled, only the parser the formulas use is kept
// (engine/formula.ts builds mathjs from parseDependencies), instead of loading and wiring all of
// mathjs' functions at every start (~0.25 s of `gbsim run`'s 0.5 s budget).
const BUNDLED = new Set(['mathjs']);
const deps = Object.keys(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).dependencies ?? {});
const external = deps.filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);
const outdir = `${root}dist-cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    gbsim: 'src/cli/entry.ts',
    'sweep-worker': 'src/cli/sweep-worker.ts',
    'risk-worker': 'src/cli/risk/worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});
