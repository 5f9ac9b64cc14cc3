/**
 * Sweeps and tornados (DESIGN §9). A sweep runs the scenario once per value of a parameter
 * (≤ 50 values) or per cell of a grid of two (≤ 50 × 50); a tornado moves several parameters
 * one at a time to value × (1 ± x) and ranks them by the spread of one output. Every point is
 * an exact run (compile + settle). A point whose scenario is invalid (pool shares no longer
 * adding up, a share above 1, …) comes back with its issues instead of values.
 *
 * Work is split in three pure steps so that any number of workers gives the same result:
 * plan (values and points, checked) → evaluatePoints (any subset of point indices, anywhere) →
 * assemble (by index).
 */
import { compile, changeKeepsInstitutions } from './compile.ts';
import { settle, fundResult } from './run.ts';
import { ScenarioError, issueOf, type Issue } from '../format/issues.ts';
import { msg, reasonParams } from '../format/messages.ts';
import { formatMoney, MoneyError } from './money.ts';
import { parseDecimal, roundDecimal } from './decimal.ts';
import { checkValue, resolveParam, setAt, showValue, writtenValue, type ParamInfo, type Seg } from './sweep-params.ts';
import { DEFAULT_OUTPUTS, resolveOutputs, type OutputKind, type OutputRef } from './sweep-outputs.ts';
import type { FundResult } from './result.ts';
import type { HospitalModel } from './model.ts';
import type { Scenario, SweepAxis } from '../format/types.ts';

export const MAX_VALUES = 50;

/** One change of a point: the parameter and its exact value. */
export interface Assignment {
  param: ParamInfo;
  value: string;
}

/** The outputs of one point (decimal strings; null where a ratio has no denominator), or its issues. */
export interface PointOutcome {
  values: (string | null)[] | null;
  issues: Issue[];
}

export interface Axis {
  param: ParamInfo;
  values: string[];
  /** Index of the value equal to the scenario's, or null when it is not on the grid. */
  currentIndex: number | null;
}

export interface SweepPlan {
  kind: 'sweep';
  axes: Axis[];
  outputs: OutputRef[];
  /** Point 0 is the plain run; then the grid, row-major (index 1 + i·n2 + j). */
  points: Assignment[][];
}

/** A tornado's plan (src/engine/tornado.ts builds it); here so that sweep.ts imports nothing of tornado.ts. */
export interface TornadoPlan {
  kind: 'tornado';
  /** The relative change x, as a decimal string. */
  change: string;
  params: { param: ParamInfo; low: string | null; high: string | null; issue: string | null }[];
  output: OutputRef;
  /** Point 0 is the plain run; then for parameter k: 1 + 2k (low), 2 + 2k (high). */
  points: Assignment[][];
}

export type Plan = SweepPlan | TornadoPlan;
export type Planned<P> = { ok: true; plan: P } | { ok: false; issues: Issue[] };

export interface SweepSpec {
  param: SweepAxis;
  param2?: SweepAxis;
  outputs?: readonly string[];
}

/** The values of one axis, from `from` towards `to` by `step`, exactly. Problems under `at`. */
export function axisValues(s: Scenario, axis: SweepAxis, at: string): { ok: true; axis: Axis } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const r = resolveParam(s, axis.path);
  if (!r.ok) issues.push({ ...r.issue, path: `${at}.path` });
  const num = (field: 'from' | 'to' | 'step') => {
    const x = parseDecimal(axis[field]);
    if (x === null) issues.push(issueOf(`${at}.${field}`, 'decimalDp'));
    return x;
  };
  const from = num('from');
  const to = num('to');
  const step = num('step');
  if (step !== null && step <= 0n) issues.push(issueOf(`${at}.step`, 'greaterThan0'));
  if (!r.ok || from === null || to === null || step === null || step <= 0n) return { ok: false, issues };
  const p = r.param;
  if (p.dp < 12) {
    for (const f of ['from', 'step'] as const) {
      if (roundDecimal(parseDecimal(axis[f])!, p.dp) !== parseDecimal(axis[f])) {
        issues.push(p.dp === 0 ? issueOf(`${at}.${f}`, 'sweepWhole', { param: p.path, field: f }) : issueOf(`${at}.${f}`, 'sweepAmountDp',
          { param: p.path, field: f, dp: p.dp }));
      }
    }
  }
  const span = to >= from ? to - from : from - to;
  const n = span / step + 1n;
  if (n > BigInt(MAX_VALUES)) issues.push(issueOf(`${at}.step`, 'sweepTooMany', { n: String(n), max: MAX_VALUES }));
  if (issues.length) return { ok: false, issues };
  const dir = to >= from ? 1n : -1n;
  const xs: bigint[] = [];
  for (let k = 0n; k < n; k++) xs.push(from + dir * k * step);
  const cur = p.current === null ? null : parseDecimal(p.current);
  const ci = cur === null ? -1 : xs.findIndex((x) => x === cur);
  return { ok: true, axis: { param: p, values: xs.map((v) => showValue(p.kind, v)), currentIndex: ci < 0 ? null : ci } };
}

