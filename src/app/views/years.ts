/**
 * What the years view shows (DESIGN §8): the run's parameters as kept in the scenario file, the
 * fund's path year by year (closing balance, months of coverage against the warning line,
 * current surplus rate), the saver's and the spender's paths, the path of any institution the
 * user picks (the institution looked at, `AppState.hospital`, shared with the institution tab),
 * and every compared scenario over the same years. Amounts come from the worker's run as integer fen and are turned into text
 * here (engine's formatMoney, then the display module); the element only lays them out.
 */
import type { AppState, YearsState } from '../state/app-state.ts';
import type { Lang, Unit } from '../../display/lang.ts';
import type { YearsAnalysis } from '../../format/types.ts';
import type { YearsRun } from '../../engine/years.ts';
import type { YearsOutcome } from '../../engine/years-outcome.ts';
import { cumulativeOf } from '../../engine/years.ts';
import { resolveYears, type YearsParams } from '../../engine/analysis-params.ts';
import { formatMoney, ratioOfAmounts } from '../../engine/money.ts';
import { money, percent, plain } from '../../display/number.ts';
import { issueLine, issueMessage } from '../../workspace/issue-text.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { yearsCurrent } from '../runs/years.ts';
import { msg } from '../i18n/index.ts';
import { memoize, stable } from './memo.ts';
import type { PickChoice } from './pick.ts';

export interface FundYearRow {
  label: string;
  revenue: string;
  expenditure: string;
  adjustmentFundUsed: string;
  closing: string;
  months: string;
  belowWarning: boolean;
  surplusRate: string;
  fingerprint: string;
}

export interface PickRow {
  label: string; target: string; claims: string; actual: string; rate: string; reward: string; fundShare: string; owed: string; nextBase: string;
}

export interface PickView {
  /** chosen: the institution the user picked. */
  role: 'saver' | 'spender' | 'chosen';
  id: string;
  name: string;
  /** "cumulative surplus rate 12.34%" ("" when its targets add up to 0) */
  note: string;
  rows: PickRow[];
  /** Plot values (display units) of the target by year, for the chart. */
  targets: number[];
}

export interface VariantYears {
  ref: string;
  name: string;
  closing: string[];
  months: string[];
  below: boolean[];
  problem: string | null;
}

export interface YearsView {
  lang: Lang;
  unit: Unit;
  /** The parameters as written in the scenario shown (undefined: default), and as used. */
  given: YearsAnalysis;
  params: YearsParams;
  paramIssues: Record<string, string>;
  running: boolean;
  /** The figures shown are of an older workspace (a newer run is under way). */
  stale: boolean;
  error: string | null;
  problems: string[];
  labels: string[];
  fund: FundYearRow[];
  /** Plot values of the fund path (closing balance in the display unit, months). */
  chart: { closing: number[]; months: number[]; warning: number } | null;
  stopped: { index: number; issues: string[] } | null;
  picks: PickView[];
  noSaver: boolean;
  noSpender: boolean;
  /** The institutions of the run to pick from (its scenario's names), file order. */
  choices: PickChoice[];
  /** The institution picked and its path; null when none is picked or it is not in the run. */
  chosen: PickView | null;
  /** The id picked (kept when the run has no such institution: the picker says so). */
  chosenId: string | null;
  variants: VariantYears[];
}

const unitValue = (s: string, unit: Unit) => Number(s) / (unit === 'wan' ? 10_000 : 1);

function yearLabels(run: YearsRun, lang: Lang): string[] {
  return run.years.map((y) => (y.year !== null ? String(y.year) : msg(lang, 'yearN', { n: y.index })));
}

type Ok = Extract<YearsOutcome, { ok: true }>;

/** Institution `i`'s path over the run: per year its target, claims, actual, rate, reward, fund share, owed and next base. */
function pathView(run: YearsRun, i: number, role: PickView['role'], names: readonly string[], lang: Lang, unit: Unit): PickView {
  const a = (x: number) => money(formatMoney(x), unit);
  const labels = yearLabels(run, lang);
  const cum = cumulativeOf(run, i);
  const rate = cum ? percent(cum.rate.replace(/^-/, '')) : '';
  // Σ actual − Σ target above 0 is an overspend; at or below it, a saving.
  const over = role === 'spender' || (role === 'chosen' && !!cum && Number(cum.rate) > 0);
  return {
    role, id: run.ids[i]!, name: names[i] ?? run.ids[i]!,
    note: cum ? msg(lang, over ? 'spenderRate' : 'saverRate', { rate }) : '',
    rows: run.years.map((y, k) => {
      const c = y.columns;
      const t = c.target[i]!, act = c.actual[i]!;
      return { label: labels[k]!, target: a(t), claims: a(c.claimsTotal[i]!), actual: a(act), rate: percent(ratioOfAmounts(t - act, t), 2, true),
        reward: a(c.reward[i]!), fundShare: a(c.fundShare[i]!), owed: a(c.owed[i]!), nextBase: a(c.basis[i]!) };
    }),
    targets: run.years.map((y) => unitValue(formatMoney(y.columns.target[i]!), unit)),
  };
}

