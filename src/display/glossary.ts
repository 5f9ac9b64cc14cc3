/**
 * The one glossary: every name a user reads for a figure, a term or a kind of thing, in Chinese
 * and English. The app's message table, the workbook and CSV headers, the brief and the command
 * line all take their names from here, so one thing has one name everywhere. docs/GLOSSARY.md
 * is this table written out for people; a test keeps the two in step.
 */
import type { Lang } from './lang.ts';

export interface Name {
  zh: string;
  en: string;
}

const N = (zh: string, en: string): Name => ({ zh, en });

/** The fund's figures (keys of the engine's FundResult). */
export const FUND_FIGURES = {
  base: N('基金支出预算', 'Fund expenditure budget'),
  carveOuts: N('单列项目', 'Carve-outs'),
  riskReserve: N('风险储备金', 'Risk reserve'),
  globalTarget: N('年度总额控制目标', 'Global target'),
  adjustmentFund: N('年终清算调剂金', 'Adjustment fund'),
  allocatable: N('分配给医疗机构', 'Allocated to institutions'),
  totalTargets: N('机构指标合计', 'Institutions’ targets'),
  volumeCuts: N('服务量核减', 'Volume cuts'),
  totalDeposit: N('质量保证金合计', 'Quality deposits'),
  totalPaid: N('月度已拨付', 'Paid monthly'),
  totalDeferred: N('暂缓拨付', 'Deferred'),
  totalAdvance: N('预付周转金', 'Working-capital advance'),
  fundSharesClaimed: N('基金分担（申请）', 'Fund shares claimed'),
  adjustmentFundUsed: N('调剂金使用', 'Adjustment fund used'),
  adjustmentFundTopUp: N('结存补足调剂金', 'Top-up from the balance'),
  adjustmentFundUnused: N('调剂金结余', 'Adjustment fund unused'),
  retainedFromTargets: N('指标内基金留存', 'Kept by the fund from targets'),
  hospitalsOwed: N('应付医疗机构', 'Owed to institutions'),
  totalBalance: N('年终清算补（扣）', 'Year-end balance due'),
  expenditure: N('基金支出合计', 'Total expenditure'),
  revenue: N('当年基金收入', 'Revenue'),
  openingBalance: N('上年末累计结存', 'Opening balance'),
  closingBalance: N('年末累计结存', 'Closing balance'),
  monthsOfCoverage: N('可支付月数', 'Months of coverage'),
  currentSurplusRate: N('当年结存率', 'Current-year surplus rate'),
  cumulativeSurplusRate: N('累计结存率', 'Cumulative surplus rate'),
  pointCapCuts: N('点值封顶留存', 'Kept by the point-value cap'),
} as const satisfies Record<string, Name>;

/** An institution's figures (keys of the engine's HospitalResult). */
export const HOSPITAL_FIGURES = {
  pool: N('分配池', 'Pool'),
  locked: N('锁定指标', 'Locked'),
  weightShare: N('权重占比', 'Weight share'),
  allocatedTarget: N('分配指标', 'Allocated target'),
  volumeCut: N('服务量核减', 'Volume cut'),
  target: N('总额控制指标', 'Target'),
  deposit: N('质量保证金', 'Quality deposit'),
  monthlyBudget: N('月度额度', 'Monthly budget'),
  claims: N('月度申报', 'Claims'),
  claimsTotal: N('全年申报', 'Claims (year)'),
  projected: N('申报为预测', 'Claims projected'),
  deductions: N('核减', 'Deductions'),
  actual: N('实际发生', 'Actual'),
  paid: N('月度拨付', 'Paid'),
  paidTotal: N('已拨付', 'Paid'),
  deferred: N('暂缓拨付', 'Deferred'),
  withheld: N('按月预留保证金', 'Deposit withheld'),
  surplus: N('结余', 'Surplus'),
  surplusRate: N('结余率', 'Surplus rate'),
  reward: N('结余留用', 'Surplus retained'),
  overspend: N('超支', 'Overspend'),
  overspendRate: N('超支率', 'Overspend rate'),
  reasonableOverspend: N('合理超支', 'Reasonable overspend'),
  fundShareClaimed: N('基金分担（申请）', 'Fund share claimed'),
  fundShare: N('基金分担', 'Fund share'),
  due: N('清算应付', 'Due'),
  qualityRatio: N('保证金返还比例', 'Deposit return ratio'),
  depositReturned: N('返还保证金', 'Deposit returned'),
  depositForfeited: N('扣除保证金', 'Deposit forfeited'),
  advance: N('预付周转金', 'Working-capital advance'),
  owed: N('年终应付', 'Owed for the year'),
  balance: N('清算补（扣）', 'Balance due'),
  pointCapCut: N('点值封顶核减', 'Point-value cap cut'),
  paymentRate: N('支付率', 'Payment rate'),
  points: N('点数', 'Points'),
  projectedPoints: N('预估点数', 'Projected points'),
  pointShare: N('点数占比', 'Share of points'),
  pointsProjected: N('点数为预测', 'Points projected'),
} as const satisfies Record<string, Name>;

