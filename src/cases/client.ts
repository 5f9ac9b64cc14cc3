/**
 * The page's side of case-list imports. The worker (and with it DuckDB-wasm, ~34 MB, fetched
 * from this origin) starts on the first import and is kept for the next ones; cancelling an
 * import ends the worker, and the next import starts a fresh one. Files go to the worker as
 * File handles (read there in slices); nothing leaves the machine.
 *
 *   const { importCaseList } = await import('../cases/client.ts');
 *   const job = importCaseList(file, setup, (p) => showProgress(p));
 *   const result = await job.result;
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { CasesApi } from '../../workers/cases.worker.ts';
import type { CatalogueImport } from './catalogue.ts';
import type { CaseImportResult, CaseProgress, CaseSetup } from './types.ts';

export type { CaseImportResult, CaseProgress, CaseSetup } from './types.ts';
export type { CatalogueImport } from './catalogue.ts';

let worker: Worker | null = null;
let api: Remote<CasesApi> | null = null;

function casesApi(): Remote<CasesApi> {
  if (!api) {
    worker = new Worker(new URL('../../workers/cases.worker.ts', import.meta.url), { type: 'module' });
    api = wrap<CasesApi>(worker);
  }
  return api;
}

/** End the worker (and its database): the next import starts afresh. */
export function stopCasesWorker(): void {
  worker?.terminate();
  worker = null;
  api = null;
}

export class CaseImportCancelled extends Error {}

export interface CaseImportJob {
  result: Promise<CaseImportResult>;
  cancel(): void;
}

/** Start the case engine now (the worker and DuckDB-wasm), for an import about to come; idempotent. */
export function warmCaseEngine(): void {
  casesApi().warm().catch(() => undefined);
}

/** Import a case list (a File from a picker or drop, or bytes with a file name). */
export function importCaseList(file: Blob, setup: CaseSetup, onProgress?: (p: CaseProgress) => void, name?: string): CaseImportJob {
  const a = casesApi();
  let cancel!: () => void;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => { stopCasesWorker(); reject(new CaseImportCancelled('cancelled')); };
  });
  const fileName = name ?? (file instanceof File ? file.name : 'cases.csv');
  const run = a.importCases(file, fileName, setup, onProgress ? proxy(onProgress) : undefined);
  return { result: Promise.race([run, cancelled]), cancel };
}

/** Read a catalogue (.xlsx or .csv) in the worker. */
export async function importCatalogueFile(file: Blob, name?: string): Promise<CatalogueImport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return casesApi().importCatalogue(bytes, name ?? (file instanceof File ? file.name : 'catalogue.csv'));
}