function pickView(out: Ok, role: 'saver' | 'spender', names: readonly string[], lang: Lang, unit: Unit): PickView | null {
  const p = out[role];
  return p ? pathView(out.run, p.index, role, names, lang, unit) : null;
}

/** The picked institution's path (by id, in the run's institutions), or null. */
const chosenView = memoize((out: YearsOutcome | null, id: string | null, names: readonly string[] | null, lang: Lang, unit: Unit): PickView | null => {
  if (!out?.ok || id === null) return null;
  const i = out.run.ids.indexOf(id);
  return i < 0 ? null : pathView(out.run, i, 'chosen', names ?? [], lang, unit);
});

const NO_CHOICES: PickChoice[] = [];

const build = memoize((ys: YearsState | null, current: boolean, given: YearsAnalysis | undefined, names: readonly string[] | null, lang: Lang, unit: Unit,
  scenError: string | null, choices: PickChoice[] | null) => {
  const { params, issues } = resolveYears(given ?? {});
  const paramIssues: Record<string, string> = {};
  for (const i of issues) paramIssues[i.path.replace(/^analysis\.years\./, '')] = issueMessage(i, lang);
  const first = ys?.runs?.[0] ?? null;
  const out = first?.outcome ?? null;
  const view: Omit<YearsView, 'lang' | 'unit' | 'chosen' | 'chosenId'> = {
    given: given ?? {}, params, paramIssues, running: !!ys?.running, stale: !current || !!ys?.running, error: scenError,
    problems: out && !out.ok ? out.issues.slice(0, 50).map((i) => issueLine(i, lang)) : [],
    labels: [], fund: [], chart: null, stopped: null, picks: [], noSaver: false, noSpender: false, choices: NO_CHOICES, variants: [],
  };
  if (out?.ok) {
    const run = out.run;
    const labels = yearLabels(run, lang);
    view.labels = labels;
    view.fund = run.years.map((y, k) => ({
      label: labels[k]!, revenue: money(y.fund.revenue, unit), expenditure: money(y.fund.expenditure, unit),
      adjustmentFundUsed: money(y.fund.adjustmentFundUsed, unit), closing: money(y.fund.closingBalance, unit),
      months: plain(y.fund.monthsOfCoverage, 2), belowWarning: y.belowWarning, surplusRate: percent(y.fund.currentSurplusRate, 2, true),
      fingerprint: out.fingerprints[k] ?? '',
    }));
    view.chart = {
      closing: run.years.map((y) => unitValue(y.fund.closingBalance, unit)),
      months: run.years.map((y) => (y.fund.monthsOfCoverage === null ? 0 : Number(y.fund.monthsOfCoverage))),
      warning: Number(run.params.warningMonths),
    };
    view.stopped = run.stopped ? { index: run.stopped.index, issues: run.stopped.issues.map((i) => issueLine(i, lang)) } : null;
    const ns = names ?? [];
    view.picks = (['saver', 'spender'] as const).map((r) => pickView(out, r, ns, lang, unit)).filter((p): p is PickView => p !== null);
    view.noSaver = !out.saver;
    view.noSpender = !out.spender;
    view.choices = choices ?? NO_CHOICES;
  }
  view.variants = (ys?.runs ?? []).map((r): VariantYears => {
    const o = r.outcome;
    if (!o.ok) return { ref: r.ref, name: r.name, closing: [], months: [], below: [], problem: o.issues.slice(0, 3).map((i) => issueLine(i, lang)).join('; ') };
    return {
      ref: r.ref, name: r.name,
      closing: o.run.years.map((y) => money(y.fund.closingBalance, unit)),
      months: o.run.years.map((y) => plain(y.fund.monthsOfCoverage, 2)),
      below: o.run.years.map((y) => y.belowWarning),
      problem: o.run.stopped ? msg(lang, 'yearsStopped', { n: o.run.stopped.index }) : null,
    };
  });
  return view;
});

const namesOf = memoize((hs: readonly { name: string }[]) => hs.map((h) => h.name));
const choicesOf = memoize((hs: readonly { id: string; name: string }[]): PickChoice[] => hs.map((h) => ({ id: h.id, name: h.name })));

export function yearsView(s: AppState, prev: YearsView | null = null): YearsView {
  const scen = scenarioOrError(s.ws, s.active);
  const ok = scen instanceof Error ? null : scen;
  // Names of the run's institutions: the scenario the run was made from (the shown one of its workspace).
  const runScen = s.years ? scenarioOrError(s.years.ws, s.years.refs[0]!) : null;
  const hs = runScen && !(runScen instanceof Error) ? runScen.hospitals : null;
  const names = hs ? namesOf(hs) : null;
  const v = build(s.years, yearsCurrent(s, s.years), ok?.analysis?.years, names, s.lang, s.unit, scen instanceof Error ? scen.message : null,
    hs ? choicesOf(hs) : null);
  const chosen = chosenView(s.years?.runs?.[0]?.outcome ?? null, s.hospital, names, s.lang, s.unit);
  return stable(prev, { lang: s.lang, unit: s.unit, ...v, chosen, chosenId: s.hospital });
}
