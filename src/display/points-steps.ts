/**
 * How an entitlement by points was derived (DESIGN §7), said step by step in a bureau's words,
 * from the figures of engine/explain-points.ts (read here by shape: display imports no floor).
 * Point values 元/分 to 4 decimals; amounts in yuan with separators; exact figures throughout.
 */
import type { Lang } from './lang.ts';
import { grouped, money, percent } from './number.ts';
import { termName, word } from './glossary.ts';

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

/** The steps, one sentence each, in order. */
export function pointsSteps(x: PointsStepsInput, lang: Lang): string[] {
  const unit = word('pointValueUnit', lang);
  if (lang === 'zh') {
    const src = x.source === 'total' ? '病例点数合计' : x.source === 'months' ? '各月病例点数之和' : '预计点数（上年点数 ×（1 + 增长率））';
    const k = x.coefficientFrom === 'own' ? '本机构系数' : x.coefficientFrom === 'level' ? `${termName('level', x.level, 'zh')}医院等级系数` : '系数（未设定，取 1）';
    return [
      `1. 原始点数：${src} ${pts(x.raw)} 分${x.cases !== null ? `（${x.cases} 例）` : ''}。`,
      `2. 机构点数 = 原始点数 × ${k} ${x.coefficient} = ${pts(x.points)} 分（保留 4 位小数，四舍五入）。`,
      `3. 预算点值 = 池内金额 ${yuan(x.pool.amount)} 元 ÷ 预计点数 ${pts(x.pool.projectedPoints)} 分 = ${x.pool.budgetPointValue ??
        '—'} ${unit}；按月预结算合计 ${yuan(x.preSettled)} 元，其中预留质量保证金 ${yuan(x.withheld)} 元。`,
      `4. 年度清算点值 = ${x.pool.capped ? `封顶后可分配 ${yuan(x.pool.entitled)} 元` :
        `池内金额 ${yuan(x.pool.amount)} 元`} ÷ 全池点数 ${pts(x.pool.points)} 分 = ${x.pool.pointValue ?? '—'} ${unit}${x.pool.capped ? '（点值封顶，余额留存基金）' : ''}。`,
      `5. 点数法应得额 = 按点数占比 ${percent(x.share, 4)} 分配到分（最大余数法，全池正好分完）= ${yuan(x.entitlement)} 元。`,
      `6. 支付率 = 应得额 ÷ 实际发生 ${yuan(x.actual)} 元 = ${percent(x.paymentRate, 2)}；此后按结余留用、合理超支分担规则以应得额为指标清算。`,
    ];
  }
  const src = x.source === 'total' ? 'its case points' : x.source === 'months' ? 'the sum of its monthly case points' :
    'projected points (last year × (1 + growth))';
  const k = x.coefficientFrom === 'own' ? 'its own coefficient' : x.coefficientFrom === 'level' ? `the ${x.level} level coefficient` :
    'the coefficient (none set: 1)';
  return [
    `1. Raw points: ${src}, ${pts(x.raw)}${x.cases !== null ? ` (${x.cases} cases)` : ''}.`,
    `2. Institution points = raw points × ${k} ${x.coefficient} = ${pts(x.points)} (4 decimals, half-up).`,
    `3. Budget point value = pool amount ${yuan(x.pool.amount)} ÷ projected points ${pts(x.pool.projectedPoints)} = ${x.pool.budgetPointValue ??
      '—'} ${unit}; monthly pre-settlement ${yuan(x.preSettled)} in all, of which ${yuan(x.withheld)} withheld as the quality deposit.`,
    `4. Settlement point value = ${x.pool.capped ? `the capped amount ${yuan(x.pool.entitled)}` :
      `pool amount ${yuan(x.pool.amount)}`} ÷ the pool's points ${pts(x.pool.points)} = ${x.pool.pointValue ?? '—'} ${unit}${x.pool.capped ?
      ' (the point-value cap binds; the rest stays with the fund)' : ''}.`,
    `5. Entitlement = its share of points ${percent(x.share,
      4)}, apportioned to the fen (largest remainder; the pool is paid out exactly) = ${yuan(x.entitlement)}.`,
    `6. Payment rate = entitlement ÷ actual ${yuan(x.actual)} = ${percent(x.paymentRate,
      2)}; the year-end settlement then treats the entitlement as its target (surplus retention, overspend sharing).`,
  ];
}
