/**
 * A tornado (DESIGN §9): several parameters moved one at a time to value × (1 − x) and
 * value × (1 + x), rounded half-up to each parameter's precision, and ranked by the spread of
 * one output. Its points are evaluated like a sweep's (sweep.ts), in any split over workers.
 */
import { DEC_ONE, formatDecimal, formatFixed, mulDecimal, parseDecimal } from './decimal.ts';
import { resolveParam, showValue, type ParamInfo } from './sweep-params.ts';
import { DEFAULT_TORNADO_OUTPUT, resolveOutputs, type OutputKind, type OutputRef } from './sweep-outputs.ts';
import { evaluatePoints, type Assignment, type PointOutcome, type Planned, type TornadoPlan } from './sweep.ts';
import { issueOf, type Issue } from '../format/issues.ts';
import { isMsgCode } from '../format/messages.ts';
import type { Scenario } from '../format/types.ts';

export const MAX_TORNADO_PARAMS = 50;

export interface TornadoSpec {
  params: readonly string[];
  change: string;
  output?: string;
}

/** Plan a tornado: each parameter at value × (1 − x) and × (1 + x), rounded to its precision. */
export function planTornado(s: Scenario, spec: TornadoSpec, at = ''): Planned<TornadoPlan> {
  const pre = at ? `${at}.` : '';
  const issues: Issue[] = [];
  const x = parseDecimal(spec.change);
  if (x === null || x <= 0n || x > DEC_ONE) issues.push(issueOf(`${pre}change`, 'tornadoChange'));
  if (spec.params.length === 0) issues.push(issueOf(`${pre}params`, 'tornadoNoParams'));
  if (spec.params.length > MAX_TORNADO_PARAMS) issues.push(issueOf(`${pre}params`, 'tornadoTooMany', { max: MAX_TORNADO_PARAMS }));
  const o = resolveOutputs(s, [spec.output ?? DEFAULT_TORNADO_OUTPUT], `${pre}output`);
  for (const i of o.issues) issues.push({ ...i, path: `${pre}output` });
  const params: TornadoPlan['params'] = [];
  const seen = new Set<string>();
  spec.params.forEach((path, k) => {
    const r = resolveParam(s, path);
    if (!r.ok) { issues.push({ ...r.issue, path: `${pre}params[${k}]` }); return; }
    if (seen.has(r.param.path)) { issues.push(issueOf(`${pre}params[${k}]`, 'listedTwice', { param: r.param.path })); return; }
    seen.add(r.param.path);
    const cur = r.param.current === null ? null : parseDecimal(r.param.current)!;
    if (cur === null || x === null) { params.push({ param: r.param, low: null, high: null,
      issue: cur === null ? 'not set in this scenario: nothing to move by ±x' : null }); return; }
    const at1 = (sign: 1n | -1n) => showValue(r.param.kind, mulDecimal(cur, DEC_ONE + sign * x, r.param.dp));
    params.push({ param: r.param, low: at1(-1n), high: at1(1n), issue: null });
  });
  if (issues.length) return { ok: false, issues };
  const points: Assignment[][] = [[]];
  for (const p of params) {
    points.push(p.low === null ? [] : [{ param: p.param, value: p.low }]);
    points.push(p.high === null ? [] : [{ param: p.param, value: p.high }]);
  }
  return { ok: true, plan: { kind: 'tornado', change: formatDecimal(x!), params, output: o.outputs[0]!, points } };
}

export interface TornadoEntry {
  param: ParamInfo;
  low: string | null;
  high: string | null;
  outLow: string | null;
  outHigh: string | null;
  /** max − min of the output over the valid points among low, current and high; null when neither side could be run. */
  spread: string | null;
  issues: Issue[];
}

export interface TornadoResult {
  kind: 'tornado';
  change: string;
  output: { name: string; kind: OutputKind };
  base: PointOutcome;
  /** Largest spread first; ties (and parameters without a spread, last) in the order given. */
  entries: TornadoEntry[];
}

/** A point's issue, said at the value it was met at ("at 0.09: …"), its own words kept inside. */
function atSide(i: Issue, side: string): Issue {
  const inner = i.code && isMsgCode(i.code) ? { ...i.params, atCode: i.code } : {};
  return issueOf(i.path, 'tornadoAt', { ...inner, side, atReason: i.message });
}

export function assembleTornado(plan: TornadoPlan, outcomes: readonly PointOutcome[]): TornadoResult {
  if (outcomes.length !== plan.points.length) throw new RangeError('one outcome per point is needed');
  const dp = plan.output.kind === 'amount' ? 2 : 4;
  const base = outcomes[0]!;
  const baseValue = base.values?.[0] ?? null;
  const entries = plan.params.map((p, k): TornadoEntry => {
    const lo = p.low === null ? null : outcomes[1 + 2 * k]!;
    const hi = p.high === null ? null : outcomes[2 + 2 * k]!;
    const outLow = lo?.values?.[0] ?? null;
    const outHigh = hi?.values?.[0] ?? null;
    const xs = [outLow, baseValue, outHigh].filter((v): v is string => v !== null).map((v) => parseDecimal(v)!);
    const spread = (outLow === null && outHigh === null) || xs.length === 0 ? null :
      formatFixed(xs.reduce((a, b) => (a > b ? a : b)) - xs.reduce((a, b) => (a < b ? a : b)), dp);
    const at = (side: string | null, o: PointOutcome | null) => (o?.issues ?? []).map((i) => atSide(i, side ?? ''));
    const issues = [...(p.issue ? [issueOf(p.param.path, 'tornadoNotSet')] : []), ...at(p.low, lo), ...at(p.high, hi)];
    return { param: p.param, low: p.low, high: p.high, outLow, outHigh, spread, issues };
  });
  const order = entries.map((_, k) => k).sort((a, b) => {
    const sa = entries[a]!.spread, sb = entries[b]!.spread;
    if (sa === null || sb === null) return sa === sb ? a - b : sa === null ? 1 : -1;
    const d = parseDecimal(sb)! - parseDecimal(sa)!;
    return d > 0n ? 1 : d < 0n ? -1 : a - b;
  });
  return { kind: 'tornado', change: plan.change, output: { name: plan.output.name, kind: plan.output.kind }, base, entries: order.map((k) => entries[k]!) };
}

/** A whole tornado in this thread. */
export function runTornado(s: Scenario, spec: TornadoSpec): { ok: true; result: TornadoResult } | { ok: false; issues: Issue[] } {
  const p = planTornado(s, spec);
  if (!p.ok) return p;
  return { ok: true, result: assembleTornado(p.plan, evaluatePoints(s, p.plan, p.plan.points.map((_, i) => i))) };
}
