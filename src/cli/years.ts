/**
 * `gbsim years FILE [--years N] [--base-rule actual|target|actualPlusRetained]
 *  [--revenue-growth X] [--budget-growth X] [--locked keep|release] [--json] [--xlsx OUT]
 *  [--unit yuan|wan] [--lang zh|en]`: several years from one scenario (DESIGN §8). Flags
 * override the file's `analysis.years`, which overrides the defaults.
 * Prints the fund's path, then the saver's and the spender's paths, with each year's result
 * fingerprint (the same a receiver of the file gets from the same parameters).
 */
import { parse, oneOf } from './args.ts';
import { CliError, readScenario, type Io } from './io.ts';
import { renderTable } from './table.ts';
import { AMOUNT_FMT, PERCENT_FMT, RATIO_FMT, cellNumber, decimalFlag, fieldLabel, writeWorkbook, type Lang } from './analysis-out.ts';
import { runYears, saverAndSpender, columnStrings, YEAR_COLUMNS, type Pick, type YearsRun } from '../engine/years.ts';
import { BASE_RULES, type YearsParams } from '../engine/analysis-params.ts';
import { ScenarioError, formatIssue } from '../engine/issues.ts';
import { toResult } from '../engine/run.ts';
import { formatMoney, ratioOfAmounts } from '../engine/money.ts';
import { formatAmount, formatPercent, type Unit } from '../format/display.ts';
import { fingerprint } from '../workspace/fingerprint.ts';
import { newWorkbook, sheetName, tableSheet } from '../sheets/style.ts';
import type { FundResult } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';

export const YEARS_USAGE = 'usage: gbsim years FILE [--years N] [--base-rule actual|target|actualPlusRetained] [--revenue-growth X] [--budget-growth X] [--locked keep|release] [--json] [--xlsx OUT.xlsx] [--unit yuan|wan] [--lang zh|en]';

const RULE_TEXT: Record<YearsParams['baseRule'], string> = {
  actual: 'actual (A: a saver\'s base shrinks — the ratchet 鞭打快牛)',
  target: 'target (T: savings never cut next year\'s base)',
  actualPlusRetained: 'actual + reward (A + reward: what a saver kept counts in its base)',
};

/** Fund figures of the path, in table order. */
const FUND_PATH: [keyof FundResult, string, 'amount' | 'months' | 'ratio'][] = [
  ['base', 'budget', 'amount'],
  ['revenue', 'revenue', 'amount'],
  ['globalTarget', 'global target', 'amount'],
  ['adjustmentFund', 'adj. fund', 'amount'],
  ['adjustmentFundUsed', 'adj. fund used', 'amount'],
  ['hospitalsOwed', 'owed', 'amount'],
  ['expenditure', 'expenditure', 'amount'],
  ['openingBalance', 'opening balance', 'amount'],
  ['closingBalance', 'closing balance', 'amount'],
  ['monthsOfCoverage', 'months of coverage', 'months'],
  ['currentSurplusRate', 'current surplus rate', 'ratio'],
  ['cumulativeSurplusRate', 'cumulative surplus rate', 'ratio'],
];
const FUND_PATH_ZH: Partial<Record<keyof FundResult, string>> = {
  base: '基金支出预算', revenue: '基金收入', globalTarget: '年度总额控制目标', adjustmentFund: '年终清算调剂金',
  adjustmentFundUsed: '调剂金使用', hospitalsOwed: '应付机构合计', expenditure: '基金支出', openingBalance: '期初累计结存',
  closingBalance: '期末累计结存', monthsOfCoverage: '可支付月数', currentSurplusRate: '当年结存率', cumulativeSurplusRate: '累计结存率',
};

export interface YearsReport {
  run: YearsRun;
  fingerprints: string[];
  saver: Pick | null;
  spender: Pick | null;
}

/** The run, each year's result fingerprint, and the saver and spender. */
export function yearsReport(s: Scenario, given: Partial<YearsParams>): YearsReport {
  const fingerprints: string[] = [];
  let run: YearsRun;
  try {
    run = runYears(s, given, (_p, _sc, model, st) => fingerprints.push(fingerprint(toResult(model, st))));
  } catch (e) {
    if (e instanceof ScenarioError) throw new CliError(e.issues.map(formatIssue).join('\n'), 1);
    throw e;
  }
  return { run, fingerprints, ...saverAndSpender(run) };
}

