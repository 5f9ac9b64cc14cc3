/**
 * How an entitlement by points was derived (DESIGN §7), said step by step in a bureau's words,
 * from the figures of engine/explain-points.ts (read here by shape: display imports no floor).
 * Point values 元/分 to 4 decimals; amounts in yuan with separators; exact figures throughout.
 * The names of the figures are the glossary's (display/glossary.ts).
 */
import type { Lang } from './lang.ts';
import { grouped, money, percent, plain } from './number.ts';
import { HOSPITAL_FIGURES as H, WORDS as W, termName, word } from './glossary.ts';

/** The part of engine/explain-points.ts's PointsExplanation these sentences read. */
export interface PointsStepsInput {
  source: 'total' | 'months' | 'projection';
  raw: string;
  coefficient: string;
  coefficientFrom: 'own' | 'level' | 'default';
  level: string;
  points: string;
  cases: number | null;
  pool: { name: string; amount: string; points: string; projectedPoints: string; budgetPointValue: string | null; pointValue: string | null; capped: boolean;
    entitled: string };
  share: string | null;
  entitlement: string;
  preSettled: string;
  withheld: string;
  actual: string;
  paymentRate: string | null;
}

const pts = (s: string) => grouped(s, 4);
const yuan = (s: string) => money(s, 'yuan');
/** English amounts say their unit (the Chinese sentences say 元 after each). */
const yuanEn = (s: string) => `${money(s, 'yuan')} yuan`;
const count = (n: number) => grouped(String(n), 0);
const pv = (s: string | null) => plain(s, 4);

/** The steps, one sentence each, in order. */
export function pointsSteps(x: PointsStepsInput, lang: Lang): string[] {
  const unit = word('pointValueUnit', lang);
  const level = termName('level', x.level, lang);
  if (lang === 'zh') {
    const src = x.source === 'total' ? '病例点数合计' : x.source === 'months' ? '各月病例点数之和' : `${H.projectedPoints.zh}（上年点数 ×（1 + 增长率））`;
    const k = x.coefficientFrom === 'own' ? '本机构点数法系数' : x.coefficientFrom === 'level' ? `点数法级别系数（${level}）` : '点数法系数（未设定，取 1）';
    return [
      `1. 原始点数：${src} ${pts(x.raw)} 分${x.cases !== null ? `（${count(x.cases)} 例）` : ''}。`,
      `2. 机构${H.points.zh} = 原始点数 × ${k}${k.endsWith('）') ? '' : ' '}${x.coefficient} = ${pts(x.points)} 分（保留 4 位小数，四舍五入）。`,
      `3. ${W.budgetPointValue.zh} = 分配池金额 ${yuan(x.pool.amount)} 元 ÷ 全池${H.projectedPoints.zh} ${pts(x.pool.projectedPoints)} 分`
        + ` = ${pv(x.pool.budgetPointValue)} ${unit}；`
        + `${W.preSettlement.zh}合计 ${yuan(x.preSettled)} 元，其中${H.withheld.zh} ${yuan(x.withheld)} 元。`,
      `4. ${W.pointValue.zh} = ${x.pool.capped ? `封顶后可分配 ${yuan(x.pool.entitled)} 元` : `分配池金额 ${yuan(x.pool.amount)} 元`} ÷ 全池总点数 ${pts(x.pool.points)} 分`
        + ` = ${pv(x.pool.pointValue)} ${unit}${x.pool.capped ? '（点值封顶，余额留存基金）' : ''}。`,
      `5. ${W.entitlement.zh} = 按${H.pointShare.zh} ${percent(x.share, 4)} 分配到分（最大余数法，${x.pool.capped ? '封顶后可分配额' : '分配池金额'}正好分完）`
        + ` = ${yuan(x.entitlement)} 元。`,
      `6. ${H.paymentRate.zh} = 应得额 ÷ ${H.actual.zh} ${yuan(x.actual)} 元 = ${percent(x.paymentRate, 2)}；此后按结余留用、合理超支分担规则以应得额为指标清算。`,
    ];
  }
  const src = x.source === 'total' ? 'its case points' : x.source === 'months' ? 'the sum of its monthly case points' :
    'projected points (last year × (1 + growth))';
  const k = x.coefficientFrom === 'own' ? 'its own points coefficient' : x.coefficientFrom === 'level' ? `the points coefficient (${level})` :
    'the points coefficient (none set: 1)';
  return [
    `1. Raw points: ${src}, ${pts(x.raw)}${x.cases !== null ? ` (${count(x.cases)} cases)` : ''}.`,
    `2. Institution points = raw points × ${k} ${x.coefficient} = ${pts(x.points)} (4 decimals, half-up).`,
    `3. ${W.budgetPointValue.en} = pool amount ${yuanEn(x.pool.amount)} ÷ the pool’s projected points ${pts(x.pool.projectedPoints)}`
      + ` = ${pv(x.pool.budgetPointValue)} ${unit}; `
      + `${W.preSettlement.en.toLowerCase()} ${yuanEn(x.preSettled)} in all, of which ${yuanEn(x.withheld)} withheld as the quality deposit.`,
    `4. ${W.pointValue.en} = ${x.pool.capped ? `the capped amount ${yuanEn(x.pool.entitled)}` : `pool amount ${yuanEn(x.pool.amount)}`}`
      + ` ÷ the pool’s total points ${pts(x.pool.points)} = ${pv(x.pool.pointValue)} ${unit}`
      + `${x.pool.capped ? ' (the point-value cap binds; the rest stays with the fund)' : ''}.`,
    `5. ${W.entitlement.en} = its share of points ${percent(x.share, 4)}, apportioned to the fen (largest remainder; the ${x.pool.capped ? 'capped amount' :
      'pool'} is paid out exactly) = ${yuanEn(x.entitlement)}.`,
    `6. ${H.paymentRate.en} = entitlement ÷ actual ${yuanEn(x.actual)} = ${percent(x.paymentRate, 2)}; `
      + 'the year-end settlement then treats the entitlement as its target (surplus retention, overspend sharing).',
  ];
}
