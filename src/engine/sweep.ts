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
import { ScenarioError, type Issue } from '../format/issues.ts';
import { formatMoney, MoneyError } from './money.ts';
import { YEAR_FIELDS, type YearField } from './settle.ts';
import { DEC_ONE, formatDecimal, formatFixed, mulDecimal, parseDecimal, roundDecimal } from './decimal.ts';
import { checkValue, resolveParam, setAt, showValue, writtenValue, type ParamInfo, type Seg } from './sweep-params.ts';
import type { FundResult } from './result.ts';
import type { HospitalModel } from './model.ts';
import type { Scenario, SweepAxis } from '../format/types.ts';

export const MAX_VALUES = 50;
export const MAX_TORNADO_PARAMS = 50;
export const DEFAULT_OUTPUTS = ['closingBalance', 'adjustmentFundUsed', 'monthsOfCoverage', 'hospitalsOwed'] as const;
export const DEFAULT_TORNADO_OUTPUT = 'closingBalance';

/** How an output is shown: amounts (2 decimals), ratios and months (4 decimals). */
export type OutputKind = 'amount' | 'ratio' | 'months';

/** Fund figures a sweep can report (scalar fields of the result's fund). */
export const FUND_OUTPUTS: Readonly<Record<string, OutputKind>> = {
  closingBalance: 'amount', adjustmentFundUsed: 'amount', monthsOfCoverage: 'months', hospitalsOwed: 'amount',
  currentSurplusRate: 'ratio', cumulativeSurplusRate: 'ratio', expenditure: 'amount', globalTarget: 'amount',
  adjustmentFund: 'amount', allocatable: 'amount', fundSharesClaimed: 'amount', adjustmentFundTopUp: 'amount',
  adjustmentFundUnused: 'amount', retainedFromTargets: 'amount', totalTargets: 'amount', totalDeposit: 'amount',
  totalPaid: 'amount', totalDeferred: 'amount', totalBalance: 'amount', totalAdvance: 'amount', volumeCuts: 'amount',
  riskReserve: 'amount', carveOuts: 'amount', base: 'amount', revenue: 'amount', openingBalance: 'amount',
};

/** An output: a fund figure, or one institution's figure (`T01.owed`). */
export type OutputRef =
  | { name: string; kind: OutputKind; fund: keyof FundResult }
  | { name: string; kind: 'amount'; hospital: number; id: string; field: YearField };

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

export interface TornadoSpec {
  params: readonly string[];
  change: string;
  output?: string;
}

/** Parse output names against the scenario; problems are named `outputs[k]` (under `at`). */
export function resolveOutputs(s: Scenario, names: readonly string[], at: string): { outputs: OutputRef[]; issues: Issue[] } {
  const outputs: OutputRef[] = [];
  const issues: Issue[] = [];
  let ids: Map<string, number> | null = null;
  names.forEach((name, k) => {
    const kind = FUND_OUTPUTS[name];
    if (kind !== undefined) { outputs.push({ name, kind, fund: name as keyof FundResult }); return; }
    const dot = name.lastIndexOf('.');
    let id = dot > 0 ? name.slice(0, dot) : '';
    const field = dot > 0 ? name.slice(dot + 1) : name;
    const m = /^hospitals\[id=(.+)\]$/.exec(id);
    if (m) id = m[1]!;
    ids ??= new Map(s.hospitals.map((h, i) => [h.id, i] as const).reverse());
    const i = ids.get(id);
    if (i !== undefined && (YEAR_FIELDS as readonly string[]).includes(field)) {
      outputs.push({ name, kind: 'amount', hospital: i, id, field: field as YearField });
    } else {
      issues.push({
        path: `${at}[${k}]`,
        message: i === undefined && dot > 0
          ? `no institution with id "${id}" (an institution's output is written ID.field, e.g. ${s.hospitals[0]!.id}.owed)`
          : i !== undefined
            ? `unknown institution figure "${field}"; one of ${YEAR_FIELDS.join(', ')}`
            : `unknown output "${name}"; a fund figure (${Object.keys(FUND_OUTPUTS).join(', ')}) or ID.field of an institution`,
      });
    }
  });
  return { outputs, issues };
}

