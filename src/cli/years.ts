/**
 * `gbsim years FILE [--years N] [--base-rule actual|target|actualPlusRetained]
 *  [--revenue-growth X] [--budget-growth X] [--locked keep|release] [--json] [--xlsx OUT]
 *  [--unit yuan|wan] [--lang zh|en]`: several years from one scenario (DESIGN §8). Flags
 * override the file's `analysis.years`, which overrides the defaults; a workspace file runs
 * each scenario under its own `analysis.years` (the flags over it), as the page does.
 * Prints the fund's path, then the saver's and the spender's paths, with each year's result
 * fingerprint (the same a receiver of the file gets from the same parameters). --xlsx writes the
 * page's years workbook (sheets/years-book.ts): of a workspace, every scenario's sheets after
 * their fund paths side by side.
 */
import { parse, oneOf, langOption } from './args.ts';
import { CliError, IssuesError, readScenario, readText, type Io } from './io.ts';
import { parseJson } from '../format/json.ts';
import { validateWorkspace } from '../workspace/file.ts';
import { refKeys, refName, scenarioOf } from '../workspace/workspace.ts';
import { WORKSPACE_FORMAT, type Workspace } from '../workspace/types.ts';
import { renderTable } from './table.ts';
import { decimalFlag, issueIn, writeBytes, wroteLine } from './analysis-out.ts';
import { outputValue } from '../display/analysis.ts';
import { FUND_PATH, fundPathLabel } from '../sheets/analysis-words.ts';
import { yearName } from '../sheets/analysis-export.ts';
import { yearsBook } from '../sheets/years-book.ts';
import { columnStrings, YEAR_COLUMNS, type YearsRun } from '../engine/years.ts';
import { yearsOutcome, type YearsReport } from '../engine/years-outcome.ts';
import { BASE_RULES, type YearsParams } from '../engine/analysis-params.ts';
import { formatMoney, ratioOfAmounts } from '../engine/money.ts';
import { money, percent } from '../display/number.ts';
import { hospitalName, unitName } from '../display/glossary.ts';
import type { Lang, Unit } from '../display/lang.ts';
import type { Scenario } from '../format/types.ts';

export const YEARS_USAGE = 'usage: gbsim years FILE|WORKSPACE [--years N] [--base-rule actual|target|actualPlusRetained] [--revenue-growth X] '
  + '[--budget-growth X] [--locked keep|release] [--json] [--xlsx OUT.xlsx] [--unit yuan|wan] [--lang zh|en]';

