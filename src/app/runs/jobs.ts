/**
 * The page's side of the spreadsheet and brief workers. Each job gets its own worker, ended
 * when the job ends (or is cancelled: terminating the worker is the cancellation).
 */
import { proxy, transfer, type Remote } from 'comlink';
import type { ExportApi } from '../../../workers/export.worker.ts';
import type { BriefApi } from '../../../workers/brief.worker.ts';
import { briefWorker, exportWorker, importWorker, type Hosted } from './workers.ts';
import type { ImportReport } from '../../sheets/report.ts';
import type { MonthClaims } from '../../sheets/month-claims.ts';


interface Job<T> { api: Remote<T>; end: () => void }

function job<T>(make: () => Hosted<T>): Job<T> {
  const h = make();
  return { api: h.api, end: () => h.worker.terminate() };
}


export class Cancelled extends Error {}

/** A running import: `report` settles with the report, or rejects with Cancelled after `cancel()`. */
export interface ImportJob { report: Promise<ImportReport>; cancel(): void }

export function startImport(file: File, historyYears: number, onProgress: (done: number, total: number) => void): ImportJob {
  const j = job(importWorker);
  let cancel!: () => void;
  const cancelled = new Promise<never>((_, reject) => { cancel = () => { j.end(); reject(new Cancelled()); }; });
  const run = (async () => {
    const buf = await file.arrayBuffer();
    return j.api.importHospitals(transfer(buf, [buf]), file.name, { historyYears }, proxy(onProgress));
  })();
  const report = Promise.race([run, cancelled]).finally(() => j.end());
  return { report, cancel };
}

/** A month's claims read from a spreadsheet in a fresh import worker. */
export async function readMonthClaimsJob(file: File): Promise<MonthClaims> {
  const j = job(importWorker);
  try {
    const buf = await file.arrayBuffer();
    return await j.api.monthClaims(transfer(buf, [buf]), file.name);
  } finally { j.end(); }
}

/** Run one export function in a fresh worker. */
export async function exporting<R>(call: (api: Remote<ExportApi>) => Promise<R>): Promise<R> {
  const j = job<ExportApi>(exportWorker);
  try { return await call(j.api); } finally { j.end(); }
}

/** One long-lived brief worker (what-ifs are small and frequent). */
let brief: Job<BriefApi> | null = null;
export function briefApi(): Remote<BriefApi> {
  brief ??= job<BriefApi>(briefWorker);
  return brief.api;
}
