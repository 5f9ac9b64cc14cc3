/**
 * Where a Node risk run's time goes, for the bench (GBSIM_RISK_TRACE=1 npx tsx bench/risk.ts):
 * each worker's time in the kernel and outside it as on-CPU time of its thread (Linux's
 * /proc/thread-self/schedstat: what the thread ran, not how long it waited for a core, so the
 * figures hold on a loaded machine), its chunks, and wall-clock marks (when it started and
 * finished, for the idle tail); the main thread's CPU time posting, merging and over the run;
 * the bytes posted. Off unless a run is given a trace to fill.
 */
import { readFileSync } from 'node:fs';

/** On-CPU time of the calling thread, ms (NaN where the system does not say). */
export function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

/** Wall-clock time comparable across threads (each thread's performance.now has its own origin), ms. */
export const wallMs = (): number => performance.timeOrigin + performance.now();

/** One worker's side of a run. */
export interface WorkerTrace {
  /** Its chunks of draws [from, to) in the order it took them, with the kernel's CPU time on each, ms. */
  chunks: { from: number; to: number; kernelCpu: number }[];
  /** CPU time from the end of its previous run to this run's message handled (receiving the input among it), ms. */
  cpuBeforeRun: number;
  /** CPU time in the run's handler outside the kernel (taking chunks, progress, posting its counts), ms. */
  cpuOutsideKernel: number;
  /** Wall clock: the run's message handled, and its last draw settled. */
  start: number;
  end: number;
}

export interface RunTrace {
  workers: WorkerTrace[];
  /** Structured-clone bytes of the input, posted to each worker of the run (node:v8 serialize's length). */
  postedBytes: number;
  /** Messages the main thread handled during the run. */
  messages: number;
  /** Main thread: CPU time posting the run to every worker, merging the workers' results, and over the whole run, ms. */
  postCpu: number;
  mergeCpu: number;
  mainCpu: number;
  /** Wall clock: the run started, and its merge ended. */
  start: number;
  end: number;
}
