/**
 * A worker thread of the Node risk pool: for each task, settles its range of draws with the
 * kernel and posts progress and the block back (the block's arrays are transferred).
 */
import { parentPort } from 'node:worker_threads';
import { blockBuffers, runDraws } from '../../engine/risk/kernel.ts';
import type { RiskInput } from '../../engine/risk/prepare.ts';

export interface Task {
  id: number;
  input: RiskInput;
  from: number;
  to: number;
}

parentPort!.on('message', ({ id, input, from, to }: Task) => {
  const block = runDraws(input, from, to, (done) => parentPort!.postMessage({ type: 'progress', id, done }));
  parentPort!.postMessage({ type: 'done', id, block }, blockBuffers(block));
});
