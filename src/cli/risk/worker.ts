/**
 * A worker thread of the Node risk pool: keeps the run's input (sent once per run), settles each
 * chunk of draws it is given with the kernel and posts progress and the block back (the block's
 * arrays are transferred).
 */
import { parentPort } from 'node:worker_threads';
import { blockBuffers, runDraws } from '../../engine/risk/kernel.ts';
import type { RiskInput } from '../../engine/risk/prepare.ts';

export type Task = { type: 'input'; id: number; input: RiskInput } | { type: 'chunk'; id: number; from: number; to: number };

let run: { id: number; input: RiskInput } | null = null;

parentPort!.on('message', (t: Task) => {
  if (t.type === 'input') {
    run = { id: t.id, input: t.input };
    return;
  }
  if (run?.id !== t.id) throw new Error(`chunk of run ${t.id} without its input`);
  const { id, from, to } = t;
  const block = runDraws(run.input, from, to, (done) => parentPort!.postMessage({ type: 'progress', id, from, done }));
  parentPort!.postMessage({ type: 'done', id, block }, blockBuffers(block));
});
