/** Shared pieces of the example generator: seeded draws, sources (provenance), institutions, funds. */
import { FORMAT_NAME, FORMAT_VERSION, type Hospital, type Policy, type Provenance, type Scenario } from '../../src/format/types.ts';
import { formatMoney, parseMoney } from '../../src/engine/money.ts';
import { runScenario } from '../../src/engine/run.ts';
import { mulberry32, type Rng } from '../../src/engine/random.ts';

export { mulberry32, type Rng };
// ---------------------------------------------------------------------------------------------
// Deterministic helpers



export const uniform = (r: Rng, lo: number, hi: number): number => lo + (hi - lo) * r();
export const round1 = (x: number): number => Math.round(x * 10) / 10;
/** Yuan (a float from the generator) → integer fen. */
export const fenOf = (yuan: number): number => Math.round(yuan * 100);
export const money = (fen: number): string => formatMoney(fen);
/** Round a yuan amount to a multiple of `step` yuan, returned as fen. */
export const roundYuan = (yuan: number, step: number): number => Math.round(yuan / step) * step * 100;

/** Split a whole number of fen by positive integer weights, largest remainder (exact sum). */
export function splitFen(total: number, weights: readonly number[]): number[] {
  const W = weights.reduce((a, b) => a + b, 0);
  const X = BigInt(total);
  const bw = BigInt(W);
  const parts = weights.map((w) => Number((X * BigInt(w)) / bw));
  const rem = weights.map((w, i) => (X * BigInt(w)) - BigInt(parts[i]!) * bw);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((_, i) => i).sort((a, b) => (rem[a]! > rem[b]! ? -1 : rem[a]! < rem[b]! ? 1 : a - b));
  for (let k = 0; left > 0; k++, left--) parts[order[k]!]! += 1;
  return parts;
}

/**
 * Seasonality of monthly claims, Jan..Dec (sums to 12): a winter peak in January, the Spring
 * Festival dip in February, a National Day dip in October and the December rush (年底突击).
 */
export const SEASON = [1.06, 0.78, 1.02, 0.98, 0.97, 0.98, 1.0, 0.99, 0.99, 0.95, 1.05, 1.23];

/** 12 monthly claims adding up to `annual` fen: the seasonal shape with ±noise per month. */
export function monthlyClaims(annual: number, r: Rng, noise: number): string[] {
  const w = SEASON.map((s) => Math.round(s * (1 + uniform(r, -noise, noise)) * 1_000_000));
  return splitFen(annual, w).map(money);
}

/** Three years of history (oldest first) ending at `last` fen, with the two growth rates. */
export function historyOf(last: number, g1: number, g2: number): string[] {
  const middle = Math.round(last / (1 + g2));
  const oldest = Math.round(middle / (1 + g1));
  return [oldest, middle, last].map(money);
}

// ---------------------------------------------------------------------------------------------
// Sources (provenance). Quotes are from the policy texts as reproduced in the project's seeds.

export const DOC70 = {
  document: '人力资源社会保障部 财政部 卫生部《关于开展基本医疗保险付费总额控制的意见》',
  number: '人社部发〔2012〕70号',
};
export const DOC242 = {
  document: '财政部 国家卫生计生委 人力资源社会保障部《关于加强基本医疗保险基金预算管理发挥医疗保险基金控费作用的意见》',
  number: '财社发〔2016〕242号',
};
export const SHANDONG = {
  document: '山东省医疗保险费用结算工作总结（各市做法综述，引人社部发〔2012〕70号、鲁人社发〔2014〕22号）',
  article: '一、进展：“二是建立了保证金制度”',
};
export const LINYI = {
  document: '《临沂市医疗保险基金结算办法演变历程》（期刊论文，关键词：医疗保险基金 结算办法）',
  article: '二、3. 实行总量控制的结算办法',
};
export const QINGHAI = {
  document: '《青海省职工医疗保障制度改革试行办法》实施细则（省级行政事业单位）',
  article: '第四十二条',
};
export const PREPAY = {
  document: '区社区卫生服务中心医保费用预付管理办法（试行）（依据沪医保〔2006〕160号《关于实行社区卫生服务中心医保费用预付的试行意见》）',
};
export const ASSESS = {
  document: '区社区卫生服务综合考核评估方案（试行）（依据沪府发〔2006〕34号）',
  article: '四、（三）评估内容 1–4',
};
/** A rule the simulator assumes where no document gives one (DESIGN §6): said so to the reader, in the bureau's words. */
export const DESIGN_RULE = '本测算工具参考规则（非政策文件）';

