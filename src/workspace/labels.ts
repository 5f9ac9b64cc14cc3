/**
 * Human names of the common parameter paths, for describing a variant's changes.
 * Patterns: dot-separated keys; `*` matches any key of a map (its value fills `{key}`), `[]`
 * matches a list element (its 1-based position fills `{n}`, its id and name fill `{item}`; in a list of
 * history years, `{year}` is the calendar year, 2022年 for the first of three before 2025).
 * Paths not listed here are shown as the path itself.
 */

import type { Lang } from '../display/lang.ts';

import { TERMS as GLOSSARY_TERMS, termName, type TermKind } from '../display/glossary.ts';

export type { TermKind };

export interface Label {
  zh: string;
  en: string;
  /** Which term table translates `{key}` in Chinese. */
  terms?: TermKind;
}

/** Chinese names of the usual class/level/category keys (the one glossary's); other keys are shown as written. */
export const TERMS: Record<TermKind, Record<string, string>> = {
  class: zhNames(GLOSSARY_TERMS.class),
  level: zhNames(GLOSSARY_TERMS.level),
  category: zhNames(GLOSSARY_TERMS.category),
};

function zhNames(names: Record<string, { zh: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([k, n]) => [k, n.zh]));
}

const L = (zh: string, en: string, terms?: TermKind): Label => (terms ? { zh, en, terms } : { zh, en });

function tierLabels(prefix: string, zh: string, en: string): Record<string, Label> {
  return {
    [prefix]: L(`${zh}规则`, `${en} rule`),
    [`${prefix}.mode`]: L(`${zh}分档方式`, `${en} tier mode`),
    [`${prefix}.tiers`]: L(`${zh}分档`, `${en} tiers`),
    [`${prefix}.tiers[]`]: L(`${zh}第{n}档`, `${en} tier {n}`),
    [`${prefix}.tiers[].upTo`]: L(`${zh}第{n}档上限`, `${en} tier {n} upper bound`),
    [`${prefix}.tiers[].share`]: L(`${zh}第{n}档比例`, `${en} tier {n} share`),
  };
}

/** The Monte Carlo parameters, under the scenario's `analysis.risk` or a run's own `risk`. */
function riskLabels(prefix: string): Record<string, Label> {
  return {
    [`${prefix}.draws`]: L('抽样次数', 'Draws'),
    [`${prefix}.seed`]: L('随机种子', 'Seed'),
    [`${prefix}.sigmaCommon`]: L('全市共同冲击标准差 σc', 'Common shock σc'),
    [`${prefix}.sigma`]: L('机构自身波动标准差 σh', 'Own variation σh'),
    [`${prefix}.sigmaByCategory`]: L('按类别的 σh', 'σh by category'),
    [`${prefix}.sigmaByCategory.*`]: L('按类别的 σh（{key}）', 'σh ({key})', 'category'),
    [`${prefix}.deductions`]: L('核减', 'Deductions'),
    [`${prefix}.overspendThreshold`]: L('超支认定线（超支率）', 'Overspend line (rate)'),
  };
}

