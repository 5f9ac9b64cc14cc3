/**
 * Monte Carlo figures for `npm run bench`: hospital-draws per second (institutions × draws / s)
 * on a synthetic city of 3,000 institutions × 10,000 draws, on 1 and 2 workers, in Node
 * (worker threads, src/cli/risk/runner.ts) and in Chromium (the page's pool, src/app/runs/risk-pool.ts),
 * and the 1 → 2 worker speed-up. Both pools are warmed first (a short run: workers started, the
 * kernel compiled by the JIT), then timed in pairs back to back — 1 worker then 2, the next pair
 * 2 then 1 — so a change in the machine's load falls on both sides of a pair. The rates are the
 * best run of each; the speed-up is the median of the pairs' ratios, printed with their range
 * (a wide range says the machine was busy). The input is prepared once, as a user's repeated
 * runs would. `npx tsx bench/risk.ts` runs it alone.
 *
 * The machine's own ceiling is printed beside it: two one-worker pools each settling the whole
 * run side by side, against one alone (2 × t_alone / t_both) — what two threads give when they
 * share nothing, no chunks, no messages, no merge. A 1 → 2 speed-up near it has no overhead left.
 * With GBSIM_RISK_TRACE=1 (or `npx tsx bench/risk.ts trace` alone) it first prints `bench-trace:`
 * lines: where the Node runs' time goes, in each thread's CPU time (see nodeTrace).
 */
import { synthCity, synthPointsCity } from './synth.ts';
import { printFigure } from './print.ts';
import { validateScenario } from '../src/scenario/open.ts';
import { prepareRisk } from '../src/engine/risk/prepare.ts';
import { riskParams } from '../src/engine/risk/params.ts';
import { NodeRiskPool, setRiskWorkerEntry } from '../src/cli/risk/runner.ts';
import type { Scenario } from '../src/format/types.ts';
import type { RunTrace } from '../src/cli/risk/trace.ts';

// Worker threads start from bin/ (as under bin/gbsim.mjs).
setRiskWorkerEntry(new URL('../bin/risk-worker.mjs', import.meta.url));

const N = 3000;
const DRAWS = 10_000;
const PAIRS = 5;

function city(make = synthCity): Scenario {
  const v = validateScenario(JSON.parse(JSON.stringify(make(N, 42))));
  if (!v.ok) throw new Error(`synthetic city invalid: ${v.issues[0]?.path} ${v.issues[0]?.message}`);
  return v.scenario;
}

/** Rates (best run of each pool) and the pairs' speed-ups, from draw times of pairs of runs. */
interface Rates {
  1: number;
  2: number;
  ratios: number[];
}

async function pairs(time: (k: 1 | 2) => Promise<number>): Promise<Rates> {
  const best = { 1: Infinity, 2: Infinity };
  const ratios: number[] = [];
  for (let r = 0; r < PAIRS; r++) {
    const ms = { 1: 0, 2: 0 };
    for (const k of r % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const)) ms[k] = await time(k);
    best[1] = Math.min(best[1], ms[1]);
    best[2] = Math.min(best[2], ms[2]);
    ratios.push(ms[1] / ms[2]);
  }
  return { 1: (N * DRAWS) / (best[1] / 1000), 2: (N * DRAWS) / (best[2] / 1000), ratios };
}

async function nodeRates(s: Scenario): Promise<Rates> {
  const { input } = prepareRisk(s, riskParams({ draws: DRAWS }));
  const warm = prepareRisk(s, riskParams({ draws: 1000, seed: 2 })).input;
  const pools = { 1: new NodeRiskPool(1), 2: new NodeRiskPool(2) };
  try {
    await pools[1].run(warm);
    await pools[2].run(warm);
    return await pairs(async (k) => {
      const t0 = performance.now();
      await pools[k].run(input);
      return performance.now() - t0;
    });
  } finally {
    await pools[1].close();
    await pools[2].close();
  }
}

