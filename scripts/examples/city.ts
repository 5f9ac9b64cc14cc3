/** The main example: a synthetic prefecture-level city of 80 institutions under the national rule. */
import type { Hospital, Policy, Provenance, Scenario } from '../../src/format/types.ts';
import { ART70, DESIGN_RULE, DOC242, DOC70, LINEAR_60_90, OVERSPEND_MAIN, PARA, Q70, SURPLUS_MAIN, assumption, depositRateSources, fenOf, header, hospitalOf,
  money, mulberry32, official, round1, uniform, withClaims, type Inst } from './common.ts';

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

export function city(): Scenario {
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
    'policy.surplus': assumption({ ...DOC70, article: ART70.incentive + PARA,
      note: `“${Q70.sharing}”；“${Q70.mainly}”。另见${DOC242.number}“结余留用，合理超支分担”。分档比例（结余率 5% 以内留用 70%，5%–10% 留用 50%，10% 以上 30%，超额累进）为假设。` }),
    'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA,
      note: `“${Q70.mainly}”；“${Q70.compensate}”。基金分担（超支率 5% 以内 50%，5%–10% 30%，10% 以上不分担，超额累进）为假设，使超支主要由医院承担。` }),
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

