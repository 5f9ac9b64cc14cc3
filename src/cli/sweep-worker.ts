/**
 * A worker thread of `gbsim sweep`: for each job it is sent, evaluates the given points of a
 * plan, posting progress now and then and the outcomes at the end. Outcomes are pure
 * functions of (scenario, plan, index), so any split over workers gives the same result.
 */
import { parentPort } from 'node:worker_threads';
import { evaluatePoints, type Plan, type PointOutcome } from '../engine/sweep.ts';
import type { Scenario } from '../format/types.ts';

export interface SweepJob {
  job: number;
  scenario: Scenario;
  plan: Plan;
  indices: number[];
}

export type SweepReply =
  | { job: number; progress: number }
  | { job: number; outcomes: PointOutcome[] }
  | { job: number; error: string };

const port = parentPort!;
port.on('message', (j: SweepJob) => {
  try {
    const every = Math.max(1, Math.ceil(j.indices.length / 20));
    const outcomes = evaluatePoints(j.scenario, j.plan, j.indices, (done) => {
      if (done % every === 0 && done < j.indices.length) port.postMessage({ job: j.job, progress: done } satisfies SweepReply);
    });
    port.postMessage({ job: j.job, outcomes } satisfies SweepReply);
  } catch (e) {
    port.postMessage({ job: j.job, error: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies SweepReply);
  }
});
