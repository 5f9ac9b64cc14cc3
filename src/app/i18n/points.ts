/** Messages of pools settled by points (区域点数法, DESIGN §7), merged into index.ts; names of figures from the glossary. */
import { FUND_FIGURES as F, HOSPITAL_FIGURES as H, WORDS as W } from '../../display/glossary.ts';

export const zhPoints = {
  ptsTitle: '点数法结算', ptsPool: '分配池（点数法）', ptsTotal: '总点数', ptsProjected: H.projectedPoints.zh,
  ptsBudgetValue: W.budgetPointValue.zh, ptsValue: W.pointValue.zh, ptsUncapped: '封顶前点值', ptsCapped: '点值封顶已触发',
  ptsEntitled: '按点数分配', ptsCapCut: F.pointCapCuts.zh, ptsUnit: W.pointValueUnit.zh,
  ptsPoints: H.points.zh, ptsShare: H.pointShare.zh, ptsEntitlement: W.entitlement.zh, ptsPaymentRate: H.paymentRate.zh,
  cmpGainsTitle: '谁得益、谁受损：{metric}（{name} 相对 {base}）', cmpGainers: '增加 {n} 家，合计 {amount}', cmpLosers: '减少 {n} 家，合计 {amount}',
  cmpUnchanged: '不变 {n} 家', cmpMissing: '{n} 家不在此方案中', cmpTopGains: '增加最多', cmpTopLosses: '减少最多',
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
  ptsProjectedBadge: 'Projected points', ptsExample: 'Points example', ptsExampleHint: 'Open the example city: the baseline settled by targets, an alternative paying inpatient care by points (DIP), compared',
  ptsTargetOrEntitlement: `${H.target.en} / entitlement`, ptsNet: 'Surplus (+) / overspend (−) of the entitlement',
};
