/** Small scenarios, each reproducing one real rule family named in DESIGN, with its source. */
import type { Policy, Scenario } from '../../src/format/types.ts';
import { ART70, ASSESS, DESIGN_RULE, DOC70, LINEAR_60_90, LINYI, META_YEAR, OVERSPEND_MAIN, PARA, PREPAY, Q70, QINGHAI, SEASON, SHANDONG, SURPLUS_MAIN,
  assumption, depositRateSources, header, hospitalOf, inst, mulberry32, official, smallFund, withClaims, type Inst, type Rng } from './common.ts';

// ---------------------------------------------------------------------------------------------
// 2. Small scenarios, one rule family each


export function claimsWithholding(): Scenario {
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
      'policy.deposit.base': official({ ...QINGHAI,
        note: '“拨款按审核后的总额90%拨给定点医疗单位,其余10%做为管理保证金在年末根据执行医疗保险制度情况决定拨付。”即按月审核费用的 10% 留作保证金（deposit base "claims"）。' }),
      'policy.deposit.rates.hospital': official({ ...QINGHAI, note: '审核后总额的 10%。' }),
      'policy.quality': assumption({ ...QINGHAI, note: '“在年末根据执行医疗保险制度情况决定拨付”，未给标准；分档返还（<60 分 0，60–80 分 60%，80–90 分 90%，≥90 分全额）为假设。' }),
      'policy.surplus': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '与主示例（city.json）相同的假设分档。' }),
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA, note: '与主示例（city.json）相同的假设分档。' }),
    },
  };
  const fund = smallFund(insts, { uplift: 1.06, afRate: '0.03', rrRate: '0.01' });
  const s = header({
    name: '按月审核费用预留 10% 保证金（合成数据）',
    description: '合成数据。演示“按月拨付审核费用的 90%，其余 10% 作保证金年末考核后拨付”的规则（青海省职工医疗保障制度改革试行办法实施细则第四十二条）：deposit.base 为 "claims"，月度可支付额受按月累计指标限制，超出部分暂缓拨付；保证金为实际拨付额的 '
      + '10%，而非指标的 10%。',
    region: '甲市（虚构）',
    year: META_YEAR,
  }, fund, policy, insts.map(hospitalOf));
  return withClaims(s, insts, r, 0.03);
}

export function rewardCap(): Scenario {
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
      'policy.surplus': assumption({ document: DESIGN_RULE,
        note: `结余奖励封顶为指标的 3%（参考规则示例：奖励不超过指标的 3%）；分档（结余率 5% 以内 60%，以上 40%，超额累进）为假设。原则见${DOC70.number}“${Q70.sharing}”。` }),
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

export function minSavingsStep(): Scenario {
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
      'policy.surplus': assumption({ document: DESIGN_RULE,
        note: `“最低结余率”：结余率不超过 3% 不奖励；超过 3% 时整笔结余按所在档比例留用（3%–8% 50%，8% 以上 60%，全额累计制）。参考规则：起始档留用比例为 0，即“最低结余率”。原则见${DOC70.number}“${Q70.sharing}”。比例为假设。` }),
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA,
        note: `“${Q70.mainly}”。全额累计制：超支率 5% 以内基金分担整笔 50%，5%–10% 30%，10% 以上不分担；比例为假设。` }),
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

