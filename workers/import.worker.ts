/**
 * The import worker: parses a spreadsheet off the main thread (a 50,000-row workbook takes
 * seconds). The page wraps it with comlink and passes a progress callback through
 * `comlink.proxy`:
 *
 *   const api = wrap<ImportApi>(new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' }));
 *   const report = await api.importHospitals(transfer(buf, [buf]), file.name, { historyYears: 3 }, proxy((done, total) => …));
 */
import { expose } from 'comlink';
import { importHospitals as parse } from '../src/sheets/import.ts';
import type { ImportReport } from '../src/sheets/report.ts';
import { readMonthClaims } from '../src/sheets/month-claims.ts';

const api = {
  /** A month's claims (institution code, amount), checked cell by cell. */
  monthClaims: (data: ArrayBuffer | Uint8Array, fileName: string) => readMonthClaims(data, fileName),
  /** Parse and check; the report is plain data. `onProgress` may be a comlink proxy. */
  async importHospitals(
    data: ArrayBuffer | Uint8Array,
    fileName: string,
    opts: { historyYears?: number } = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    return parse(data, fileName, { historyYears: opts.historyYears, onProgress: onProgress ? (d, t) => void onProgress(d, t) : undefined });
  },
};

export type ImportApi = typeof api;

expose(api);
