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
import { CliError, readScenario, readText, type Io } from './io.ts';
import { parseJson } from '../format/json.ts';
import { validateWorkspace } from '../workspace/file.ts';
import { refKeys, refName, scenarioOf } from '../workspace/workspace.ts';
import { WORKSPACE_FORMAT, type Workspace } from '../workspace/types.ts';
import { renderTable } from './table.ts';
import { decimalFlag, showOutput, writeBytes } from './analysis-out.ts';
import { FUND_PATH } from '../sheets/analysis-words.ts';
import { yearName } from '../sheets/analysis-export.ts';
import { yearsBook } from '../sheets/years-book.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { columnStrings, YEAR_COLUMNS, type YearsRun } from '../engine/years.ts';
import { yearsOutcome, type YearsReport } from '../engine/years-outcome.ts';
import { BASE_RULES, type YearsParams } from '../engine/analysis-params.ts';
import { formatIssue } from '../format/issues.ts';
import { formatMoney, ratioOfAmounts } from '../engine/money.ts';
import { money, percent } from '../display/number.ts';
import type { Scenario } from '../format/types.ts';

export const YEARS_USAGE = 'usage: gbsim years FILE|WORKSPACE [--years N] [--base-rule actual|target|actualPlusRetained] [--revenue-growth X] [--budget-growth X] [--locked keep|release] [--json] [--xlsx OUT.xlsx] [--unit yuan|wan] [--lang zh|en]';

const RULE_TEXT: Record<YearsParams['baseRule'], string> = {
  actual: 'actual (A: a saver\'s base shrinks — the ratchet 鞭打快牛)',
  target: 'target (T: savings never cut next year\'s base)',
  actualPlusRetained: 'actual + reward (A + reward: what a saver kept counts in its base)',
};

export type { YearsReport };

/** The run, each year's result fingerprint, and the saver and spender. */
export function yearsReport(s: Scenario, given: Partial<YearsParams>): YearsReport {
  const out = yearsOutcome(s, given);
  if (!out.ok) throw new CliError(out.issues.map(formatIssue).join('\n'), 1);
  return out;
}

