/**
 * fast-check generator of random VALID scenario documents (DESIGN §2 invariants are checked
 * on them in properties.test.ts): 1–30 institutions in random classes and pools, locked
 * targets that fit their pool, marginal/step tier tables that respect the validation rules,
 * both deposit bases, capped or prepaid monthly payment, random monthly profiles, with and without claims, scores or indicator
 * scores, deductions ≤ claims, adjustment funds that may run short, optional top-up caps.
 */
import fc from 'fast-check';

const CLASSES = ['hospital', 'chronic', 'primary'] as const;
const LEVELS = ['tertiary', 'secondary', 'primary'] as const;
const CATEGORIES = ['general', 'tcm', 'community'] as const;
const WEIGHT_FORMULAS = [
  'historyLast',
  'weightedHistory * levelCoefficient * categoryCoefficient',
  'max(historyLast, 1000) * (beds > 100 ? 1.2 : 1)',
  'round(defaultWeight / 1000, 2) + 1',
] as const;

/** Integer fen → "123.45". */
export function yuan(f: number | bigint): string {
  const b = BigInt(f);
  const neg = b < 0n;
  const a = neg ? -b : b;
  return `${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
}

/** Integer in units of 10^-dp → shortest decimal string ("0.05", "1", "12.5"). */
export function dec(n: number, dp = 4): string {
  const s = 10 ** dp;
  const int = Math.floor(n / s);
  const frac = String(n % s).padStart(dp, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : String(int);
}

/** Basis points, possibly negative → decimal string. */
const signed = (x: number) => (x < 0 ? `-${dec(-x)}` : dec(x));

const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den); // num ≥ 0

const tierRaw = fc.record({
  mode: fc.constantFrom('marginal' as const, 'step' as const),
  bounds: fc.uniqueArray(fc.integer({ min: 1, max: 6000 }), { maxLength: 3 }), // basis points of T
  shares: fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 4, maxLength: 4 }),
});
type TierRaw = typeof tierRaw extends fc.Arbitrary<infer T> ? T : never;

/** A tier table valid for its kind: bounds rising, last open, step shares monotone on the hospital's side. */
export function buildTiers(t: TierRaw, kind: 'surplus' | 'overspend') {
  const bounds = [...t.bounds].sort((a, b) => a - b);
  let shares = t.shares.slice(0, bounds.length + 1);
  if (t.mode === 'step') shares = [...shares].sort((a, b) => (kind === 'surplus' ? a - b : b - a));
  return {
    mode: t.mode,
    tiers: shares.map((s, k) => ({ upTo: k < bounds.length ? dec(bounds[k]!) : null, share: dec(s) })),
  };
}
export const tierTableArb = (kind: 'surplus' | 'overspend') => tierRaw.map((t) => buildTiers(t, kind));

const hospitalRaw = fc.record({
  cls: fc.integer({ min: 0, max: 2 }),
  level: fc.constantFrom(...LEVELS),
  category: fc.constantFrom(...CATEGORIES),
  history: fc.array(fc.integer({ min: 100, max: 500_000_000 }), { minLength: 3, maxLength: 3 }),
  lock: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined, freq: 4 }),
  claims: fc.option(fc.record({
    factor: fc.integer({ min: 0, max: 250 }),
    months: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 12, maxLength: 12 }),
  }), { nil: undefined, freq: 5 }),
  deductionPermille: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  score: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: undefined }),
  indicators: fc.option(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }), { nil: undefined }),
  growth: fc.option(fc.integer({ min: -3000, max: 5000 }), { nil: undefined }),
  volume: fc.option(fc.record({ volume: fc.integer({ min: 0, max: 2000 }), floor: fc.integer({ min: 0, max: 2000 }) }), { nil: undefined }),
  beds: fc.integer({ min: 0, max: 500 }),
  violations: fc.integer({ min: 0, max: 2 }),
  advanceEligible: fc.boolean(),
});

const scenarioRaw = fc.record({
  /** The budget as a percentage of the institutions' last-year spending (so targets and claims meet). */
  budgetPct: fc.integer({ min: 60, max: 160 }),
  revenuePct: fc.integer({ min: 50, max: 150 }),
  opening: fc.integer({ min: 0, max: 50_000_000_000 }),
  reserveBp: fc.integer({ min: 0, max: 500 }),
  afBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1500 })),
  topUp: fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: undefined }),
  carve: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 3 }), // per mille of the budget / 10
  years: fc.integer({ min: 1, max: 3 }),
  historyWeights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
  levelCoef: fc.array(fc.option(fc.integer({ min: 5000, max: 20000 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
  categoryCoef: fc.array(fc.option(fc.integer({ min: 5000, max: 20000 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
  weightFormula: fc.option(fc.constantFrom(...WEIGHT_FORMULAS), { nil: undefined, freq: 2 }),
  pools: fc.option(fc.record({
    poolOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
  }), { nil: undefined }),
  depositBase: fc.constantFrom('target' as const, 'claims' as const),
  monthlyPayment: fc.option(fc.constantFrom('capped' as const, 'prepaid' as const), { nil: undefined }),
  depositBp: fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 3, maxLength: 3 }),
  profile: fc.option(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 12, maxLength: 12 }), { nil: undefined }),
  surplus: fc.option(fc.record({
    table: tierRaw,
    cap: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    eligibility: fc.boolean(),
  }), { nil: undefined, freq: 4 }),
  overspend: fc.option(fc.record({
    table: tierRaw,
    reasonable: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: undefined }),
    cap: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  }), { nil: undefined, freq: 4 }),
  volumeFloor: fc.boolean(),
  quality: fc.option(fc.record({
    mode: fc.constantFrom('step' as const, 'linear' as const),
    scores: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }),
    ratios: fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 4, maxLength: 4 }),
    indicatorWeights: fc.option(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }), { nil: undefined }),
  }), { nil: undefined, freq: 4 }),
  growth: fc.record({
    region: fc.option(fc.integer({ min: -3000, max: 5000 }), { nil: undefined }),
    byCategory: fc.array(fc.option(fc.integer({ min: -3000, max: 5000 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
  }),
  advance: fc.option(fc.integer({ min: 0, max: 30000 }), { nil: undefined }),
  hospitals: fc.array(hospitalRaw, { minLength: 1, maxLength: 30, size: 'max' }),
});
type ScenarioRaw = typeof scenarioRaw extends fc.Arbitrary<infer T> ? T : never;

type Doc = Record<string, unknown>;

function build(r: ScenarioRaw): Doc {
  const lastYear = r.hospitals.reduce((a, h) => a + BigInt(h.history[r.years - 1]!), 0n);
  const budget = (lastYear * BigInt(r.budgetPct)) / 100n + 100_000n;
  const reserve = halfUp(budget * BigInt(r.reserveBp), 10000n);
  const carveOuts = r.carve.map((pm, k) => ({ id: `c${k}`, name: `carve-out ${k}`, amount: yuan((budget * BigInt(pm)) / 10000n) }));
  const carved = r.carve.reduce((a, pm) => a + (budget * BigInt(pm)) / 10000n, 0n);
  const G = budget - carved - reserve;
  const AF = halfUp(G * BigInt(r.afBp), 10000n);
  const P = G - AF;

  // History weights: the first `years`, at least one positive.
  const hw = r.historyWeights.slice(0, r.years);
  if (!hw.some((w) => w > 0)) hw[hw.length - 1] = 1;

  // Pools: a partition of the classes in use, shares in basis points adding to exactly 1.
  const used = [...new Set(r.hospitals.map((h) => h.cls))].sort();
  let pools: { id: string; name: string; share: string; classes: string[] }[] | undefined;
  let poolBp: number[] = [10000];
  let poolOfClass = new Map<number, number>(used.map((c) => [c, 0]));
  if (r.pools) {
    const groups = new Map<number, number[]>();
    for (const c of used) {
      const g = r.pools.poolOf[c]!;
      groups.set(g, [...(groups.get(g) ?? []), c]);
    }
    const keys = [...groups.keys()].sort();
    const w = keys.map((g) => r.pools!.weights[g]!);
    const W = w.reduce((a, b) => a + b, 0);
    poolBp = W === 0 ? keys.map(() => 0) : w.map((x) => Math.floor((10000 * x) / W));
    if (W === 0) poolBp[0] = 10000;
    else poolBp[poolBp.length - 1]! += 10000 - poolBp.reduce((a, b) => a + b, 0);
    poolOfClass = new Map();
    keys.forEach((g, k) => { for (const c of groups.get(g)!) poolOfClass.set(c, k); });
    pools = keys.map((g, k) => ({ id: `pool${g}`, name: `Pool ${g}`, share: dec(poolBp[k]!), classes: groups.get(g)!.map((c) => CLASSES[c]!) }));
  }
  // Locked targets that fit: Σ locked in a pool ≤ its smallest possible amount; the first
  // member of every pool stays unlocked so the rest always has someone to go to.
  const poolFloor = poolBp.map((bp) => (P * BigInt(bp)) / 10000n);
  const members = poolBp.map(() => [] as number[]);
  r.hospitals.forEach((h, i) => members[poolOfClass.get(h.cls)!]!.push(i));

  const quality = r.quality ? buildQuality(r.quality) : undefined;
  const indicatorIds = quality?.indicators?.map((x) => x.id);

  const hospitals = r.hospitals.map((h, i) => {
    const k = poolOfClass.get(h.cls)!;
    const history = h.history.slice(0, r.years);
    const out: Doc = {
      id: `h${i}`, name: `Institution ${i}`, level: h.level, category: h.category, class: CLASSES[h.cls],
      history: history.map(yuan),
      fields: { beds: h.beds, violations: h.violations },
    };
    if (h.lock !== undefined && members[k]![0] !== i) {
      out.lockedTarget = yuan((poolFloor[k]! * BigInt(h.lock)) / 1000n / BigInt(members[k]!.length));
    }
    let claimsTotal = 0n;
    if (h.claims) {
      const last = BigInt(history[history.length - 1]!);
      const mw = h.claims.months.map((m) => BigInt(m + 50));
      const claims = mw.map((m) => (last * BigInt(h.claims!.factor) * m) / (100n * 12n * 150n));
      claimsTotal = claims.reduce((a, b) => a + b, 0n);
      out.claims = claims.map(yuan);
      if (h.deductionPermille !== undefined) out.deductions = yuan((claimsTotal * BigInt(h.deductionPermille)) / 1000n);
    }
    if (h.score !== undefined) out.score = h.score / 100;
    if (h.indicators && indicatorIds) out.indicators = Object.fromEntries(indicatorIds.map((id, j) => [id, h.indicators![j]!]));
    if (h.growth !== undefined) out.growth = signed(h.growth);
    if (h.volume) { out.volume = h.volume.volume; out.volumeFloor = h.volume.floor; }
    if (h.advanceEligible) out.advanceEligible = true;
    return out;
  });

  const policy: Doc = {
    historyWeights: hw.map((w) => dec(w, 1)),
    deposit: { base: r.depositBase, rates: Object.fromEntries(used.map((c) => [CLASSES[c], dec(r.depositBp[c]!)])) },
  };
  if (pools) policy.pools = pools;
  if (r.monthlyPayment) policy.monthlyPayment = r.monthlyPayment;
  const coefs = (xs: (number | undefined)[], keys: readonly string[]) => {
    const o: Record<string, string> = {};
    xs.forEach((x, j) => { if (x !== undefined) o[keys[j]!] = dec(x); });
    return o;
  };
  policy.levelCoefficients = coefs(r.levelCoef, LEVELS);
  policy.categoryCoefficients = coefs(r.categoryCoef, CATEGORIES);
  if (r.weightFormula) policy.weightFormula = r.weightFormula;
  if (r.profile) {
    const p = [...r.profile];
    if (!p.some((x) => x > 0)) p[0] = 1;
    policy.monthlyProfile = p.map((x) => dec(x, 2));
  }
  if (r.surplus) {
    policy.surplus = {
      ...buildTiers(r.surplus.table, 'surplus'),
      ...(r.surplus.cap !== undefined ? { cap: dec(r.surplus.cap) } : {}),
      ...(r.surplus.eligibility ? { eligibility: 'violations == 0' } : {}),
    };
  }
  if (r.overspend) {
    policy.overspend = {
      ...buildTiers(r.overspend.table, 'overspend'),
      ...(r.overspend.reasonable !== undefined ? { reasonableShare: dec(r.overspend.reasonable) } : {}),
      ...(r.overspend.cap !== undefined ? { cap: dec(r.overspend.cap) } : {}),
    };
  }
  if (r.volumeFloor) policy.volumeFloor = true;
  if (quality) policy.quality = quality;
  const byCategory: Record<string, string> = {};
  r.growth.byCategory.forEach((x, j) => { if (x !== undefined) byCategory[CATEGORIES[j]!] = signed(x); });
  policy.growth = { ...(r.growth.region !== undefined ? { region: signed(r.growth.region) } : {}), byCategory };
  if (r.advance !== undefined) policy.advance = { months: dec(r.advance) };

  const fund: Doc = {
    budget: yuan(budget),
    revenue: yuan((budget * BigInt(r.revenuePct)) / 100n),
    openingBalance: yuan(r.opening),
    riskReserveRate: dec(r.reserveBp),
    adjustmentFundRate: dec(r.afBp),
    carveOuts,
  };
  if (r.topUp !== undefined) fund.adjustmentTopUpCap = yuan(r.topUp);
  return { format: 'gbsim-scenario', version: 2, meta: { name: 'random' }, fund, policy, hospitals };
}

function buildQuality(q: NonNullable<ScenarioRaw['quality']>) {
  const scores = [0, ...[...q.scores].sort((a, b) => a - b)];
  const ratios = [...q.ratios].sort((a, b) => a - b).slice(0, scores.length);
  const out: { mode: 'step' | 'linear'; points: { score: number; ratio: string }[]; indicators?: { id: string; name: string; weight: string }[] } = {
    mode: q.mode,
    points: scores.map((s, k) => ({ score: s, ratio: dec(ratios[k]!) })),
  };
  if (q.indicatorWeights) {
    const w = [...q.indicatorWeights];
    if (!w.some((x) => x > 0)) w[0] = 1;
    out.indicators = w.map((x, j) => ({ id: `q${j + 1}`, name: `Indicator ${j + 1}`, weight: dec(x, 2) }));
  }
  return out;
}

/** Random valid scenario documents (plain JSON values, as a file would hold). */
export const scenarioDocArb: fc.Arbitrary<Doc> = scenarioRaw.map(build);