const yearName = (r: YearsRun, k: number) => String(r.years[k]!.year ?? `year ${r.years[k]!.index}`);

export function yearsText(s: Scenario, rep: YearsReport, unit: Unit): string {
  const { run } = rep;
  const p = run.params;
  const first = run.years[0];
  const lines: string[] = [
    `${s.meta.name} — ${p.years} years${first?.year ? ` from ${first.year}` : ''}, ${s.hospitals.length} institutions, amounts in ${unit === 'wan' ? '万元' : '元'}`,
    `base rule (基数规则): ${RULE_TEXT[p.baseRule]}; budget growth ${formatPercent(p.budgetGrowth)}, revenue growth ${formatPercent(p.revenueGrowth)}; locked targets: ${p.lockedTargets === 'keep' ? 'kept' : 'released after year one'}`,
    '',
    'Fund path (基金运行):',
  ];
  const show = (v: string | null, kind: 'amount' | 'months' | 'ratio') => (v === null ? '—' : kind === 'amount' ? formatAmount(v, unit) : kind === 'ratio' ? formatPercent(v) : v);
  lines.push(renderTable(
    [{ header: 'year' }, ...FUND_PATH.map(([, h]) => ({ header: h, right: true })), { header: 'fingerprint' }],
    run.years.map((y, k) => [
      yearName(run, k),
      ...FUND_PATH.map(([f, , kind]) => show(y.fund[f] as string | null, kind) + (f === 'monthsOfCoverage' && y.belowWarning ? ' !' : '')),
      rep.fingerprints[k] ?? '',
    ]),
  ));
  if (run.years.some((y) => y.belowWarning)) lines.push(`! below the warning line of ${p.warningMonths} months of coverage (可支付月数预警线)`);
  if (run.stopped) {
    lines.push('', `The run stopped at year ${run.stopped.index}: that year cannot be settled:`);
    for (const i of run.stopped.issues) lines.push(`  ${formatIssue(i)}`);
  }
  for (const [who, pick, none] of [
    ['Saver (结余最多)', rep.saver, 'nobody spent less than its targets over the run'],
    ['Spender (超支最多)', rep.spender, 'nobody spent more than its targets over the run'],
  ] as const) {
    lines.push('');
    if (!pick) { lines.push(`${who}: none — ${none}`); continue; }
    const h = s.hospitals[pick.index]!;
    lines.push(`${who}: ${h.id} ${h.name} — cumulative ${pick.rate.startsWith('-') ? 'surplus' : 'overspend'} rate ${formatPercent(pick.rate.replace(/^-/, ''))} (Σ actual − Σ target = ${formatAmount(pick.net, unit)})`);
    lines.push(institutionTable(run, pick.index, unit));
  }
  return lines.join('\n');
}

function institutionTable(run: YearsRun, i: number, unit: Unit): string {
  const a = (x: number) => formatAmount(formatMoney(x), unit);
  return renderTable(
    ['year', 'target', 'claims', 'actual', 'surplus/-over rate', 'reward', 'fund share', 'owed', 'next base'].map((header, k) => ({ header, right: k > 0 })),
    run.years.map((y, k) => {
      const c = y.columns;
      const t = c.target[i]!, act = c.actual[i]!;
      return [yearName(run, k), a(t), a(c.claimsTotal[i]!), a(act), formatPercent(ratioOfAmounts(t - act, t)), a(c.reward[i]!), a(c.fundShare[i]!), a(c.owed[i]!), a(c.basis[i]!)];
    }),
  );
}

export function yearsJson(s: Scenario, rep: YearsReport): unknown {
  const { run } = rep;
  return {
    scenario: s.meta.name,
    params: run.params,
    ids: run.ids,
    years: run.years.map((y, k) => ({
      index: y.index,
      year: y.year,
      fingerprint: rep.fingerprints[k] ?? null,
      belowWarning: y.belowWarning,
      fund: y.fund,
      hospitals: Object.fromEntries(YEAR_COLUMNS.map((c) => [c, columnStrings(y.columns[c])])),
    })),
    saver: rep.saver,
    spender: rep.spender,
    stopped: run.stopped,
  };
}