/** Words for the things a user works with. */
export const WORDS = {
  scenario: N('方案', 'Scenario'),
  baseline: N('基准方案', 'Baseline'),
  variant: N('测算方案', 'Alternative'),
  institution: N('定点医疗机构', 'Designated institution'),
  code: N('机构编码', 'Institution code'),
  name: N('机构名称', 'Name'),
  level: N('级别', 'Level'),
  category: N('类别', 'Category'),
  klass: N('机构类型', 'Class'),
  pool: N('分配池', 'Pool'),
  history: N('历史支出', 'History'),
  sources: N('参数与出处', 'Parameters and sources'),
  source: N('出处', 'Source'),
  difference: N('差额', 'Difference'),
  percentagePoints: N('个百分点', 'percentage points'),
  entitlement: N('点数法应得额', 'Entitlement by points'),
  budgetPointValue: N('预算点值', 'Budget point value'),
  pointValue: N('年度清算点值', 'Settlement point value'),
  pointValueUnit: N('元/分', 'yuan/point'),
  preSettlement: N('月度预结算', 'Monthly pre-settlement'),
  byPoints: N('点数法', 'by points'),
  catalogue: N('病种目录', 'Group catalogue'),
  yuan: N('元', 'yuan'),
  wan: N('万元', '10k yuan'),
} as const satisfies Record<string, Name>;

/**
 * How a rule is applied (the file's `mode`): tiers of a surplus or an overspend settled
 * marginally or by the whole rate's tier, and the quality score's return ratio interpolated
 * or by steps. Keys: the rule, a dot, the file's mode.
 */
export const RULE_MODES = {
  'tiers.marginal': N('超额累进', 'Marginal'),
  'tiers.step': N('全额分档', 'Step'),
  'quality.linear': N('线性插值', 'Linear'),
  'quality.step': N('分段', 'Step'),
} as const satisfies Record<string, Name>;

/**
 * The other choices a scenario file makes among a few words (the file's value after the dot):
 * how the deposit is withheld, how months are paid, how a pool is settled, next year's base in a
 * several-years run, negotiated targets in later years, deductions in a Monte Carlo run.
 */
export const SETTINGS = {
  'deposit.target': N('按总额指标预留', 'Withheld from target'),
  'deposit.claims': N('按月度申报费用扣留', 'Withheld from monthly claims'),
  'payment.capped': N('按月度额度拨付，超出部分暂缓', 'up to the monthly budget, the rest deferred'),
  'payment.prepaid': N('按月预拨', 'prepaid monthly'),
  'settlement.target': N('总额控制指标', 'by targets'),
  'settlement.points': N('点数法', 'by points'),
  'baseRule.actual': N('按实际发生', 'Actual spending'),
  'baseRule.target': N('按总额控制指标', 'Target'),
  'baseRule.actualPlusRetained': N('按实际发生＋结余留用', 'Actual + retained surplus'),
  'locked.keep': N('以后各年保持', 'kept in later years'),
  'locked.release': N('第二年起按权重分配', 'allocated by weight from year two'),
  'deductions.scaled': N('随申报额同比例', 'scaled with claims'),
  'deductions.fixed': N('固定金额', 'fixed amount'),
} as const satisfies Record<string, Name>;

