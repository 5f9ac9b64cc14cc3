import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { prepareRisk } from '../../src/engine/risk/prepare.ts';
import { runDraws } from '../../src/engine/risk/kernel.ts';
import { mergeBlocks } from '../../src/engine/risk/blocks.ts';
import { summarize } from '../../src/engine/risk/summary.ts';
import { riskParams } from '../../src/engine/risk/params.ts';
import { NodeRiskPool, runDrawsInWorkers, setRiskWorkerEntry } from '../../src/cli/risk/runner.ts';

// Worker threads start from bin/ (as under bin/gbsim.mjs).
setRiskWorkerEntry(new URL('../../bin/risk-worker.mjs', import.meta.url));

function cityInput(draws: number, seed = 31) {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city.json');
  return prepareRisk(r.scenario, riskParams({ draws, seed })).input;
}

describe('Node worker-thread runner', () => {
  it('1, 2 and 3 threads and a reused pool give the in-process figures, with progress up to the total', async () => {
    const input = cityInput(600);
    const inProcess = mergeBlocks([runDraws(input, 0, 600)], 600, input.n);
    for (const workers of [1, 2, 3]) {
      const seen: number[] = [];
      const m = await runDrawsInWorkers(input, { workers, onProgress: (done, total) => { expect(total).toBe(600); seen.push(done); } });
      expect(m).toEqual(inProcess);
      expect(seen.at(-1)).toBe(600);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    }
    const pool = new NodeRiskPool(2);
    try {
      expect(summarize(await pool.run(input))).toEqual(summarize(inProcess));
      expect(summarize(await pool.run(cityInput(600, 32)))).not.toEqual(summarize(inProcess));
      expect(summarize(await pool.run(input))).toEqual(summarize(inProcess));
    } finally {
      await pool.close();
    }
  });

  it('an AbortSignal cancels a run under way; the pool runs again afterwards', async () => {
    const big = cityInput(200_000);
    const pool = new NodeRiskPool(2);
    try {
      const ac = new AbortController();
      let last = 0;
      const run = pool.run(big, { signal: ac.signal, onProgress: (done) => { last = done; if (done >= 300) ac.abort(); } });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(last).toBeLessThan(200_000);
      const small = cityInput(50);
      expect(await pool.run(small)).toEqual(mergeBlocks([runDraws(small, 0, 50)], 50, small.n));
      const before = new AbortController();
      before.abort();
      await expect(pool.run(small, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await pool.close();
    }
  });
});
