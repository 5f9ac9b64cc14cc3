/**
 * Names of the figures a multi-year run or a sweep reports, in Chinese and English, and the
 * fund path's columns: shared by `gbsim years` / `gbsim sweep` tables and their workbooks.
 * Parameters are named by the workspace's labels (保证金比例（医院）…).
 */
import { labelOf } from '../workspace/describe.ts';
import { FUND_OUTPUTS, type OutputKind } from '../engine/sweep-outputs.ts';
import type { ParamInfo } from '../engine/sweep-params.ts';
import type { FundResult } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang } from '../display/lang.ts';
import { FUND_FIGURES, HOSPITAL_FIGURES, type Name } from '../display/glossary.ts';

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
  totalBalance: ['年终清算补（扣）', 'year-end balance due'],
  totalAdvance: ['预付周转金', 'advance'],
  volumeCuts: ['服务量核减', 'volume cuts'],
  riskReserve: ['风险储备金', 'risk reserve'],
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
  owed: ['年终应付', 'owed'], paidTotal: ['已拨付', 'paid'], balance: ['清算补（扣）', 'balance due'], basis: ['下年基数', 'next base'],
};

// The Chinese names are the glossary's (one name per figure across the app, the brief and the
// exports); the English ones stay the short lower-case forms the command line's tables and sheets use.
for (const [k, n] of Object.entries(FUND_NAMES)) { const g = (FUND_FIGURES as Record<string, Name>)[k]; if (g) n[0] = g.zh; }
for (const [k, n] of Object.entries(HOSPITAL_NAMES)) { const g = (HOSPITAL_FIGURES as Record<string, Name>)[k]; if (g) n[0] = g.zh; }

const pick = (names: [string, string], lang: Lang) => names[lang === 'zh' ? 0 : 1];

/** "年末累计结存" / "T01 owed". */
export function outputLabel(name: string, lang: Lang, s?: { hospitals: readonly { id: string; name: string }[] }): string {
  const f = FUND_NAMES[name];
  if (f) return pick(f, lang);
  // A figure added to the result later (pointCapCuts…) is named by the glossary, never shown as its key.
  const g = (FUND_FIGURES as Record<string, Name>)[name];
  if (g) return lang === 'zh' ? g.zh : g.en.charAt(0).toLowerCase() + g.en.slice(1);
  const dot = name.lastIndexOf('.');
  const h = HOSPITAL_NAMES[name.slice(dot + 1)];
  if (!h || dot <= 0) return name;
  const id = name.slice(0, dot).replace(/^hospitals\[id=(.+)\]$/, '$1');
  // Named as the institution's name (with its code) when the scenario is at hand: a reader knows names, not codes.
  const named = s?.hospitals.find((x) => x.id === id)?.name;
  const who = named === undefined ? id : lang === 'zh' ? `${named}（${id}）` : `${named} (${id})`;
  return lang === 'zh' && named !== undefined ? `${who}${pick(h, lang)}` : `${who} ${pick(h, lang)}`;
}

/** An institution's (or the fund's) figure by field name. */
export function fieldLabel(field: string, lang: Lang): string {
  const n = HOSPITAL_NAMES[field] ?? FUND_NAMES[field];
  return n ? pick(n, lang) : field;
}

export const outputKindOf = (name: string): OutputKind => FUND_OUTPUTS[name] ?? 'amount';

/** A parameter's human name (the workspace's labels), e.g. 保证金比例（医院）. */
export function paramLabel(p: ParamInfo, s: Scenario, lang: Lang): string {
  return labelOf(p.segments, s, lang);
}

/** The fund's figures along a multi-year run, in table order. */
export const FUND_PATH: readonly { field: keyof FundResult; kind: OutputKind; short: string }[] = [
  { field: 'base', kind: 'amount', short: 'budget' },
  { field: 'revenue', kind: 'amount', short: 'revenue' },
  { field: 'globalTarget', kind: 'amount', short: 'global target' },
  { field: 'adjustmentFund', kind: 'amount', short: 'adj. fund' },
  { field: 'adjustmentFundUsed', kind: 'amount', short: 'adj. fund used' },
  { field: 'hospitalsOwed', kind: 'amount', short: 'owed' },
  { field: 'expenditure', kind: 'amount', short: 'expenditure' },
  { field: 'openingBalance', kind: 'amount', short: 'opening balance' },
  { field: 'closingBalance', kind: 'amount', short: 'closing balance' },
  { field: 'monthsOfCoverage', kind: 'months', short: 'months of coverage' },
  { field: 'currentSurplusRate', kind: 'ratio', short: 'current surplus rate' },
  { field: 'cumulativeSurplusRate', kind: 'ratio', short: 'cumulative surplus rate' },
];

/** A fund path column's heading: the glossary's name in Chinese ("年末累计结存"), the short form in English ("closing balance"). */
export function fundPathLabel(c: (typeof FUND_PATH)[number], lang: Lang): string {
  return lang === 'zh' ? (FUND_FIGURES as Record<string, Name>)[c.field]?.zh ?? c.short : c.short;
}