export const LABELS: Record<string, Label> = {
  // The sections, for a field of the file's own under one (「政策参数中的 custom」).
  meta: L('方案信息', 'Scenario details'),
  fund: L('基金收支', 'Fund'),
  policy: L('政策参数', 'Policy'),
  monitoring: L('执行监测', 'Monitoring'),
  hospitals: L('定点医疗机构', 'Institutions'),
  'meta.name': L('方案名称', 'Scenario name'),
  'meta.description': L('方案说明', 'Description'),
  'meta.region': L('统筹地区', 'Region'),
  'meta.year': L('年度', 'Year'),
  'fund.budget': L('基金支出预算', 'Fund expenditure budget'),
  'fund.revenue': L('当年基金收入', 'Fund revenue'),
  'fund.openingBalance': L('上年末累计结存', 'Opening balance'),
  'fund.riskReserveRate': L('风险储备金比例', 'Risk reserve rate'),
  'fund.adjustmentFundRate': L('年终清算调剂金比例', 'Adjustment fund rate'),
  'fund.adjustmentTopUpCap': L('调剂金不足时的补足上限', 'Adjustment fund top-up cap'),
  'fund.carveOuts': L('单列项目', 'Carve-outs'),
  'fund.carveOuts[]': L('单列项目（{item}）', 'Carve-out ({item})'),
  'fund.carveOuts[].amount': L('单列金额（{item}）', 'Carve-out amount ({item})'),
  'fund.carveOuts[].name': L('单列项目名称（{item}）', 'Carve-out name ({item})'),
  'policy.pools': L('分配池', 'Pools'),
  'policy.pools[]': L('分配池（{item}）', 'Pool ({item})'),
  'policy.pools[].share': L('分配池份额（{item}）', 'Pool share ({item})'),
  'policy.pools[].classes': L('分配池包含的机构类型（{item}）', 'Pool classes ({item})'),
  'policy.pools[].name': L('分配池名称（{item}）', 'Pool name ({item})'),
  'policy.historyWeights': L('历史年度权重', 'History weights'),
  'policy.historyWeights[]': L('历史年度权重（{year}）', 'History weight ({year})'),
  'policy.levelCoefficients': L('级别系数', 'Level coefficients'),
  'policy.levelCoefficients.*': L('级别系数（{key}）', 'Level coefficient ({key})', 'level'),
  'policy.categoryCoefficients': L('类别系数', 'Category coefficients'),
  'policy.categoryCoefficients.*': L('类别系数（{key}）', 'Category coefficient ({key})', 'category'),
  'policy.weightFormula': L('分配权重公式', 'Weight formula'),
  'policy.deposit.base': L('保证金计提基数', 'Deposit base'),
  'policy.deposit.rates': L('保证金比例', 'Deposit rates'),
  'policy.deposit.rates.*': L('保证金比例（{key}）', 'Deposit rate ({key})', 'class'),
  'policy.monthlyPayment': L('月度拨付方式', 'Monthly payment mode'),
  'policy.monthlyProfile': L('月度分配权重', 'Monthly profile'),
  'policy.monthlyProfile[]': L('月度分配权重（{n}月）', 'Monthly weight (month {n})'),
  ...tierLabels('policy.surplus', '结余留用', 'Surplus retention'),
  'policy.surplus.cap': L('结余奖励上限（占目标）', 'Surplus reward cap (of target)'),
  'policy.surplus.eligibility': L('结余奖励条件', 'Surplus reward eligibility'),
  ...tierLabels('policy.overspend', '超支分担', 'Overspend sharing'),
  'policy.overspend.reasonableShare': L('合理超支认定比例', 'Reasonable share of overspend'),
  'policy.overspend.cap': L('基金分担上限（占目标）', 'Fund share cap (of target)'),
  'policy.volumeFloor': L('最低服务人次控制', 'Minimum service volume'),
  'policy.quality': L('年终考核规则', 'Quality assessment rule'),
  'policy.quality.mode': L('考核得分折算方式', 'Quality mapping mode'),
  'policy.quality.points': L('考核得分折算点', 'Quality mapping points'),
  'policy.quality.points[].score': L('考核折算点{n}得分', 'Quality point {n} score'),
  'policy.quality.points[].ratio': L('考核折算点{n}返还比例', 'Quality point {n} return ratio'),
  'policy.quality.indicators': L('考核指标', 'Quality indicators'),
  'policy.quality.indicators[]': L('考核指标（{item}）', 'Quality indicator ({item})'),
  'policy.quality.indicators[].weight': L('考核指标权重（{item}）', 'Quality indicator weight ({item})'),
  'policy.growth.region': L('全区增长率', 'Regional growth'),
  'policy.growth.byCategory.*': L('类别增长率（{key}）', 'Growth by category ({key})', 'category'),
  'policy.advance.months': L('预付周转金月数', 'Working-capital advance (months)'),
  'policy.advance': L('预付周转金', 'Working-capital advance'),
  // Pools settled by points (DESIGN §7).
  'policy.pools[].id': L('分配池编码（{item}）', 'Pool code ({item})'),
  'policy.pools[].settlement': L('分配池结算方式（{item}）', 'Pool settlement ({item})'),
  'policy.points': L('点数法规则', 'Points rules'),
  'policy.points.thresholds': L('高低倍率界值', 'Outlier thresholds'),
  'policy.points.thresholds.low': L('费用极低病例界值（倍率）', 'Low-cost threshold (ratio)'),
  'policy.points.thresholds.high': L('费用极高病例界值（倍率）', 'High-cost threshold (ratio)'),
  'policy.points.levelCoefficients': L('点数法级别系数', 'Points coefficients by level'),
  'policy.points.levelCoefficients.*': L('点数法级别系数（{key}）', 'Points coefficient ({key})', 'level'),
  'policy.points.pointValueCap': L('点值封顶（预算点值的倍数）', 'Point-value cap (× budget point value)'),
  'policy.points.growth': L('点数增长率（预估点数）', 'Growth of points (projection)'),
  catalogue: L('病种目录', 'Group catalogue'),
  // The analyses' run parameters kept in the file (DESIGN §8, §9).
  analysis: L('测算参数（多年度、敏感性、风险）', 'Analysis parameters (years, sweeps, risk)'),
  'analysis.years': L('多年度测算参数', 'Several-years parameters'),
  'analysis.sweeps': L('敏感性分析参数', 'Sweep parameters'),
  'analysis.risk': L('风险测算参数', 'Risk parameters'),
  'analysis.years.years': L('多年度测算年数', 'Years in the run'),
  'analysis.years.baseRule': L('多年度测算下一年基数', 'Next year’s base (several years)'),
  'analysis.years.revenueGrowth': L('基金收入年增长率', 'Fund revenue growth per year'),
  'analysis.years.budgetGrowth': L('基金支出预算年增长率', 'Budget growth per year'),
  'analysis.years.lockedTargets': L('多年度测算中的协商锁定指标', 'Negotiated targets in later years'),
  'analysis.years.warningMonths': L('多年度测算可支付月数预警线', 'Warning line, months of coverage (several years)'),
  'analysis.sweeps[]': L('敏感性分析（第{n}项）', 'Sweep {n}'),
  ...riskLabels('analysis.risk'),
  'analysis.risk.draws': L('风险测算抽样次数', 'Risk draws'),
  'analysis.risk.seed': L('风险测算随机种子', 'Risk seed'),
  'analysis.risk.sigmaCommon': L('全市共同冲击标准差', 'Common shock spread'),
  'analysis.risk.sigma': L('机构自身波动标准差', 'Institution’s own spread'),
  'analysis.risk.sigmaByCategory.*': L('机构自身波动标准差（{key}）', 'Institution’s own spread ({key})', 'category'),
  'analysis.risk.deductions': L('风险测算中的核减', 'Deductions in the risk run'),
  'analysis.risk.overspendThreshold': L('超支认定线（超支率）', 'Overspend threshold (rate)'),
  'catalogue[]': L('病种（{item}）', 'Group ({item})'),
  'catalogue[].id': L('病种编码（{item}）', 'Group code ({item})'),
  'catalogue[].name': L('病种名称（{item}）', 'Group name ({item})'),
  'catalogue[].score': L('病种分值（{item}）', 'Group score ({item})'),
  'catalogue[].refCost': L('病种次均费用（{item}）', 'Reference cost ({item})'),
  // During the year (DESIGN §10): the monitored month and mid-year adjustments (年中调整). An adjustment's
  // institution is put in front by describe.ts's labelParts, as for a hospital's own fields.
  'monitoring.asOf': L('申报数据截至（月）', 'Claims known through (month)'),
  'monitoring.thresholds.overspendRate': L('超支预警线', 'Overspend warning line'),
  'monitoring.thresholds.deferredRate': L('暂缓拨付预警线', 'Deferral warning line'),
  'monitoring.thresholds.coverageMonths': L('可支付月数预警线', 'Months-of-coverage warning line'),
  adjustments: L('年中调整记录', 'Mid-year adjustments'),
  'adjustments[]': L('第{n}项年中调整', 'mid-year adjustment {n}'),
  'adjustments[].hospital': L('第{n}项年中调整的机构编码', 'mid-year adjustment {n}, institution code'),
  'adjustments[].from': L('第{n}项年中调整的起始月份', 'mid-year adjustment {n}, from month'),
  'adjustments[].target': L('第{n}项年中调整的调整后指标', 'mid-year adjustment {n}, target after'),
  'adjustments[].change': L('第{n}项年中调整的调整额', 'mid-year adjustment {n}, change'),
  'adjustments[].reason': L('第{n}项年中调整的调整原因', 'mid-year adjustment {n}, reason'),
  'adjustments[].date': L('第{n}项年中调整的日期', 'mid-year adjustment {n}, date'),
  ...riskLabels('risk'),
};

