/**
 * `gbsim monitor FILE [--as-of K]`: the monthly report (每月通报) — the warning list and the
 * fund's projection with claims known through month K (the file's monitoring.asOf, or the
 * first K months of a year-end file's claims), the rest of the year projected (DESIGN §10).
 */
import { writeFileSync } from 'node:fs';
import { parse, oneOf, langOption } from './args.ts';
import { CliError, readScenario, type Io } from './io.ts';
import { renderTable } from './table.ts';
import { asOfMonth } from '../engine/as-of.ts';
import { monitor, type MonitorReport, type MonitorRow } from '../engine/monitor.ts';
import { validateScenario } from '../scenario/open.ts';
import { formatIssue } from '../format/issues.ts';
import { money, percent } from '../display/number.ts';
import { sourceText, warningText } from '../sheets/monitor-book.ts';
import type { Scenario } from '../format/types.ts';
import type { Unit } from '../display/lang.ts';

export const MONITOR_USAGE = `  gbsim monitor FILE [--as-of K] [--all] [--json] [--unit yuan|wan] [--xlsx OUT.xlsx] [--lang zh|en]
      The monthly report: claims known through month K, the rest projected; the warning list and the fund's projection.`;

export async function monitorCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    'as-of': { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' }, unit: { type: 'string' }, xlsx: { type: 'string' }, lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new CliError('monitor takes exactly one scenario file', 2);
  const unit = oneOf(values.unit, ['yuan', 'wan'] as const, '--unit', 'yuan');
  const lang = langOption(values.lang);
  const file = positionals[0]!;
  let s = readScenario(file);
  if (values['as-of'] !== undefined) {
    const k = Number(values['as-of']);
    if (!/^\d{1,2}$/.test(String(values['as-of'])) || k < 1 || k > 12) throw new CliError('--as-of must be a month from 1 to 12', 2);
    s = throughGate(file, asOfMonth(s, k));
  }
  const rep = monitor(s);
  io.out(values.json ? JSON.stringify(rep, null, 2) : monitorText(s, rep, unit, values.all === true));
  if (typeof values.xlsx === 'string') {
    const { monitorWorkbook } = await import('../sheets/monitor-book.ts');
    const bytes = await monitorWorkbook(s.meta.name, rep, lang, unit);
    try {
      writeFileSync(values.xlsx, bytes);
    } catch (e) {
      throw new CliError(`${values.xlsx}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
    }
    io.err(`wrote ${values.xlsx}`);
  }
  return 0;
}

/** The scenario as of month K passes the same gate as any file. */
function throughGate(file: string, r: ReturnType<typeof asOfMonth>): Scenario {
  const v = r.ok ? validateScenario(r.scenario) : r;
  if (!v.ok) throw new CliError(v.issues.map((i) => `${file}: ${formatIssue(i)}`).join('\n'), 1);
  return v.scenario;
}

const COLS: [string, (r: MonitorRow, u: Unit) => string][] = [
  ['target', (r, u) => money(r.target, u)],
  ['budget to date', (r, u) => money(r.budgetToDate, u)],
  ['claims to date', (r, u) => money(r.claimsToDate, u)],
  ['progress', (r) => percent(r.progress)],
  ['deferred to date', (r, u) => money(r.deferredToDate, u)],
  ['projected claims', (r, u) => money(r.projectedClaims, u)],
  ['projected +over/−surplus', (r) => percent(r.projectedRate, 2, true)],
];

export function monitorText(s: Scenario, rep: MonitorReport, unit: Unit, all: boolean): string {
  const k = rep.asOf;
  const t = rep.thresholds;
  const head = `${s.meta.name}${s.meta.year ? ` (${s.meta.year})` : ''} — monthly report (每月通报), claims known through month ${k}`
    + `${k < 12 ? `; months ${k + 1}–12 projected` : ' (the whole year)'}; amounts in ${unit === 'wan' ? '万元' : '元'}`;
  const src = (x: typeof t.overspendRate) => { const w = sourceText(x, 'en'); return w ? ` [${w}]` : ''; };
  const lines = [
    head,
    `Warn when: projected overspend rate above ${percent(t.overspendRate.value)}${src(t.overspendRate)}; deferred claims above `
      + `${percent(t.deferredRate.value)} of the budget to date${src(t.deferredRate)}; fund below ${t.coverageMonths.value} months of coverage${src(t.coverageMonths)}`,
    '',
  ];
  const table = (idx: readonly number[]) => renderTable(
    [{ header: 'id' }, { header: 'name' }, ...COLS.map(([h]) => ({ header: h, right: true })), { header: 'warnings (预警)' }],
    idx.map((i) => { const r = rep.rows[i]!; return [r.id + (r.adjusted ? '*' : ''), r.name, ...COLS.map(([, g]) => g(r, unit)), warningText(r, 'en')]; }),
  );
  lines.push(`Warning list (预警名单): ${rep.warningList.length} of ${rep.rows.length} institutions`);
  if (rep.warningList.length) lines.push(table(rep.warningList));
  if (all) lines.push('', 'Progress of every institution (执行进度)', table(rep.rows.map((_, i) => i)));
  const f = rep.fund;
  lines.push('', renderTable([{ header: 'Fund projection (基金预测)' }, { header: unit === 'wan' ? '万元' : '元', right: true }], [
    ['budget to date', money(f.budgetToDate, unit)],
    ['claims to date', money(f.claimsToDate, unit)],
    ['paid to date', money(f.paidToDate, unit)],
    ['deferred to date', money(f.deferredToDate, unit)],
    ['projected expenditure', money(f.projectedExpenditure, unit)],
    ['projected closing balance', money(f.projectedClosingBalance, unit)],
    ['projected months of coverage (可支付月数)', f.projectedMonthsOfCoverage ?? '—'],
  ]));
  lines.push(`Months of coverage: ${f.projectedMonthsOfCoverage ?? '—'} — ${f.belowWarningLine ? 'BELOW' : 'not below'} the warning line of ${t.coverageMonths.value} months`);
  if (rep.adjustments.length) {
    lines.push('', 'Mid-year adjustments (年中调整; * above: target adjusted)');
    for (const a of rep.adjustments) {
      lines.push(`  ${a.hospital} from month ${a.from}: ${money(a.targetBefore, unit)} → ${money(a.targetAfter, unit)} (${money(a.change, unit, true)}, `
        + `absorbed by ${a.members} pool members) — ${a.reason}`);
    }
  }
  return lines.join('\n');
}
