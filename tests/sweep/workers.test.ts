/**
 * Sweeps on worker_threads: the same outcomes in this thread, on one worker and on two (the
 * points split differently), progress reported up to the total, and cancelling stops it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/open.ts';
import { planSweep, assembleSweep, type PointOutcome } from '../../src/engine/sweep.ts';
import { planTornado, assembleTornado } from '../../src/engine/tornado.ts';
import { SweepPool, evaluateAll, setWorkerEntry } from '../../src/cli/sweep-pool.ts';
import type { Scenario } from '../../src/format/types.ts';

function load(path: string): Scenario {
  const r = loadScenario(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r.scenario;
}
const city = load('scenarios/city.json');
setWorkerEntry(new URL('../../bin/sweep-worker.mjs', import.meta.url));

// Starting a worker loads the engine through tsx: seconds on a busy machine, hence the long timeout.
describe('sweep workers', { timeout: 240_000 }, () => {
  it('give the same result in this thread, on 1 worker and on 2', async () => {
    const p = planSweep(city, { param: { path: 'fund.adjustmentFundRate', from: '0.01', to: '0.05', step: '0.01' }, param2: { path: 'policy.pools[0].share', from: '0.81', to: '0.83', step: '0.01' }, outputs: ['closingBalance', 'T01.owed'] });
    const t = planTornado(city, { params: ['fund.budget', 'policy.deposit.rates.primary', 'policy.pools[1].share'], change: '0.2', output: 'adjustmentFundUsed' });
    if (!p.ok || !t.ok) throw new Error('plan refused');
    const inline = await evaluateAll(city, p.plan, 0);
    const pool = new SweepPool(2);
    const progress: number[] = [];
    try {
      const two = await pool.evaluate(city, p.plan, (done, total) => { progress.push(done); expect(total).toBe(p.plan.points.length); });
      expect(assembleSweep(p.plan, two)).toEqual(assembleSweep(p.plan, inline));
      // The same pool serves the next plan.
      const tornado = await pool.evaluate(city, t.plan);
      expect(assembleTornado(t.plan, tornado)).toEqual(assembleTornado(t.plan, await evaluateAll(city, t.plan, 0)));
    } finally {
      await pool.close();
    }
    expect(progress[progress.length - 1]).toBe(p.plan.points.length);
    const one: PointOutcome[] = await evaluateAll(city, p.plan, 1);
    expect(one).toEqual(inline);
    expect(inline.filter((o) => o.values === null).length).toBeGreaterThan(0); // invalid points cross the thread boundary too
  });

  it('cancelling stops the workers and rejects', async () => {
    const p = planSweep(city, { param: { path: 'fund.budget', from: '3000000000', to: '3490000000', step: '10000000' } });
    if (!p.ok) throw new Error('plan refused');
    const ac = new AbortController();
    const run = evaluateAll(city, p.plan, 1, undefined, ac.signal);
    ac.abort();
    await expect(run).rejects.toThrow(/cancelled/);
  });
});
