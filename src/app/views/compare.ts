/**
 * What the comparison shows: which scenarios can be compared, their fund figures with exact
 * differences against the first (engine/compare.ts), the parameters that differ with their
 * sources, and the columns for the institutions' comparison. While a compared scenario is
 * being recomputed the previous columns are held, so all columns change together.
 */
import type { AppState } from '../state/app-state.ts';
import type { FundResult } from '../../engine/result.ts';
import type { ResultView } from '../../transport/packed.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { Workspace } from '../../workspace/types.ts';
import { refKeys, refName, scenarioOf, type RefKey } from '../../workspace/workspace.ts';
import { compareFund, relativeChange, type FundField } from '../../engine/compare.ts';
import { parseMoney } from '../../engine/money.ts';
import { parameterRows, parsePath, type ParamRow } from '../../sheets/params.ts';
import { formatValue, valueAt, valueKind } from '../../workspace/describe.ts';
import { memoize, sameInputs, stable } from './memo.ts';
import { compareAdjustments, type CompareAdjustment } from './adjustments.ts';
import { forTheFund, shownSign, toneOf, type DeltaKind, type Tone } from './tone.ts';
import { shiftPoint } from '../../display/number.ts';

export { forTheFund, type Tone };
export type FundKind = DeltaKind;

/** The fund's rows of the comparison, in order, with how each is shown. */
export const FUND_ROWS: readonly [FundField, FundKind][] = [
  ['globalTarget', 'money'], ['adjustmentFund', 'money'], ['allocatable', 'money'], ['totalDeposit', 'money'],
  ['hospitalsOwed', 'money'], ['adjustmentFundUsed', 'money'], ['totalBalance', 'money'], ['expenditure', 'money'],
  ['closingBalance', 'money'], ['monthsOfCoverage', 'months'], ['currentSurplusRate', 'pct'], ['cumulativeSurplusRate', 'pct'],
];

/**
 * Which way a figure's change is good for the fund: +1 more is better (balance, months of
 * coverage, surplus rates), −1 less is better (what the fund pays out), 0 neither (how the
 * budget is divided). Colours follow this, not the sign.
 */
export const BETTER: Partial<Record<FundField, 1 | -1>> = {
  hospitalsOwed: -1, adjustmentFundUsed: -1, totalBalance: -1, expenditure: -1,
  closingBalance: 1, monthsOfCoverage: 1, currentSurplusRate: 1, cumulativeSurplusRate: 1,
};


export interface CompareChoice { key: RefKey; name: string; checked: boolean; disabled: boolean }
export interface CompareColumn { key: RefKey; name: string; fund: FundResult | null; view: ResultView | null; scenario: Scenario | null }
export interface FundRowView {
  field: FundField; kind: FundKind; values: (string | null)[]; deltas: (string | null)[];
  /** Each difference relative to the first scenario's value (amounts; null for rates and months). */
  ratios: (string | null)[];
  better: 1 | -1 | 0;
  /** Each difference's colour: good or bad for the fund, '' for neither or for one shown as 0.00 (views/tone.ts). */
  tones: Tone[];
  /** Some difference shows as other than 0.00 in the unit shown. */
  changed: boolean;
}
/**
 * The difference chart: the amounts that changed (shown as other than 0.00), largest absolute
 * change in any compared scenario first; one series per scenario after the first, in the unit shown.
 */
export interface DeltaChart {
  fields: FundField[];
  series: { name: string; values: number[]; tones: Tone[] }[];
}
/** Parameters that differ between the compared scenarios: each scenario's value and source. */
export interface ParamDiffs { names: string[]; rows: (ParamRow & { shown: string[] })[] }
/** What the institutions' comparison needs: every column computed, the first one's scenario for names. */
export interface InstitutionsInput { columns: { name: string; view: ResultView }[]; scenario: Scenario | null }

