/**
 * A worker thread of the Node risk pool. A run's message brings the input and the run's shared
 * arrays; the worker then takes chunks of draws itself, from a counter shared by the run's
 * workers (no message per chunk, no wait for the main thread between chunks), settles each with
 * the kernel straight into the shared per-draw arrays (each draw at its index), adds its draws'
 * counts into its own per-institution arrays, and when no draws are left posts those counts
 * (transferred). Progress is a shared count of draws done.
 */
import { parentPort } from 'node:worker_threads';
import { runDrawsInto, type DrawsOut } from '../../engine/risk/kernel.ts';
import { chunkSize } from '../../engine/risk/blocks.ts';
import { threadCpuMs, wallMs, type WorkerTrace } from './trace.ts';
import { DONE, MIN_SHARED_CHUNK, NEXT, type Done, type Task } from './protocol.ts';

/** Traced runs: the thread's CPU time when its previous run ended. */
let cpuMark = NaN;

parentPort!.on('message', (t: Task) => {
  const trace = t.trace === true;
  const c0 = trace ? threadCpuMs() : 0;
  const wt: WorkerTrace | undefined = trace ? { chunks: [], cpuBeforeRun: c0 - cpuMark, cpuOutsideKernel: 0, start: wallMs(), end: 0 } : undefined;
  const { input, shared, id } = t;
  const draws = input.draws;
  const ctl = new Int32Array(shared.ctl);
  const o: DrawsOut = {
    offset: 0,
    closing: new Float64Array(shared.closing), months: new Float64Array(shared.months), afUsed: new Float64Array(shared.afUsed),
    exhausted: new Uint8Array(shared.exhausted), overCount: new Uint32Array(input.n), rewardCount: new Uint32Array(input.n), noPointValue: 0,
  };
  let settled = 0;
  let reported = 0;
  const progress = (done: number) => { Atomics.add(ctl, DONE, done - reported); reported = done; };
  for (;;) {
    // Take the next chunk: guided self-scheduling, as blocks.ts runChunked hands chunks out in the page.
    let from = Atomics.load(ctl, NEXT);
    let to = 0;
    while (from < draws) {
      to = from + chunkSize(draws - from, t.workers, MIN_SHARED_CHUNK);
      const seen = Atomics.compareExchange(ctl, NEXT, from, to);
      if (seen === from) break;
      from = seen;
    }
    if (from >= draws) break;
    reported = 0;
    const k0 = trace ? threadCpuMs() : 0;
    runDrawsInto(input, from, to, o, progress);
    if (wt) wt.chunks.push({ from, to, kernelCpu: threadCpuMs() - k0 });
    settled += to - from;
  }
  if (wt) {
    wt.end = wallMs();
    cpuMark = threadCpuMs();
    wt.cpuOutsideKernel = cpuMark - c0 - wt.chunks.reduce((s, c) => s + c.kernelCpu, 0);
  }
  const done: Done = { type: 'done', id, settled, overCount: o.overCount, rewardCount: o.rewardCount, noPointValue: o.noPointValue, trace: wt };
  parentPort!.postMessage(done, [o.overCount.buffer, o.rewardCount.buffer] as ArrayBuffer[]);
});