/** The values of one axis, from `from` towards `to` by `step`, exactly. Problems under `at`. */
export function axisValues(s: Scenario, axis: SweepAxis, at: string): { ok: true; axis: Axis } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const r = resolveParam(s, axis.path);
  if (!r.ok) issues.push({ path: `${at}.path`, message: r.message });
  const num = (field: 'from' | 'to' | 'step') => {
    const x = parseDecimal(axis[field]);
    if (x === null) issues.push({ path: `${at}.${field}`, message: 'must be a decimal number with at most 12 decimals' });
    return x;
  };
  const from = num('from');
  const to = num('to');
  const step = num('step');
  if (step !== null && step <= 0n) issues.push({ path: `${at}.step`, message: 'must be greater than 0' });
  if (!r.ok || from === null || to === null || step === null || step <= 0n) return { ok: false, issues };
  const p = r.param;
  if (p.dp < 12) {
    for (const f of ['from', 'step'] as const) {
      if (roundDecimal(parseDecimal(axis[f])!, p.dp) !== parseDecimal(axis[f])) {
        issues.push({ path: `${at}.${f}`, message: p.dp === 0 ? `${p.path} is a whole number: ${f} must be whole` : `${p.path} is an amount: ${f} must have at most ${p.dp} decimals` });
      }
    }
  }
  const span = to >= from ? to - from : from - to;
  const n = span / step + 1n;
  if (n > BigInt(MAX_VALUES)) issues.push({ path: `${at}.step`, message: `the range gives ${n} values; at most ${MAX_VALUES}` });
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
  if (a1.ok && a2?.ok && a1.axis.param.path === a2.axis.param.path) issues.push({ path: `${pre}param2.path`, message: 'must be another parameter than param' });
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

/** Plan a tornado: each parameter at value × (1 − x) and × (1 + x), rounded to its precision. */
export function planTornado(s: Scenario, spec: TornadoSpec, at = ''): Planned<TornadoPlan> {
  const pre = at ? `${at}.` : '';
  const issues: Issue[] = [];
  const x = parseDecimal(spec.change);
  if (x === null || x <= 0n || x > DEC_ONE) issues.push({ path: `${pre}change`, message: 'must be a share greater than 0 and at most 1 (0.1 = ±10%)' });
  if (spec.params.length === 0) issues.push({ path: `${pre}params`, message: 'must name at least one parameter' });
  if (spec.params.length > MAX_TORNADO_PARAMS) issues.push({ path: `${pre}params`, message: `must name at most ${MAX_TORNADO_PARAMS} parameters` });
  const o = resolveOutputs(s, [spec.output ?? DEFAULT_TORNADO_OUTPUT], `${pre}output`);
  for (const i of o.issues) issues.push({ ...i, path: `${pre}output` });
  const params: TornadoPlan['params'] = [];
  const seen = new Set<string>();
  spec.params.forEach((path, k) => {
    const r = resolveParam(s, path);
    if (!r.ok) { issues.push({ path: `${pre}params[${k}]`, message: r.message }); return; }
    if (seen.has(r.param.path)) { issues.push({ path: `${pre}params[${k}]`, message: `${r.param.path} is listed twice` }); return; }
    seen.add(r.param.path);
    const cur = r.param.current === null ? null : parseDecimal(r.param.current)!;
    if (cur === null || x === null) { params.push({ param: r.param, low: null, high: null, issue: cur === null ? 'not set in this scenario: nothing to move by ±x' : null }); return; }
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
    if (why) issues.push({ path: a.param.path, message: `${why} (it would be ${a.value})` });
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
    if (e instanceof MoneyError) return { values: null, issues: [{ path: '', message: e.message }] };
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
    const spread = (outLow === null && outHigh === null) || xs.length === 0 ? null : formatFixed(xs.reduce((a, b) => (a > b ? a : b)) - xs.reduce((a, b) => (a < b ? a : b)), dp);
    const at = (side: string | null, o: PointOutcome | null) => (o?.issues ?? []).map((i) => ({ path: i.path, message: `at ${side}: ${i.message}` }));
    const issues = [...(p.issue ? [{ path: p.param.path, message: p.issue }] : []), ...at(p.low, lo), ...at(p.high, hi)];
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

/** A whole tornado in this thread. */
export function runTornado(s: Scenario, spec: TornadoSpec): { ok: true; result: TornadoResult } | { ok: false; issues: Issue[] } {
  const p = planTornado(s, spec);
  if (!p.ok) return p;
  return { ok: true, result: assembleTornado(p.plan, evaluatePoints(s, p.plan, p.plan.points.map((_, i) => i))) };
}