export interface CompareView {
  lang: Lang;
  unit: Unit;
  choices: CompareChoice[];
  /** Some compared scenario is being recomputed. */
  stale: boolean;
  columns: CompareColumn[];
  /** Fund figures that changed first, largest relative change first; the unchanged after them, in FUND_ROWS order. */
  fund: FundRowView[];
  /** null when no amount changed (the chart says so instead of drawing nothing). */
  chart: DeltaChart | null;
  params: ParamDiffs;
  /** null until every compared scenario has a result. */
  institutions: InstitutionsInput | null;
  /** The compared scenarios' mid-year adjustments (年中调整), null when none has any. */
  adjustments: CompareAdjustment[] | null;
}

const choicesOf = memoize((ws: Workspace, compare: RefKey[]): CompareChoice[] => refKeys(ws).map((key) => {
  const checked = compare.includes(key);
  return { key, name: refName(ws, key), checked, disabled: (checked && compare.length <= 2) || (!checked && compare.length >= 4) };
}));

const fundRows = memoize((unit: Unit, ...funds: (FundResult | null)[]): FundRowView[] => {
  const rows = compareFund(funds.map((f) => f ?? EMPTY_FUND), FUND_ROWS.map(([f]) => f));
  const all = rows.map((r, i): FundRowView => {
    const kind = FUND_ROWS[i]![1];
    const deltas = r.deltas.map((d, k) => (funds[0] && funds[k + 1] ? d : null));
    const base = funds[0] ? r.values[0] : null;
    const ratios = deltas.map((d) => (kind === 'money' && d !== null && base ? relativeChange(parseMoney(d), parseMoney(base)) : null));
    const better = BETTER[r.field] ?? 0;
    return {
      field: r.field, kind, values: funds.map((f, k) => (f ? r.values[k]! : null)), deltas, ratios, better,
      tones: deltas.map((d) => toneOf(d, kind, unit, better)), changed: deltas.some((d) => shownSign(d, kind, unit) !== 0),
    };
  });
  return orderedRows(all);
});

/** Figures that changed first, largest relative change first (ties and the unchanged: FUND_ROWS order). */
export function orderedRows(rows: readonly FundRowView[]): FundRowView[] {
  const rank = (r: FundRowView) => (r.changed ? 1 + Math.max(0, ...r.ratios.map((x) => Math.abs(Number(x ?? 0)))) : 0);
  return rows.map((r, i) => ({ r, i, k: rank(r) })).sort((a, b) => b.k - a.k || a.i - b.i).map((x) => x.r);
}

/** |d| in fen, for ordering only. */
const size = (d: string | null) => (d === null ? 0 : Math.abs(parseMoney(d)));

/** The amounts that changed, largest absolute change first; null when none did. */
export const deltaChart = memoize((unit: Unit, fund: FundRowView[], names: string): DeltaChart | null => {
  const rows = fund.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'money' && r.changed)
    .map(({ r, i }) => ({ r, i, k: Math.max(0, ...r.deltas.map(size)) }))
    .sort((a, b) => b.k - a.k || a.i - b.i).map((x) => x.r);
  if (!rows.length) return null;
  const [base = '', ...others] = names.split('\n');
  return {
    fields: rows.map((r) => r.field),
    series: others.map((name, k) => ({
      name: `${name} − ${base}`,
      values: rows.map((r) => { const d = r.deltas[k]; return d === null || d === undefined ? 0 : Number(unit === 'wan' ? shiftPoint(d, -4) : d); }),
      tones: rows.map((r) => r.tones[k] ?? ''),
    })),
  };
});
const EMPTY_FUND = {} as FundResult;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const paramDiffs = memoize((lang: Lang, unit: Unit, names: string, ...scenarios: Scenario[]): ParamDiffs => {
  const rows = parameterRows(scenarios, lang).filter((r) => !(r.values.every((v) => same(v, r.values[0])) && r.sources.every((p) => same(p, r.sources[0]))));
  // Values as a reader reads them: rates as percentages, amounts in the unit chosen, levels, classes and modes by their names
  // (a list, such as a pool's classes, read from the scenario element by element); the label names the parameter, no path.
  const shownRows = rows.map((r) => {
    const path = parsePath(r.path);
    const kind = valueKind(path);
    return { ...r, shown: r.values.map((v, k) => {
      if (v === undefined) return '—';
      // A list named only by its source (the catalogue) reads by its count, not as an open bound (∞).
      const raw = valueAt(scenarios[k], path);
      if (Array.isArray(raw)) return formatValue(raw, lang, kind, { unit, base: scenarios[k] });
      if (v === null) return '∞';
      return formatValue(v, lang, kind, { unit, base: scenarios[k] });
    }) };
  });
  return { names: names.split('\n'), rows: shownRows };
});

