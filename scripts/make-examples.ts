/**
 * Writes the example scenarios in scenarios/*.json: a synthetic prefecture-level city (the main
 * example) and small scenarios that each reproduce one real rule family (DESIGN §2, §6).
 *
 *   npx tsx scripts/make-examples.ts            write the files
 *   npx tsx scripts/make-examples.ts --check    exit 1 if a committed file differs
 *
 * Deterministic: every random draw comes from a seeded mulberry32 per scenario, amounts are
 * integer fen turned into decimal strings, and the settlement year's claims are set relative
 * to the targets the engine allocates (so "overspend 13%" means 13% of the hospital's target).
 * tests/examples.test.ts regenerates the files in memory and compares them byte for byte.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_NAME, FORMAT_VERSION, type Hospital, type Policy, type Provenance, type Scenario } from '../src/format/types.ts';
import { saveScenario, validateScenario } from '../src/format/load.ts';
import { formatMoney, parseMoney } from '../src/engine/money.ts';
import { runScenario } from '../src/engine/run.ts';
import { formatIssue } from '../src/engine/issues.ts';
import { mulberry32, type Rng } from '../src/engine/random.ts';

export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

// ---------------------------------------------------------------------------------------------
// Deterministic helpers



const uniform = (r: Rng, lo: number, hi: number): number => lo + (hi - lo) * r();
const round1 = (x: number): number => Math.round(x * 10) / 10;
/** Yuan (a float from the generator) → integer fen. */
const fenOf = (yuan: number): number => Math.round(yuan * 100);
const money = (fen: number): string => formatMoney(fen);
/** Round a yuan amount to a multiple of `step` yuan, returned as fen. */
const roundYuan = (yuan: number, step: number): number => Math.round(yuan / step) * step * 100;

