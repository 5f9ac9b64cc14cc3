/**
 * Shared by `gbsim years` and `gbsim sweep`: names of outputs in Chinese and English, how a
 * value is shown in a table and written to a sheet (amounts, ratios and parameter values as
 * numbers with number formats), and writing a workbook to a file.
 */
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { formatAmount, formatPercent, type Unit } from '../format/display.ts';
import { labelOf } from '../workspace/describe.ts';
import { parseMoney } from '../engine/money.ts';
import { FUND_OUTPUTS, type OutputKind } from '../engine/sweep.ts';
import type { ParamInfo } from '../engine/sweep-params.ts';
import type { Scenario } from '../format/types.ts';
import { toBytes } from '../sheets/style.ts';
import { CliError } from './io.ts';

export type Lang = 'zh' | 'en';

const FUND_NAMES: Record<string, [string, string]> = {
  closingBalance: ['期末累计结存', 'closing balance'],
  adjustmentFundUsed: ['调剂金使用', 'adjustment fund used'],
  monthsOfCoverage: ['可支付月数', 'months of coverage'],
  hospitalsOwed: ['应付机构合计', 'owed to institutions'],
  currentSurplusRate: ['当年结存率', 'current surplus rate'],
  cumulativeSurplusRate: ['累计结存率', 'cumulative surplus rate'],
  expenditure: ['基金支出', 'expenditure'],
  globalTarget: ['年度总额控制目标', 'global target'],
  adjustmentFund: ['年终清算调剂金', 'adjustment fund'],
  allocatable: ['可分配给机构', 'allocatable'],
  fundSharesClaimed: ['基金分担（申请）', 'fund shares claimed'],
  adjustmentFundTopUp: ['结存补足调剂金', 'top-up from balance'],
  adjustmentFundUnused: ['调剂金结余', 'adjustment fund unused'],
  retainedFromTargets: ['指标内基金留存', 'kept from targets'],
  totalTargets: ['机构指标合计', 'institutions\' targets'],
  totalDeposit: ['质量保证金合计', 'deposits'],
  totalPaid: ['月度拨付合计', 'paid monthly'],
  totalDeferred: ['暂缓拨付合计', 'deferred'],
  totalBalance: ['年终清算差额合计', 'year-end balance'],
  totalAdvance: ['预付周转金', 'advance'],
  volumeCuts: ['服务量核减', 'volume cuts'],
  riskReserve: ['风险准备金', 'risk reserve'],
  carveOuts: ['单列项目合计', 'carve-outs'],
  base: ['基金支出预算', 'fund budget'],
  revenue: ['基金收入', 'revenue'],
  openingBalance: ['期初累计结存', 'opening balance'],
};

const HOSPITAL_NAMES: Record<string, [string, string]> = {
  target: ['指标', 'target'], allocatedTarget: ['分配指标', 'allocated target'], volumeCut: ['服务量核减', 'volume cut'],
  deposit: ['保证金', 'deposit'], claimsTotal: ['申报额', 'claims'], deferred: ['暂缓拨付', 'deferred'], actual: ['实际支出', 'actual'],
  surplus: ['结余', 'surplus'], reward: ['结余奖励', 'reward'], overspend: ['超支', 'overspend'],
  reasonableOverspend: ['合理超支', 'reasonable overspend'], fundShareClaimed: ['基金分担（申请）', 'fund share claimed'],
  advance: ['预付周转金', 'advance'], fundShare: ['基金分担', 'fund share'], due: ['应结算额', 'due'],
  depositReturned: ['保证金返还', 'deposit returned'], depositForfeited: ['保证金扣留', 'deposit forfeited'],
  owed: ['年终应付', 'owed'], paidTotal: ['已拨付', 'paid'], balance: ['清算差额', 'balance'], basis: ['下年基数', 'next base'],
};

/** "期末累计结存" / "T01 owed". */
export function outputLabel(name: string, lang: Lang): string {
  const f = FUND_NAMES[name];
  if (f) return f[lang === 'zh' ? 0 : 1];
  const dot = name.lastIndexOf('.');
  const h = HOSPITAL_NAMES[name.slice(dot + 1)];
  return h && dot > 0 ? `${name.slice(0, dot).replace(/^hospitals\[id=(.+)\]$/, '$1')} ${h[lang === 'zh' ? 0 : 1]}` : name;
}

export const fieldLabel = (field: string, lang: Lang): string => HOSPITAL_NAMES[field]?.[lang === 'zh' ? 0 : 1] ?? FUND_NAMES[field]?.[lang === 'zh' ? 0 : 1] ?? field;

export const outputKindOf = (name: string): OutputKind => FUND_OUTPUTS[name] ?? 'amount';

/** A parameter's human name (the repo's labels), e.g. 保证金比例（医院）. */
export function paramLabel(p: ParamInfo, s: Scenario, lang: Lang): string {
  return labelOf(p.segments, s, lang);
}

/** An output value for a table: amounts grouped (元/万元), rates as percentages, months as is. */
export function showOutput(v: string | null, kind: OutputKind, unit: Unit): string {
  if (v === null) return '—';
  if (kind === 'amount') return formatAmount(v, unit);
  if (kind === 'ratio') return formatPercent(v);
  return v;
}

/** A parameter value for a table: amounts grouped, others as written. */
export function showParam(v: string | null, p: ParamInfo, unit: Unit): string {
  if (v === null) return '—';
  return p.kind === 'amount' ? formatAmount(v, unit) : v;
}

export const AMOUNT_FMT = '#,##0.00';
export const RATIO_FMT = '0.0000';
export const PERCENT_FMT = '0.00%';
/** Shows up to 12 decimals of a rate, at least 2. */
export const RATE_FMT = '0.00##########';

/** An exact decimal string as a sheet number: amounts in the unit, others as they are. */
export function cellNumber(v: string | null, kind: OutputKind | 'amount', unit: Unit = 'yuan'): number | null {
  if (v === null) return null;
  if (kind === 'amount') {
    const fen = parseMoney(v);
    return unit === 'wan' ? fen / 1e6 : fen / 100;
  }
  return Number(v);
}

export const outputFmt = (kind: OutputKind): string => (kind === 'amount' ? AMOUNT_FMT : kind === 'ratio' ? PERCENT_FMT : RATIO_FMT);
export const paramFmt = (p: ParamInfo): string => (p.kind === 'amount' ? AMOUNT_FMT : p.kind === 'count' ? '#,##0' : RATE_FMT);

export async function writeWorkbook(path: string, wb: ExcelJS.Workbook): Promise<void> {
  const bytes = await toBytes(wb);
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new CliError(`${path}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 1);
  }
}

/** Read a growth-like decimal flag ("0.03"); usage error naming the flag otherwise. */
export function decimalFlag(v: unknown, flag: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^-?\d{1,13}(\.\d{1,12})?$/.test(v.trim())) throw new CliError(`${flag} must be a decimal number like 0.03 (3%)`, 2);
  return v.trim();
}