/** Fields of one hospital; the hospital's id and name are put in front ("H003 某医院 · 锁定目标"). */
export const HOSPITAL_LABELS: Record<string, Label> = {
  name: L('名称', 'name'),
  level: L('级别', 'level'),
  category: L('类别', 'category'),
  class: L('机构类型', 'institution class'),
  history: L('历史支出', 'history'),
  'history[]': L('{year}历史支出', '{year} history'),
  lockedTarget: L('锁定目标', 'locked target'),
  growth: L('增长率', 'growth'),
  volume: L('服务人次', 'service volume'),
  volumeFloor: L('最低服务人次', 'minimum service volume'),
  claims: L('月度申报额', 'monthly claims'),
  'claims[]': L('{n}月申报额', 'claims, month {n}'),
  claimsToDate: L('已知月份的申报额', 'claims to date'),
  'claimsToDate[]': L('{n}月申报额（已知）', 'claims to date, month {n}'),
  lastYearClaims: L('上年月度申报额', 'last year’s monthly claims'),
  'lastYearClaims[]': L('上年{n}月申报额', 'last year’s claims, month {n}'),
  deductions: L('核减额', 'deductions'),
  score: L('考核得分', 'quality score'),
  indicators: L('考核指标得分', 'indicator scores'),
  'indicators.*': L('考核指标得分（{key}）', 'indicator score ({key})'),
  'fields.*': L('字段 {key}', 'field {key}'),
  advanceEligible: L('预付周转金资格', 'advance eligible'),
  points: L('点数', 'points'),
  'points.total': L('全年点数', 'points of the year'),
  'points.months': L('分月点数', 'points by month'),
  'points.lastYear': L('上年点数', 'last year’s points'),
  'points.coefficient': L('机构系数', 'institution coefficient'),
  'points.growth': L('点数增长率', 'growth of points'),
  'points.projected': L('预估点数', 'projected points'),
  reasonableShare: L('合理超支认定比例', 'reasonable share of overspend'),
};

/** The word for a whole hospital: "机构 H003 某医院" / "Hospital H003 …". */
export const HOSPITAL_WORD: Label = L('机构', 'Hospital');

export function term(kind: TermKind | undefined, key: string, lang: Lang): string {
  return kind ? termName(kind, key, lang) : key;
}