/** During the year (DESIGN §10): the monthly report's figures and words (每月通报, 年中调整). */
export const MONITOR_WORDS = {
  monthlyReport: N('总额控制执行情况月报', 'Monthly report on the global budget'),
  asOf: N('申报数据截至', 'Claims known through'),
  actualMonth: N('实际', 'actual'),
  projectedMonth: N('预测', 'projected'),
  progress: N('执行进度', 'Progress'),
  budgetToDate: N('累计月度预算', 'Budget to date'),
  claimsToDate: N('累计申报费用', 'Claims to date'),
  paidToDate: N('累计拨付', 'Paid to date'),
  deferredToDate: N('累计暂缓拨付', 'Deferred to date'),
  projectedClaims: N('预计全年费用', 'Projected claims'),
  projectedActual: N('预计实际发生', 'Projected actual'),
  projectedRate: N('预计超支(+)/结余(−)率', 'Projected overspend (+) / surplus (−) rate'),
  projectedBalance: N('预计清算补（扣）', 'Projected balance due'),
  warnings: N('预警', 'Warnings'),
  warningList: N('预警名单', 'Warning list'),
  warningLine: N('预警线', 'Warning line'),
  overspendWarning: N('预计超支', 'projected overspend'),
  deferredWarning: N('暂缓拨付累积', 'deferred claims piling up'),
  overspendLine: N('超支预警线', 'Overspend warning line'),
  deferredLine: N('暂缓拨付预警线', 'Deferral warning line'),
  coverageLine: N('可支付月数预警线', 'Months-of-coverage warning line'),
  fundProjection: N('基金预测', 'Fund projection'),
  projectedExpenditure: N('预计全年基金支出', 'Projected expenditure'),
  projectedClosing: N('预计年末累计结存', 'Projected closing balance'),
  projectedCoverage: N('预计可支付月数', 'Projected months of coverage'),
  belowLine: N('低于预警线', 'Below the warning line'),
  adjustment: N('年中调整', 'Mid-year adjustment'),
  adjustments: N('年中调整记录', 'Mid-year adjustments'),
  adjustFrom: N('起始月份', 'From month'),
  adjustChange: N('调整额', 'Change'),
  targetBefore: N('调整前指标', 'Target before'),
  targetAfter: N('调整后指标', 'Target after'),
  absorbing: N('分担机构数', 'Members absorbing'),
  reason: N('调整原因', 'Reason'),
  pointsToDate: N('累计点数', 'Points to date'),
  projectedYearPoints: N('预计全年点数', 'Projected points (year)'),
  projectedPointValue: N('预计清算点值', 'Projected point value'),
} as const satisfies Record<string, Name>;

/** Steps of the waterfalls (src/engine/waterfall.ts) that are not a figure of their own. */
export const WATERFALL_STEPS = {
  unallocated: N('未分配（分配池无机构）', 'Not allotted (pool without institutions)'),
  retainedOther: N('未奖励结余及扣除保证金', 'Unrewarded surplus and forfeited deposits'),
  surplusVsTarget: N('结余（低于指标）', 'Surplus (under target)'),
  overspendVsTarget: N('超支（高于指标）', 'Overspend (over target)'),
  overspendBorne: N('超支机构自担', 'Overspend borne by the institution'),
  adjustmentFundCut: N('调剂金不足核减', 'Cut for the adjustment fund shortfall'),
  balanceBefore: N('比较方案：清算补（扣）', 'Balance due in the compared scenario'),
  paymentsBefore: N('比较方案：已拨付及预付周转金', 'Paid and advanced in the compared scenario'),
  owedBefore: N('比较方案：年终应付', 'Owed in the compared scenario'),
  owedAfter: N('当前方案：年终应付', 'Owed in the scenario shown'),
  paymentsAsBefore: N('按比较方案：已拨付及预付周转金', 'Paid and advanced as in the compared scenario'),
  balanceAfter: N('当前方案：清算补（扣）', 'Balance due in the scenario shown'),
  monthsTarget: N('月度拨付：总额控制指标', 'Paid monthly: target'),
  monthsDeposit: N('月度拨付：预留质量保证金', 'Paid monthly: deposit held back'),
  monthsUnpaid: N('月度拨付：指标未拨付部分', 'Paid monthly: target not paid out'),
} as const satisfies Record<string, Name>;