/** The sentences and headings of the text report, in each language (figure names from the glossary, the rest the app's years tab's words). */
const T = {
  en: {
    rule: {
      actual: 'actual (A: a saver\'s base shrinks — the ratchet 鞭打快牛)',
      target: 'target (T: savings never cut next year\'s base)',
      actualPlusRetained: 'actual + reward (A + reward: what a saver kept counts in its base)',
    } satisfies Record<YearsParams['baseRule'], string>,
    ruleShort: (r: YearsParams['baseRule']) => r,
    head: (name: string, years: number, from: number | null, n: number, unit: string) =>
      `${name} — ${years} years${from ? ` from ${from}` : ''}, ${n} institutions, amounts in ${unit}`,
    params: (rule: string, bg: string, rg: string, keep: boolean) =>
      `base rule (基数规则): ${rule}; budget growth ${bg}, revenue growth ${rg}; locked targets: ${keep ? 'kept' : 'released after year one'}`,
    fundPath: 'Fund path (基金运行):', year: 'year', fingerprint: 'fingerprint', yearN: (n: number) => `year ${n}`,
    below: (m: string) => `! below the warning line of ${m} months of coverage (可支付月数预警线)`,
    stopped: (n: number) => `The run stopped at year ${n}: that year cannot be settled:`,
    saver: 'Saver (结余最多)', spender: 'Spender (超支最多)',
    noSaver: 'nobody spent less than its targets over the run', noSpender: 'nobody spent more than its targets over the run',
    none: (who: string, why: string) => `${who}: none — ${why}`,
    pick: (who: string, h: string, surplus: boolean, rate: string, net: string) =>
      `${who}: ${h} — cumulative ${surplus ? 'surplus' : 'overspend'} rate ${rate} (Σ actual − Σ target = ${net})`,
    columns: ['year', 'target', 'claims', 'actual', 'surplus/-over rate', 'reward', 'fund share', 'owed', 'next base'],
    same: (n: number, years: number, rule: string, unit: string) => `${n} scenarios over the same ${years} years (base rule ${rule}); amounts in ${unit}`,
    own: (n: number, each: string, unit: string) => `${n} scenarios, each under its own analysis.years (${each}); amounts in ${unit}`,
    ownOne: (name: string, years: number, rule: string) => `${name}: ${years} years, base rule ${rule}`, sep: '; ',
    scenarioCol: (name: string, col: string) => `${name}: ${col}`,
  },
  zh: {
    rule: {
      actual: '按实际发生（结余机构下年基数下降，即“鞭打快牛”）',
      target: '按总额控制指标（结余不降低下年基数）',
      actualPlusRetained: '按实际发生＋结余留用（机构留用的结余计入下年基数）',
    } satisfies Record<YearsParams['baseRule'], string>,
    ruleShort: (r: YearsParams['baseRule']) => ({ actual: '按实际发生', target: '按总额控制指标', actualPlusRetained: '按实际发生＋结余留用' })[r],
    head: (name: string, years: number, from: number | null, n: number, unit: string) =>
      `${name} — 多年度测算 ${years} 年${from ? `（自 ${from} 年起）` : ''}，${n} 家机构，金额单位：${unit}`,
    params: (rule: string, bg: string, rg: string, keep: boolean) =>
      `下一年基数：${rule}；基金支出预算年增长率 ${bg}，基金收入年增长率 ${rg}；协商锁定指标：${keep ? '以后各年保持' : '第二年起按权重分配'}`,
    fundPath: '基金运行：', year: '年度', fingerprint: '结果指纹', yearN: (n: number) => `第${n}年`,
    below: (m: string) => `! 低于可支付月数预警线（${m} 个月）`,
    stopped: (n: number) => `第${n}年无法清算，测算到此为止：`,
    saver: '结余最多的机构', spender: '超支最多的机构',
    noSaver: '没有机构在测算期内结余', noSpender: '没有机构在测算期内超支',
    none: (who: string, why: string) => `${who}：无（${why}）`,
    pick: (who: string, h: string, surplus: boolean, rate: string, net: string) =>
      `${who}：${h} — 累计${surplus ? '结余' : '超支'}率 ${rate}（Σ实际发生 − Σ总额控制指标 = ${net}）`,
    columns: ['年度', hospitalName('target', 'zh'), hospitalName('claimsTotal', 'zh'), hospitalName('actual', 'zh'), '结余(+)/超支(−)率', '结余留用/奖励',
      '基金分担超支', hospitalName('owed', 'zh'), '下年基数'],
    same: (n: number, years: number, rule: string, unit: string) => `${n} 个方案同期比较：${years} 年，下一年基数${rule}；金额单位：${unit}`,
    own: (n: number, each: string, unit: string) => `${n} 个方案，各按本方案的多年度测算参数（analysis.years）：${each}；金额单位：${unit}`,
    ownOne: (name: string, years: number, rule: string) => `${name} ${years} 年、下一年基数${rule}`, sep: '；',
    scenarioCol: (name: string, col: string) => `${name}：${col}`,
  },
} as const;

const unitText = (unit: Unit, lang: Lang) => (lang === 'zh' ? unitName(unit, lang) : unit === 'wan' ? '万元' : '元');

