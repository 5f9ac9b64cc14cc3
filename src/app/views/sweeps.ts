/**
 * What the sweeps view shows (DESIGN §9): the sweep's and the tornado's specs as the scenario
 * file keeps them (or the ones offered, written into the file when run), checked as planned by
 * the engine (every problem by field, the number of exact runs), the parameters that can be
 * swept with their names, and the latest runs as text and plot values: a table with the
 * current value marked, a line per output (a heat map for two parameters), and the tornado's
 * ranked bars. The element only lays these out.
 */
import type { AppState, SweepKind, SweepRunState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { Path } from '../../format/path.ts';
import type { Scenario, SweepAnalysis, SweepAxis, TornadoAnalysis } from '../../format/types.ts';
import { planOf, axisAround } from '../../engine/sweep-plan.ts';
import { sweepableParams, type ParamInfo } from '../../engine/sweep-params.ts';
import { FUND_OUTPUTS, type OutputKind } from '../../engine/sweep-outputs.ts';
import type { SweepResult } from '../../engine/sweep.ts';
import type { TornadoResult } from '../../engine/tornado.ts';
import { compareDec, money, percent, plain, shiftPoint } from '../../display/number.ts';
import { outputValue, paramValue } from '../../display/analysis.ts';
import { unitName } from '../../display/glossary.ts';
import type { Issue } from '../../format/issues.ts';
import { issueLine } from '../../workspace/issue-text.ts';
import { outputLabel, paramLabel } from '../../sheets/analysis-words.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { sweepEntry } from '../runs/sweeps.ts';
import { memoize, stable } from './memo.ts';
import { ranOnShown } from './ran-on.ts';
import { removeIn, setIn } from '../../workspace/edit.ts';
import type { FieldKind } from './validate-field.ts';

/** How the from, to and step of an axis are typed (a ratio as a percentage, the file keeping the fraction). */
export interface AxisKinds { from: FieldKind; to: FieldKind; step: FieldKind }
export interface ParamOption { path: string; label: string; current: string; currentText: string; axis: SweepAxis; kinds: AxisKinds }
export interface OutputOption { name: string; label: string }

export interface FormView<S> {
  /** Where an edited spec is written (analysis.sweeps[k]). */
  editPath: Path;
  spec: S;
  inFile: boolean;
  problems: string[];
  /** Exact runs the spec asks for (the plain run included), when it is valid. */
  runs: number | null;
}

export interface RunView {
  status: SweepRunState['status'];
  done: number;
  total: number;
  workers: number;
  seconds: string;
  problems: string[];
  /** The spec run is no longer the file's (edited since). */
  outdated: boolean;
  name: string;
}

export interface SweepTableView {
  axes: { label: string; path: string; values: string[]; current: number | null }[];
  outputs: { name: string; label: string; kind: OutputKind }[];
  base: string[];
  /** One parameter: one row per value. Two: one row per (value1, value2), row-major. */
  rows: { values: string[]; current: boolean; cells: string[]; problem: string | null }[];
  /** Plot values per output (display unit), per point (null where a point could not be run). */
  plot: (number | null)[][];
  /** Per output, the heat map's legend: the lowest and highest figure run, as text with its unit (src/display). */
  legend: { low: string; high: string }[];
}

export interface TornadoView {
  output: string;
  change: string;
  base: string;
  entries: { label: string; path: string; low: string; high: string; outLow: string; outHigh: string; spread: string; dLow: number | null; dHigh: number | null;
    problem: string | null }[];
}

export interface SweepsView {
  lang: Lang;
  unit: Unit;
  error: string | null;
  params: ParamOption[];
  outputs: OutputOption[];
  /** Outputs the file names beyond those offered (an institution's owed…), each with its label: the sweep's, and the tornado's one. */
  extraOutputs: { sweep: OutputOption[]; tornado: OutputOption | null };
  institutions: { id: string; label: string }[];
  sweep: FormView<SweepAnalysis>;
  tornado: FormView<TornadoAnalysis>;
  runs: Partial<Record<SweepKind, RunView>>;
  sweepResult: SweepTableView | null;
  tornadoResult: TornadoView | null;
}

/** Fund figures offered as outputs (all of FUND_OUTPUTS may be named in the file). */
export const OFFERED_OUTPUTS = ['closingBalance', 'adjustmentFundUsed', 'monthsOfCoverage', 'hospitalsOwed', 'currentSurplusRate', 'adjustmentFundUnused',
  'fundSharesClaimed', 'retainedFromTargets', 'expenditure'];

const showOut = outputValue;
const plotOut = (v: string | null, kind: OutputKind, unit: Unit) => (v === null ? null :
  Number(kind === 'amount' && unit === 'wan' ? shiftPoint(v, -4) : v) * (kind === 'ratio' ? 100 : 1));

/** A parameter's value as `gbsim sweep` prints it (src/display/analysis.ts): 0.08 → 8.00%. */
export const showParam = (p: Pick<ParamInfo, 'kind' | 'percent'>, v: string | null, unit: Unit): string => paramValue(v, p, unit);

/**
 * The field kinds of an axis: a ratio's from and to as percentages in its range (a share 0%–100%,
 * growth above −100%, a rate of the target ≥ 0%), its step as a percentage ≥ 0%; other
 * parameters as plain numbers (the plan checks their ranges).
 */
export function axisKinds(p: Pick<ParamInfo, 'kind' | 'percent' | 'min'>): AxisKinds {
  if (!p.percent) return { from: 'rate', to: 'rate', step: 'rate' };
  const end: FieldKind = p.kind === 'share' ? 'pct' : p.min !== null && p.min.startsWith('-') ? 'growthPct' : 'pctOpen';
  return { from: end, to: end, step: 'pctOpen' };
}

const paramsOf = memoize((s: Scenario, lang: Lang, unit: Unit): ParamOption[] =>
  sweepableParams(s).map((p) => ({ path: p.path, label: paramLabel(p, s, lang), current: p.current ?? '', currentText: showParam(p, p.current, unit),
    axis: axisAround(p), kinds: axisKinds(p) })));
const outputsOf = memoize((lang: Lang): OutputOption[] => OFFERED_OUTPUTS.map((name) => ({ name, label: outputLabel(name, lang) })));
const institutionsOf = memoize((hs: Scenario['hospitals']) => hs.map((h) => ({ id: h.id, label: `${h.id} · ${h.name}` })));

function form<S extends SweepAnalysis | TornadoAnalysis>(s: Scenario, kind: SweepKind, lang: Lang): FormView<S> {
  const e = sweepEntry(s, kind);
  const planned = planOf(s, e.spec, `analysis.sweeps[${e.index}]`);
  return {
    editPath: ['analysis', 'sweeps', e.index], spec: e.spec as S, inFile: e.inFile,
    problems: planned.ok ? [] : planned.issues.map((i) => issueLine(i, lang, s)), runs: planned.ok ? planned.plan.points.length : null,
  };
}
const sweepForm = memoize((s: Scenario, lang: Lang) => form<SweepAnalysis>(s, 'sweep', lang));
const tornadoForm = memoize((s: Scenario, lang: Lang) => form<TornadoAnalysis>(s, 'tornado', lang));
/** Issues of a run in the user's language, naming the institution and field of `s` (the scenario run on). */
const lines = (is: readonly Issue[], lang: Lang, s: Scenario | null, sep = '; '): string => is.map((i) => issueLine(i, lang, s ?? undefined)).join(sep);

/** `current`: the run is of the scenario shown as it is now (views/ran-on.ts); else, or with another spec, it is outdated. */
const runView = (r: SweepRunState | undefined, current: boolean, fileSpec: unknown, lang: Lang): RunView | undefined => r && ({
  status: r.status, done: r.done, total: r.total, workers: r.workers, seconds: (r.ms / 1000).toFixed(2),
  problems: r.issues.slice(0, 50).map((i) => issueLine(i, lang)), outdated: !current || JSON.stringify(r.spec) !== JSON.stringify(fileSpec), name: r.name,
});
const sweepRun = memoize(runView);
const tornadoRun = memoize(runView);

const sweepTable = memoize((r: SweepResult | null, s: Scenario | null, lang: Lang, unit: Unit): SweepTableView | null => {
  if (!r || !s) return null;
  const axes = r.axes.map((a) => ({ label: paramLabel(a.param, s, lang), path: a.param.path, values: a.values.map((v) => showParam(a.param, v, unit)),
    current: a.currentIndex }));
  const [a, b] = r.axes;
  const n2 = b ? b.values.length : 1;
  const rows = r.points.map((p, i) => {
    const i1 = b ? Math.floor(i / n2) : i, i2 = i % n2;
    return {
      values: b ? [axes[0]!.values[i1]!, axes[1]!.values[i2]!] : [axes[0]!.values[i1]!],
      current: a!.currentIndex === i1 && (!b || b.currentIndex === i2),
      cells: r.outputs.map((o, k) => showOut(p.values?.[k] ?? null, o.kind, unit)),
      problem: p.values ? null : lines(p.issues.slice(0, 2), lang, s),
    };
  });
  return {
    axes, rows,
    outputs: r.outputs.map((o) => ({ name: o.name, label: outputLabel(o.name, lang, s), kind: o.kind })),
    base: r.outputs.map((o, k) => showOut(r.base.values?.[k] ?? null, o.kind, unit)),
    plot: r.outputs.map((o, k) => r.points.map((p) => plotOut(p.values?.[k] ?? null, o.kind, unit))),
    legend: r.outputs.map((o, k) => legendOf(r.points.map((p) => p.values?.[k] ?? null), o.kind, lang, unit)),
  };
});

/** The extremes of an output over the points run, each shown exactly with its unit ("—" when none ran). */
function legendOf(values: readonly (string | null)[], kind: OutputKind, lang: Lang, unit: Unit): { low: string; high: string } {
  let lo: string | null = null, hi: string | null = null;
  for (const v of values) {
    if (v === null) continue;
    if (lo === null || compareDec(v, lo) < 0) lo = v;
    if (hi === null || compareDec(v, hi) > 0) hi = v;
  }
  const text = (v: string | null) => {
    if (v === null) return '—';
    if (kind === 'amount') return `${money(v, unit)} ${unitName(unit, lang)}`;
    if (kind === 'months') return `${plain(v, 2)}${lang === 'zh' ? ' 个月' : ' months'}`;
    return percent(v, 2);
  };
  return { low: text(lo), high: text(hi) };
}

const tornadoTable = memoize((r: TornadoResult | null, s: Scenario | null, lang: Lang, unit: Unit): TornadoView | null => {
  if (!r || !s) return null;
  const kind = r.output.kind;
  const base = r.base.values?.[0] ?? null;
  const d = (v: string | null) => (v === null || base === null ? null : plotOut(v, kind, unit)! - plotOut(base, kind, unit)!);
  return {
    output: outputLabel(r.output.name, lang, s), change: `${shiftPoint(r.change, 2)}%`, base: showOut(base, kind, unit),
    entries: r.entries.map((e) => ({
      label: paramLabel(e.param, s, lang), path: e.param.path,
      low: showParam(e.param, e.low, unit), high: showParam(e.param, e.high, unit),
      outLow: showOut(e.outLow, kind, unit), outHigh: showOut(e.outHigh, kind, unit), spread: showOut(e.spread, kind, unit),
      dLow: d(e.outLow), dHigh: d(e.outHigh), problem: e.issues.length ? lines(e.issues.slice(0, 2), lang, s) : null,
    })),
  };
});

const NO_EXTRA = Object.freeze({ sweep: [], tornado: null });
const offered = (name: string) => OFFERED_OUTPUTS.includes(name);
const extraOf = memoize((sweep: readonly string[] | undefined, tornado: string | undefined, s: Scenario, lang: Lang) => ({
  sweep: (sweep ?? []).filter((o) => !offered(o)).map((name) => ({ name, label: outputLabel(name, lang, s) })),
  tornado: tornado !== undefined && !offered(tornado) ? { name: tornado, label: outputLabel(tornado, lang, s) } : null,
}));

const runsOf = memoize((sweep: RunView | undefined, tornado: RunView | undefined) => ({ sweep, tornado }));

export function sweepsView(s: AppState, prev: SweepsView | null = null): SweepsView {
  const scen = scenarioOrError(s.ws, s.active);
  if (scen instanceof Error) {
    return stable(prev, { lang: s.lang, unit: s.unit, error: scen.message, params: [], outputs: [], extraOutputs: NO_EXTRA, institutions: [],
      sweep: prev?.sweep ?? form(s.ws.baseline, 'sweep', s.lang), tornado: prev?.tornado ?? form(s.ws.baseline, 'tornado', s.lang), runs: {}, sweepResult: null,
      tornadoResult: null });
  }
  const sw = sweepForm(scen, s.lang), to = tornadoForm(scen, s.lang);
  const rs = s.sweeps.sweep, rt = s.sweeps.tornado;
  const current = (r: SweepRunState | undefined) => !!r && ranOnShown(s, r);
  return stable(prev, {
    lang: s.lang, unit: s.unit, error: null,
    params: paramsOf(scen, s.lang, s.unit), outputs: outputsOf(s.lang), institutions: institutionsOf(scen.hospitals),
    extraOutputs: extraOf(sw.spec.outputs, to.spec.output, scen, s.lang),
    sweep: sw, tornado: to,
    runs: runsOf(sweepRun(rs, current(rs), sw.spec, s.lang), tornadoRun(rt, current(rt), to.spec, s.lang)),
    sweepResult: sweepTable(rs?.result?.kind === 'sweep' ? rs.result : null, rs?.scenario ?? null, s.lang, s.unit),
    tornadoResult: tornadoTable(rt?.result?.kind === 'tornado' ? rt.result : null, rt?.scenario ?? null, s.lang, s.unit),
  });
}

export { FUND_OUTPUTS };

/** A spec with one of its fields set (an edit of a field of a spec the file does not keep yet is written as the whole spec). */
export function specWith<S extends object>(spec: S, sub: Path, value: unknown): S {
  return value === undefined ? removeIn(spec, sub) : setIn(spec, sub, value);
}
