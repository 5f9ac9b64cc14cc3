/**
 * The Monte Carlo worker: hosts the risk kernel's calls only (src/app/runs/risk-pool.ts drives it).
 * The input is kept from `load`; blocks of draws go back transferred, not copied.
 */
import { expose, transfer } from 'comlink';
import { tryPrepareRisk } from '../src/engine/risk/prepare.ts';
import { blockBuffers, runDraws } from '../src/engine/risk/kernel.ts';
import type { RiskInput } from '../src/engine/risk/prepare.ts';
import type { RiskParams } from '../src/engine/risk/params.ts';
import type { Scenario } from '../src/format/types.ts';

/** The run's input, sent once per run (chunks of its draws follow). */
let input: RiskInput | null = null;

const api = {
  prepare: (s: Scenario, p: RiskParams) => tryPrepareRisk(s, p),
  load: (inp: RiskInput) => { input = inp; },
  runDraws: (from: number, to: number, progress?: (done: number) => void) => {
    if (!input) throw new Error('runDraws before load');
    const b = runDraws(input, from, to, progress);
    return transfer(b, blockBuffers(b));
  },
};

export type RiskWorkerApi = typeof api;

expose(api);
