/** A sweep or a tornado as kept in `analysis.sweeps`, planned by its kind (sweep.ts, tornado.ts). */
import { planSweep, type Plan, type Planned } from './sweep.ts';
import { planTornado } from './tornado.ts';
import { sweepSpec, tornadoSpec } from './analysis-params.ts';
import { resolveParam, showValue, type ParamInfo } from './sweep-params.ts';
import { DEC_DP, DEC_ONE, parseDecimal, roundDecimal } from './decimal.ts';
import { DEFAULT_OUTPUTS, DEFAULT_TORNADO_OUTPUT } from './sweep-outputs.ts';
import type { Scenario, SweepAnalysis, SweepAxis, TornadoAnalysis } from '../format/types.ts';

export type PlanSpec = SweepAnalysis | TornadoAnalysis;

export function planOf(s: Scenario, spec: PlanSpec, at = ''): Planned<Plan> {
  return spec.kind === 'tornado' ? planTornado(s, tornadoSpec(spec), at) : planSweep(s, sweepSpec(spec), at);
}

/** The sweep offered when the file keeps none: the adjustment fund rate from 0 to 6% by 0.5 points. */
export function defaultSweep(): SweepAnalysis {
  return { kind: 'sweep', param: { path: 'fund.adjustmentFundRate', from: '0', to: '0.06', step: '0.005' }, outputs: [...DEFAULT_OUTPUTS] };
}

/** Parameters a tornado moves by default, those of them the scenario sets. */
const TORNADO_CANDIDATES = [
  'fund.adjustmentFundRate', 'fund.riskReserveRate', 'policy.deposit.rates.hospital', 'policy.deposit.rates.primary',
  'policy.surplus.tiers[0].share', 'policy.surplus.cap', 'policy.overspend.tiers[0].share', 'policy.overspend.reasonableShare',
  'policy.growth.region', 'fund.revenue', 'fund.budget',
];

/** The tornado offered when the file keeps none: ±10% on the scenario's main rates, ranked by the closing balance. */
export function defaultTornado(s: Scenario): TornadoAnalysis {
  const params = TORNADO_CANDIDATES.filter((p) => { const r = resolveParam(s, p); return r.ok && r.param.current !== null && r.param.current !== '0'; });
  return { kind: 'tornado', params: params.length ? params : ['fund.adjustmentFundRate'], change: '0.1', output: DEFAULT_TORNADO_OUTPUT };
}

/**
 * A range offered for a parameter just picked: its value ± 50% in eleven steps of 10% of it
 * (at its precision; below its minimum cut off), the value itself on the grid; a parameter at 0
 * gets 0 … 10 steps of one percentage point (an amount: 0 … 1,000,000 by 100,000).
 */
export function axisAround(p: ParamInfo): SweepAxis {
  const cur = p.current === null ? 0n : parseDecimal(p.current)!;
  const unit = 10n ** BigInt(DEC_DP - p.dp);
  let step = roundDecimal((cur < 0n ? -cur : cur) / 10n, p.dp);
  if (step === 0n) step = p.kind === 'amount' ? 100_000n * DEC_ONE : p.dp === 0 ? DEC_ONE : DEC_ONE / 100n;
  if (step < unit) step = unit;
  const min = p.min === null ? null : parseDecimal(p.min)!;
  let below = 5n;
  if (min !== null) {
    const room = (cur - min) / step - (p.minOpen && (cur - min) % step === 0n ? 1n : 0n);
    if (room < below) below = room < 0n ? 0n : room;
  }
  const from = cur - below * step;
  const to = cur + 5n * step;
  const show = (x: bigint) => showValue(p.kind, x);
  return { path: p.path, from: show(from), to: show(p.max !== null && to > parseDecimal(p.max)! ? parseDecimal(p.max)! : to), step: show(step) };
}
