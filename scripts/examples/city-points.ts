/**
 * The city's points variant (DESIGN §7): the same city, fund, claims and primary pool as
 * city.json, with its inpatient hospitals settled by points (区域点数法总额预算和按病种分值付费)
 * instead of per-hospital targets.
 *
 * - The hospital pool of city.json is split: the outpatient chronic-disease institutions keep
 *   targets in a pool of their own (they have no inpatient cases), sized to what they were
 *   allocated in city.json; the inpatient hospitals form the pool settled by points.
 * - The catalogue is the synthetic DIP catalogue of scenarios/city-dip-catalogue.csv (3,000
 *   groups, scripts/cases/catalogue.ts).
 * - Each hospital's points are the aggregation of the city's synthetic case list
 *   (scripts/cases/caselist.ts, 250,000 cases, seed 1: what `caselist.ts --base
 *   scenarios/city-points.json` writes), by the outlier rules of the national DIP technical
 *   specification (0.5 / 2), in exact integer arithmetic (src/cases/points.ts). A case list
 *   imported into this file therefore gives back its points.
 * - The case list is drawn so that a hospital's fund-payable cases add up to about its claims
 *   (a pilot list measures fund-payable per case drawn for each hospital; the list's weights are
 *   its claims over that): points are consistent with the claims the settlement compares them to.
 * - Last year's points: this year's over a growth of 3–10% (drawn); the planned growth of points
 *   is 5%, so the year's points exceed the projection a little (the point value falls below the
 *   budget point value: point inflation).
 */
import type { CatalogueGroup, Hospital, HospitalGroupPoints, Provenance, Scenario } from '../../src/format/types.ts';
import { runScenario } from '../../src/engine/run.ts';
import { parseMoney } from '../../src/engine/money.ts';
import { casePoints, type OutlierRule } from '../../src/cases/points.ts';
import { formatPoints } from '../../src/cases/decimal.ts';
import { synthCatalogue } from '../cases/catalogue.ts';
import { caseLines, CITY_CASES, type GenInstitution } from '../cases/generate.ts';
import { city } from './city.ts';
import { assumption, DESIGN_RULE, mulberry32, uniform } from './common.ts';

export const DIP_SPEC = { document: '国家医疗保障局办公室《国家医疗保障按病种分值付费（DIP）技术规范》', number: '医保办发〔2020〕50号' };
export const DIP_REFORM = { document: '国家医疗保障局《DRG/DIP支付方式改革三年行动计划》', number: '医保发〔2021〕48号' };
export const CITY_POINTS_SEED = 1;
const THRESHOLDS = { low: '0.5', high: '2' } as const;
const RULE: OutlierRule = { low: { num: 1n, den: 2n }, high: { num: 2n, den: 1n } };
/** Top groups kept per hospital for the negotiation brief: as many as a case import keeps (src/cases DEFAULT_TOP_GROUPS). */
const TOP_GROUPS = 20;

interface Agg {
  months: bigint[];
  cases: number;
  fund: bigint;
  groups: Map<string, { cases: number; units: bigint; low: number; high: number; special: number }>;
}

const fenOfText = (s: string): bigint => {
  const [i = '0', f = ''] = s.split('.');
  return BigInt(i) * 100n + BigInt(f.padEnd(2, '0'));
};
const unitsOfText = (s: string): bigint => {
  const [i = '0', f = ''] = s.split('.');
  return BigInt(i) * 10000n + BigInt(f.padEnd(4, '0'));
};

/**
 * Aggregate a clean generated case list (CSV lines, header first, month "YYYY-MM") per
 * institution: raw case points by month, cases, fund-payable and points by group. Plain
 * TypeScript over the rule of src/cases/points.ts (the import's reference).
 */
