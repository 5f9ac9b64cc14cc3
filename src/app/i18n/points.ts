/** Messages of pools settled by points (区域点数法, DESIGN §7), merged into index.ts; names of figures from the glossary. */
import { FUND_FIGURES as F, HOSPITAL_FIGURES as H, WORDS as W } from '../../display/glossary.ts';

export const zhPoints = {
  ptsTitle: '点数法结算', ptsPool: '分配池（点数法）', ptsTotal: '总点数', ptsProjected: H.projectedPoints.zh,
  ptsBudgetValue: W.budgetPointValue.zh, ptsValue: W.pointValue.zh, ptsUncapped: '封顶前点值', ptsCapped: '点值封顶已触发',
  ptsEntitled: '按点数分配', ptsCapCut: F.pointCapCuts.zh, ptsUnit: W.pointValueUnit.zh,
  ptsPoints: H.points.zh, ptsShare: H.pointShare.zh, ptsEntitlement: W.entitlement.zh, ptsPaymentRate: H.paymentRate.zh,
  cmpGainsTitle: '谁得益、谁受损：{metric}（{name} 相对 {base}）', cmpGainers: '增加 {n} 家，合计 {amount}', cmpLosers: '减少 {n} 家，合计 {amount}',
  cmpUnchanged: '不变 {n} 家', cmpMissing: '{n} 家不在此方案中', cmpTopGains: '增加最多', cmpTopLosses: '减少最多',
  casesNeedPoints: '当前方案没有按点数法结算的分配池或病种目录，无法导入病例清单；请先打开点数法方案',
  casesTitle: '病例清单导入（点数法）', casesPick: '选择病例清单（.csv / .parquet）…', casesCancel: '取消导入', casesStarting: '正在启动…',
  casesHint: '每行一个出院病例：机构编码、病组编码、总费用、基金支付、出院月份（可选：特例单议点数）。按病种目录和高低倍率规则计算病例点数，按机构和月份汇总后写入当前方案（可撤销）。',
  casesApplied: '已写入 {n} 家机构的点数（全年、分月、病例数和主要病组），可撤销',
  casesAppliedZeroed: '已写入 {n} 家机构的点数（可撤销）；{z} 家点数法机构在清单中没有病例，点数记为 0：{ids}',
  casesCancelled: '已取消，方案未作改动', casesFailed: '导入失败，方案未作改动：', casesRefused: '未导入，方案未作改动', casesSeconds: '用时 {s} 秒',
  casesProblems: '未计入的行（不会被悄悄丢弃）', casesValues: '最常见的值',
  ptsBriefTitle: '点数与支付率（{pool}）', ptsCases: '病例数', ptsSettledBy: '结算方式', ptsByPoints: '按点数', ptsByTarget: '按指标',
  ptsGroup: '主要病组', ptsLow: '费用极低', ptsHigh: '费用极高', ptsSpecial: '特例单议',
  ptsProjectedBadge: '预估点数', ptsExample: '点数法示例', ptsExampleHint: '打开示例市：基准方案按指标结算，测算方案住院按病种分值付费（区域点数法），并比较两者',
  ptsTargetOrEntitlement: `${H.target.zh}/应得额`, ptsNet: '应得额结余(+)/超支(−)',
} as const;

export const enPoints: Record<keyof typeof zhPoints, string> = {
  ptsTitle: 'Settled by points', ptsPool: 'Pool (by points)', ptsTotal: 'Total points', ptsProjected: H.projectedPoints.en,
  ptsBudgetValue: W.budgetPointValue.en, ptsValue: W.pointValue.en, ptsUncapped: 'Point value before the cap', ptsCapped: 'Point-value cap applied',
  ptsEntitled: 'Shared by points', ptsCapCut: F.pointCapCuts.en, ptsUnit: W.pointValueUnit.en,
  ptsPoints: H.points.en, ptsShare: H.pointShare.en, ptsEntitlement: W.entitlement.en, ptsPaymentRate: H.paymentRate.en,
  cmpGainsTitle: 'Who gains, who loses: {metric} ({name} against {base})', cmpGainers: '{n} up, by {amount} in all', cmpLosers: '{n} down, by {amount} in all',
  cmpUnchanged: '{n} unchanged', cmpMissing: '{n} not in this scenario', cmpTopGains: 'Largest gains', cmpTopLosses: 'Largest losses',
  casesNeedPoints: 'The scenario shown has no pool settled by points or no group catalogue: a case list cannot be imported; open a points scenario first',
  casesTitle: 'Case list import (by points)', casesPick: 'Choose a case list (.csv / .parquet)…', casesCancel: 'Cancel the import', casesStarting: 'Starting…',
  casesHint: 'One discharged case a row: institution code, group code, total cost, fund payable, month of discharge (optional: special-review points). Case points by the catalogue and the outlier rules, totalled per institution and month, written into the scenario shown (undoable).',
  casesApplied: 'Points written for {n} institutions (year, months, cases and top groups); undoable',
  casesAppliedZeroed: 'Points written for {n} institutions (undoable); {z} institutions of a points pool have no case in the list and get 0 points: {ids}',
  casesCancelled: 'Cancelled; the scenario is unchanged', casesFailed: 'The import failed; the scenario is unchanged: ', casesRefused: 'Not imported; the scenario is unchanged', casesSeconds: '{s} s',
  casesProblems: 'Rows left out (never silently dropped)', casesValues: 'Most frequent values',
  ptsBriefTitle: 'Points and payment rate ({pool})', ptsCases: 'Cases', ptsSettledBy: 'Settled', ptsByPoints: 'by points', ptsByTarget: 'by target',
  ptsGroup: 'Top groups', ptsLow: 'Low-cost', ptsHigh: 'High-cost', ptsSpecial: 'Special review',
  ptsProjectedBadge: 'Projected points', ptsExample: 'Points example', ptsExampleHint: 'Open the example city: the baseline settled by targets, an alternative paying inpatient care by points (DIP), compared',
  ptsTargetOrEntitlement: `${H.target.en} / entitlement`, ptsNet: 'Surplus (+) / overspend (−) of the entitlement',
};