/** Plan a sweep of one parameter or a grid of two. Problems are named under `at` (e.g. "analysis.sweeps[0]"). */
export function planSweep(s: Scenario, spec: SweepSpec, at = ''): Planned<SweepPlan> {
  const pre = at ? `${at}.` : '';
  const issues: Issue[] = [];
  const a1 = axisValues(s, spec.param, `${pre}param`);
  const a2 = spec.param2 ? axisValues(s, spec.param2, `${pre}param2`) : null;
  const o = resolveOutputs(s, spec.outputs ?? DEFAULT_OUTPUTS, `${pre}outputs`);
  if (!a1.ok) issues.push(...a1.issues);
  if (a2 && !a2.ok) issues.push(...a2.issues);
  issues.push(...o.issues);
  if (a1.ok && a2?.ok && a1.axis.param.path === a2.axis.param.path) issues.push(issueOf(`${pre}param2.path`, 'sweepSameParam'));
  if (!a1.ok || (a2 && !a2.ok) || issues.length) return { ok: false, issues };
  const axes = a2?.ok ? [a1.axis, a2.axis] : [a1.axis];
  const points: Assignment[][] = [[]];
  const [x, y] = axes;
  for (const v of x!.values) {
    if (!y) points.push([{ param: x!.param, value: v }]);
    else for (const w of y.values) points.push([{ param: x!.param, value: v }, { param: y.param, value: w }]);
  }
  return { ok: true, plan: { kind: 'sweep', axes, outputs: o.outputs, points } };
}


/**
 * Run the points at `indices` of a plan (what one worker does). Institutions are compiled once
 * and reused wherever the changed parameters leave them as they were.
 */
export function evaluatePoints(s: Scenario, plan: Plan, indices: readonly number[], onPoint?: (done: number) => void): PointOutcome[] {
  const outputs = plan.kind === 'sweep' ? plan.outputs : [plan.output];
  let base: readonly HospitalModel[] | undefined;
  const baseInstitutions = () => (base ??= compile(s).hospitals);
  return indices.map((i, k) => {
    const sets = plan.points[i];
    if (!sets) throw new RangeError(`no point ${i} in the plan`);
    const reusable = sets.length > 0 && sets.every((a) => changeKeepsInstitutions(a.param.segments));
    const o = evaluatePoint(s, sets, outputs, reusable ? baseInstitutions : undefined);
    onPoint?.(k + 1);
    return o;
  });
}

/** One exact run of the scenario with the assignments made. */
export function evaluatePoint(s: Scenario, sets: readonly Assignment[], outputs: readonly OutputRef[], reuse?: () => readonly HospitalModel[]): PointOutcome {
  const issues: Issue[] = [];
  let doc = s;
  for (const a of sets) {
    const x = parseDecimal(a.value)!;
    const why = checkValue(a.param, x);
    if (why) issues.push(issueOf(a.param.path, 'sweepValueBad', { ...reasonParams(why.code, why.params), value: a.value, reason: msg(why.code, why.params) }));
    else doc = setAt(doc, a.param.segments as Seg[], writtenValue(a.param, x));
  }
  if (issues.length) return { values: null, issues };
  try {
    const model = compile(doc, reuse?.());
    const st = settle(model);
    let fund: FundResult | null = null;
    const values = outputs.map((o) => {
      if ('fund' in o) return (fund ??= fundResult(model, st))[o.fund] as string | null;
      return formatMoney(st.year[o.field][o.hospital]!);
    });
    return { values, issues };
  } catch (e) {
    if (e instanceof ScenarioError) return { values: null, issues: e.issues };
    if (e instanceof MoneyError) return { values: null, issues: [issueOf('', 'notExact', { detail: e.message })] };
    throw e;
  }
}

export interface SweepResult {
  kind: 'sweep';
  axes: Axis[];
  outputs: { name: string; kind: OutputKind }[];
  /** The plain run (the scenario as it is). */
  base: PointOutcome;
  /** One axis: points[i]; two: points[i][j] flattened row-major as points[i · n2 + j]. */
  points: PointOutcome[];
}

export function assembleSweep(plan: SweepPlan, outcomes: readonly PointOutcome[]): SweepResult {
  if (outcomes.length !== plan.points.length) throw new RangeError('one outcome per point is needed');
  return {
    kind: 'sweep',
    axes: plan.axes,
    outputs: plan.outputs.map((o) => ({ name: o.name, kind: o.kind })),
    base: outcomes[0]!,
    points: outcomes.slice(1),
  };
}


/** Every point index of a plan, split into `parts` contiguous, balanced slices. */
export function splitPoints(plan: Plan, parts: number): number[][] {
  const n = plan.points.length;
  const k = Math.max(1, Math.min(parts, n));
  const out: number[][] = [];
  for (let w = 0; w < k; w++) {
    const lo = Math.floor((w * n) / k);
    const hi = Math.floor(((w + 1) * n) / k);
    out.push(Array.from({ length: hi - lo }, (_, j) => lo + j));
  }
  return out;
}

/** A whole sweep in this thread. */
export function runSweep(s: Scenario, spec: SweepSpec): { ok: true; result: SweepResult } | { ok: false; issues: Issue[] } {
  const p = planSweep(s, spec);
  if (!p.ok) return p;
  return { ok: true, result: assembleSweep(p.plan, evaluatePoints(s, p.plan, p.plan.points.map((_, i) => i))) };
}

