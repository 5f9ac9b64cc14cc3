/**
 * Figures of issue 12 (several years, sweeps), printed as `bench: <name> <value> <unit>`:
 * - sweep-50-city: a 50-value sweep of the city's hospital deposit rate (51 exact runs with the
 *   plain one) as `gbsim sweep` runs it (plan, points, assembly; 'auto' keeps it in this thread);
 * - sweep-50-city-2-workers-warm: the same on a started pool of 2 worker_threads;
 *   sweep-worker-start-2: the first pass on that pool, starting its workers included;
 * - years-10x3000: 10 years of the 3,000-institution synthetic city (base rule actual, budget
 *   and revenue +3% a year), each year compiled and settled exactly.
 * Medians of several runs after warm-up; the machine is shared, so figures are noisy.
 */
import { readFileSync } from 'node:fs';
import { synthCity } from './synth.ts';
import { printFigure } from './print.ts';
import { loadScenario, validateScenario } from '../src/scenario/open.ts';
import { assembleSweep, planSweep } from '../src/engine/sweep.ts';
import { runYears } from '../src/engine/years.ts';
import { SweepPool, autoWorkers, evaluateAll, setWorkerEntry } from '../src/cli/sweep-pool.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function time(runs: number, warmup: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < warmup; i++) await f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export async function benchYears(): Promise<void> {
  setWorkerEntry(new URL('../bin/sweep-worker.mjs', import.meta.url));
  const loaded = loadScenario(readFileSync(new URL('../scenarios/city.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('scenarios/city.json is invalid');
  const city = loaded.scenario;
  const spec = { param: { path: 'policy.deposit.rates.hospital', from: '0.01', to: '0.5', step: '0.01' } };
  const sweep = async (run: (p: Parameters<typeof assembleSweep>[0]) => Promise<Parameters<typeof assembleSweep>[1]>) => {
    const p = planSweep(city, spec);
    if (!p.ok || p.plan.axes[0]!.values.length !== 50) throw new Error('the bench sweep should have 50 values');
    return assembleSweep(p.plan, await run(p.plan));
  };
  printFigure('sweep-50-city', await time(9, 2, () => sweep((plan) => evaluateAll(city, plan, autoWorkers(plan, city.hospitals.length)))), 'ms');

  const pool = new SweepPool(2);
  try {
    const t0 = performance.now();
    await sweep((plan) => pool.evaluate(city, plan));
    printFigure('sweep-worker-start-2', performance.now() - t0, 'ms');
    printFigure('sweep-50-city-2-workers-warm', await time(5, 1, () => sweep((plan) => pool.evaluate(city, plan))), 'ms');
  } finally {
    await pool.close();
  }

  const v = validateScenario(JSON.parse(JSON.stringify(synthCity(3000, 42))));
  if (!v.ok) throw new Error('synthetic city invalid');
  const s = v.scenario;
  const params = { years: 10, baseRule: 'actual' as const, budgetGrowth: '0.03', revenueGrowth: '0.03' };
  const check = runYears(s, params);
  if (check.stopped || check.years.length !== 10) throw new Error('the 10-year run of the synthetic city stopped early');
  printFigure('years-10x3000', await time(5, 1, () => runYears(s, params)), 'ms');
}