export function yearsText(s: Scenario, rep: YearsReport, unit: Unit): string {
  const { run } = rep;
  const p = run.params;
  const first = run.years[0];
  const lines: string[] = [
    `${s.meta.name} — ${p.years} years${first?.year ? ` from ${first.year}` : ''}, ${s.hospitals.length} institutions, amounts in ${unit === 'wan' ? '万元' :
      '元'}`,
    `base rule (基数规则): ${RULE_TEXT[p.baseRule]}; budget growth ${percent(p.budgetGrowth)}, revenue growth ${percent(p.revenueGrowth)}; locked targets: ${p.lockedTargets === 'keep' ? 'kept' : 'released after year one'}`,
    '',
    'Fund path (基金运行):',
  ];
  lines.push(renderTable(
    [{ header: 'year' }, ...FUND_PATH.map((c) => ({ header: c.short, right: true })), { header: 'fingerprint' }],
    run.years.map((y, k) => [
      yearName(run, k),
      ...FUND_PATH.map((c) => showOutput(y.fund[c.field] as string | null, c.kind, unit) + (c.field === 'monthsOfCoverage' && y.belowWarning ? ' !' : '')),
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
    lines.push(`${who}: ${h.id} ${h.name} — cumulative ${pick.rate.startsWith('-') ? 'surplus' :
      'overspend'} rate ${percent(pick.rate.replace(/^-/, ''))} (Σ actual − Σ target = ${money(pick.net, unit)})`);
    lines.push(institutionTable(run, pick.index, unit));
  }
  return lines.join('\n');
}

function institutionTable(run: YearsRun, i: number, unit: Unit): string {
  const a = (x: number) => money(formatMoney(x), unit);
  return renderTable(
    ['year', 'target', 'claims', 'actual', 'surplus/-over rate', 'reward', 'fund share', 'owed', 'next base'].map((header, k) => ({ header, right: k > 0 })),
    run.years.map((y, k) => {
      const c = y.columns;
      const t = c.target[i]!, act = c.actual[i]!;
      return [yearName(run, k), a(t), a(c.claimsTotal[i]!), a(act), percent(ratioOfAmounts(t - act, t)), a(c.reward[i]!), a(c.fundShare[i]!), a(c.owed[i]!),
        a(c.basis[i]!)];
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
    return variantsYears(ws, given, unit, values.json === true, io, typeof values.xlsx === 'string' ? { path: values.xlsx, lang } : null);
  }
  const s = readScenario(file);
  const rep = yearsReport(s, given);
  io.out(values.json ? JSON.stringify(yearsJson(s, rep), null, 2) : yearsText(s, rep, unit));
  if (typeof values.xlsx === 'string') {
    writeBytes(values.xlsx, await yearsBook([{ name: s.meta.name, scenario: s, outcome: { ok: true, ...rep } }], lang, unit));
    io.err(`wrote ${values.xlsx}`);
  }
  return rep.run.stopped ? 1 : 0;
}

/** A workspace file (baseline + variants), through the one gate; null for a scenario file. */
function readWorkspaceIfAny(file: string): Workspace | null {
  const text = readText(file);
  const j = parseJson(text);
  if (!j.ok || (j.value as { format?: unknown } | null)?.format !== WORKSPACE_FORMAT) return null;
  const r = validateWorkspace(j.value);
  if (!r.ok) throw new CliError(r.issues.map((i) => `${file}: ${formatIssue(i)}`).join('\n'), 1);
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
async function variantsYears(ws: Workspace, given: Partial<YearsParams>, unit: Unit, json: boolean, io: Io,
  xlsx: { path: string; lang: Lang } | null): Promise<number> {
  const list = refKeys(ws).map((k) => {
    const s = scenarioOf(ws, k);
    return { name: refName(ws, k), s, rep: yearsReport(s, given) };
  });
  if (json) {
    io.out(JSON.stringify({ scenarios: list.map((x) => ({ name: x.name, ...(yearsJson(x.s, x.rep) as object) })) }, null, 2));
  } else {
    const longest = list.reduce((a, x) => (x.rep.run.years.length > a.years.length ? x.rep.run : a), list[0]!.rep.run);
    const same = list.every((x) => JSON.stringify(x.rep.run.params) === JSON.stringify(list[0]!.rep.run.params));
    const unitText = unit === 'wan' ? '万元' : '元';
    const lines = [same
      ? `${list.length} scenarios over the same ${longest.params.years} years (base rule ${longest.params.baseRule}); amounts in ${unitText}` :
      `${list.length} scenarios, each under its own analysis.years (${list.map((x) => `${x.name}: ${x.rep.run.params.years} years, base rule ${
        x.rep.run.params.baseRule}`).join('; ')}); amounts in ${unitText}`, ''];
    const cols = ['closingBalance', 'monthsOfCoverage', 'currentSurplusRate'] as const;
    const kinds = { closingBalance: 'amount', monthsOfCoverage: 'months', currentSurplusRate: 'ratio' } as const;
    lines.push(renderTable(
      [{ header: 'year' }, ...list.flatMap((x) => cols.map((c) => ({ header: `${x.name}: ${FUND_PATH.find((f) => f.field === c)?.short ?? c}`,
        right: true })))],
      longest.years.map((_, k) => [yearName(longest, k), ...list.flatMap((x) => cols.map((c) => {
        const y = x.rep.run.years[k];
        return y ? showOutput(y.fund[c] as string | null, kinds[c], unit) + (c === 'monthsOfCoverage' && y.belowWarning ? ' !' : '') : '—';
      }))]),
    ));
    for (const x of list) lines.push('', `== ${x.name} ==`, yearsText(x.s, x.rep, unit));
    io.out(lines.join('\n'));
  }
  if (xlsx) {
    writeBytes(xlsx.path, await yearsBook(list.map((x) => ({ name: x.name, scenario: x.s, outcome: { ok: true, ...x.rep } })), xlsx.lang, unit));
    io.err(`wrote ${xlsx.path}`);
  }
  return list.some((x) => x.rep.run.stopped) ? 1 : 0;
}