export const official = (d: Omit<Provenance, 'status'>): Provenance => ({ ...d, status: 'official' });
export const assumption = (d: Omit<Provenance, 'status'>): Provenance => ({ ...d, status: 'assumption' });

export const Q70 = {
  budget: '要按照“以收定支、收支平衡、略有结余”的原则,以医保年度基金预算为基础',
  carveOuts: '在扣除一次性预缴、异地就医、离休人员和定点零售药店等费用,并综合考虑各类支出风险的情况下……确定医保基金支付的年度总额控制目标',
  threeYears: '以近三年各定点医疗机构提供服务情况和实际医疗费用发生情况为基础,将年度总额控制目标按照定点医疗机构的级别、类别、服务范围、有效服务量以及承担的首诊、转诊任务等因素……细化落实到各定点医疗机构',
  primary: '指标要向基层倾斜,以适应分级医疗服务体系建设和基层与医院双向转诊制度的建立',
  deposit: '预留10%左右的质量保证金和适当年终清算调剂金后,将总额控制指标分解到每个月份',
  defer: '超过总额控制指标的医疗费用,可暂缓拨付,到年终清算时再审核拨付',
  advance: '医保经办机构可以按总额控制指标设定资金,按协议约定向定点医疗机构预付,以缓解其资金运转压力',
  sharing: '按照“结余奖励、超支分担”的原则,合理确定医保基金和定点医疗机构对于结余资金与超支费用的分担比例',
  mainly: '建立费用超支主要由定点医疗机构合理分担,结余资金主要用于合理奖励定点医疗机构的机制',
  compensate: '医保经办机构可视基金预算执行情况,对定点医疗机构合理超支部分给予补偿',
};
export const ART70 = {
  budget: '三、2. 合理确定定额指标',
  split: '三、3. 细化分解总额控制指标',
  pay: '三、4. 费用拨付、结算与指标调整',
  incentive: '三、6. 建立激励约束机制',
};
/**
 * Article numbers of 人社部发〔2012〕70号 are as the literature quotes them. The caveat once said
 * after every article (fifteen times a brief) is no longer printed: the number reads as a citation.
 */
export const PARA = '';

/** Sources of the 10% / 5% / 2% deposit rates, for the classes a scenario uses. */
export const depositRateSources = (...classes: ('hospital' | 'chronic' | 'primary')[]): Record<string, Provenance> => {
  const all: Record<string, Provenance> = {
    'policy.deposit.rates.hospital': official({
      ...SHANDONG,
      note: '“确定合理的保证金预留比例,住院医疗费用普遍为10%,门诊大病普遍为5%,实行国家基本制度的基层医疗机构为2%。”与人社部发〔2012〕70号“预留10%左右的质量保证金”一致。该文为工作总结所述普遍做法，非规范性文件。',
    }),
    'policy.deposit.rates.chronic': official({ ...SHANDONG, note: '门诊大病（门诊慢特病）保证金“普遍为5%”。' }),
    'policy.deposit.rates.primary': official({ ...SHANDONG, note: '“实行国家基本制度的基层医疗机构为2%”。' }),
  };
  return Object.fromEntries(classes.map((c) => [`policy.deposit.rates.${c}`, all[`policy.deposit.rates.${c}`]!]));
};

// ---------------------------------------------------------------------------------------------
// Scenario assembly

export interface Inst {
  id: string;
  name: string;
  level: string;
  category: string;
  klass: string;
  /** Fund-payable spending of the last history year, fen. */
  last: number;
  g1: number;
  g2: number;
  /** Settlement year: actual A relative to the allocated target, A = T × (1 + dev). */
  dev?: number;
  /** Deductions as a rate of A (claims = A + deductions). */
  dedRate?: number;
  extra?: Partial<Hospital>;
}

