/**
 * Every worker the page starts, in one place: Vite bundles each `new URL(…, import.meta.url)`
 * as a module worker of this origin (the CSP's worker-src 'self'). A worker is wrapped with
 * comlink; terminating it is how a job is cancelled.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../../workers/engine.worker.ts';
import type { WorkspaceApi } from '../../../workers/workspace.worker.ts';
import type { ImportApi } from '../../../workers/import.worker.ts';
import type { ExportApi } from '../../../workers/export.worker.ts';
import type { BriefApi } from '../../../workers/brief.worker.ts';
import type { RiskWorkerApi } from '../../../workers/risk.worker.ts';
import type { AnalysisApi } from '../../../workers/analysis.worker.ts';

export interface Hosted<T> {
  worker: Worker;
  api: Remote<T>;
}

const host = <T>(worker: Worker): Hosted<T> => ({ worker, api: wrap<T>(worker) });

export const engineWorker = (): Hosted<EngineApi> =>
  host(new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module' }));
export const workspaceWorker = (): Hosted<WorkspaceApi> =>
  host(new Worker(new URL('../../../workers/workspace.worker.ts', import.meta.url), { type: 'module' }));
export const importWorker = (): Hosted<ImportApi> =>
  host(new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module' }));
export const exportWorker = (): Hosted<ExportApi> =>
  host(new Worker(new URL('../../../workers/export.worker.ts', import.meta.url), { type: 'module' }));
export const briefWorker = (): Hosted<BriefApi> =>
  host(new Worker(new URL('../../../workers/brief.worker.ts', import.meta.url), { type: 'module' }));
export const riskWorker = (): Hosted<RiskWorkerApi> =>
  host(new Worker(new URL('../../../workers/risk.worker.ts', import.meta.url), { type: 'module' }));
export const analysisWorker = (): Hosted<AnalysisApi> =>
  host(new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }));
