/**
 * The analysis worker: hosts multi-year runs and the points of sweeps and tornados (DESIGN §8,
 * §9); the page's side is src/app/runs/years.ts and src/app/runs/sweep-pool.ts. Exact engine
 * calls only — one line each.
 */
import '../src/format/csp.ts';
import { expose } from 'comlink';
import { yearsOutcome } from '../src/engine/years-outcome.ts';
import { planOf, type PlanSpec } from '../src/engine/sweep-plan.ts';
import { evaluatePoints, type Plan } from '../src/engine/sweep.ts';
import type { Scenario } from '../src/format/types.ts';

const api = {
  /** Each scenario's years, under its own `analysis.years`. */
  years: (scenarios: Scenario[]) => scenarios.map((s) => yearsOutcome(s)),
  /** A sweep's or a tornado's plan (its values and points), or its problems by field. */
  plan: (s: Scenario, spec: PlanSpec) => planOf(s, spec),
  /** The points at `indices` of a plan; progress after each point. */
  evaluate: (s: Scenario, plan: Plan, indices: number[], progress?: (done: number) => void) => evaluatePoints(s, plan, indices, progress),
};

export type AnalysisApi = typeof api;
expose(api);
