/**
 * The fund report (基金预算执行与清算报告, issue 10) as text: every heading, cell and note of the
 * report in one language and unit, from the engine's figures (engine/fund-report.ts). The app's
 * element and the command line's HTML (fund-report-html.ts) both print this one model; neither
 * formats or computes anything of its own. Figure names from the one glossary.
 */
import type { FundReport, GroupField, GroupRow, RankedInstitution } from '../engine/fund-report.ts';
import type { Scenario } from '../format/types.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { money, percent, plain } from '../display/number.ts';
import { fundName, hospitalName, termName, unitName, word, yearName } from '../display/glossary.ts';
import { labelOf } from '../workspace/describe.ts';
import { ruleValue } from './rule-value.ts';
import { parsePath } from './params.ts';

export interface ReportRow { cells: string[]; total?: boolean }
export interface ReportTable { /** A short table (two or three columns), printed at its own width. */ narrow?: boolean; caption?: string; head: string[];
  /** Right-aligned (numeric) columns. */ num: boolean[]; rows: ReportRow[] }
export interface ReportSection { id: 'budget' | 'settlement' | 'ranking' | 'points' | 'rules'; title: string; tables: ReportTable[]; notes: string[] }

export interface FundReportView {
  lang: Lang;
  unit: Unit;
  title: string;
  /** Header lines: label and value (fund, year, scenario, printed, unit). */
  meta: { label: string; value: string }[];
  sections: ReportSection[];
  /** The result's fingerprint line (small, at the end). */
  fingerprint: string;
}

const W = {
  zh: {
    title: '基金预算执行与清算报告', fund: '统筹地区', year: '预算年度', scenario: '方案', printed: '打印日期', unit: '金额单位',
    budget: '基金收支与预算', settlement: '清算结果汇总', ranking: '超支与结余较大的机构', points: '点数法分配池', rules: '适用规则与说明',
    item: '项目', amount: '金额', share: '占预算比例', total: '合计', carveOut: '单列项目：', pool: '分配池：', count: '机构数',
    byPool: '按分配池', byLevel: '按级别', byCategory: '按类别', netRate: '净结余(+)/超支(−)率', rank: '序号', rate: '比例',
    topOverspend: '超支额最大的机构（前 {n} 家）', topSurplus: '结余额最大的机构（前 {n} 家）', noneOver: '无超支机构。', noneSurplus: '无结余机构。',
    fundPosition: '基金收支', figure: '指标', value: '数值',
    members: '机构数', pointsSum: '年度点数', projPoints: '预估点数', capped: '点值封顶', yes: '是', no: '否', poolPayRate: '池支付率', payRange: '机构支付率（最低—最高）',
    param: '参数', setting: '取值', basis: '依据', status: '性质', official: '官方', assumption: '假设', note: '说明',
    unitNote: '金额以{unit}为单位，四舍五入保留两位小数；各项合计在引擎中按分精确计算。',
    sumNote: '基金支出预算 = 单列项目 + 风险储备金 + 年终清算调剂金 + 各分配池金额，合计与预算相等（精确到分）。',
    signNote: '清算补（扣）为正数表示年终向机构补付，负数表示扣回。',
    fp: '结果指纹 {fp}', noSources: '方案未注明参数出处。',
  },
  en: {
    title: 'Fund budget execution and settlement report', fund: 'Region', year: 'Budget year', scenario: 'Scenario', printed: 'Printed', unit: 'Amounts in',
    budget: 'Fund revenue, expenditure and budget', settlement: 'Settlement summary', ranking: 'Institutions with the largest overspend and surplus',
    points: 'Pools settled by points', rules: 'Rules applied and notes',
    item: 'Item', amount: 'Amount', share: 'Share of budget', total: 'Total', carveOut: 'Carve-out: ', pool: 'Pool: ', count: 'Institutions',
    byPool: 'By pool', byLevel: 'By level', byCategory: 'By category', netRate: 'Net surplus (+) / overspend (−) rate', rank: 'No.', rate: 'Rate',
    topOverspend: 'Largest overspend (top {n})', topSurplus: 'Largest surplus (top {n})', noneOver: 'No institution overspent.',
      noneSurplus: 'No institution has a surplus.',
    fundPosition: 'Fund position', figure: 'Figure', value: 'Value',
    members: 'Institutions', pointsSum: 'Points (year)', projPoints: 'Projected points', capped: 'Point-value cap bound', yes: 'yes', no: 'no',
    poolPayRate: 'Pool payment rate', payRange: 'Institutions’ payment rate (lowest – highest)',
    param: 'Parameter', setting: 'Value', basis: 'Basis', status: 'Status', official: 'official', assumption: 'assumption', note: 'Note',
    unitNote: 'Amounts in {unit}, rounded half-up to two decimals; every total is exact to the fen in the engine.',
    sumNote: 'Fund expenditure budget = carve-outs + risk reserve + adjustment fund + the pools’ amounts; the total equals the budget to the fen.',
    signNote: 'A positive balance due is paid to the institution at year end; a negative one is recovered.',
    fp: 'Result fingerprint {fp}', noSources: 'The scenario cites no sources for its parameters.',
  },
} as const;

