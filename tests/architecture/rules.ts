/**
 * What may import what (docs/ARCHITECTURE.md says why). The floors read bottom-up; an arrow may
 * only point down. A zone is a folder (the longest matching prefix wins); each lists the zones
 * it may import at run time, the zones it may know as types only, and the packages it may use.
 */
export interface Zone {
  /** Zones whose values this zone may import. */
  uses: readonly string[];
  /** Further zones it may import with `import type` only. */
  knows?: readonly string[];
  /** npm packages (and 'node:' for Node's built-ins). */
  packages: readonly string[];
}

export const ZONES: Readonly<Record<string, Zone>> = {
  'src/format': { uses: [], packages: ['zod'] },
  'src/engine': { uses: ['src/format'], packages: ['decimal.js', 'mathjs', '@noble/hashes'] },
  'src/display': { uses: [], packages: [] },
  'src/scenario': { uses: ['src/format', 'src/engine'], packages: ['zod'] },
  'src/workspace': { uses: ['src/format', 'src/engine', 'src/scenario', 'src/display'], packages: ['idb'] },
  'src/transport': { uses: ['src/format', 'src/engine', 'src/scenario', 'src/workspace'], packages: [] },
  'src/sheets': { uses: ['src/format', 'src/engine', 'src/scenario', 'src/display', 'src/workspace'], packages: ['exceljs', 'papaparse'] },
  // Case lists (issue 11): DuckDB in Node (node.ts) and in the browser (wasm.ts, hosted by
  // workers/cases.worker.ts); Parquet in the browser through hyparquet; catalogues through sheets.
  'src/cases': { uses: ['src/sheets', 'src/display'], packages: ['@duckdb/node-api', '@duckdb/duckdb-wasm', 'hyparquet', 'hyparquet-compressors', 'papaparse', 'node:'] },
  // The page's side of the case worker: it starts that worker (as runs/workers.ts does the others).
  'src/cases/client.ts': { uses: ['src/cases', 'workers'], packages: ['comlink'] },
  'src/cli': { uses: ['src/format', 'src/engine', 'src/scenario', 'src/display', 'src/workspace', 'src/sheets', 'src/cases', 'src/cli'], packages: ['node:'] },
  'src/app': {
    uses: ['src/format', 'src/engine', 'src/scenario', 'src/display', 'src/workspace', 'src/transport', 'src/sheets', 'src/cases', 'src/app'],
    knows: ['workers'],
    packages: ['lit', 'chart.js', 'comlink'],
  },
  // Components render and dispatch: they know the engine's results as types and never compute
  // money (arithmetic goes through app/views, which calls the engine).
  'src/app/components': {
    uses: ['src/app/components', 'src/app/views', 'src/app/i18n', 'src/app/state/actions.ts', 'src/app/state/app-state.ts', 'src/app/runs/jobs.ts', 'src/app/download.ts', 'src/display', 'src/format/path.ts', 'src/format/issues.ts'],
    knows: ['src/format', 'src/engine', 'src/scenario', 'src/workspace', 'src/transport', 'src/sheets', 'src/app'],
    packages: ['lit', 'chart.js'],
  },
  // The one module that starts workers (Vite bundles each `new URL(…)` as a worker).
  'src/app/runs/workers.ts': { uses: ['workers'], packages: ['comlink'] },
  'workers': { uses: ['src/format', 'src/engine', 'src/scenario', 'src/display', 'src/workspace', 'src/transport', 'src/sheets', 'src/cases'], packages: ['comlink'] },
  // bin/ runs src/cli built into plain JavaScript (dist-cli/, made by scripts/build-cli.mjs; outside
  // the graph, like a package), or src/cli itself through tsx.
  'bin': { uses: ['src/cli'], packages: ['node:', 'tsx', 'dist-cli'] },
};

/** Inside a zone, modules import each other freely (a zone is one floor). */
export function zoneOf(file: string): string | null {
  let best: string | null = null;
  for (const z of Object.keys(ZONES)) if ((file === z || file.startsWith(`${z}/`)) && (!best || z.length > best.length)) best = z;
  return best;
}

/**
 * Imports that break the rules and are being mended; the list may only shrink (an entry whose
 * import is gone fails the test). Empty since components receive view models (issue 9).
 */
export const KNOWN: readonly string[] = [];
