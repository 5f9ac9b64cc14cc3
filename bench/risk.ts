/**
 * Monte Carlo figures for `npm run bench`: hospital-draws per second (institutions × draws / s)
 * on a synthetic city of 3,000 institutions × 10,000 draws, on 1 and 2 workers, in Node
 * (worker threads, src/cli/risk/runner.ts) and in Chromium (the page's pool, src/app/runs/risk-pool.ts),
 * and the 1 → 2 worker speed-up. Each pool is warmed first (a short run: workers started, the
 * kernel compiled by the JIT); the figure is the best of three timed runs of the draws (the
 * input prepared once, as a user's repeated runs would). `npx tsx bench/risk.ts` runs it alone.
 */
import { synthCity } from './synth.ts';
import { printFigure } from './print.ts';
import { validateScenario } from '../src/scenario/open.ts';
import { prepareRisk } from '../src/engine/risk/prepare.ts';
import { riskParams } from '../src/engine/risk/params.ts';
import { NodeRiskPool, setRiskWorkerEntry } from '../src/cli/risk/runner.ts';
import type { Scenario } from '../src/format/types.ts';

// Worker threads start from bin/ (as under bin/gbsim.mjs).
setRiskWorkerEntry(new URL('../bin/risk-worker.mjs', import.meta.url));

const N = 3000;
const DRAWS = 10_000;
const RUNS = 3;

function city(): Scenario {
  const v = validateScenario(JSON.parse(JSON.stringify(synthCity(N, 42))));
  if (!v.ok) throw new Error(`synthetic city invalid: ${v.issues[0]?.path} ${v.issues[0]?.message}`);
  return v.scenario;
}

async function nodeRates(s: Scenario): Promise<Record<1 | 2, number>> {
  const { input } = prepareRisk(s, riskParams({ draws: DRAWS }));
  const warm = prepareRisk(s, riskParams({ draws: 1000, seed: 2 })).input;
  const out = { 1: 0, 2: 0 };
  for (const k of [1, 2] as const) {
    const pool = new NodeRiskPool(k);
    try {
      await pool.run(warm);
      let best = Infinity;
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        await pool.run(input);
        best = Math.min(best, performance.now() - t0);
      }
      out[k] = (N * DRAWS) / (best / 1000);
    } finally {
      await pool.close();
    }
  }
  return out;
}

/** In the page (as source text: tsx would add helpers to a function): best draw time of a warm pool of k workers. */
const PAGE_RUN = `async ({ scenario, params, warm, k, runs }) => {
  const { RiskPool } = await globalThis.__gb.risk();
  const pool = new RiskPool(k);
  try {
    await pool.run(scenario, warm);
    let best = Infinity;
    for (let r = 0; r < runs; r++) best = Math.min(best, (await pool.run(scenario, params)).ms.draws);
    return best;
  } finally {
    pool.close();
  }
}`;

async function chromiumRates(s: Scenario): Promise<Record<1 | 2, number>> {
  const { buildApp, serve } = await import('../e2e/serve.ts');
  const { launch, settled } = await import('../e2e/harness.ts');
  await buildApp();
  const server = await serve();
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await settled(page, 120_000);
    const out = { 1: 0, 2: 0 };
    for (const k of [1, 2] as const) {
      const arg = JSON.stringify({ scenario: s, params: riskParams({ draws: DRAWS }), warm: riskParams({ draws: 1000, seed: 2 }), k, runs: RUNS });
      const ms = (await page.evaluate(`(${PAGE_RUN})(${arg})`)) as number;
      out[k] = (N * DRAWS) / (ms / 1000);
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function riskBench(): Promise<void> {
  const s = city();
  const node = await nodeRates(s);
  printFigure('risk-hospital-draws-per-s-1-worker-node', node[1], '/s');
  printFigure('risk-hospital-draws-per-s-2-workers-node', node[2], '/s');
  printFigure('risk-speedup-1-to-2-node', node[2] / node[1], 'x');
  const { existsSync } = await import('node:fs');
  if (!existsSync('/usr/bin/chromium')) {
    console.log('bench: risk chromium figures skipped (/usr/bin/chromium missing)');
    return;
  }
  const web = await chromiumRates(s);
  printFigure('risk-hospital-draws-per-s-1-worker-chromium', web[1], '/s');
  printFigure('risk-hospital-draws-per-s-2-workers-chromium', web[2], '/s');
  printFigure('risk-speedup-1-to-2-chromium', web[2] / web[1], 'x');
}

if (import.meta.url === `file://${process.argv[1]}`) await riskBench();