export function aggregateCases(lines: Iterable<string>, catalogue: readonly CatalogueGroup[]): Map<string, Agg> {
  const groups = new Map(catalogue.map((g) => [g.id, { score: unitsOfText(g.score), ref: fenOfText(g.refCost) }]));
  const out = new Map<string, Agg>();
  let first = true;
  for (const line of lines) {
    if (first) { first = false; continue; }
    const [inst, group, cost, fund, month, special] = line.split(',') as [string, string, string, string, string, string];
    const g = groups.get(group)!;
    const p = casePoints(g.score, g.ref, fenOfText(cost), RULE, special ? unitsOfText(special) : null);
    let a = out.get(inst);
    if (!a) { a = { months: Array.from({ length: 12 }, () => 0n), cases: 0, fund: 0n, groups: new Map() }; out.set(inst, a); }
    const m = Number(month.slice(5)) - 1;
    a.months[m]! += p.units;
    a.cases++;
    a.fund += fenOfText(fund);
    let e = a.groups.get(group);
    if (!e) { e = { cases: 0, units: 0n, low: 0, high: 0, special: 0 }; a.groups.set(group, e); }
    e.cases++;
    e.units += p.units;
    if (p.cls !== 'normal') e[p.cls]++;
  }
  return out;
}

/** The top groups of an institution by points (ties by group id), as the brief shows them. */
function topGroups(a: Agg): HospitalGroupPoints[] {
  return [...a.groups.entries()]
    .sort(([ga, x], [gb, y]) => (x.units === y.units ? (ga < gb ? -1 : 1) : x.units > y.units ? -1 : 1))
    .slice(0, TOP_GROUPS)
    .map(([group, e]) => ({
      group, cases: e.cases, points: formatPoints(e.units),
      ...(e.low ? { low: e.low } : {}), ...(e.high ? { high: e.high } : {}), ...(e.special ? { special: e.special } : {}),
    }));
}

const claimsYuan = (h: Hospital): number => (h.claims ?? []).reduce((a, c) => a + Number(c), 0);

/**
 * The institutions a points scenario's case list is drawn for: `members` (of its pools settled
 * by points), each weighted so that its cases' fund-payable amounts add up to about its claims.
 */
export function caseWeights(members: readonly Hospital[], catalogue: readonly CatalogueGroup[]): GenInstitution[] {
  // Pilot: cases in proportion to claims; measure fund-payable per case drawn for each hospital.
  const pilot = members.map((h) => ({ id: h.id, level: h.level, weight: claimsYuan(h) }));
  const agg = aggregateCases(caseLines({ institutions: pilot, catalogue: [...catalogue], year: 2025, cases: 60_000, seed: 99 }), catalogue);
  return pilot.map((x) => {
    const a = agg.get(x.id)!;
    const perCase = Number(a.fund) / 100 / a.cases;
    // Whole yuan of "claims in cases": deterministic and readable.
    return { ...x, weight: Math.round(x.weight / perCase) };
  });
}

