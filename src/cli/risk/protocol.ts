/**
 * What the Node risk pool (runner.ts) and its worker threads (worker.ts) exchange: one message
 * each way per worker per run, and the run's shared memory.
 */
import type { RiskInput } from '../../engine/risk/prepare.ts';
import type { WorkerTrace } from './trace.ts';

/** Chunks the workers take from the shared counter: down to one draw at the end (taking one costs no message). */
export const MIN_SHARED_CHUNK = 1;

/** Indices in a run's control array (Int32): the next draw to hand out, and draws done; 64 bytes apart (own cache lines). */
export const NEXT = 0;
export const DONE = 16;
export const CTL_BYTES = 128;

/** The run's shared memory: the control array and each draw's figures, by draw index. */
export interface Shared {
  ctl: SharedArrayBuffer;
  closing: SharedArrayBuffer;
  months: SharedArrayBuffer;
  afUsed: SharedArrayBuffer;
  exhausted: SharedArrayBuffer;
}

export interface Task {
  type: 'run';
  id: number;
  /**
   * The run's input, a structured clone per worker (serializing it once with node:v8 into shared
   * memory for all workers was tried: v8.serialize is slower than postMessage's own clone, and
   * so was no gain on 2 workers).
   */
  input: RiskInput;
  shared: Shared;
  /** The run's number of workers (chunk sizes shrink toward the end by it). */
  workers: number;
  trace?: boolean;
}

export interface Done {
  type: 'done';
  id: number;
  /** Draws this worker settled, and its counts over them. */
  settled: number;
  overCount: Uint32Array;
  rewardCount: Uint32Array;
  noPointValue: number;
  trace?: WorkerTrace;
}