/** A year's heading: its calendar year, else 第n年 / year n (as the app's years tab). */
const yearLabel = (run: YearsRun, k: number, lang: Lang) => (lang === 'en' ? yearName(run, k) : String(run.years[k]!.year ?? T.zh.yearN(run.years[k]!.index)));

export type { YearsReport };

/** The run, each year's result fingerprint, and the saver and spender; `where` names the file (and scenario) refused. */
export function yearsReport(s: Scenario, given: Partial<YearsParams>, where = s.meta.name): YearsReport {
  const out = yearsOutcome(s, given);
  if (!out.ok) throw new IssuesError(where, out.issues, s);
  return out;
}

export function yearsText(s: Scenario, rep: YearsReport, unit: Unit, lang: Lang = 'en'): string {
  const { run } = rep;
  const t = T[lang];
  const p = run.params;
  const first = run.years[0];
  const lines: string[] = [
    t.head(s.meta.name, p.years, first?.year ?? null, s.hospitals.length, unitText(unit, lang)),
    t.params(t.rule[p.baseRule], percent(p.budgetGrowth), percent(p.revenueGrowth), p.lockedTargets === 'keep'),
    '',
    t.fundPath,
  ];
  lines.push(renderTable(
    [{ header: t.year }, ...FUND_PATH.map((c) => ({ header: fundPathLabel(c, lang), right: true })), { header: t.fingerprint }],
    run.years.map((y, k) => [
      yearLabel(run, k, lang),
      ...FUND_PATH.map((c) => outputValue(y.fund[c.field] as string | null, c.kind, unit) + (c.field === 'monthsOfCoverage' && y.belowWarning ? ' !' : '')),
      rep.fingerprints[k] ?? '',
    ]),
  ));
  if (run.years.some((y) => y.belowWarning)) lines.push(t.below(String(p.warningMonths)));
  if (run.stopped) {
    lines.push('', t.stopped(run.stopped.index));
    for (const i of run.stopped.issues) lines.push(`  ${issueIn(i, lang, s)}`);
  }
  for (const [who, pick, none] of [[t.saver, rep.saver, t.noSaver], [t.spender, rep.spender, t.noSpender]] as const) {
    lines.push('');
    if (!pick) { lines.push(t.none(who, none)); continue; }
    const h = s.hospitals[pick.index]!;
    lines.push(t.pick(who, `${h.id} ${h.name}`, pick.rate.startsWith('-'), percent(pick.rate.replace(/^-/, '')), money(pick.net, unit)));
    lines.push(institutionTable(run, pick.index, unit, lang));
  }
  return lines.join('\n');
}

