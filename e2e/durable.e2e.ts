/**
 * Durable by construction (issue 8): an edit followed by closing the page or reloading it 0, 100,
 * 300 or 500 ms later (the delays at which the old autosave lost it), or by killing the browser
 * process that long after the page says it is saved, is there when the page is opened again.
 * Each timing class is tried once here, plus closes and reloads after a few random delays; the
 * 60-trial lost-edit count (6 delays × 9 rounds of closed pages + 6 killed browsers) is a figure
 * of `npm run bench` (bench/durable.ts), as the other big figures are.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { lost, startTrials, type Trials } from './durable-trials.ts';

const DELAYS = [0, 100, 300, 500];

describe('durable by construction', () => {
  const url = inject('baseUrl');
  let trials: Trials | null = null;
  afterAll(async () => { await trials?.stop(); });

  it('an edit is kept whenever the page is closed or reloaded, or the browser killed, after it', async () => {
    const t0 = Date.now();
    const t = trials = await startTrials(url);
    // The first edit is typed into the policy tab's field and committed with Enter, as a user does.
    for (const [i, ms] of DELAYS.entries()) await t.run('close', ms, { typed: i === 0 });
    for (const ms of DELAYS) await t.run('reload', ms);
    // A few delays no one chose, between and around those above (fast-check prints the seed of a failure).
    await fc.assert(fc.asyncProperty(fc.constantFrom('close', 'reload') as fc.Arbitrary<'close' | 'reload'>, fc.integer({ min: 0, max: 800 }),
      async (way, ms) => { expect((await t.run(way, ms)).kept, `${way} after ${ms} ms`).toBe(true); }), { numRuns: 3, endOnFailure: true });
    for (const ms of [0, 300]) await t.run('kill', ms);
    const n = (w: string) => t.done.filter((x) => x.way === w).length;
    console.log(`durable: ${t.done.length} trials (${n('close')} closed pages, ${n('reload')} reloads, ${n('kill')} killed browsers), `
      + `lost edits: ${lost(t.done).length} (${((Date.now() - t0) / 1000).toFixed(0)} s; said saved ${Math.max(...t.savedMs)} ms or less after the edit)`);
    expect(lost(t.done)).toEqual([]);
    // Every timing class was tried.
    for (const way of ['close', 'reload'] as const) expect(t.done.filter((x) => x.way === way).map((x) => x.ms)).toEqual(expect.arrayContaining(DELAYS));
    expect(n('kill')).toBe(2);
  }, 300_000);
});
