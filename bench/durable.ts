/**
 * The durability figure of issue 8 for `npm run bench`: lost edits over 60 trials (an edit, then
 * the page closed 0, 20, 50, 100, 300 or 500 ms later, 9 rounds; and the browser killed that long
 * after the page says saved, once per delay). The figure must be 0. e2e/durable.e2e.ts tries each
 * timing class once in the test command; this is the count. Serves dist/ as built by the caller.
 * DURABLE_ROUNDS=3 fewer rounds of closed pages.
 */
import { serve } from '../e2e/serve.ts';
import { lost, startTrials } from '../e2e/durable-trials.ts';
import type { BenchFigure } from './browser.ts';

const DELAYS = [0, 20, 50, 100, 300, 500];
const ROUNDS = Number(process.env.DURABLE_ROUNDS ?? 9);

export async function durableBench(): Promise<BenchFigure[]> {
  const server = await serve();
  const trials = await startTrials(server.url);
  try {
    const t0 = Date.now();
    for (let round = 0; round < ROUNDS; round++) for (const ms of DELAYS) await trials.run('close', ms, { typed: round === 0 });
    for (const ms of DELAYS) await trials.run('kill', ms);
    const misses = lost(trials.done);
    for (const m of misses) console.log(`bench: durable lost an edit: ${m}`);
    return [
      { name: 'durable-trials', value: trials.done.length, unit: '' },
      { name: 'durable-lost-edits', value: misses.length, unit: '' },
      { name: 'durable-said-saved-max', value: Math.max(...trials.savedMs), unit: 'ms' },
      { name: 'durable-seconds', value: (Date.now() - t0) / 1000, unit: 's' },
    ];
  } finally {
    await trials.stop();
    await server.close();
  }
}
