/**
 * The case-list worker: DuckDB-wasm runs here (src/cases/wasm.ts), started on the first case
 * list and kept while the worker lives; catalogues are read here too. The page talks to it
 * through src/cases/client.ts (comlink; progress through a `comlink.proxy` callback).
 */
import { expose } from 'comlink';
import { importCaseBlob, warmEngine } from '../src/cases/wasm.ts';
import { importCatalogue, type CatalogueImport } from '../src/cases/catalogue.ts';
import type { CaseImportResult, CaseProgress, CaseSetup } from '../src/cases/types.ts';

const api = {
  /** Import a case list (.csv or .parquet, a File or bytes). `onProgress` may be a comlink proxy. */
  async importCases(data: Blob | Uint8Array, name: string, setup: CaseSetup, onProgress?: (p: CaseProgress) => void): Promise<CaseImportResult> {
    return importCaseBlob(data, name, setup, onProgress ? (p) => void onProgress(p) : undefined);
  },
  /** Start DuckDB-wasm ahead of an import (the picker is open); an import awaits the same start. */
  async warm(): Promise<void> {
    await warmEngine();
  },
  async importCatalogue(data: Uint8Array | ArrayBuffer, name: string): Promise<CatalogueImport> {
    return importCatalogue(data, name);
  },
};

export type CasesApi = typeof api;

expose(api);