/** One sheet for the fund's path, then one per institution figure (institutions × years). */
export async function writeYearsXlsx(path: string, s: Scenario, rep: YearsReport, lang: Lang, unit: Unit): Promise<void> {
  const { run } = rep;
  const wb = newWorkbook();
  const taken = new Set<string>();
  const zh = lang === 'zh';
  const years = run.years.map((_, k) => yearName(run, k));
  const fund = tableSheet(wb, sheetName(zh ? '基金运行' : 'Fund path', taken), [
    { header: zh ? '年度' : 'Year', kind: 'text' },
    ...FUND_PATH.map(([f, en, kind]) => ({ header: zh ? FUND_PATH_ZH[f]! : en, kind: kind === 'amount' ? 'amount' as const : kind === 'ratio' ? 'percent' as const : 'months' as const })),
    { header: zh ? '结果指纹' : 'Fingerprint', kind: 'text' },
  ], { freezeCols: 1 });
  run.years.forEach((y, k) => {
    fund.addRow([years[k], ...FUND_PATH.map(([f, , kind]) => cellNumber(y.fund[f] as string | null, kind === 'amount' ? 'amount' : 'ratio', unit)), rep.fingerprints[k] ?? '']);
  });
  FUND_PATH.forEach(([, , kind], c) => { fund.getColumn(c + 2).numFmt = kind === 'amount' ? AMOUNT_FMT : kind === 'ratio' ? PERCENT_FMT : RATIO_FMT; });
  for (const col of YEAR_COLUMNS) {
    const ws = tableSheet(wb, sheetName(fieldLabel(col, lang), taken), [
      { header: zh ? '机构编码' : 'Institution code', kind: 'text' },
      { header: zh ? '机构名称' : 'Name', kind: 'text', width: 24 },
      ...years.map((y) => ({ header: y, kind: 'amount' as const })),
    ], { freezeCols: 2 });
    s.hospitals.forEach((h, i) => {
      ws.addRow([h.id, h.name, ...run.years.map((y) => (unit === 'wan' ? y.columns[col][i]! / 1e6 : y.columns[col][i]! / 100))]);
    });
  }
  await writeWorkbook(path, wb);
}

export async function yearsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    years: { type: 'string' }, 'base-rule': { type: 'string' }, 'revenue-growth': { type: 'string' }, 'budget-growth': { type: 'string' },
    locked: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' }, unit: { type: 'string' }, lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError(`years takes exactly one scenario file\n${YEARS_USAGE}`, 2);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const lang = oneOf(values.lang, ['zh', 'en'] as const, '--lang', 'zh');
  const given: Partial<YearsParams> = {};
  if (values.years !== undefined) {
    const n = Number(values.years);
    if (!/^\d+$/.test(String(values.years)) || n < 2 || n > 10) throw new CliError(`--years must be a whole number from 2 to 10\n${YEARS_USAGE}`, 2);
    given.years = n;
  }
  if (values['base-rule'] !== undefined) given.baseRule = oneOf(values['base-rule'], BASE_RULES, '--base-rule', 'actual');
  if (values.locked !== undefined) given.lockedTargets = oneOf(values.locked, ['keep', 'release'] as const, '--locked', 'keep');
  const rg = decimalFlag(values['revenue-growth'], '--revenue-growth');
  const bg = decimalFlag(values['budget-growth'], '--budget-growth');
  if (rg !== undefined) given.revenueGrowth = rg;
  if (bg !== undefined) given.budgetGrowth = bg;
  const file = positionals[0]!;
  const s = readScenario(file);
  const rep = yearsReport(s, given);
  io.out(values.json ? JSON.stringify(yearsJson(s, rep), null, 2) : yearsText(s, rep, unit));
  if (typeof values.xlsx === 'string') {
    await writeYearsXlsx(values.xlsx, s, rep, lang, unit);
    io.err(`wrote ${values.xlsx}`);
  }
  return rep.run.stopped ? 1 : 0;
}