function institutionTable(run: YearsRun, i: number, unit: Unit, lang: Lang): string {
  const a = (x: number) => money(formatMoney(x), unit);
  return renderTable(
    T[lang].columns.map((header, k) => ({ header, right: k > 0 })),
    run.years.map((y, k) => {
      const c = y.columns;
      const t = c.target[i]!, act = c.actual[i]!;
      return [yearLabel(run, k, lang), a(t), a(c.claimsTotal[i]!), a(act), percent(ratioOfAmounts(t - act, t)), a(c.reward[i]!), a(c.fundShare[i]!),
        a(c.owed[i]!), a(c.basis[i]!)];
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

export async function yearsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    years: { type: 'string' }, 'base-rule': { type: 'string' }, 'revenue-growth': { type: 'string' }, 'budget-growth': { type: 'string' },
    locked: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' }, unit: { type: 'string' }, lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError(`years takes exactly one scenario file\n${YEARS_USAGE}`, 2);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const lang = langOption(values.lang);
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
  const ws = readWorkspaceIfAny(file);
  if (ws) {
    return variantsYears(file, ws, given, unit, lang, values.json === true, io, typeof values.xlsx === 'string' ? values.xlsx : null);
  }
  const s = readScenario(file);
  const rep = yearsReport(s, given, file);
  io.out(values.json ? JSON.stringify(yearsJson(s, rep), null, 2) : yearsText(s, rep, unit, lang));
  if (typeof values.xlsx === 'string') {
    writeBytes(values.xlsx, await yearsBook([{ name: s.meta.name, scenario: s, outcome: { ok: true, ...rep } }], lang, unit));
    io.err(wroteLine(values.xlsx, lang));
  }
  return rep.run.stopped ? 1 : 0;
}

/** A workspace file (baseline + variants), through the one gate; null for a scenario file. */
function readWorkspaceIfAny(file: string): Workspace | null {
  const text = readText(file);
  const j = parseJson(text);
  if (!j.ok || (j.value as { format?: unknown } | null)?.format !== WORKSPACE_FORMAT) return null;
  const r = validateWorkspace(j.value);
  if (!r.ok) throw new IssuesError(file, r.issues, j.value);
  return r.ws;
}

/**
 * Every scenario of a workspace, each under its own `analysis.years` (the flags given override
 * them for all), exactly as the page's years tab runs them (yearsOutcome, as the analysis
 * worker calls it), so the app and the command line give one path per scenario. Prints the
 * fund's path side by side (closing balance, months of coverage, current surplus rate; a year a
 * scenario does not run is "—"), then each scenario's own report with its parameters; and to
 * `xlsx`, the workbook the page exports when these scenarios are compared.
 */
async function variantsYears(file: string, ws: Workspace, given: Partial<YearsParams>, unit: Unit, lang: Lang, json: boolean, io: Io,
  xlsx: string | null): Promise<number> {
  const list = refKeys(ws).map((k) => {
    const s = scenarioOf(ws, k);
    return { name: refName(ws, k), s, rep: yearsReport(s, given, `${file} (${refName(ws, k)})`) };
  });
  if (json) {
    io.out(JSON.stringify({ scenarios: list.map((x) => ({ name: x.name, ...(yearsJson(x.s, x.rep) as object) })) }, null, 2));
  } else {
    const t = T[lang];
    const longest = list.reduce((a, x) => (x.rep.run.years.length > a.years.length ? x.rep.run : a), list[0]!.rep.run);
    const same = list.every((x) => JSON.stringify(x.rep.run.params) === JSON.stringify(list[0]!.rep.run.params));
    const u = unitText(unit, lang);
    const lines = [same
      ? t.same(list.length, longest.params.years, t.ruleShort(longest.params.baseRule), u)
      : t.own(list.length, list.map((x) => t.ownOne(x.name, x.rep.run.params.years, t.ruleShort(x.rep.run.params.baseRule))).join(t.sep), u), ''];
    const cols = FUND_PATH.filter((f) => f.field === 'closingBalance' || f.field === 'monthsOfCoverage' || f.field === 'currentSurplusRate');
    lines.push(renderTable(
      [{ header: t.year }, ...list.flatMap((x) => cols.map((c) => ({ header: t.scenarioCol(x.name, fundPathLabel(c, lang)), right: true })))],
      longest.years.map((_, k) => [yearLabel(longest, k, lang), ...list.flatMap((x) => cols.map((c) => {
        const y = x.rep.run.years[k];
        return y ? outputValue(y.fund[c.field] as string | null, c.kind, unit) + (c.field === 'monthsOfCoverage' && y.belowWarning ? ' !' : '') : '—';
      }))]),
    ));
    for (const x of list) lines.push('', `== ${x.name} ==`, yearsText(x.s, x.rep, unit, lang));
    io.out(lines.join('\n'));
  }
  if (xlsx) {
    writeBytes(xlsx, await yearsBook(list.map((x) => ({ name: x.name, scenario: x.s, outcome: { ok: true, ...x.rep } })), lang, unit));
    io.err(wroteLine(xlsx, lang));
  }
  return list.some((x) => x.rep.run.stopped) ? 1 : 0;
}