/**
 * An institution in a pool settled by points (DESIGN §7) has no target and is not paid monthly up
 * to a budget: its waterfall and its months use these names in the place of a target's (keys of
 * the steps and figures they replace). The monthly pre-settlement pays Pts_m × the budget point
 * value less the deposit withheld; the year-end settles against the entitlement.
 */
export const POINTS_STEPS = {
  allocatedTarget: N('分配池按点数分摊', 'Pool shared by points'),
  target: N('点数法应得额', 'Entitlement by points'),
  surplusVsTarget: N('结余（低于应得额）', 'Surplus (under entitlement)'),
  overspendVsTarget: N('超支（高于应得额）', 'Overspend (over entitlement)'),
  paidTotal: N('月度预结算已拨付', 'Paid on monthly pre-settlement'),
  monthsTarget: N('月度预结算：应得额', 'Pre-settled monthly: entitlement'),
  monthsDeposit: N('月度预结算：预留质量保证金', 'Pre-settled monthly: deposit held back'),
  monthsUnpaid: N('月度预结算：应得额超出预结算部分', 'Pre-settled monthly: entitlement beyond the pre-settlement'),
  monthlyBudget: N('月度预结算', 'Monthly pre-settlement'),
  paid: N('预结算拨付', 'Paid on pre-settlement'),
} as const satisfies Record<string, Name>;

/**
 * An institution's change between a scenario that pays it a target and one that pays it by
 * points: the steps that differ in kind are named for both (target / entitlement), whichever
 * of the two is shown; the others keep their names.
 */
export const MIXED_STEPS = {
  allocatedTarget: N('分配指标／按点数分摊', 'Allocated target / pool shared by points'),
  surplusVsTarget: N('结余（低于指标／应得额）', 'Surplus (under target / entitlement)'),
  overspendVsTarget: N('超支（高于指标／应得额）', 'Overspend (over target / entitlement)'),
  monthsTarget: N('月度拨付：指标／应得额', 'Paid monthly: target / entitlement'),
  monthsUnpaid: N('月度拨付：指标／应得额未拨付部分', 'Paid monthly: target / entitlement not paid out'),
} as const satisfies Record<string, Name>;

/**
 * What each name a formula may read means (src/engine/compile.ts `formulaNames`): the built-in
 * names by their own key, and the kinds of names a scenario adds — history years, indicator
 * scores, institutions' own fields — by `history`, `indicator`, `field`.
 */
export const FORMULA_NAMES = {
  historyLast: N('最近一年历史支出（元）', 'Last history year (yuan)'),
  weightedHistory: N('历史加权支出（元）：Σ 年度权重 × 历史支出', 'Weighted history (yuan): Σ year weight × history'),
  levelCoefficient: N('级别系数（未设为 1）', 'Level coefficient (1 if not set)'),
  categoryCoefficient: N('类别系数（未设为 1）', 'Category coefficient (1 if not set)'),
  defaultWeight: N('默认权重：历史加权 × 级别系数 × 类别系数', 'Default weight: weighted history × level × category coefficient'),
  volume: N('服务人次', 'Service volume (count)'),
  volumeFloor: N('最低服务人次', 'Minimum service volume (count)'),
  score: N('年终考核得分（0–100）', 'Assessment score (0–100)'),
  growth: N('预测所用增长率', 'Growth rate used for projection'),
  deductions: N('核减（元，无则为 0）', 'Deductions (yuan, 0 if none)'),
  claimsTotal: N('全年申报（元，或预测）', 'Claims of the year (yuan, or projected)'),
  history: N('历史支出（元）', 'History (yuan)'),
  indicator: N('考核指标得分（0–100）', 'Indicator score (0–100)'),
  field: N('机构自身字段（机构数据中的数值）', 'Institution\'s own field (a number in its data)'),
} as const satisfies Record<string, Name>;

export type TermKind = 'class' | 'level' | 'category';