export function hospitalOf(x: Inst): Hospital {
  return {
    id: x.id,
    name: x.name,
    level: x.level,
    category: x.category,
    class: x.klass,
    history: historyOf(x.last, x.g1, x.g2),
    ...x.extra,
  };
}

export function header(meta: Scenario['meta'], fund: Scenario['fund'], policy: Policy, hospitals: Hospital[]): Scenario {
  return { format: FORMAT_NAME, version: FORMAT_VERSION, meta: { ...meta, currency: 'CNY' }, fund, policy, hospitals };
}

/**
 * Set each institution's settlement-year claims so that actual spending A = T × (1 + dev),
 * with deductions on top, spread over the months with seasonality and noise. The targets are
 * the engine's own allocation (claims do not enter it), so the deviations are exact rates.
 * Claims are inserted right after `history` (or `lockedTarget`/`growth`) to keep a readable
 * key order.
 */
export function withClaims(s: Scenario, insts: readonly Inst[], r: Rng, noise: number): Scenario {
  const targets = runScenario(s).hospitals.map((h) => parseMoney(h.allocatedTarget));
  const hospitals = s.hospitals.map((h, i) => {
    const x = insts[i]!;
    if (x.dev === undefined) return h;
    const t = targets[i]!;
    const actual = Math.round(t * (1 + x.dev));
    const ded = x.dedRate ? Math.round(actual * x.dedRate) : 0;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(h)) {
      out[k] = v;
      if (k === 'history') {
        out.claims = monthlyClaims(actual + ded, r, noise);
        if (ded > 0) out.deductions = money(ded);
      }
    }
    return out as unknown as Hospital;
  });
  return { ...s, hospitals };
}

/** A small scenario's fund: sized so that targets come out about `uplift` above last year. */
export function smallFund(insts: readonly Inst[],
  opts: { uplift: number; afRate: string; rrRate: string; carveOuts?: Scenario['fund']['carveOuts']; topUpCap?: string }): Scenario['fund'] {
  const last = insts.reduce((a, x) => a + x.last, 0) / 100;
  const carved = (opts.carveOuts ?? []).reduce((a, c) => a + Number(c.amount), 0);
  const g = (last * opts.uplift) / (1 - Number(opts.afRate));
  const budget = roundYuan((g + carved) / (1 - Number(opts.rrRate)), 10_000);
  return {
    budget: money(budget),
    revenue: money(roundYuan((budget / 100) * 1.015, 10_000)),
    openingBalance: money(roundYuan((budget / 100) * 0.72, 10_000)),
    riskReserveRate: opts.rrRate,
    adjustmentFundRate: opts.afRate,
    ...(opts.topUpCap ? { adjustmentTopUpCap: opts.topUpCap } : {}),
    carveOuts: opts.carveOuts ?? [],
  };
}

/** Quality mapping of DESIGN §2: ≥ 90 all, 60–90 in proportion, < 60 none. */
export const LINEAR_60_90: NonNullable<Policy['quality']> = {
  mode: 'linear',
  points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0' }, { score: 90, ratio: '1' }],
};

/** The main example's tiers (also used where a small scenario needs "the usual" other side). */
export const SURPLUS_MAIN: NonNullable<Policy['surplus']> = {
  mode: 'marginal',
  tiers: [{ upTo: '0.05', share: '0.7' }, { upTo: '0.1', share: '0.5' }, { upTo: null, share: '0.3' }],
};
export const OVERSPEND_MAIN: NonNullable<Policy['overspend']> = {
  mode: 'marginal',
  tiers: [{ upTo: '0.05', share: '0.5' }, { upTo: '0.1', share: '0.3' }, { upTo: null, share: '0' }],
  reasonableShare: '0.8',
};


export function inst(r: Rng, id: string, name: string, level: string, category: string, klass: string, lastYuan: number, dev: number | undefined,
  extra: Partial<Hospital> = {}, dedRate?: number): Inst {
  return {
    id, name, level, category, klass,
    last: fenOf(lastYuan),
    g1: round1(uniform(r, 4, 10)) / 100,
    g2: round1(uniform(r, 5, 9)) / 100,
    ...(dev === undefined ? {} : { dev }),
    ...(dedRate ? { dedRate } : {}),
    extra,
  };
}

export const META_YEAR = 2025;

