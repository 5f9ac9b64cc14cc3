/**
 * Monte Carlo in real Chromium: the page's worker pool (src/app/runs/risk-pool.ts) gives the same
 * summary, bit for bit, as the kernel in Node — with 1 worker and with 2 — for the same seed;
 * progress is reported; a run can be cancelled; a refusal names its field.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser } from './session.ts';
import { loadScenario } from '../src/scenario/open.ts';
import { prepareRisk } from '../src/engine/risk/prepare.ts';
import { runDraws } from '../src/engine/risk/kernel.ts';
import { mergeBlocks } from '../src/engine/risk/blocks.ts';
import { summarize } from '../src/engine/risk/summary.ts';
import { riskParams, type RiskParams } from '../src/engine/risk/params.ts';
import { runDrawsInWorkers, setRiskWorkerEntry } from '../src/cli/risk/runner.ts';
import type { Scenario } from '../src/format/types.ts';

// Worker threads start from bin/ (as under bin/gbsim.mjs).
setRiskWorkerEntry(new URL('../bin/risk-worker.mjs', import.meta.url));

const { start } = useBrowser();

function city(): Scenario {
  const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
  if (!r.ok) throw new Error('city.json');
  return r.scenario;
}

/** In the page: runs of the pool, passed as source text (tsx would add helpers to a function). */
const RUNS = `async ({ scenario, params, workers }) => {
  const pool = await globalThis.__gb.risk();
  const out = [];
  for (const k of workers) {
    let progress = 0;
    const r = await pool.runRisk(scenario, params, { workers: k, onProgress: (done) => { progress = Math.max(progress, done); } });
    out.push({ summary: r.summary, workers: r.workers, progress });
  }
  return out;
}`;

describe('Monte Carlo risk in the browser', () => {
  it('gives the same summary as Node for the same seed, on 1 and 2 workers', async () => {
    const s = await start();
    const scenario = city();
    const params: RiskParams = riskParams({ draws: 2000, seed: 4242, sigmaCommon: 0.05, sigma: 0.07, sigmaByCategory: { community: 0.1 } });
    const { input } = prepareRisk(scenario, params);
    const node = summarize(mergeBlocks([runDraws(input, 0, params.draws)], params.draws, input.n));
    const threads = summarize(await runDrawsInWorkers(input, { workers: 2 }));
    expect(threads).toEqual(node);

    const runs = (await s.page.evaluate(`(${RUNS})(${JSON.stringify({ scenario, params, workers: [1, 2] })})`)) as { summary: unknown; workers: number; progress: number }[];
    expect(runs.map((r) => r.workers)).toEqual([1, 2]);
    for (const r of runs) {
      expect(r.summary).toEqual(node);
      expect(r.progress).toBe(params.draws);
    }
    // Something happened in these draws: the comparison is not between two empty summaries.
    expect(node.institutions.overspendDraws.some((c) => c > 0)).toBe(true);
    expect(node.closingBalance.max).toBeGreaterThan(node.closingBalance.min);
  });

  it('a city settled by points (DIP): the page\'s worker pool gives the same summary as Node on 2 workers', async () => {
    const s = await start();
    const r = loadScenario(readFileSync('scenarios/city-points.json', 'utf8'));
    if (!r.ok) throw new Error('city-points.json');
    const scenario = r.scenario;
    const params: RiskParams = riskParams({ draws: 1000, seed: 77, sigmaCommon: 0.05, sigma: 0.08 });
    const { input } = prepareRisk(scenario, params);
    expect(input.pointsPools).toHaveLength(1);
    const node = summarize(mergeBlocks([runDraws(input, 0, params.draws)], params.draws, input.n));
    const runs = (await s.page.evaluate(`(${RUNS})(${JSON.stringify({ scenario, params, workers: [2] })})`)) as { summary: unknown; workers: number; progress: number }[];
    expect(runs[0]!.summary).toEqual(node);
    expect(runs[0]!.progress).toBe(params.draws);
    expect(node.institutions.rewardDraws.some((c) => c > 0)).toBe(true);
  });

  it('cancels a run under way, and refuses bad parameters by field', async () => {
    const s = await start();
    const scenario = city();
    const outcome = await s.page.evaluate(`(async ({ scenario, params }) => {
      const pool = await globalThis.__gb.risk();
      const ac = new AbortController();
      let seen = 0;
      let cancelled = '';
      try {
        await pool.runRisk(scenario, params, { workers: 2, signal: ac.signal, onProgress: (d) => { seen = d; if (d >= 200) ac.abort(); } });
      } catch (e) { cancelled = e.name; }
      let refused = [];
      try {
        await pool.runRisk(scenario, { ...params, draws: 0, sigma: -1 }, { workers: 1 });
      } catch (e) { refused = e.issues.map((i) => i.path); }
      return { cancelled, seen, refused };
    })(${JSON.stringify({ scenario, params: riskParams({ draws: 200_000 }) })})`) as { cancelled: string; seen: number; refused: string[] };
    expect(outcome.cancelled).toBe('AbortError');
    expect(outcome.seen).toBeGreaterThanOrEqual(200);
    expect(outcome.seen).toBeLessThan(200_000);
    expect(outcome.refused).toEqual(['risk.draws', 'risk.sigma']);
  });
});