export function cityPoints(): Scenario {
  const base = city();
  const r = mulberry32(20250711);
  const baseline = runScenario(base);
  const catalogue = synthCatalogue();

  const inpatient = base.hospitals.filter((h) => h.class === 'hospital');
  const chronic = base.hospitals.map((h, i) => ({ h, i })).filter((x) => x.h.class === 'chronic');
  // The chronic-disease pool keeps what its members were allocated in city.json (to 4 decimals of a share).
  const allocatable = parseMoney(baseline.fund.allocatable);
  const chronicFen = chronic.reduce((a, x) => a + parseMoney(baseline.hospitals[x.i]!.allocatedTarget), 0);
  // Shares in 10^-4 (basis points), so the three add up to 1 exactly.
  const bp = (share: string) => Math.round(Number(share) * 10000);
  const chronicBp = Math.round((chronicFen / allocatable) * 10000);
  const hospBp = bp(base.policy.pools![0]!.share) - chronicBp;
  const share = (b: number) => String(b / 10000);

  const weights = caseWeights(inpatient, catalogue);
  const agg = aggregateCases(caseLines({ institutions: weights, catalogue, year: 2025, cases: CITY_CASES, seed: CITY_POINTS_SEED }), catalogue);

  const hospitals: Hospital[] = base.hospitals.map((h) => {
    if (h.class !== 'hospital') return h;
    const a = agg.get(h.id)!;
    const total = a.months.reduce((x, y) => x + y, 0n);
    const growth = uniform(r, 0.03, 0.1);
    const last = BigInt(Math.round(Number(total) / (1 + growth)));
    return {
      ...h,
      points: {
        total: formatPoints(total),
        months: a.months.map(formatPoints),
        cases: a.cases,
        lastYear: formatPoints(last),
        groups: topGroups(a),
      },
    };
  });

  const sources: Record<string, Provenance> = {
    ...base.policy.sources,
    'policy.pools': assumption({
      ...DIP_REFORM,
      note: '住院医疗机构实行区域点数法总额预算和按病种分值付费（DIP）；门诊慢特病机构无住院病例，单设按指标结算的池，其份额取其在按指标方案（city.json）中分得的指标；基层池不变。',
    }),
    'policy.points.thresholds': assumption({
      ...DIP_SPEC,
      note: '偏差病例：费用低于该病种次均费用 50% 为费用极低病例、高于 2 倍为费用极高病例（技术规范的常用阈值；各地可不同，此处为假设）。',
    }),
    'policy.points.levelCoefficients': assumption({
      ...DIP_SPEC,
      note: '医疗机构等级系数：三级 1.05、二级 1（合成数据的假设；各地按机构等级、成本差异确定）。',
    }),
    'policy.points.growth': assumption({
      document: DESIGN_RULE,
      note: '预算点值按上年点数 × (1 + 5%) 的预计点数测算；实际点数增长 3%–10%（随机生成），年终清算点值因而略低于预算点值（点数膨胀）。',
    }),
    catalogue: assumption({
      ...DIP_SPEC,
      note: '合成病种分值目录（3,000 个病种，分值长尾分布；次均费用对应约 8–15 元/分），与 scenarios/city-dip-catalogue.csv 相同；不对应任何真实目录。',
    }),
  };

  const s: Scenario = {
    ...base,
    meta: {
      ...base.meta,
      name: '示例市 2025 年度总额预算 · 住院按病种分值付费（合成数据）',
      description: '合成数据，仅供演示：与 city.json 同一个虚构地级市、同一基金与同样的申报费用，'
        + '住院医疗机构（16 家）改为区域点数法总额预算和按病种分值付费（DIP）：不再下达医院指标，年终按各院点数占比分配住院池，点值浮动使池内资金正好分完；'
        + '月度按预算点值预结算并预留 10% 质量保证金，年终清算后按超支分担、结余留用规则处理（T := 应得额 E）。'
        + '病种目录与病例均为随机生成（3,000 个病种、250,000 例出院病例），偏差病例阈值 0.5 / 2 按国家 DIP 技术规范（医保办发〔2020〕50号）的常用取值，为假设。各参数出处见 policy.sources。',
    },
    policy: {
      ...base.policy,
      pools: [
        { id: 'hospitals', name: '住院医疗机构（按病种分值付费）', share: share(hospBp), classes: ['hospital'], settlement: 'points' },
        { id: 'chronic', name: '门诊慢特病机构', share: share(chronicBp), classes: ['chronic'] },
        { id: 'primary', name: '基层医疗机构', share: base.policy.pools![1]!.share, classes: ['primary'] },
      ],
      points: { thresholds: { ...THRESHOLDS }, levelCoefficients: { tertiary: '1.05', secondary: '1' }, growth: '0.05' },
      sources,
    },
    hospitals,
    catalogue,
  };
  return s;
}

/** The institutions of a scenario's pools settled by points, weighted as caseWeights (the case list generator's --base). */
export function pointsInstitutionsOf(s: Scenario): GenInstitution[] {
  const pools = (s.policy.pools ?? []).filter((p) => p.settlement === 'points');
  const members = s.hospitals.filter((h) => pools.some((p) => p.classes.includes(h.class)));
  return caseWeights(members, s.catalogue ?? synthCatalogue());
}
