/**
 * A new scenario around imported hospitals, for when there is no scenario to import into:
 * the national rules where they give a figure (quality deposits 10% / 5% / 2% by class),
 * plainly labelled assumptions where they do not. Every parameter carries its provenance.
 */
import { FORMAT_NAME, FORMAT_VERSION, type Hospital, type Provenance, type Scenario } from '../format/types.ts';
import { formatMoney, parseMoney } from '../engine/money.ts';
import type { ImportReport } from './report.ts';
import { labelOf, type Bilingual } from './vocab.ts';

const DOC = '人力资源社会保障部 财政部 卫生部《关于开展基本医疗保险付费总额控制的意见》';
const NUMBER = '人社部发〔2012〕70号';
const DEPOSIT_DOC = '山东省医疗保险费用结算工作总结（各市做法综述，引人社部发〔2012〕70号、鲁人社发〔2014〕22号）';

/** Deposit rates by class: inpatient care 10%, outpatient chronic disease 5%, primary care 2%. */
export const DEFAULT_DEPOSIT_RATES: Record<string, string> = { hospital: '0.1', inpatient: '0.1', chronic: '0.05', primary: '0.02' };

const DEPOSIT_NOTE: Record<string, string> = {
  hospital: '“确定合理的保证金预留比例,住院医疗费用普遍为10%,门诊大病普遍为5%,实行国家基本制度的基层医疗机构为2%。”与人社部发〔2012〕70号“预留10%左右的质量保证金”一致。',
  inpatient: '“住院医疗费用普遍为10%”。',
  chronic: '门诊大病（门诊慢特病）保证金“普遍为5%”。',
  primary: '“实行国家基本制度的基层医疗机构为2%”。',
};

function historyWeights(n: number): string[] {
  if (n === 3) return ['0.2', '0.3', '0.5'];
  if (n === 2) return ['0.4', '0.6'];
  return new Array<string>(n).fill('1');
}

export interface NewScenario {
  scenario: Scenario;
  /** What was assumed, to tell the user. */
  notes: Bilingual[];
}

export function scenarioFromImport(report: ImportReport, hospitals: Hospital[], name: string): NewScenario {
  const years = hospitals[0]?.history.length ?? 0;
  const lastYear = report.historyYears.every((y) => y !== null) && report.historyYears.length ? Math.max(...(report.historyYears as number[])) : null;
  const budgetFen = hospitals.reduce((a, h) => a + parseMoney(h.history[h.history.length - 1] ?? '0'), 0);
  const budget = formatMoney(budgetFen);
  const classes = [...new Set(hospitals.map((h) => h.class))];
  const rates: Record<string, string> = {};
  const sources: Record<string, Provenance> = {};
  for (const c of classes) {
    const r = DEFAULT_DEPOSIT_RATES[c];
    if (r === undefined) continue;
    rates[c] = r;
    sources[`policy.deposit.rates.${c}`] = { document: DEPOSIT_DOC, article: '一、进展：“二是建立了保证金制度”', status: 'official', note: DEPOSIT_NOTE[c] };
  }
  const assumption = (article: string, note: string): Provenance => ({ document: DOC, number: NUMBER, article, status: 'assumption', note });
  sources['fund.budget'] = assumption('三、2. 合理确定定额指标', `导入时自动设定：基金支出预算 = 各机构最近一年历史支出之和（${budget} 元），收入同额，上年结存为 0。请按本地基金预算修改。`);
  sources['fund.adjustmentFundRate'] = assumption('三、4. 费用拨付、结算与指标调整', '“预留……适当年终清算调剂金”，文件未给比例；导入时取总额控制目标的 3%。');
  sources['policy.historyWeights'] = assumption('三、3. 细化分解总额控制指标', `“以近三年……实际医疗费用发生情况为基础”；权重 ${historyWeights(years).join(' / ')} 为假设。`);
  sources['policy.deposit.base'] = { document: DOC, number: NUMBER, article: '三、4. 费用拨付、结算与指标调整', status: 'official',
    note: '“预留10%左右的质量保证金……后,将总额控制指标分解到每个月份”。' };

  const scenario: Scenario = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    meta: {
      name,
      description: `由 ${report.fileName} 导入的 ${hospitals.length} 家机构；基金与政策参数为默认值（出处见“参数与出处”），请按本地规定修改。`,
      ...(lastYear !== null ? { year: lastYear + 1 } : {}),
      currency: 'CNY',
    },
    fund: { budget, revenue: budget, openingBalance: '0.00', riskReserveRate: '0', adjustmentFundRate: '0.03', carveOuts: [] },
    policy: {
      historyWeights: historyWeights(years),
      deposit: { base: 'target', rates },
      sources,
    },
    hospitals,
  };
  const notes: Bilingual[] = [
    { zh: '未指定 --base，已按默认政策新建方案：', en: 'no --base given; a new scenario was built with a default policy:' },
    { zh: `  质量保证金比例（按机构类型）：医院/住院 10%、门诊慢特病 5%、基层 2%（人社部发〔2012〕70号“预留10%左右”及各地普遍做法）`,
      en: '  quality deposits by class: hospital/inpatient 10%, chronic 5%, primary 2% (the national rule, 人社部发〔2012〕70号, and common practice)' },
    { zh: `  历史年度权重 ${historyWeights(years).join(' / ')}（假设）；年终清算调剂金 3%（假设）；风险储备金 0`,
      en: `  history weights ${historyWeights(years).join(' / ')} (assumption); adjustment fund 3% (assumption); no risk reserve` },
    { zh: `  基金支出预算 = 最近一年历史支出之和 ${budget} 元，收入同额，上年结存 0（假设，请修改）`,
      en: `  fund budget = sum of the latest year's spending, ${budget} yuan; revenue the same; opening balance 0 (assumptions — edit them)` },
    { zh: '  未设结余留用和超支分担规则（政策参数 → 结余留用、超支分担），请按协议补充',
      en: '  no surplus-retention or overspend-sharing rule (Policy → Surplus retention, Overspend sharing); add your agreement\'s' },
  ];
  const unknown = classes.filter((c) => DEFAULT_DEPOSIT_RATES[c] === undefined);
  if (unknown.length) {
    notes.push({ zh: `  机构类型${unknown.map((c) => `「${labelOf('class', c, 'zh')}」`).join('、')}没有默认保证金比例`,
      en: `  no default deposit rate for class ${unknown.map((c) => `"${labelOf('class', c, 'en')}"`).join(', ')}` });
  }
  return { scenario, notes };
}
