/**
 * The page's side of the spreadsheet and brief workers. Each job gets its own worker, ended
 * when the job ends (or is cancelled: terminating the worker is the cancellation). Files leave
 * as Blob URLs on this origin; nothing is sent anywhere.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { ImportApi } from '../../workers/import.worker.ts';
import type { ExportApi } from '../../workers/export.worker.ts';
import type { BriefApi } from '../../workers/brief.worker.ts';
import type { ImportReport } from '../sheets/report.ts';

export type { WhatIf, WhatIfMember } from '../../workers/brief.worker.ts';

interface Job<T> { api: Remote<T>; end: () => void }

function job<T>(make: () => Worker): Job<T> {
  const w = make();
  return { api: wrap<T>(w), end: () => w.terminate() };
}

const importWorker = () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' });
const exportWorker = () => new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module' });
const briefWorker = () => new Worker(new URL('../../workers/brief.worker.ts', import.meta.url), { type: 'module' });

export class Cancelled extends Error {}

/** A running import: `report` settles with the report, or rejects with Cancelled after `cancel()`. */
export interface ImportJob { report: Promise<ImportReport>; cancel(): void }

export function startImport(file: File, historyYears: number, onProgress: (done: number, total: number) => void): ImportJob {
  const j = job<ImportApi>(importWorker);
  let cancel!: () => void;
  const cancelled = new Promise<never>((_, reject) => { cancel = () => { j.end(); reject(new Cancelled()); }; });
  const run = (async () => {
    const buf = await file.arrayBuffer();
    return j.api.importHospitals(transfer(buf, [buf]), file.name, { historyYears }, proxy(onProgress));
  })();
  const report = Promise.race([run, cancelled]).finally(() => j.end());
  return { report, cancel };
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

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
} as const;

/** Offer bytes as a file download (a same-origin Blob URL, allowed by the page's CSP). */
export function downloadBytes(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A file name without characters Windows refuses. */
export const safeName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'file';