type Key = keyof (typeof W)['zh'];
const say = (lang: Lang, k: Key, vars: Record<string, string | number> = {}): string =>
  Object.entries(vars).reduce<string>((t, [n, v]) => t.replaceAll(`{${n}}`, String(v)), W[lang][k]);

/** The report's words (for the app's button and tests). */
export const reportWord = (lang: Lang, k: Key): string => W[lang][k];

export interface ReportMeta { scenarioName: string; fingerprint: string | null; printed: string }

export function fundReportView(r: FundReport, s: Scenario, meta: ReportMeta, lang: Lang, unit: Unit): FundReportView {
  const mo = (a: string | null | undefined) => money(a, unit);
  const sections: ReportSection[] = [budgetSection(r, lang, mo), settlementSection(r, lang, mo), rankingSection(r, lang, mo)];
  if (r.pointsPools.length) sections.push(pointsSection(r, lang, mo));
  sections.push(rulesSection(s, lang, unit));
  // Numbered as printed (一、二、三… / 1. 2. 3.): a report without pools settled by points has no gap.
  return {
    lang, unit, title: say(lang, 'title'),
    meta: [
      { label: say(lang, 'fund'), value: s.meta.region ?? '—' },
      { label: say(lang, 'year'), value: s.meta.year !== undefined ? yearName(s.meta.year, lang) : '—' },
      { label: say(lang, 'scenario'), value: meta.scenarioName },
      { label: say(lang, 'printed'), value: meta.printed },
      { label: say(lang, 'unit'), value: unitName(unit, lang) },
    ],
    sections: sections.map((x, k) => ({ ...x, title: `${ordinal(k, lang)}${x.title}` })),
    fingerprint: say(lang, 'fp', { fp: meta.fingerprint ?? '—' }),
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** A section's number: 一、 in Chinese, 1. in English. */
const ordinal = (k: number, lang: Lang): string => (lang === 'zh' ? `${NUMERALS[k] ?? k + 1}、` : `${k + 1}. `);

type Mo = (a: string | null | undefined) => string;

function budgetSection(r: FundReport, lang: Lang, mo: Mo): ReportSection {
  const f = r.fund;
  const parts: ReportRow[] = r.budget.map((b) => ({
    cells: [b.kind === 'carveOut' ? say(lang, 'carveOut') + b.name : b.kind === 'pool' ? say(lang, 'pool') + b.name : fundName(b.kind, lang), mo(b.amount),
      percent(b.share)],
  }));
  const totalLabel = lang === 'zh' ? `合计（${fundName('base', 'zh')}）` : `Total (${fundName('base', 'en').toLowerCase()})`;
  parts.push({ cells: [totalLabel, mo(r.budgetTotal), percent(r.budgetTotalShare)], total: true });
  const position: [string, string][] = [
    [fundName('revenue', lang), mo(f.revenue)], [fundName('openingBalance', lang), mo(f.openingBalance)],
    [fundName('globalTarget', lang), mo(f.globalTarget)], [fundName('allocatable', lang), mo(f.allocatable)],
    [fundName('hospitalsOwed', lang), mo(f.hospitalsOwed)], [fundName('carveOuts', lang), mo(f.carveOuts)],
    [fundName('expenditure', lang), mo(f.expenditure)], [fundName('adjustmentFundUsed', lang), mo(f.adjustmentFundUsed)],
    [fundName('adjustmentFundTopUp', lang), mo(f.adjustmentFundTopUp)], [fundName('adjustmentFundUnused', lang), mo(f.adjustmentFundUnused)],
    [fundName('closingBalance', lang), mo(f.closingBalance)], [fundName('monthsOfCoverage', lang), plain(f.monthsOfCoverage)],
    [fundName('currentSurplusRate', lang), percent(f.currentSurplusRate)], [fundName('cumulativeSurplusRate', lang), percent(f.cumulativeSurplusRate)],
  ];
  return {
    id: 'budget', title: say(lang, 'budget'),
    tables: [
      { narrow: true, caption: fundName('base', lang), head: [say(lang, 'item'), say(lang, 'amount'), say(lang, 'share')], num: [false, true, true],
        rows: parts },
      { narrow: true, caption: say(lang, 'fundPosition'), head: [say(lang, 'figure'), say(lang, 'value')], num: [false, true],
        rows: position.map(([a, b]) => ({ cells: [a, b] })) },
    ],
    notes: [say(lang, 'sumNote')],
  };
}

const GROUP_HEAD: GroupField[] = ['target', 'claimsTotal', 'actual', 'surplus', 'overspend', 'reward', 'fundShare', 'depositReturned', 'owed', 'balance'];

function groupTable(caption: string, keyHead: string, rows: GroupRow[], total: GroupRow, name: (k: string) => string, lang: Lang, mo: Mo): ReportTable {
  const cells = (g: GroupRow, label: string): string[] => [label, String(g.count), ...GROUP_HEAD.map((f) => mo(g.sums[f])), percent(g.netRate, 2, true)];
  return {
    caption, head: [keyHead, say(lang, 'count'), ...GROUP_HEAD.map((f) => hospitalName(f, lang)), say(lang, 'netRate')],
    num: [false, ...Array<boolean>(GROUP_HEAD.length + 2).fill(true)],
    rows: [...rows.map((g) => ({ cells: cells(g, name(g.key)) })), { cells: cells(total, say(lang, 'total')), total: true }],
  };
}

function settlementSection(r: FundReport, lang: Lang, mo: Mo): ReportSection {
  const poolName = (k: string) => r.fund.pools.find((p) => p.id === k)?.name ?? k;
  return {
    id: 'settlement', title: say(lang, 'settlement'),
    tables: [
      groupTable(say(lang, 'byPool'), word('pool', lang), r.byPool, r.total, poolName, lang, mo),
      groupTable(say(lang, 'byLevel'), word('level', lang), r.byLevel, r.total, (k) => termName('level', k, lang), lang, mo),
      groupTable(say(lang, 'byCategory'), word('category', lang), r.byCategory, r.total, (k) => termName('category', k, lang), lang, mo),
    ],
    notes: [say(lang, 'signNote')],
  };
}

function rankingSection(r: FundReport, lang: Lang, mo: Mo): ReportSection {
  const poolName = (k: string) => r.fund.pools.find((p) => p.id === k)?.name ?? k;
  const table = (caption: string, list: RankedInstitution[], field: 'overspend' | 'surplus'): ReportTable => ({
    caption,
    head: [say(lang, 'rank'), word('name', lang), word('level', lang), word('pool', lang), hospitalName('target', lang), hospitalName('actual', lang),
      hospitalName(field, lang), hospitalName(field === 'overspend' ? 'overspendRate' : 'surplusRate', lang), hospitalName('balance', lang)],
    num: [true, false, false, false, true, true, true, true, true],
    rows: list.map((h, i) => ({ cells: [String(i + 1), h.name, termName('level', h.level, lang), poolName(h.pool), mo(h.target), mo(h.actual), mo(h.amount),
      percent(h.rate), mo(h.balance)] })),
  });
  const notes: string[] = [];
  if (!r.topOverspend.length) notes.push(say(lang, 'noneOver'));
  if (!r.topSurplus.length) notes.push(say(lang, 'noneSurplus'));
  return {
    id: 'ranking', title: say(lang, 'ranking'),
    tables: [
      ...(r.topOverspend.length ? [table(say(lang, 'topOverspend', { n: r.topOverspend.length }), r.topOverspend, 'overspend')] : []),
      ...(r.topSurplus.length ? [table(say(lang, 'topSurplus', { n: r.topSurplus.length }), r.topSurplus, 'surplus')] : []),
    ],
    notes,
  };
}

function pointsSection(r: FundReport, lang: Lang, mo: Mo): ReportSection {
  // The unit in the heading, as for amounts: 「预算点值（元/分）」 over 「6.6644」 keeps the table within a 1280 px window in English.
  const pvOf = (v: string | null) => (v === null ? '—' : plain(v, 4));
  const perPoint = (name: string) => (lang === 'zh' ? `${name}（${word('pointValueUnit', lang)}）` : `${name} (${word('pointValueUnit', lang)})`);
  return {
    id: 'points', title: say(lang, 'points'),
    tables: [{
      head: [word('pool', lang), say(lang, 'members'), fundName('allocatable', lang), say(lang, 'pointsSum'), say(lang, 'projPoints'),
        perPoint(word('budgetPointValue', lang)),
        perPoint(word('pointValue', lang)), say(lang, 'capped'), fundName('pointCapCuts', lang), say(lang, 'poolPayRate'), say(lang, 'payRange')],
      num: [false, true, true, true, true, true, true, false, true, true, true],
      rows: r.pointsPools.map((p) => ({ cells: [p.name, String(p.members), mo(p.amount), plain(p.points, 4), plain(p.projectedPoints, 4),
        pvOf(p.budgetPointValue), pvOf(p.pointValue),
        say(lang, p.capped ? 'yes' : 'no'), mo(p.capCut), percent(p.paymentRate), `${percent(p.minPaymentRate)} – ${percent(p.maxPaymentRate)}`] })),
    }],
    notes: [],
  };
}

function rulesSection(s: Scenario, lang: Lang, unit: Unit): ReportSection {
  const src = s.policy.sources ?? {};
  const rows: ReportRow[] = Object.keys(src).map((key) => {
    const p = src[key]!;
    let label = key;
    let value = '';
    try {
      const path = parsePath(key);
      label = labelOf(path, s, lang);
      // Lists and tables of values in words too (tiers, rates by class, pools…), amounts in the unit chosen.
      value = ruleValue(s, key, lang, unit);
    } catch { /* a key the labels do not know is shown as written */ }
    const basis = [p.document, p.number, p.article, p.date].filter(Boolean).join(' · ');
    return { cells: [label, value, basis, say(lang, p.status), p.note ?? ''] };
  });
  const notes = [say(lang, 'unitNote', { unit: unitName(unit, lang) })];
  if (!rows.length) notes.push(say(lang, 'noSources'));
  return {
    id: 'rules', title: say(lang, 'rules'),
    tables: rows.length ? [{ head: [say(lang, 'param'), say(lang, 'setting'), say(lang, 'basis'), say(lang, 'status'), say(lang, 'note')],
      num: [false, false, false, false, false], rows }] : [],
    notes,
  };
}
