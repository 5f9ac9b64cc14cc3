/** A sweep or a tornado as kept in `analysis.sweeps`, planned by its kind (sweep.ts, tornado.ts). */
import { planSweep, type Plan, type Planned } from './sweep.ts';
import { planTornado } from './tornado.ts';
import { sweepSpec, tornadoSpec } from './analysis-params.ts';
import type { Scenario, SweepAnalysis, TornadoAnalysis } from '../format/types.ts';

export type PlanSpec = SweepAnalysis | TornadoAnalysis;

export function planOf(s: Scenario, spec: PlanSpec, at = ''): Planned<Plan> {
  return spec.kind === 'tornado' ? planTornado(s, tornadoSpec(spec), at) : planSweep(s, sweepSpec(spec), at);
}