export function volumeFloor(): Scenario {
  const r = mulberry32(2008);
  const insts = [
    inst(r, 'A', '丁市人民医院', 'tertiary', 'general', 'hospital', 88_000_000, 0.021,
      { score: 92, volume: 11_860, volumeFloor: 11_420, fields: { cases: 11_860, costPerCase: 11_200 } }),
    inst(r, 'B', '丁市中医医院', 'tertiary', 'tcm', 'hospital', 36_500_000, -0.089, { score: 85, volume: 8_950, volumeFloor: 9_600,
      fields: { cases: 8_950, costPerCase: 6_150 } }),
    inst(r, 'C', '丁县人民医院', 'secondary', 'general', 'hospital', 29_400_000, 0.035,
      { score: 81, volume: 6_240, volumeFloor: 6_240, fields: { cases: 6_240, costPerCase: 5_420 } }),
    inst(r, 'D', '丁县第二人民医院', 'secondary', 'general', 'hospital', 14_700_000, -0.03,
      { score: 88, volume: 3_310, volumeFloor: 3_050, fields: { cases: 3_310, costPerCase: 4_860 } }),
  ];
  const policy: Policy = {
    historyWeights: ['0.2', '0.3', '0.5'],
    deposit: { base: 'target', rates: { hospital: '0.1' } },
    surplus: SURPLUS_MAIN,
    overspend: OVERSPEND_MAIN,
    volumeFloor: true,
    quality: LINEAR_60_90,
    sources: {
      'policy.volumeFloor': official({ ...LINYI,
        note: '2008 年起临沂市对各定点医院住院统筹金支付按资金总量和最低服务人次两项指标进行控制：“以上年度实际结算的人次核定最低服务人次指标。实行月结算和年度平衡。”各院最低服务人次指标取上年实际结算人次。服务人次未达最低指标时按比例核减指标（指标 × 服务人次 ÷ '
          + '最低服务人次）为本测算工具的参考规则，原文未载明核减方式。' }),
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

export function communityPrepay(): Scenario {
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
      'policy.monthlyProfile': official({ ...PREPAY, article: '三、实施办法（三）',
        note: '“市医保经办机构在每月月初将当月费用拨付至各社区卫生服务中心。当月预拨费用原则上按医保服务协议明确的全年费用总额分12个月均摊确定。”（monthlyProfile 不设，即 12 个月均摊；monthlyPayment 为 prepaid：月初按额预拨，不以当月申报为限。）' }),
      'policy.quality.indicators': official({ ...ASSESS, note: '基本医疗服务“分值权重占30%”，公共卫生服务“分值权重占30%”，综合管理“分值权重占25%”，社区满意度测评“分值权重占15%(社会中介机构占5%)”。' }),
      'policy.quality': assumption({ document: DESIGN_RULE, note: '综合得分映射保证金返还比例：≥90 全额，60–90 按比例，<60 不返还（线性），为假设。' }),
      'policy.deposit.rates.primary': assumption({ ...SHANDONG, note: '预付办法本身未设保证金；此处沿用“实行国家基本制度的基层医疗机构为2%”，使年终考核结果有所体现。12 个月均摊的是扣除 2% 保证金后的指标。' }),
      'policy.surplus': assumption({ ...PREPAY, article: '三、实施办法（四）',
        note: '“社区卫生服务中心医保预付费用的结余部分,在年终考核后按照……《关于本市社区卫生服务中心试行收支两条线管理的指导意见》(沪财社[2006]13号)的规定管理使用。”留用 50%、考核综合得分 75 分及以上方可留用（eligibility）为假设。' }),
      'policy.overspend': official({ ...PREPAY, article: '三、实施办法（五）',
        note: '“社区卫生服务中心医保预付费用的超支部分,在年终考核后由中心分担。门诊新增医保对象就医所发生的合理超支费用,可由医保基金补助。”合理部分（新增医保对象所致）由基金全额补助；其占超支额的比例 30%（reasonableShare）为假设。' }),
    },
  };
  const fund = smallFund(insts, { uplift: 1.05, afRate: '0.03', rrRate: '0' });
  const s = header({
    name: '社区卫生服务中心医保费用预付（合成数据）',
    description: '合成数据。演示社区卫生服务中心医保费用预付：全年指标（扣除 2% 保证金后）分 12 个月均摊按月预拨；年终按四项指标加权考核（基本医疗服务 30%、公共卫生服务 30%、综合管理 25%、社区满意度测评 '
      + '15%），得分决定保证金返还比例与能否留用结余；超支由中心承担，其中新增医保对象所致的合理部分由基金补助。依据：区社区卫生服务中心医保费用预付管理办法（试行）及区社区卫生服务综合考核评估方案（试行）。',
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

export function afShortfall(topUp: boolean): Scenario {
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
      'policy.overspend': assumption({ ...DOC70, article: ART70.incentive + PARA,
        note: `“${Q70.compensate}”。分档（5% 以内 70%，5%–10% 50%，10% 以上 30%，超额累进）为假设，偏宽松。` }),
      ...(topUp
        ? { 'fund.adjustmentTopUpCap': assumption({ ...DOC70, article: ART70.incentive + PARA,
          note: `“${Q70.compensate}”：允许从基金结存中补足调剂金缺口，最多 300 万元（假设）；补足后仍不足部分按比例削减。` }) }
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

export function planning2026(): Scenario {
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
      'policy.growth': assumption({ ...DOC70, article: ART70.budget + PARA,
        note: '“统筹考虑物价水平、GDP增速等因素”。全市费用增长 6%，中医 8%，社区 9%（分级诊疗下沉）为假设；庚县第二人民医院新住院楼投用，单独按 15% 预测。' }),
      'policy.weightFormula': assumption({ document: DESIGN_RULE, note: '上年考核 90 分及以上的机构权重上浮 2%（默认权重 × 1.02），为假设的激励规则。' }),
      'policy.monthlyProfile': assumption({ ...DOC70, article: ART70.pay + PARA, note: '“将总额控制指标分解到每个月份”。按历年月度费用的季节性分配（1 月冬季高峰、2 月春节低谷、12 月年底高峰），为假设。' }),
      'hospitals[2].lockedTarget': assumption({ ...DOC70, article: '三、5. 注重沟通与协商' + PARA,
        note: '“要建立医保经办机构和定点医疗机构之间有效沟通协商的机制”。庚县人民医院经协商锁定指标 3150 万元，同池其余机构按权重分配剩余额度。' }),
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