/** Parameter differences, recomputed only when some compared scenario's fund or policy changed. */
function paramsOf(s: AppState): ParamDiffs {
  const list = s.compare.flatMap((k) => { try { return [{ name: refName(s.ws, k), scenario: scenarioOf(s.ws, k) }]; } catch { return []; } });
  return paramDiffs(s.lang, s.unit, list.map((x) => x.name).join('\n'), ...list.map((x) => x.scenario));
}

const adjustmentsOf = memoize((...scenarios: (Scenario | null)[]) => compareAdjustments(scenarios));

export class CompareViews {
  private held: CompareColumn[] = [];
  private prev: CompareView | null = null;
  private institutionsMemo: InstitutionsInput | null = null;
  private paramsMemo: { key: unknown[]; value: ParamDiffs } | null = null;

  of(s: AppState): CompareView {
    const columns = this.columns(s);
    const stale = s.compare.some((k) => s.cols[k]?.stale);
    const fund = fundRows(s.unit, ...columns.map((c) => c.fund));
    const view = stable(this.prev, {
      lang: s.lang, unit: s.unit, choices: choicesOf(s.ws, s.compare), stale, columns,
      fund,
      chart: deltaChart(s.unit, fund, columns.map((c) => c.name).join('\n')),
      params: this.params(s),
      institutions: this.institutions(columns),
      adjustments: adjustmentsOf(...s.compare.map((k) => { try { return scenarioOf(s.ws, k); } catch { return null; } })),
    });
    this.prev = view;
    return view;
  }

  /** Columns shown: the previous ones while some column is being recomputed (differences are only taken between fresh results). */
  private columns(s: AppState): CompareColumn[] {
    const now = s.compare.map((key) => {
      const c = s.cols[key];
      return { key, name: refName(s.ws, key), fund: c?.view?.fund ?? null, view: c?.view ?? null, scenario: c?.scenario ?? null };
    });
    const running = s.compare.some((k) => s.cols[k]?.status === 'running');
    const same = now.length === this.held.length && now.every((c, i) => c.key === this.held[i]!.key && c.name === this.held[i]!.name && this.held[i]!.view);
    const changed = now.length !== this.held.length || now.some((c, i) => c.key !== this.held[i]!.key || c.name !== this.held[i]!.name ||
      c.view !== this.held[i]!.view || c.scenario !== this.held[i]!.scenario);
    if ((!running || !same) && changed) this.held = now;
    return this.held;
  }

  private params(s: AppState): ParamDiffs {
    // Keyed on what parameter rows read: each compared scenario's fund and policy, and the names.
    const scen = s.compare.map((k) => { try { return scenarioOf(s.ws, k); } catch { return null; } });
    const key = [s.lang, s.unit, ...scen.map((x) => x?.fund), ...scen.map((x) => x?.policy), ...s.compare.map((k) => refName(s.ws, k))];
    if (this.paramsMemo && sameInputs(this.paramsMemo.key, key)) return this.paramsMemo.value;
    const value = paramsOf(s);
    this.paramsMemo = { key, value };
    return value;
  }

  private institutions(columns: CompareColumn[]): InstitutionsInput | null {
    if (!columns.every((c) => c.view)) return null;
    const next = { columns: columns.map((c) => ({ name: c.name, view: c.view! })), scenario: columns[0]?.scenario ?? null };
    const m = this.institutionsMemo;
    if (m && m.scenario === next.scenario && m.columns.length === next.columns.length &&
      m.columns.every((c, i) => c.view === next.columns[i]!.view && c.name === next.columns[i]!.name)) return m;
    this.institutionsMemo = next;
    return next;
  }
}