/**
 * GBSIM_RISK_TRACE=1: where a run's time goes, in terms a loaded machine does not change — each
 * thread's on-CPU time (in the kernel, outside it; the main thread's), messages, bytes, chunks —
 * over TRACE_RUNS traced runs on warm pools of 1 and 2 workers (medians). `overhead` is the CPU
 * time spent on anything but draws (the workers' outside the kernel and before the run, the main
 * thread's) over the kernel's; `tail` the wall time from the first worker's last draw to the
 * last's (on a loaded machine, mostly the load's).
 */
const TRACE_RUNS = 5;

async function nodeTrace(s: Scenario): Promise<void> {
  const { input } = prepareRisk(s, riskParams({ draws: DRAWS }));
  const warm = prepareRisk(s, riskParams({ draws: 1000, seed: 2 })).input;
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const f = (x: number) => x.toFixed(1);
  for (const k of [1, 2]) {
    const pool = new NodeRiskPool(k);
    try {
      await pool.run(warm);
      const rows: Record<string, number>[] = [];
      for (let r = 0; r < TRACE_RUNS; r++) {
        const t = {} as RunTrace;
        await pool.run(input, { trace: t });
        const ws = t.workers;
        const kernel = ws.reduce((a, w) => a + w.chunks.reduce((b, c) => b + c.kernelCpu, 0), 0);
        const outside = ws.reduce((a, w) => a + w.cpuOutsideKernel, 0);
        const before = ws.reduce((a, w) => a + w.cpuBeforeRun, 0);
        const ends = ws.map((w) => w.end);
        rows.push({
          kernel, outside, before, main: t.mainCpu, post: t.postCpu, merge: t.mergeCpu, messages: t.messages,
          chunks: ws.reduce((a, w) => a + w.chunks.length, 0), smallest: Math.min(...ws.flatMap((w) => w.chunks.map((c) => c.to - c.from))),
          overhead: (100 * (outside + before + t.mainCpu)) / kernel, tail: Math.max(...ends) - Math.min(...ends), bytes: t.postedBytes,
        });
      }
      const m = (key: string) => med(rows.map((x) => x[key]!));
      console.log(
        `bench-trace: risk-node ${k} worker(s), median of ${TRACE_RUNS} runs: kernel CPU ${f(m('kernel'))} ms;` +
          ` outside the kernel: workers ${f(m('outside'))} ms + before the run ${f(m('before'))} ms,` +
          ` main thread ${f(m('main'))} ms (serializing and posting ${f(m('post'))}, merge ${f(m('merge'))});` +
          ` overhead ${m('overhead').toFixed(2)}% of kernel CPU; ${m('messages')} messages to the main thread;` +
          ` ${m('chunks')} chunks (smallest ${m('smallest')});` +
          ` input ${m('bytes')} bytes posted per worker; tail ${f(m('tail'))} ms wall`,
      );
    } finally {
      await pool.close();
    }
  }
}

/** The ceiling: one pool alone, then two independent pools at once, in pairs; the median ratio. */
async function nodeCeiling(s: Scenario): Promise<number[]> {
  const { input } = prepareRisk(s, riskParams({ draws: DRAWS }));
  const warm = prepareRisk(s, riskParams({ draws: 1000, seed: 2 })).input;
  const a = new NodeRiskPool(1);
  const b = new NodeRiskPool(1);
  try {
    await Promise.all([a.run(warm), b.run(warm)]);
    const ratios: number[] = [];
    for (let r = 0; r < PAIRS; r++) {
      let t0 = performance.now();
      await a.run(input);
      const alone = performance.now() - t0;
      t0 = performance.now();
      await Promise.all([a.run(input), b.run(input)]);
      ratios.push((2 * alone) / (performance.now() - t0));
    }
    return ratios.sort((x, y) => x - y);
  } finally {
    await a.close();
    await b.close();
  }
}

/**
 * The same city with its hospital pool settled by points (bench/synth.ts synthPointsCity: about a
 * quarter of the institutions): hospital-draws per second on 2 workers in Node, timed in turn with
 * the per-target city on the same pool (best of each), and the ratio — what the points draws
 * (points from the drawn claims, the pool's entitlements by largest remainder, the monthly
 * pre-settlement and its deposit) cost beside a draw of targets.
 */