/** Split a whole number of fen by positive integer weights, largest remainder (exact sum). */
function splitFen(total: number, weights: readonly number[]): number[] {
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
const SEASON = [1.06, 0.78, 1.02, 0.98, 0.97, 0.98, 1.0, 0.99, 0.99, 0.95, 1.05, 1.23];

/** 12 monthly claims adding up to `annual` fen: the seasonal shape with ±noise per month. */
function monthlyClaims(annual: number, r: Rng, noise: number): string[] {
  const w = SEASON.map((s) => Math.round(s * (1 + uniform(r, -noise, noise)) * 1_000_000));
  return splitFen(annual, w).map(money);
}

/** Three years of history (oldest first) ending at `last` fen, with the two growth rates. */
function historyOf(last: number, g1: number, g2: number): string[] {
  const middle = Math.round(last / (1 + g2));
  const oldest = Math.round(middle / (1 + g1));
  return [oldest, middle, last].map(money);
}

// ---------------------------------------------------------------------------------------------
// Sources (provenance). Quotes are from the policy texts as reproduced in the project's seeds.

const DOC70 = {
  document: '人力资源社会保障部 财政部 卫生部《关于开展基本医疗保险付费总额控制的意见》',
  number: '人社部发〔2012〕70号',
};
const DOC242 = {
  document: '财政部 国家卫生计生委 人力资源社会保障部《关于加强基本医疗保险基金预算管理发挥医疗保险基金控费作用的意见》',
  number: '财社发〔2016〕242号',
};
const SHANDONG = {
  document: '山东省医疗保险费用结算工作总结（各市做法综述，引人社部发〔2012〕70号、鲁人社发〔2014〕22号）',
  article: '一、进展：“二是建立了保证金制度”',
};
const LINYI = {
  document: '《临沂市医疗保险基金结算办法演变历程》（期刊论文，关键词：医疗保险基金 结算办法）',
  article: '二、3. 实行总量控制的结算办法',
};
const QINGHAI = {
  document: '《青海省职工医疗保障制度改革试行办法》实施细则（省级行政事业单位）',
  article: '第四十二条',
};
const PREPAY = {
  document: '区社区卫生服务中心医保费用预付管理办法（试行）（依据沪医保〔2006〕160号《关于实行社区卫生服务中心医保费用预付的试行意见》）',
};
const ASSESS = {
  document: '区社区卫生服务综合考核评估方案（试行）（依据沪府发〔2006〕34号）',
  article: '四、（三）评估内容 1–4',
};
const DESIGN_RULE = 'Global Budget Simulator 参考规则（DESIGN §6）';

const official = (d: Omit<Provenance, 'status'>): Provenance => ({ ...d, status: 'official' });
const assumption = (d: Omit<Provenance, 'status'>): Provenance => ({ ...d, status: 'assumption' });

const Q70 = {
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
const ART70 = {
  budget: '三、2. 合理确定定额指标',
  split: '三、3. 细化分解总额控制指标',
  pay: '三、4. 费用拨付、结算与指标调整',
  incentive: '三、6. 建立激励约束机制',
};
const PARA = '（条目编号按种子文献中的转述）';

/** Sources of the 10% / 5% / 2% deposit rates, for the classes a scenario uses. */
const depositRateSources = (...classes: ('hospital' | 'chronic' | 'primary')[]): Record<string, Provenance> => {
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

interface Inst {
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

function hospitalOf(x: Inst): Hospital {
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

function header(meta: Scenario['meta'], fund: Scenario['fund'], policy: Policy, hospitals: Hospital[]): Scenario {
  return { format: FORMAT_NAME, version: FORMAT_VERSION, meta: { ...meta, currency: 'CNY' }, fund, policy, hospitals };
}

/**
 * Set each institution's settlement-year claims so that actual spending A = T × (1 + dev),
 * with deductions on top, spread over the months with seasonality and noise. The targets are
 * the engine's own allocation (claims do not enter it), so the deviations are exact rates.
 * Claims are inserted right after `history` (or `lockedTarget`/`growth`) to keep a readable
 * key order.
 */
function withClaims(s: Scenario, insts: readonly Inst[], r: Rng, noise: number): Scenario {
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
function smallFund(insts: readonly Inst[], opts: { uplift: number; afRate: string; rrRate: string; carveOuts?: Scenario['fund']['carveOuts']; topUpCap?: string }): Scenario['fund'] {
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
const LINEAR_60_90: NonNullable<Policy['quality']> = {
  mode: 'linear',
  points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0' }, { score: 90, ratio: '1' }],
};

/** The main example's tiers (also used where a small scenario needs "the usual" other side). */
const SURPLUS_MAIN: NonNullable<Policy['surplus']> = {
  mode: 'marginal',
  tiers: [{ upTo: '0.05', share: '0.7' }, { upTo: '0.1', share: '0.5' }, { upTo: null, share: '0.3' }],
};
const OVERSPEND_MAIN: NonNullable<Policy['overspend']> = {
  mode: 'marginal',
  tiers: [{ upTo: '0.05', share: '0.5' }, { upTo: '0.1', share: '0.3' }, { upTo: null, share: '0' }],
  reasonableShare: '0.8',
};

// ---------------------------------------------------------------------------------------------
// 1. The main example: a synthetic prefecture-level city

const COUNTIES = ['安平县', '河阳县', '清水县', '石门县'];
const TOWNS = [
  '城关镇', '柳河镇', '石桥镇', '新庄镇', '李家镇', '王集镇', '白马镇', '双河镇', '青山镇',
  '桃园镇', '马坊乡', '杨村镇', '龙泉镇', '高庄乡', '东湖镇', '西岭乡', '南关镇', '北塘镇',
  '大营镇', '小店镇', '黄土镇', '红星乡', '金沙镇', '银杏乡', '长岭镇', '清泉镇', '河口镇',
  '太平镇', '永安镇', '兴隆镇', '丰收乡', '和平乡', '五里镇', '三河镇', '张庄镇', '柏树乡',
];
const STREETS: Record<string, string[]> = {
  东城区: ['解放路街道', '人民路街道', '文化路街道', '新华街道', '朝阳街道', '建设路街道', '光明街道', '和平街道', '胜利街道', '府前街道', '站前街道', '滨河街道'],
  西城区: ['西关街道', '公园路街道', '湖滨街道', '长安街道', '育才街道', '团结街道', '友谊街道', '花园街道', '振兴街道', '新城街道', '红旗街道', '工农街道'],
};

/** Nominal 2024 fund-payable spending (yuan) of the hospitals and chronic-disease institutions. */
const CITY_HOSPITALS: [id: string, name: string, level: string, category: string, klass: string, size: number][] = [
  ['T01', '示例市第一人民医院', 'tertiary', 'general', 'hospital', 430e6],
  ['T02', '示例市中心医院', 'tertiary', 'general', 'hospital', 340e6],
  ['T03', '示例市中医医院', 'tertiary', 'tcm', 'hospital', 185e6],
  ['T04', '示例市妇幼保健院', 'tertiary', 'specialty', 'hospital', 105e6],
  ['S01', '安平县人民医院', 'secondary', 'general', 'hospital', 92e6],
  ['S02', '河阳县人民医院', 'secondary', 'general', 'hospital', 84e6],
  ['S03', '清水县人民医院', 'secondary', 'general', 'hospital', 78e6],
  ['S04', '石门县人民医院', 'secondary', 'general', 'hospital', 70e6],
  ['S05', '安平县中医医院', 'secondary', 'tcm', 'hospital', 38e6],
  ['S06', '河阳县中医医院', 'secondary', 'tcm', 'hospital', 33e6],
  ['S07', '清水县中医医院', 'secondary', 'tcm', 'hospital', 29e6],
  ['S08', '示例市第三人民医院', 'secondary', 'general', 'hospital', 62e6],
  ['S09', '东城区人民医院', 'secondary', 'general', 'hospital', 46e6],
  ['S10', '西城区人民医院', 'secondary', 'general', 'hospital', 41e6],
  ['S11', '示例市精神卫生中心', 'secondary', 'specialty', 'hospital', 34e6],
  ['S12', '示例市康复医院', 'secondary', 'specialty', 'hospital', 19e6],
  ['C01', '示例市血液透析中心', 'secondary', 'chronic', 'chronic', 44e6],
  ['C02', '示例市慢性病防治院', 'secondary', 'chronic', 'chronic', 28e6],
  ['C03', '东城区康宁门诊部', 'primary', 'chronic', 'chronic', 9e6],
  ['C04', '西城区仁和门诊部', 'primary', 'chronic', 'chronic', 6.5e6],
];

/** Settlement-year deviations A/T − 1 chosen for the story; everyone else is near target. */
const CITY_DEV: Record<string, number> = {
  T01: 0.032, T02: 0.078, T03: -0.021, T04: -0.068,
  S02: 0.134, S04: 0.058, S06: -0.081, S09: 0.066, S12: 0.172,
  C01: 0.092, C04: -0.12,
  P05: -0.095, P14: 0.112, P23: -0.063, P41: 0.071, P50: -0.057,
};
const CITY_SCORE: Record<string, number> = {
  T01: 96.5, T03: 98, S06: 64, S12: 57.5, C04: 58.5, P14: 55, P20: 61.5, P33: 59, P47: 66,
};
/** Deductions (核减) as a rate of actual spending. */
const CITY_DED: Record<string, number> = {
  T01: 0.008, T02: 0.012, S02: 0.015, S04: 0.006, S12: 0.02, C01: 0.005, P14: 0.01,
};
const CITY_ADVANCE = new Set(['T01', 'T03', 'S01', 'S03', 'S05', 'S07']);

/** Cost per inpatient case (yuan, fund-payable) by level and category, before noise. */
function costPerCase(level: string, category: string): number {
  if (category === 'specialty') return level === 'tertiary' ? 6200 : 9000;
  if (category === 'tcm') return level === 'tertiary' ? 8600 : 4900;
  return level === 'tertiary' ? 12000 : 6300;
}

export const CITY_FUND = {
  budget: 3_200_000_000,
  revenue: 3_268_500_000,
  openingBalance: 2_180_000_000,
  riskReserveRate: '0.02',
  adjustmentFundRate: '0.03',
  carveOuts: [
    { id: 'oneoff', name: '一次性预缴', amount: 42_600_000 },
    { id: 'offsite', name: '异地就医', amount: 238_000_000 },
    { id: 'retired', name: '离休人员', amount: 31_500_000 },
    { id: 'pharmacy', name: '定点零售药店', amount: 246_000_000 },
  ],
};
const CITY_POOLS = { hospitals: 0.82, primary: 0.18 };
/** Targets over last year's spending the history is scaled to: primary care a bit higher. */
const CITY_UPLIFT = { hospitals: 1.065, primary: 1.1 };

function city(): Scenario {
  const r = mulberry32(20250101);
  const f = CITY_FUND;
  const carved = f.carveOuts.reduce((a, c) => a + c.amount, 0);
  const g = f.budget - carved - f.budget * Number(f.riskReserveRate);
  const p = g * (1 - Number(f.adjustmentFundRate));

  // Institutions with nominal sizes (yuan); scaled per pool below.
  const raw: { spec: Omit<Inst, 'last' | 'g1' | 'g2'>; size: number }[] = [];
  for (const [id, name, level, category, klass, size] of CITY_HOSPITALS) {
    raw.push({ spec: { id, name, level, category, klass }, size: size * uniform(r, 0.92, 1.08) });
  }
  let n = 0;
  COUNTIES.forEach((county, c) => {
    for (let t = 0; t < 9; t++) {
      n++;
      raw.push({
        spec: { id: `P${String(n).padStart(2, '0')}`, name: `${county}${TOWNS[c * 9 + t]!}卫生院`, level: 'primary', category: 'township', klass: 'primary' },
        size: uniform(r, 3e6, 9e6) * (t === 0 ? 1.6 : 1), // the county-seat town's is larger
      });
    }
  });
  for (const [district, streets] of Object.entries(STREETS)) {
    for (const street of streets) {
      n++;
      raw.push({
        spec: { id: `P${String(n).padStart(2, '0')}`, name: `${district}${street}社区卫生服务中心`, level: 'primary', category: 'community', klass: 'primary' },
        size: uniform(r, 4e6, 11e6),
      });
    }
  }
  const inPool = (klass: string) => (klass === 'primary' ? 'primary' : 'hospitals');
  const rawSum = { hospitals: 0, primary: 0 };
  for (const x of raw) rawSum[inPool(x.spec.klass)] += x.size;
  const scale = {
    hospitals: (p * CITY_POOLS.hospitals) / CITY_UPLIFT.hospitals / rawSum.hospitals,
    primary: (p * CITY_POOLS.primary) / CITY_UPLIFT.primary / rawSum.primary,
  };

  const insts: Inst[] = raw.map(({ spec, size }) => {
    const last = fenOf(size * scale[inPool(spec.klass)]);
    const g1 = uniform(r, 0.04, 0.11);
    const g2 = uniform(r, 0.05, 0.1);
    const dev = CITY_DEV[spec.id] ?? uniform(r, -0.035, 0.04);
    const score = CITY_SCORE[spec.id] ?? round1(uniform(r, 72, 96));
    const extra: Partial<Hospital> = { score };
    const ded = CITY_DED[spec.id];
    if (spec.level !== 'primary' && spec.category !== 'chronic') {
      // Inpatient cases and cost per case of the settlement year, for peer comparisons; the
      // volume is the same count and its floor last year's (not applied: policy.volumeFloor off).
      const cost = Math.round(costPerCase(spec.level, spec.category) * uniform(r, 0.9, 1.1));
      const cases = Math.round(((last / 100) * (1 + 0.07) * 0.72) / cost);
      const caseGrowth = uniform(r, -0.05, 0.08);
      extra.volume = cases;
      extra.volumeFloor = Math.round(cases / (1 + caseGrowth));
      extra.fields = { cases, costPerCase: cost };
    }
    if (CITY_ADVANCE.has(spec.id)) extra.advanceEligible = true;
    return { ...spec, last, g1, g2, dev, ...(ded ? { dedRate: ded } : {}), extra };
  });

  const sources: Record<string, Provenance> = {
    'fund.budget': assumption({ ...DOC70, article: ART70.budget + PARA, note: `合成金额。原则：“${Q70.budget}”。收入略高于支出（略有结余），上年结存约 8.5 个月支出。` }),
    'fund.carveOuts': official({ ...DOC70, article: ART70.budget + PARA, note: `项目依据：“${Q70.carveOuts}”。各项金额为合成数据。` }),
    'fund.riskReserveRate': assumption({ ...DOC70, article: ART70.budget + PARA, note: '文件要求“综合考虑各类支出风险”，未给比例；取基金支出预算的 2%。' }),
    'fund.adjustmentFundRate': assumption({ ...DOC70, article: ART70.pay + PARA, note: `“${Q70.deposit}”——调剂金“适当”，未给比例；取总额控制目标的 3%。` }),
    'policy.pools': assumption({ ...DOC70, article: ART70.split + PARA, note: `“${Q70.primary}”。基层池份额 18% 略高于基层上年实际支出占比（约 17%），使基层指标高于其历史水平。` }),
    'policy.historyWeights': assumption({ ...DOC70, article: ART70.split + PARA, note: `“${Q70.threeYears}”。三年权重 0.2/0.3/0.5 为假设。` }),
    'policy.levelCoefficients': assumption({ ...DOC70, article: ART70.split + PARA, note: '按“级别、类别”等因素分解；三级医院系数 0.98（控制大医院扩张）为假设。' }),
    'policy.categoryCoefficients': assumption({ ...DOC70, article: ART70.split + PARA, note: '中医类系数 1.05（支持中医药）、乡镇卫生院 1.02 为假设。' }),
    'policy.deposit.base': official({ ...DOC70, article: ART70.pay + PARA, note: `“${Q70.deposit}”；“${Q70.defer}”。` }),
    ...depositRateSources('hospital', 'chronic', 'primary'),
    'policy.surplus': assumption({ ...DOC70, article: ART70.incentive + PARA, note: `“${Q70.sharing}”；“${Q70.mainly}”。另见${DOC242.number}“结余留用，合理超支分担”。分档比例（结余率 5% 以内留用 70%，5%–10% 留用 50%，10% 以上 30%，超额累进）为假设。` }),
    'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA, note: `“${Q70.mainly}”；“${Q70.compensate}”。基金分担（超支率 5% 以内 50%，5%–10% 30%，10% 以上不分担，超额累进）为假设，使超支主要由医院承担。` }),
    'policy.overspend.reasonableShare': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '“对超过总额的医疗机构,应分析原因”；统一按超支额的 80% 认定为合理超支，为假设。' }),
    'policy.quality': assumption({ document: DESIGN_RULE, note: '考核得分 90 分及以上全额返还保证金，60–90 分按比例返还，60 分以下不返还（线性）。年终考核与返还保证金挂钩见各地做法（如“在进行年度考核和返还质量保证金时予以倾斜”）。' }),
    'policy.advance': assumption({ ...DOC70, article: ART70.pay + PARA, note: `“${Q70.advance}”。对信用良好的机构预付 1 个月周转金为假设。` }),
  };

  const policy: Policy = {
    pools: [
      { id: 'hospitals', name: '医院（含门诊慢特病机构）', share: String(CITY_POOLS.hospitals), classes: ['hospital', 'chronic'] },
      { id: 'primary', name: '基层医疗机构', share: String(CITY_POOLS.primary), classes: ['primary'] },
    ],
    historyWeights: ['0.2', '0.3', '0.5'],
    levelCoefficients: { tertiary: '0.98', secondary: '1', primary: '1' },
    categoryCoefficients: { general: '1', tcm: '1.05', specialty: '1', chronic: '1', township: '1.02', community: '1' },
    deposit: { base: 'target', rates: { hospital: '0.1', chronic: '0.05', primary: '0.02' } },
    surplus: SURPLUS_MAIN,
    overspend: OVERSPEND_MAIN,
    quality: LINEAR_60_90,
    advance: { months: '1' },
    sources,
  };
  const fund: Scenario['fund'] = {
    budget: money(f.budget * 100),
    revenue: money(f.revenue * 100),
    openingBalance: money(f.openingBalance * 100),
    riskReserveRate: f.riskReserveRate,
    adjustmentFundRate: f.adjustmentFundRate,
    carveOuts: f.carveOuts.map((c) => ({ id: c.id, name: c.name, amount: money(c.amount * 100) })),
  };
  const s = header({
    name: '示例市 2025 年度总额预算（合成数据）',
    description: '合成数据，仅供演示：一个虚构地级市（4 县 2 区）职工医保统筹基金 2025 年度总额预算、按月拨付与年终清算。'
      + '80 家定点医疗机构（三级 4 家、二级 12 家、门诊慢特病机构 4 家、乡镇卫生院 36 家、社区卫生服务中心 24 家）的名称、金额、评分均为随机生成，不对应任何真实机构。'
      + '规则按人社部发〔2012〕70号：扣除一次性预缴、异地就医、离休人员、定点零售药店后确定总额控制目标，预留年终清算调剂金，指标向基层倾斜，预留质量保证金（住院 10%、门诊慢特病 5%、基层 2%）后按月拨付，年终“结余奖励、超支分担”。各参数出处见 policy.sources。',
    region: '示例市（虚构地级市）',
    year: 2025,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.04);
}

// ---------------------------------------------------------------------------------------------
// 2. Small scenarios, one rule family each

function inst(r: Rng, id: string, name: string, level: string, category: string, klass: string, lastYuan: number, dev: number | undefined, extra: Partial<Hospital> = {}, dedRate?: number): Inst {
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

const META_YEAR = 2025;

function claimsWithholding(): Scenario {
  const r = mulberry32(42);
  const insts = [
    inst(r, 'A', '甲市第一人民医院', 'tertiary', 'general', 'hospital', 96_400_000, 0.045, { score: 93 }),
    inst(r, 'B', '甲市中医医院', 'tertiary', 'tcm', 'hospital', 41_800_000, -0.052, { score: 88 }),
    inst(r, 'C', '甲县人民医院', 'secondary', 'general', 'hospital', 27_300_000, 0.118, { score: 72 }, 0.012),
    inst(r, 'D', '甲县妇幼保健院', 'secondary', 'specialty', 'hospital', 8_650_000, -0.018, { score: 58 }),
    inst(r, 'E', '甲市第二人民医院', 'secondary', 'general', 'hospital', 19_200_000, 0.012, { score: 81 }),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'claims', rates: { hospital: '0.1' } },
    surplus: SURPLUS_MAIN,
    overspend: OVERSPEND_MAIN,
    quality: { mode: 'step', points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0.6' }, { score: 80, ratio: '0.9' }, { score: 90, ratio: '1' }] },
    sources: {
      'policy.deposit.base': official({ ...QINGHAI, note: '“拨款按审核后的总额90%拨给定点医疗单位,其余10%做为管理保证金在年末根据执行医疗保险制度情况决定拨付。”即按月审核费用的 10% 留作保证金（deposit base "claims"）。' }),
      'policy.deposit.rates.hospital': official({ ...QINGHAI, note: '审核后总额的 10%。' }),
      'policy.quality': assumption({ ...QINGHAI, note: '“在年末根据执行医疗保险制度情况决定拨付”，未给标准；分档返还（<60 分 0，60–80 分 60%，80–90 分 90%，≥90 分全额）为假设。' }),
      'policy.surplus': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '与主示例（city.json）相同的假设分档。' }),
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '与主示例（city.json）相同的假设分档。' }),
    },
  };
  const fund = smallFund(insts, { uplift: 1.06, afRate: '0.03', rrRate: '0.01' });
  const s = header({
    name: '按月审核费用预留 10% 保证金（合成数据）',
    description: '合成数据。演示“按月拨付审核费用的 90%，其余 10% 作保证金年末考核后拨付”的规则（青海省职工医疗保障制度改革试行办法实施细则第四十二条）：deposit.base 为 "claims"，月度可支付额受按月累计指标限制，超出部分暂缓拨付；保证金为实际拨付额的 10%，而非指标的 10%。',
    region: '甲市（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.03);
}

function rewardCap(): Scenario {
  const r = mulberry32(7);
  const insts = [
    inst(r, 'A', '乙市人民医院', 'tertiary', 'general', 'hospital', 62_000_000, -0.01, { score: 92 }),
    inst(r, 'B', '乙市中医医院', 'secondary', 'tcm', 'hospital', 24_500_000, -0.04, { score: 90 }),
    inst(r, 'C', '乙县人民医院', 'secondary', 'general', 'hospital', 31_800_000, -0.07, { score: 85 }),
    inst(r, 'D', '乙县第二人民医院', 'secondary', 'general', 'hospital', 15_400_000, -0.12, { score: 79 }),
    inst(r, 'E', '乙市骨科医院', 'secondary', 'specialty', 'hospital', 12_600_000, 0.06, { score: 83 }),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'target', rates: { hospital: '0.1' } },
    surplus: { mode: 'marginal', tiers: [{ upTo: '0.05', share: '0.6' }, { upTo: null, share: '0.4' }], cap: '0.03' },
    overspend: OVERSPEND_MAIN,
    quality: LINEAR_60_90,
    sources: {
      'policy.surplus': assumption({ document: DESIGN_RULE, note: `结余奖励封顶为指标的 3%（DESIGN §6 示例“a reward of at most 3% of the target”）；分档（结余率 5% 以内 60%，以上 40%，超额累进）为假设。原则见${DOC70.number}“${Q70.sharing}”。` }),
      'policy.surplus.cap': assumption({ document: DESIGN_RULE, note: '奖励不超过 0.03 × 指标。结余 1% 与 4% 的医院不受封顶影响；结余 7% 与 12% 的医院奖励都为指标的 3%。' }),
      ...depositRateSources('hospital'),
    },
  };
  const fund = smallFund(insts, { uplift: 1.06, afRate: '0.03', rrRate: '0.01' });
  const s = header({
    name: '结余奖励封顶 3%（合成数据）',
    description: '合成数据。演示结余奖励的封顶：按超额累进分档计算的结余奖励最多为指标的 3%（policy.surplus.cap）。四家医院结余率分别为 1%、4%、7%、12%，一家超支 6%。出处与假设见 policy.sources。',
    region: '乙市（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.03);
}

function minSavingsStep(): Scenario {
  const r = mulberry32(11);
  const insts = [
    inst(r, 'A', '丙市人民医院', 'tertiary', 'general', 'hospital', 58_000_000, -0.02, { score: 91 }),
    inst(r, 'B', '丙市中医医院', 'secondary', 'tcm', 'hospital', 21_000_000, -0.029, { score: 87 }),
    inst(r, 'C', '丙县人民医院', 'secondary', 'general', 'hospital', 26_000_000, -0.031, { score: 86 }),
    inst(r, 'D', '丙县中医医院', 'secondary', 'tcm', 'hospital', 11_500_000, -0.06, { score: 80 }),
    inst(r, 'E', '丙市第二人民医院', 'secondary', 'general', 'hospital', 17_200_000, -0.11, { score: 77 }),
    inst(r, 'F', '丙县第二人民医院', 'secondary', 'general', 'hospital', 13_300_000, 0.07, { score: 70 }),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'target', rates: { hospital: '0.1' } },
    surplus: { mode: 'step', tiers: [{ upTo: '0.03', share: '0' }, { upTo: '0.08', share: '0.5' }, { upTo: null, share: '0.6' }] },
    overspend: { mode: 'step', tiers: [{ upTo: '0.05', share: '0.5' }, { upTo: '0.1', share: '0.3' }, { upTo: null, share: '0' }] },
    quality: LINEAR_60_90,
    sources: {
      'policy.surplus': assumption({ document: DESIGN_RULE, note: `“最低结余率”：结余率不超过 3% 不奖励；超过 3% 时整笔结余按所在档比例留用（3%–8% 50%，8% 以上 60%，全额累计制 step）。DESIGN §6：“A step tier with share 0 up to a threshold is a minimum savings rate”。原则见${DOC70.number}“${Q70.sharing}”。比例为假设。` }),
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA, note: `“${Q70.mainly}”。全额累计制：超支率 5% 以内基金分担整笔 50%，5%–10% 30%，10% 以上不分担；比例为假设。` }),
      ...depositRateSources('hospital'),
    },
  };
  const fund = smallFund(insts, { uplift: 1.06, afRate: '0.03', rrRate: '0.01' });
  const s = header({
    name: '最低结余率（全额累计分档）（合成数据）',
    description: '合成数据。演示全额累计（step）分档中的“最低结余率”：结余率 3% 以内不奖励，超过 3% 则整笔结余按档留用，因此结余率 2.9% 的医院得 0、3.1% 的医院得结余的一半（档位跳变）。超支也按全额累计分档分担。出处与假设见 policy.sources。',
    region: '丙市（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.03);
}

function volumeFloor(): Scenario {
  const r = mulberry32(2008);
  const insts = [
    inst(r, 'A', '丁市人民医院', 'tertiary', 'general', 'hospital', 88_000_000, 0.021, { score: 92, volume: 11_860, volumeFloor: 11_420, fields: { cases: 11_860, costPerCase: 11_200 } }),
    inst(r, 'B', '丁市中医医院', 'tertiary', 'tcm', 'hospital', 36_500_000, -0.089, { score: 85, volume: 8_950, volumeFloor: 9_600, fields: { cases: 8_950, costPerCase: 6_150 } }),
    inst(r, 'C', '丁县人民医院', 'secondary', 'general', 'hospital', 29_400_000, 0.035, { score: 81, volume: 6_240, volumeFloor: 6_240, fields: { cases: 6_240, costPerCase: 5_420 } }),
    inst(r, 'D', '丁县第二人民医院', 'secondary', 'general', 'hospital', 14_700_000, -0.03, { score: 88, volume: 3_310, volumeFloor: 3_050, fields: { cases: 3_310, costPerCase: 4_860 } }),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'target', rates: { hospital: '0.1' } },
    surplus: SURPLUS_MAIN,
    overspend: OVERSPEND_MAIN,
    volumeFloor: true,
    quality: LINEAR_60_90,
    sources: {
      'policy.volumeFloor': official({ ...LINYI, note: '2008 年起临沂市对各定点医院住院统筹金支付按资金总量和最低服务人次两项指标进行控制：“以上年度实际结算的人次核定最低服务人次指标。实行月结算和年度平衡。”各院 volumeFloor 取上年实际结算人次。服务人次未达最低指标时按比例核减指标（target × volume / floor）为本工具规则（DESIGN §6），原文未载明核减方式。' }),
      ...depositRateSources('hospital'),
      'policy.surplus': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '与主示例（city.json）相同的假设分档。' }),
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '与主示例（city.json）相同的假设分档。' }),
    },
  };
  const fund = smallFund(insts, { uplift: 1.06, afRate: '0.03', rrRate: '0.01' });
  const s = header({
    name: '临沂式“双控”：总额与最低服务人次（合成数据）',
    description: '合成数据。演示临沂市 2008 年起实行的住院费用“双控”结算：总量控制指标与最低服务人次（以上年度实际结算人次核定）。丁市中医医院服务人次 8950 低于最低服务人次 9600，其指标按 8950/9600 比例核减，核减部分留在基金；丁县人民医院恰好达到下限，不核减。',
    region: '丁市（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.03);
}

function communityPrepay(): Scenario {
  const r = mulberry32(2006);
  const centre = (id: string, street: string, yuan: number, dev: number, ind: [number, number, number, number]): Inst =>
    inst(r, id, `戊区${street}社区卫生服务中心`, 'primary', 'community', 'primary', yuan, dev, {
      indicators: { basicCare: ind[0], publicHealth: ind[1], management: ind[2], satisfaction: ind[3] },
    });
  const insts = [
    centre('A', '东街街道', 9_800_000, -0.046, [92, 95, 90, 88]),
    centre('B', '南岭镇', 7_350_000, 0.038, [85, 80, 82, 90]),
    centre('C', '北苑街道', 6_200_000, -0.012, [78, 70, 75, 80]),
    centre('D', '青石镇', 8_900_000, 0.085, [62, 58, 70, 66]),
    centre('E', '柳湾镇', 5_100_000, -0.071, [55, 60, 52, 50]),
    centre('F', '滨江街道', 4_300_000, 0.006, [90, 88, 86, 94]),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'target', rates: { primary: '0.02' } },
    monthlyPayment: 'prepaid',
    surplus: { mode: 'marginal', tiers: [{ upTo: null, share: '0.5' }], eligibility: 'score >= 75' },
    overspend: { mode: 'marginal', tiers: [{ upTo: null, share: '1' }], reasonableShare: '0.3' },
    quality: {
      ...LINEAR_60_90,
      indicators: [
        { id: 'basicCare', name: '基本医疗服务', weight: '0.3' },
        { id: 'publicHealth', name: '公共卫生服务', weight: '0.3' },
        { id: 'management', name: '综合管理', weight: '0.25' },
        { id: 'satisfaction', name: '社区满意度测评', weight: '0.15' },
      ],
    },
    sources: {
      'policy.monthlyProfile': official({ ...PREPAY, article: '三、实施办法（三）', note: '“市医保经办机构在每月月初将当月费用拨付至各社区卫生服务中心。当月预拨费用原则上按医保服务协议明确的全年费用总额分12个月均摊确定。”（monthlyProfile 不设，即 12 个月均摊；monthlyPayment 为 prepaid：月初按额预拨，不以当月申报为限。）' }),
      'policy.quality.indicators': official({ ...ASSESS, note: '基本医疗服务“分值权重占30%”，公共卫生服务“分值权重占30%”，综合管理“分值权重占25%”，社区满意度测评“分值权重占15%(社会中介机构占5%)”。' }),
      'policy.quality': assumption({ document: DESIGN_RULE, note: '综合得分映射保证金返还比例：≥90 全额，60–90 按比例，<60 不返还（线性），为假设。' }),
      'policy.deposit.rates.primary': assumption({ ...SHANDONG, note: '预付办法本身未设保证金；此处沿用“实行国家基本制度的基层医疗机构为2%”，使年终考核结果有所体现。12 个月均摊的是扣除 2% 保证金后的指标。' }),
      'policy.surplus': assumption({ ...PREPAY, article: '三、实施办法（四）', note: '“社区卫生服务中心医保预付费用的结余部分,在年终考核后按照……《关于本市社区卫生服务中心试行收支两条线管理的指导意见》(沪财社[2006]13号)的规定管理使用。”留用 50%、考核综合得分 75 分及以上方可留用（eligibility）为假设。' }),
      'policy.overspend': official({ ...PREPAY, article: '三、实施办法（五）', note: '“社区卫生服务中心医保预付费用的超支部分,在年终考核后由中心分担。门诊新增医保对象就医所发生的合理超支费用,可由医保基金补助。”合理部分（新增医保对象所致）由基金全额补助；其占超支额的比例 30%（reasonableShare）为假设。' }),
    },
  };
  const fund = smallFund(insts, { uplift: 1.05, afRate: '0.03', rrRate: '0' });
  const s = header({
    name: '社区卫生服务中心医保费用预付（合成数据）',
    description: '合成数据。演示社区卫生服务中心医保费用预付：全年指标（扣除 2% 保证金后）分 12 个月均摊按月预拨；年终按四项指标加权考核（基本医疗服务 30%、公共卫生服务 30%、综合管理 25%、社区满意度测评 15%），得分决定保证金返还比例与能否留用结余；超支由中心承担，其中新增医保对象所致的合理部分由基金补助。依据：区社区卫生服务中心医保费用预付管理办法（试行）及区社区卫生服务综合考核评估方案（试行）。',
    region: '戊区（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.02);
}

function afShortfallInsts(r: Rng): Inst[] {
  return [
    inst(r, 'A', '己市人民医院', 'tertiary', 'general', 'hospital', 74_000_000, 0.094, { score: 90 }),
    inst(r, 'B', '己市中医医院', 'tertiary', 'tcm', 'hospital', 33_000_000, 0.121, { score: 86 }),
    inst(r, 'C', '己县人民医院', 'secondary', 'general', 'hospital', 27_500_000, 0.067, { score: 84 }),
    inst(r, 'D', '己县第二人民医院', 'secondary', 'general', 'hospital', 16_800_000, 0.142, { score: 78 }),
    inst(r, 'E', '己市肿瘤医院', 'secondary', 'specialty', 'hospital', 22_100_000, 0.083, { score: 88 }),
    inst(r, 'F', '己市妇幼保健院', 'secondary', 'specialty', 'hospital', 12_400_000, -0.043, { score: 93 }),
  ];
}

function afShortfall(topUp: boolean): Scenario {
  const r = mulberry32(1303);
  const insts = afShortfallInsts(r);
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'target', rates: { hospital: '0.1' } },
    surplus: SURPLUS_MAIN,
    overspend: { mode: 'marginal', tiers: [{ upTo: '0.05', share: '0.7' }, { upTo: '0.1', share: '0.5' }, { upTo: null, share: '0.3' }], reasonableShare: '1' },
    quality: LINEAR_60_90,
    sources: {
      'fund.adjustmentFundRate': assumption({ ...DOC70, article: ART70.pay + PARA, note: `“${Q70.deposit}”。调剂金只取总额控制目标的 1%，故意偏小，使基金应分担额超过调剂金。` }),
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA, note: `“${Q70.compensate}”。分档（5% 以内 70%，5%–10% 50%，10% 以上 30%，超额累进）为假设，偏宽松。` }),
      ...(topUp
        ? { 'fund.adjustmentTopUpCap': assumption({ ...DOC70, article: ART70.incentive + PARA, note: `“${Q70.compensate}”：允许从基金结存中补足调剂金缺口，最多 300 万元（假设）；补足后仍不足部分按比例削减。` }) }
        : {}),
      ...depositRateSources('hospital'),
    },
  };
  const fund = smallFund(insts, { uplift: 1.04, afRate: '0.01', rrRate: '0.01', ...(topUp ? { topUpCap: '3000000.00' } : {}) });
  const s = header({
    name: topUp ? '调剂金不足：从结存补足（封顶 300 万元）（合成数据）' : '调剂金不足：按比例削减（合成数据）',
    description: topUp
      ? '合成数据。与 af-shortfall.json 相同的六家医院，但允许从基金结存中补足调剂金缺口，最多 300 万元（fund.adjustmentTopUpCap）。补足后仍不足，各院基金分担额按比例（最大余数法）削减至“调剂金 + 补足额”。'
      : '合成数据。五家医院超支 6.7%–14.2%，而年终清算调剂金只有总额控制目标的 1%：各院按分档应由基金分担的金额合计超过调剂金，于是按比例（最大余数法）削减至调剂金总额。另见 af-shortfall-topup.json（允许从结存补足，封顶）。',
    region: '己市（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.03);
}

function planning2026(): Scenario {
  const r = mulberry32(2026);
  const insts = [
    inst(r, 'A', '庚市人民医院', 'tertiary', 'general', 'hospital', 91_000_000, undefined, { fields: { lastScore: 93 } }),
    inst(r, 'B', '庚市中医医院', 'tertiary', 'tcm', 'hospital', 38_600_000, undefined, { fields: { lastScore: 90.5 } }),
    inst(r, 'C', '庚县人民医院', 'secondary', 'general', 'hospital', 30_200_000, undefined, { lockedTarget: '31500000.00', fields: { lastScore: 84 } }),
    inst(r, 'D', '庚县第二人民医院', 'secondary', 'general', 'hospital', 16_900_000, undefined, { growth: '0.15', fields: { lastScore: 81 } }),
    inst(r, 'E', '庚区城南社区卫生服务中心', 'primary', 'community', 'primary', 5_600_000, undefined, { fields: { lastScore: 95 } }),
    inst(r, 'F', '庚区城北社区卫生服务中心', 'primary', 'community', 'primary', 4_800_000, undefined, { fields: { lastScore: 76 } }),
    inst(r, 'G', '庚县城关镇卫生院', 'primary', 'township', 'primary', 3_900_000, undefined, { fields: { lastScore: 88 } }),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    levelCoefficients: { tertiary: '0.98' },
    categoryCoefficients: { tcm: '1.05' },
    weightFormula: 'defaultWeight * (lastScore >= 90 ? 1.02 : 1)',
    deposit: { base: 'target', rates: { hospital: '0.1', primary: '0.02' } },
    monthlyProfile: SEASON.map((x) => x.toFixed(2).replace(/\.?0+$/, '')),
    surplus: SURPLUS_MAIN,
    overspend: OVERSPEND_MAIN,
    growth: { region: '0.06', byCategory: { tcm: '0.08', community: '0.09' } },
    sources: {
      'policy.growth': assumption({ ...DOC70, article: ART70.budget + PARA, note: '“统筹考虑物价水平、GDP增速等因素”。全市费用增长 6%，中医 8%，社区 9%（分级诊疗下沉）为假设；庚县第二人民医院新住院楼投用，单独按 15% 预测。' }),
      'policy.weightFormula': assumption({ document: DESIGN_RULE, note: '上年考核 90 分及以上的机构权重上浮 2%（defaultWeight × 1.02），为假设的激励规则。' }),
      'policy.monthlyProfile': assumption({ ...DOC70, article: ART70.pay + PARA, note: '“将总额控制指标分解到每个月份”。按历年月度费用的季节性分配（1 月冬季高峰、2 月春节低谷、12 月年底高峰），为假设。' }),
      'hospitals[2].lockedTarget': assumption({ ...DOC70, article: '三、5. 注重沟通与协商' + PARA, note: '“要建立医保经办机构和定点医疗机构之间有效沟通协商的机制”。庚县人民医院经协商锁定指标 3150 万元，同池其余机构按权重分配剩余额度。' }),
      ...depositRateSources('hospital', 'primary'),
    },
  };
  const fund = smallFund(insts, { uplift: 1.07, afRate: '0.03', rrRate: '0.015', carveOuts: [
    { id: 'offsite', name: '异地就医', amount: '12600000.00' },
    { id: 'pharmacy', name: '定点零售药店', amount: '9800000.00' },
  ] });
  const s = header({
    name: '庚市 2026 年度总额预算编制（合成数据）',
    description: '合成数据。演示预算编制年：尚无 2026 年实际费用，各机构费用按上年实际 ×（1 + 增长率）预测（机构自身增长率优先，其次类别，再次全市），按季节性月度分布拆分；庚县人民医院经协商锁定指标；权重公式对上年考核 90 分及以上的机构上浮 2%。',
    region: '庚市（虚构）',
    year: 2026,
  }, fund, policy, insts.map(hospitalOf));
  return s;
}

// ---------------------------------------------------------------------------------------------
// Output

/** File name → scenario, in the order the README lists them. */
export function buildExamples(): Record<string, Scenario> {
  return {
    'city.json': city(),
    'claims-withholding.json': claimsWithholding(),
    'reward-cap.json': rewardCap(),
    'min-savings-step.json': minSavingsStep(),
    'volume-floor.json': volumeFloor(),
    'community-prepay.json': communityPrepay(),
    'af-shortfall.json': afShortfall(false),
    'af-shortfall-topup.json': afShortfall(true),
    'planning-2026.json': planning2026(),
  };
}

/** File name → exact file text; throws if a generated scenario does not validate. */
export function renderExamples(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, s] of Object.entries(buildExamples())) {
    const v = validateScenario(JSON.parse(JSON.stringify(s)));
    if (!v.ok) throw new Error(`${file} does not validate:\n${v.issues.map(formatIssue).join('\n')}`);
    out[file] = saveScenario(s);
  }
  return out;
}

function main(argv: string[]): number {
  const files = renderExamples();
  if (argv.includes('--check')) {
    let bad = 0;
    for (const [file, text] of Object.entries(files)) {
      let now = '';
      try {
        now = readFileSync(join(SCENARIO_DIR, file), 'utf8');
      } catch {
        // missing: reported below
      }
      if (now !== text) {
        console.error(`${file}: differs from the generator's output`);
        bad++;
      }
    }
    return bad ? 1 : 0;
  }
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(join(SCENARIO_DIR, file), text);
    console.log(`wrote scenarios/${file} (${text.length} characters)`);
  }
  const stale = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && !(f in files));
  if (stale.length) console.warn(`not written by this script: ${stale.join(', ')}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