/** Names of the usual class / level / category codes of a scenario; other codes are shown as written. */
export const TERMS: Record<TermKind, Record<string, Name>> = {
  class: {
    hospital: N('医院', 'hospital'), inpatient: N('住院', 'inpatient'), outpatient: N('门诊', 'outpatient'),
    chronic: N('门诊慢特病', 'outpatient chronic'), primary: N('基层', 'primary care'), pharmacy: N('定点药店', 'pharmacy'),
  },
  level: {
    tertiary: N('三级', 'tertiary'), secondary: N('二级', 'secondary'), primary: N('一级', 'primary'),
    community: N('社区', 'community'), unrated: N('未定级', 'unrated'),
  },
  category: {
    general: N('综合', 'general'), tcm: N('中医', 'TCM'), specialty: N('专科', 'specialty'), community: N('社区', 'community'),
    township: N('乡镇卫生院', 'township'), chronic: N('慢特病', 'chronic'), maternal: N('妇幼', 'maternal'), rehab: N('康复', 'rehabilitation'),
    hospital: N('医院', 'hospital'), primary: N('基层', 'primary care'),
  },
};

export type FundFigure = keyof typeof FUND_FIGURES;
export type HospitalFigure = keyof typeof HOSPITAL_FIGURES;
export type Word = keyof typeof WORDS;
export type MonitorWord = keyof typeof MONITOR_WORDS;
export type RuleMode = keyof typeof RULE_MODES;
export type Setting = keyof typeof SETTINGS;
export type WaterfallStepName = keyof typeof WATERFALL_STEPS;
export type FormulaNameMeaning = keyof typeof FORMULA_NAMES;

/** A waterfall step's name: the figure's own name (institution figures first for an institution), else the step's. */
/** How an institution is paid where a step is named: by a target, by points, or (a change between two scenarios) each by one. */
export type PaidBy = 'target' | 'points' | 'mixed';

export function stepName(key: string, lang: Lang, of: 'fund' | 'institution', by: PaidBy = 'target'): string {
  const own: Record<string, Name>[] = by === 'points' ? [POINTS_STEPS] : by === 'mixed' ? [MIXED_STEPS] : [];
  const tables: Record<string, Name>[] = of === 'fund' ? [FUND_FIGURES, HOSPITAL_FIGURES, WATERFALL_STEPS]
    : [...own, HOSPITAL_FIGURES, FUND_FIGURES, WATERFALL_STEPS];
  for (const t of tables) if (t[key]) return t[key][lang];
  return key;
}

export const fundName = (k: FundFigure, lang: Lang): string => FUND_FIGURES[k][lang];
export const hospitalName = (k: HospitalFigure, lang: Lang): string => HOSPITAL_FIGURES[k][lang];
export const word = (k: Word, lang: Lang): string => WORDS[k][lang];
export const monitorWord = (k: MonitorWord, lang: Lang): string => MONITOR_WORDS[k][lang];
export const ruleModeName = (k: RuleMode, lang: Lang): string => RULE_MODES[k][lang];

/** A setting's name (`deposit.claims` → 按月度申报费用扣留); a value not in the table is shown as written. */
export function settingName(field: string, value: string, lang: Lang): string {
  return (SETTINGS as Record<string, Name>)[`${field}.${value}`]?.[lang] ?? value;
}

/** The name of a class / level / category code; a code not in the table is shown as written. */
export function termName(kind: TermKind, code: string, lang: Lang): string {
  return TERMS[kind][code]?.[lang] ?? code;
}

/** The institutions of a level as the subject of a sentence: 三级 / Tertiary institutions. */
export function levelSubject(code: string, lang: Lang): string {
  const name = termName('level', code, lang);
  return lang === 'zh' ? name : `${name.charAt(0).toUpperCase()}${name.slice(1)} institutions`;
}

/** "2024年" / "2024": a data year as a heading. */
export const yearName = (year: number, lang: Lang): string => (lang === 'zh' ? `${year}年` : String(year));

/** The calendar years of a scenario's history columns, oldest first: the years before `year`. */
export function historyYears(year: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => year - count + i);
}

/** History column i's heading, 2022年 / 2022, for a scenario of `year` with `count` history years. */
export const historyName = (year: number, count: number, i: number, lang: Lang): string => yearName(year - count + i, lang);

/** The unit's name: 元 / 万元. */
export const unitName = (unit: 'yuan' | 'wan', lang: Lang): string => WORDS[unit][lang];