async function nodePointsRates(s: Scenario, p: Scenario): Promise<{ points: number; targets: number }> {
  const inputs = [s, p].map((x) => prepareRisk(x, riskParams({ draws: DRAWS })).input);
  const pool = new NodeRiskPool(2);
  try {
    for (const x of [s, p]) await pool.run(prepareRisk(x, riskParams({ draws: 1000, seed: 2 })).input);
    const best = [Infinity, Infinity];
    for (let r = 0; r < 3; r++) {
      for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
        const t0 = performance.now();
        await pool.run(inputs[k]!);
        best[k] = Math.min(best[k]!, performance.now() - t0);
      }
    }
    return { targets: (N * DRAWS) / (best[0]! / 1000), points: (N * DRAWS) / (best[1]! / 1000) };
  } finally {
    await pool.close();
  }
}

export async function riskPointsBench(s: Scenario = city()): Promise<void> {
  const r = await nodePointsRates(s, city(synthPointsCity));
  printFigure('risk-hospital-draws-per-s-points-node', r.points, '/s');
  printFigure('risk-points-slowdown-vs-targets-2-workers-node', r.targets / r.points, 'x');
}

/** In the page (as source text: tsx would add helpers to a function): warm pools of 1 and 2 workers, kept across calls. */
const PAGE_WARM = `async ({ scenario, warm }) => {
  const { RiskPool } = await globalThis.__gb.risk();
  globalThis.__riskBench = { 1: new RiskPool(1), 2: new RiskPool(2) };
  for (const k of [1, 2]) await globalThis.__riskBench[k].run(scenario, warm);
}`;
/** One timed run of the k-worker pool: its draw time, ms (the input sent to the workers and every chunk). */
const PAGE_RUN = `async ({ scenario, params, k }) => (await globalThis.__riskBench[k].run(scenario, params)).ms.draws`;

async function chromiumRates(s: Scenario): Promise<Rates> {
  const { buildApp, serve } = await import('../e2e/serve.ts');
  const { launch, settled } = await import('../e2e/harness.ts');
  await buildApp();
  const server = await serve();
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await settled(page, 120_000);
    await page.evaluate(`(${PAGE_WARM})(${JSON.stringify({ scenario: s, warm: riskParams({ draws: 1000, seed: 2 }) })})`);
    const arg = (k: number) => JSON.stringify({ scenario: s, params: riskParams({ draws: DRAWS }), k });
    return await pairs(async (k) => (await page.evaluate(`(${PAGE_RUN})(${arg(k)})`)) as number);
  } finally {
    await browser.close();
    await server.close();
  }
}

function printRates(where: string, r: Rates): void {
  printFigure(`risk-hospital-draws-per-s-1-worker-${where}`, r[1], '/s');
  printFigure(`risk-hospital-draws-per-s-2-workers-${where}`, r[2], '/s');
  const sorted = [...r.ratios].sort((a, b) => a - b);
  printFigure(`risk-speedup-1-to-2-${where}`, sorted[Math.floor(sorted.length / 2)]!, 'x');
  console.log(`bench: risk-speedup-1-to-2-${where}-range ${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)} x (${sorted.length} pairs)`);
}

export async function riskBench(): Promise<void> {
  const s = city();
  if (process.env.GBSIM_RISK_TRACE) await nodeTrace(s);
  printRates('node', await nodeRates(s));
  await riskPointsBench(s);
  const ceiling = await nodeCeiling(s);
  printFigure('risk-parallel-ceiling-node', ceiling[Math.floor(ceiling.length / 2)]!, 'x');
  console.log(`bench: risk-parallel-ceiling-node-range ${ceiling[0]!.toFixed(2)}–${ceiling.at(-1)!.toFixed(2)} x (${ceiling.length} pairs)`);
  const { existsSync } = await import('node:fs');
  if (!existsSync('/usr/bin/chromium')) {
    console.log('bench: risk chromium figures skipped (/usr/bin/chromium missing)');
    return;
  }
  printRates('chromium', await chromiumRates(s));
}

// `npx tsx bench/risk.ts points`: the points lines alone.
// `npx tsx bench/risk.ts trace`: the trace lines alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv[2];
  await (only === 'points' ? riskPointsBench() : only === 'trace' ? nodeTrace(city()) : riskBench());
}
