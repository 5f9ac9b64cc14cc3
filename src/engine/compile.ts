/**
 * Scenario (validated shape, decimal strings) → Model (exact fen and rates), checking every
 * rule that spans fields. All problems are collected and thrown together as a ScenarioError.
 */
import { formatMoney, gcd, parseMoney, parseRate, parseRateCached, RATE_ONE, mulRate, sum, type Fen, type Rate } from './money.ts';
import { apportion, reduceWeights } from './apportion.ts';
import { compileFormula, FormulaDecimal as D, FormulaError, IDENT_RE, type CompiledFormula, type Dec } from './formula.ts';
import { Issues, ScenarioError } from '../format/issues.ts';
import { reasonParams } from '../format/messages.ts';
import { formatPath } from '../format/path.ts';
import { ownValue } from '../format/json.ts';
import { ONE, qualityRatio, reduceRatio, type CompiledQuality, type Ratio } from './quality.ts';
import { assignPools, compileQuality, compileTiers, hospitalScore } from './policy-checks.ts';
import { checkPoints, compilePoints } from './points-compile.ts';
import { formatPoints, parsePoints } from './points.ts';
import type { HospitalModel, Model } from './model.ts';
import { checkMonitoring, compileAdjustments } from './monitor-checks.ts';
import { projectYear } from './project.ts';
import type { Hospital, Scenario } from '../format/types.ts';

/** Names every formula can read, besides a hospital's own `fields` and indicator ids. */
export const BUILTIN_FIELDS = [
  'historyLast', 'weightedHistory', 'levelCoefficient', 'categoryCoefficient', 'defaultWeight',
  'volume', 'volumeFloor', 'score', 'growth', 'deductions', 'claimsTotal',
] as const;

const WEIGHT_SCALE = 10n ** 24n;

/**
 * Compile a scenario. `reuse`: the institutions of an earlier compile of the same scenario when
 * nothing they depend on has changed since (see `changeKeepsInstitutions`) — then only the
 * fund- and policy-level parts are compiled again, which is most of an edit's worth. With
 * `changed`, the institutions at those indices are compiled again and the rest reused (edits of
 * some institutions' own data; see `changedInstitution`).
 */
export function compile(s: Scenario, reuse?: readonly HospitalModel[], changed?: ReadonlySet<number>): Model {
  const issues = new Issues();
  const p = s.policy;
  const hw = p.historyWeights.map(parseRate);
  if (hw.every((w) => w === 0n)) issues.code('policy.historyWeights', 'historyWeightsZero');

  const profile = reduceWeights((p.monthlyProfile ?? new Array(12).fill('1')).map(parseRate));
  if (profile.every((w) => w === 0n)) issues.code('policy.monthlyProfile', 'profileZero');

  const surplus = p.surplus ? { table: compileTiers(p.surplus, 'policy.surplus', 'surplus', issues),
    cap: p.surplus.cap === undefined ? null : parseRate(p.surplus.cap) } : null;
  const overspend = p.overspend
    ? { table: compileTiers(p.overspend, 'policy.overspend', 'overspend', issues), reasonableShare: parseRate(p.overspend.reasonableShare ?? '1'),
      cap: p.overspend.cap === undefined ? null : parseRate(p.overspend.cap) }
    : null;
  const quality = p.quality ? compileQuality(p.quality, issues) : null;
  const pools = assignPools(p.pools, s.hospitals, issues);
  const poolIndex = new Int32Array(s.hospitals.length).fill(-1);
  pools.forEach((pool, k) => { for (const i of pool.members) poolIndex[i] = k; });
  checkPoints(s, (i) => (pools[poolIndex[i]!]?.implicit ? -1 : poolIndex[i]!), issues);

  const hospitals = reuse && reuse.length === s.hospitals.length
    ? changed?.size ? recompileInstitutions(s, reuse, changed, hw, profile, quality, issues) : reuse
    : compileInstitutions(s, hw, profile, quality, issues);

  const fund = {
    budget: parseMoney(s.fund.budget),
    revenue: parseMoney(s.fund.revenue),
    opening: parseMoney(s.fund.openingBalance),
    riskReserveRate: parseRate(s.fund.riskReserveRate),
    adjustmentFundRate: parseRate(s.fund.adjustmentFundRate),
    topUpCap: s.fund.adjustmentTopUpCap === undefined ? null : parseMoney(s.fund.adjustmentTopUpCap),
    carveOuts: s.fund.carveOuts.map((c) => ({ id: c.id, name: c.name, amount: parseMoney(c.amount) })),
  };
  checkMonitoring(s, issues);
  const adjustments = compileAdjustments(s, issues);
  const carveOuts = fund.carveOuts.map((c) => c.amount);
  const carvedExact = exactSum(carveOuts) ?? overflow(carveOuts.length, (k) => carveOuts[k]!, 'carveOuts', 'fund.carveOuts',
    (k) => [`fund.carveOuts[${k}].amount`, fund.carveOuts[k]!], issues);
  const carved = carvedExact + mulRate(fund.budget, fund.riskReserveRate);
  // The year's claims over every institution are summed when settling: they must stay exact too.
  // (Summed in place: two 100,000-entry arrays built only to be summed cost more than the sums.)
  let claimsAll = 0;
  let lockedAll = 0;
  for (let i = 0; i < hospitals.length; i++) {
    const h = hospitals[i]!;
    claimsAll += sumOrZero(h.claims);
    lockedAll += h.locked ?? 0;
  }
  const at = (field: string) => (k: number): [string, { id: string; name: string }] => [`hospitals[${k}].${field}`, s.hospitals[k]!];
  if (!Number.isSafeInteger(claimsAll)) overflow(hospitals.length, (k) => sumOrZero(hospitals[k]!.claims), 'claimsAll', 'hospitals', at('claims'), issues);
  if (!Number.isSafeInteger(lockedAll)) overflow(hospitals.length, (k) => hospitals[k]!.locked ?? 0, 'lockedAll', 'hospitals', at('lockedTarget'), issues);
  if (carved > fund.budget) issues.code('fund.carveOuts', 'carveOutsExceed', { carved: formatMoney(carved), budget: formatMoney(fund.budget) });
  issues.throwIfAny();

  return {
    fund, pools, hospitals, profile, surplus, overspend, quality,
    profileSmall: smallProfile(profile),
    depositBase: p.deposit.base,
    prepaid: p.monthlyPayment === 'prepaid',
    volumeFloor: p.volumeFloor === true,
    advanceMonths: p.advance ? parseRate(p.advance.months) : null,
    pointValueCap: p.points?.pointValueCap === undefined ? null : parseRate(p.points.pointValueCap),
    asOf: s.monitoring?.asOf ?? 12,
    adjustments,
  };
}

/** Every institution's exact inputs, weight and quality ratio, with the checks that concern it. */
function compileInstitutions(s: Scenario, hw: Rate[], profile: bigint[], quality: CompiledQuality | null, issues: Issues): HospitalModel[] {
  const ids = new Map<string, number>();
  s.hospitals.forEach((h, i) => {
    const prev = ids.get(h.id);
    if (prev !== undefined) issues.code(`hospitals[${i}].id`, 'duplicateId', { id: h.id, other: prev + 1, otherPath: `hospitals[${prev}]` });
    else ids.set(h.id, i);
  });
  const { one, finish } = institutionCompiler(s, hw, profile, quality, issues);
  const out = s.hospitals.map(one);
  finish();
  return out;
}

/** An earlier compile's institutions with those at `changed` compiled again. */
function recompileInstitutions(s: Scenario, reuse: readonly HospitalModel[], changed: ReadonlySet<number>, hw: Rate[], profile: bigint[],
  quality: CompiledQuality | null, issues: Issues): HospitalModel[] {
  const { one, finish } = institutionCompiler(s, hw, profile, quality, issues);
  const out = reuse.slice();
  for (const i of changed) if (i >= 0 && i < out.length) out[i] = one(s.hospitals[i]!, i);
  finish();
  return out;
}

/**
 * Compiles one institution (its id's uniqueness is checked across the list, not here); `finish`
 * files what the formulas failed on, once per formula, after the institutions are compiled.
 */
function institutionCompiler(s: Scenario, hw: Rate[], profile: bigint[], quality: CompiledQuality | null, issues: Issues): {
  one: (h: Hospital, i: number) => HospitalModel; finish: () => void;
} {
  const p = s.policy;
  const years = p.historyWeights.length;
  const known = knownNames(s, issues);
  const weightFormula = tryCompile(p.weightFormula, 'policy.weightFormula', known, issues);
  const eligibility = tryCompile(p.surplus?.eligibility, 'policy.surplus.eligibility', known, issues);
  // A formula's scope holds only the names the formulas read (each one is a decimal built per
  // institution).
  const read = new Set([...(weightFormula?.names ?? []), ...(eligibility?.names ?? [])]);
  const clock: FormulaClock = { ms: 0, spent: false, failed: new Map() };
  const factors = weightFactors(s, hw);
  // Scores repeat across institutions; reducing a ratio to lowest terms costs a bigint gcd.
  const ratios = new Map<bigint, Ratio>();
  const qualityOf = (score: Rate): Ratio => {
    let r = ratios.get(score);
    if (r === undefined) ratios.set(score, (r = reduceRatio(qualityRatio(quality!, score))));
    return r;
  };
  const one = (h: Hospital, i: number): HospitalModel => {
    const path = `hospitals[${i}]`;
    if (h.history.length !== years) issues.code(`${path}.history`, 'historyYears', { years, found: h.history.length });
    const depositRate = ownValue(p.deposit.rates, h.class);
    if (depositRate === undefined) issues.code(`${path}.class`, 'noDepositRate', { class: h.class });
    const history = h.history.map(parseMoney);
    const { claims, projected } = claimsOf(h, s, history, profile, path, issues);
    const exact = exactSum(claims);
    if (exact === null) issues.code(`${path}.claims`, 'sumTooLarge', { field: 'claims', max: MAX_EXACT_YUAN });
    const claimsTotal = (exact ?? 0) as Fen;
    const deductions = h.deductions === undefined ? (0 as Fen) : parseMoney(h.deductions);
    // Against claims whose total is beyond the exact range there is nothing to compare: that one problem is reported above.
    if (exact !== null && deductions > claimsTotal) issues.code(`${path}.deductions`, 'deductionsExceed', { claims: formatMoney(claimsTotal) });
    const score = hospitalScore(h, p.quality, path, issues);
    const scope = weightFormula || eligibility ? formulaScope(h, s, history, hw, score, deductions, claimsTotal, read) : null;
    const weight = scope && weightFormula ? formulaWeight(weightFormula, scope, i, issues, clock) : defaultWeight(history, factors, h);
    const eligible = scope && eligibility ? evalFormula(eligibility, scope, i, 'policy.surplus.eligibility', issues, clock) : null;
    const floorApplies = p.volumeFloor === true && h.volumeFloor !== undefined && h.volume !== undefined;
    return {
      id: h.id,
      weight,
      locked: h.lockedTarget === undefined ? null : parseMoney(h.lockedTarget),
      depositRate: depositRate === undefined ? (0n as Rate) : parseRateCached(depositRate),
      volume: floorApplies ? h.volume! : null,
      floor: floorApplies ? h.volumeFloor! : null,
      claims,
      projected,
      deductions,
      score,
      quality: quality && score !== null ? qualityOf(score) : ONE,
      rewardEligible: eligible === null ? true : !eligible.isZero(),
      reasonableShare: h.reasonableShare === undefined ? null : parseRateCached(h.reasonableShare),
      points: compilePoints(pointsAsOf(h, s, profile), p.points, profile, path, issues),
      advanceEligible: h.advanceEligible === true,
    };
  };
  return { one, finish: () => fileFormulaFailures(s, clock, issues) };
}

/** Policy fields an institution's compiled inputs depend on (beyond its own row). */
const INSTITUTION_POLICY = new Set(['historyWeights', 'levelCoefficients', 'categoryCoefficients', 'weightFormula', 'deposit', 'monthlyProfile', 'quality',
  'growth', 'volumeFloor', 'points']);

/**
 * Whether a change at `path` leaves every institution's compiled inputs as they were, so that
 * `compile(s, previous.hospitals)` is exact: fund figures, pools, tier tables and caps, payment
 * mode, advance, sources and meta do; anything under hospitals or the fields above does not.
 */
export function changeKeepsInstitutions(path: readonly (string | number)[]): boolean {
  const [a, b, c] = path;
  if (a === 'fund' || a === 'meta') return true;
  if (a !== 'policy' || b === undefined) return false;
  if (INSTITUTION_POLICY.has(String(b))) return false;
  if (b === 'surplus') return c !== undefined && c !== 'eligibility';
  return true;
}

/**
 * The institution a change at `path` concerns, when it changes only that institution's own
 * inputs: its index. Null for anything else — including its id and formula fields, which other
 * institutions' checks and formulas see, and the whole record.
 */
export function changedInstitution(path: readonly (string | number)[]): number | null {
  const [a, i, f] = path;
  return a === 'hospitals' && typeof i === 'number' && typeof f === 'string' && f !== 'id' && f !== 'fields' ? i : null;
}

function smallProfile(profile: readonly bigint[]): { w: number[]; sum: number } | null {
  const total = profile.reduce((a, b) => a + b, 0n);
  return total > 0n && total < 1n << 26n ? { w: profile.map(Number), sum: Number(total) } : null;
}

/** What a formula name stands for: a built-in name (its own key), or a kind of name the scenario adds. */
export type FormulaNameMeaning = (typeof BUILTIN_FIELDS)[number] | 'history' | 'indicator' | 'field';

/** A name a formula may read, with what it means (the glossary's FORMULA_NAMES key). */
export interface FormulaName {
  name: string;
  meaning: FormulaNameMeaning;
  /** `history`: the year's place, 1 = the oldest. */
  year?: number;
  /** `indicator`: the indicator's name as the scenario gives it. */
  label?: string;
}

/**
 * Every name the scenario's formulas may use, in the order the policy tab lists them: the
 * built-in names, history1…N, the indicator ids, then the institutions' own fields (each once,
 * in first-seen order; a field named like a built-in is not a name of its own).
 */
export function formulaNames(s: Scenario): FormulaName[] {
  const out: FormulaName[] = BUILTIN_FIELDS.map((name) => ({ name, meaning: name }));
  for (let y = 1; y <= s.policy.historyWeights.length; y++) out.push({ name: `history${y}`, meaning: 'history', year: y });
  const seen = new Set(out.map((n) => n.name));
  for (const ind of s.policy.quality?.indicators ?? []) {
    if (IDENT_RE.test(ind.id) && !seen.has(ind.id)) { seen.add(ind.id); out.push({ name: ind.id, meaning: 'indicator', label: ind.name }); }
  }
  for (const h of s.hospitals) {
    for (const k of Object.keys(h.fields ?? {})) if (!seen.has(k) && IDENT_RE.test(k)) { seen.add(k); out.push({ name: k, meaning: 'field' }); }
  }
  return out;
}

/**
 * Whether `source` would compile as a formula of scenario `s` (the names of `formulaNames`):
 * null, or the error — its code, parameters and 1-based position. The compile of the run
 * itself, without running it, so a form can check a formula while it is typed.
 */
export function checkFormula(s: Scenario, source: string, names: readonly FormulaName[] = formulaNames(s)): FormulaError | null {
  try {
    compileFormula(source, new Set(names.map((n) => n.name)));
    return null;
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
}

/**
 * The names of `formulaNames`, with a field named like a built-in reported where it is. The
 * names are gathered only for a scenario with a formula to compile (another pass over every
 * institution's fields otherwise); the report of built-in field names is made either way.
 */
function knownNames(s: Scenario, issues: Issues): Set<string> {
  const builtins = new Set<string>(BUILTIN_FIELDS);
  for (let y = 1; y <= s.policy.historyWeights.length; y++) builtins.add(`history${y}`);
  s.hospitals.forEach((h, i) => {
    if (h.fields === undefined) return;
    for (const k of Object.keys(h.fields)) if (builtins.has(k)) issues.code(formatPath(['hospitals', i, 'fields', k]), 'builtinFieldName', { name: k });
  });
  const anyFormula = s.policy.weightFormula !== undefined || s.policy.surplus?.eligibility !== undefined;
  return anyFormula ? new Set(formulaNames(s).map((n) => n.name)) : new Set();
}

function tryCompile(src: string | undefined, path: string, known: Set<string>, issues: Issues): CompiledFormula | null {
  if (src === undefined) return null;
  try {
    return compileFormula(src, known);
  } catch (e) {
    if (e instanceof FormulaError) issues.code(path, e.code, e.params);
    else throw e;
    return null;
  }
}

/**
 * Wall-clock budget for evaluating one compile's formulas over every institution: a formula is
 * at most 2,000 characters of bounded decimal arithmetic, so only a hostile one (or 200,000
 * institutions × a very long one) comes near it; past it the formula is refused, not run on.
 */
export const FORMULA_BUDGET_MS = 5000;

/** Evaluates formula `what` for institution `i`; a failure is counted in `clock.failed` (filed by `fileFormulaFailures`). */
function evalFormula(f: CompiledFormula, scope: Map<string, Dec>, i: number, what: string, issues: Issues, clock: FormulaClock): Dec | null {
  if (clock.spent) return null;
  const t0 = performance.now();
  try {
    const v = f.evaluate(scope);
    if (!v.isFinite()) throw new FormulaError('formulaNotFinite');
    return v;
  } catch (e) {
    failed(clock, what, i, e instanceof FormulaError ? e : new FormulaError('formulaNaN'));
    return null;
  } finally {
    if ((clock.ms += performance.now() - t0) > FORMULA_BUDGET_MS && !clock.spent) {
      clock.spent = true;
      issues.code(what, 'formulaTooSlow', { ms: FORMULA_BUDGET_MS });
    }
  }
}

/** Counts formula `what` failing for institution `i` (by reason: the error's code). */
function failed(clock: FormulaClock, what: string, i: number, error: FormulaError): void {
  const key = `${what} ${error.code}`;
  const seen = clock.failed.get(key);
  if (seen) seen.count++;
  else clock.failed.set(key, { what, index: i, error, count: 1 });
}

/** Time spent in one compile's formulas, and where each formula failed: the first institution and how many. */
interface FormulaClock {
  ms: number;
  spent: boolean;
  /** By formula and reason (its code): the first institution, 0-based, and how many. */
  failed: Map<string, { what: string; index: number; error: FormulaError; count: number }>;
}

/**
 * One issue per formula and reason it failed for, under the formula's own path (not one per
 * institution: a formula dividing by a field that is 0 everywhere would otherwise be reported 80
 * times), naming the first institution it fails for, how many, and why and where in the formula.
 */
function fileFormulaFailures(s: Scenario, clock: FormulaClock, issues: Issues): void {
  for (const { what, index, error, count } of clock.failed.values()) {
    const h = s.hospitals[index]!;
    issues.code(what, 'formulaFailed', {
      ...reasonParams(error.code, error.params), formula: what, reason: error.message,
      id: h.id, name: h.name, index: index + 1, count, total: s.hospitals.length,
    });
  }
}

/**
 * The values of the names in `read` for one institution, as the formulas see them: a field of
 * the institution's own, else an indicator score, else the built-in of that name.
 */
function formulaScope(h: Hospital, s: Scenario, history: Fen[], hw: Rate[], score: Rate | null, deductions: Fen, claimsTotal: Fen,
  read: ReadonlySet<string>): Map<string, Dec> {
  const yuan = (f: number) => new D(f).div(100);
  const rate = (r: bigint) => new D(r.toString()).div(RATE_ONE.toString());
  const scope = new Map<string, Dec>();
  let weighted: Dec | undefined;
  const weightedHistory = (): Dec => {
    if (weighted === undefined) {
      weighted = new D(0);
      history.forEach((v, y) => { weighted = weighted!.plus(yuan(v).times(rate(hw[y] ?? 0n))); });
    }
    return weighted;
  };
  const lc = () => rate(coefficient(s.policy.levelCoefficients, h.level));
  const cc = () => rate(coefficient(s.policy.categoryCoefficients, h.category));
  for (const name of read) {
    let v: Dec | undefined;
    if (h.fields !== undefined && Object.hasOwn(h.fields, name)) v = new D(h.fields[name]!);
    else if (h.indicators !== undefined && Object.hasOwn(h.indicators, name)) v = new D(h.indicators[name]!);
    else v = builtin(name);
    if (v !== undefined) scope.set(name, v);
  }
  return scope;

  function builtin(name: string): Dec | undefined {
    switch (name) {
      case 'historyLast': return yuan(history[history.length - 1] ?? 0);
      case 'weightedHistory': return weightedHistory();
      case 'levelCoefficient': return lc();
      case 'categoryCoefficient': return cc();
      case 'defaultWeight': return weightedHistory().times(lc()).times(cc());
      case 'volume': return h.volume === undefined ? undefined : new D(h.volume);
      case 'volumeFloor': return h.volumeFloor === undefined ? undefined : new D(h.volumeFloor);
      case 'score': return score === null ? undefined : rate(score);
      case 'growth': return rate(growthOf(h, s));
      case 'deductions': return yuan(deductions);
      case 'claimsTotal': return yuan(claimsTotal);
      default: {
        const y = /^history([1-9][0-9]*)$/.exec(name);
        return y && Number(y[1]) <= history.length ? yuan(history[Number(y[1]) - 1]!) : undefined;
      }
    }
  }
}

function coefficient(map: Record<string, string> | undefined, key: string): Rate {
  const v = ownValue(map, key);
  return v === undefined ? RATE_ONE : parseRateCached(v);
}

export function growthOf(h: Hospital, s: Scenario): Rate {
  const g = h.growth ?? ownValue(s.policy.growth?.byCategory, h.category) ?? s.policy.growth?.region ?? '0';
  return parseRate(g);
}

/**
 * The default weight's factors with their common factors taken out: apportionment depends only
 * on the weights' ratios, so dividing every institution's weight by the same number changes no
 * target, and weights of ~10^45 (history in fen × three 12-decimal rates) fall to ~10^14 —
 * summed and split in doubles and short bigints instead of long ones.
 */
interface WeightFactors {
  /** History weights over their gcd; as doubles when each is exact in one. */
  hw: readonly bigint[];
  hwd: readonly number[] | null;
  /** Level coefficient × category coefficient over the gcd of each map's values (and 1). */
  coef: (level: string, category: string) => { big: bigint; num: number };
}

function weightFactors(s: Scenario, hw: readonly Rate[]): WeightFactors {
  const hwr = reduceWeights(hw);
  const hwd = hwr.every((w) => w >= 0n && w < 2n ** 53n) ? hwr.map(Number) : null;
  const level = reducedCoefficients(s.policy.levelCoefficients);
  const category = reducedCoefficients(s.policy.categoryCoefficients);
  const cache = new Map<string, Map<string, { big: bigint; num: number }>>();
  return {
    hw: hwr,
    hwd,
    coef: (l, c) => {
      let byCategory = cache.get(l);
      if (byCategory === undefined) cache.set(l, (byCategory = new Map()));
      let f = byCategory.get(c);
      if (f === undefined) {
        const big = level(l) * category(c);
        byCategory.set(c, (f = { big, num: Number(big) }));
      }
      return f;
    },
  };
}

/** A coefficient map's lookup (1 when a key is not set) divided by the gcd of 1 and its values. */
function reducedCoefficients(map: Record<string, string> | undefined): (key: string) => bigint {
  let g: bigint = RATE_ONE;
  for (const v of Object.values(map ?? {})) {
    const r = parseRateCached(v);
    g = gcd(g, r < 0n ? -r : r);
  }
  return (key) => coefficient(map, key) / g;
}

/**
 * Default weight: Σ hw_y × history_y × level coef × category coef, exactly, on the reduced
 * factors; the history sum in doubles while every term and partial sum is a whole number below
 * 2^53 (then exact), in bigint otherwise.
 */
function defaultWeight(history: readonly Fen[], f: WeightFactors, h: Hospital): bigint {
  const { big, num } = f.coef(h.level, h.category);
  const hwd = f.hwd;
  if (hwd !== null) {
    let s = 0;
    let exact = true;
    for (let y = 0; y < history.length; y++) {
      const v = history[y]!;
      if (v < 0) { exact = false; break; }
      s += v * (hwd[y] ?? 0);
    }
    if (exact && s < 2 ** 53) {
      const w = s * num;
      return w < 2 ** 53 ? BigInt(w) : BigInt(s) * big;
    }
  }
  let w = 0n;
  for (let y = 0; y < history.length; y++) w += BigInt(history[y]!) * (f.hw[y] ?? 0n);
  return w * big;
}

/** A formula weight, rounded to 10^-24 of the default weight's unit (yuan). */
function formulaWeight(formula: CompiledFormula, scope: Map<string, Dec>, i: number, issues: Issues, clock: FormulaClock): bigint {
  const v = evalFormula(formula, scope, i, 'policy.weightFormula', issues, clock);
  if (v === null) return 0n;
  if (v.isNeg()) {
    failed(clock, 'policy.weightFormula', i, new FormulaError('weightNegative', { value: v.toSignificantDigits(10).toString() }));
    return 0n;
  }
  return BigInt(v.times(WEIGHT_SCALE.toString()).toFixed(0));
}

function claimsOf(h: Hospital, s: Scenario, history: Fen[], profile: bigint[], path: string, issues: Issues): { claims: Fen[]; projected: boolean } {
  if (h.claims) return { claims: h.claims.map(parseMoney), projected: false };
  // During the year: the months known, the rest projected from them (DESIGN §10). With none
  // known yet (asOf 0) there is nothing to project from, so the year is projected as a plan's.
  if (s.monitoring && h.claimsToDate && s.monitoring.asOf > 0) {
    const known = h.claimsToDate.slice(0, s.monitoring.asOf).map(parseMoney);
    return { claims: projectYear(known, profile, h.lastYearClaims?.map(parseMoney)), projected: known.length < 12 };
  }
  const last = history[history.length - 1] ?? (0 as Fen);
  const g = growthOf(h, s);
  const annual = mulRate(last, (RATE_ONE + g) as Rate);
  if (annual < 0) {
    issues.code(`${path}.growth`, 'projectedNegative');
    return { claims: new Array(12).fill(0), projected: true };
  }
  try {
    return { claims: apportion(annual, profile), projected: true };
  } catch {
    return { claims: new Array(12).fill(0), projected: true }; // profile issue already reported
  }
}


/** The largest amount exact in the engine's integer fen, in yuan (for the message). */
const MAX_EXACT_YUAN = formatMoney(Number.MAX_SAFE_INTEGER as Fen);

/** Σ xs when it is exact (below 2^53 fen), else null. */
function exactSum(xs: readonly number[]): number | null {
  let s = 0;
  for (const x of xs) s += x;
  return Number.isSafeInteger(s) ? s : null;
}

/**
 * Files a sum of n values beyond the exact range, naming the field summed: under the one value
 * that causes it (the element at `cause(k)`, whose id and name the message repeats) when it is
 * larger than all the others together and they add up within the range, else under `path`, the
 * list as a whole. Returns 0, the sum used.
 */
function overflow(n: number, value: (k: number) => number, field: string, path: string,
  cause: (k: number) => [string, { id: string; name?: string }], issues: Issues): 0 {
  let top = 0;
  for (let k = 1; k < n; k++) if (value(k) > value(top)) top = k;
  let rest = 0;
  for (let k = 0; k < n; k++) if (k !== top) rest += value(k);
  if (n > 0 && Number.isSafeInteger(rest) && value(top) > rest) {
    const [at, el] = cause(top);
    issues.code(at, 'sumTooLargeBy', { field, max: MAX_EXACT_YUAN, id: el.id, name: el.name ?? '', value: formatMoney(value(top) as Fen) });
  } else issues.code(path, 'sumTooLarge', { field, max: MAX_EXACT_YUAN });
  return 0;
}

function sumOrZero(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return Number.isSafeInteger(s) ? s : 0;
}

export { ScenarioError };

/**
 * A monitored institution's points (DESIGN §10 with §7): the raw points of the months known
 * (pointsToDate) completed to the year as claims are (engine/project.ts, by the profile), so the
 * projected point value is the year's as it is heading. Unmonitored, its points as given.
 */
function pointsAsOf(h: Hospital, s: Scenario, profile: readonly bigint[]): Hospital {
  if (!s.monitoring || h.pointsToDate === undefined) return h;
  const { total: _t, months: _m, ...rest } = h.points ?? {};
  // None known yet (asOf 0): the year's points as a plan projects them (lastYear × (1 + growth), or given).
  if (s.monitoring.asOf === 0) return { ...h, points: rest };
  const known = h.pointsToDate.slice(0, s.monitoring.asOf).map((x) => Number(parsePoints(x)) as Fen);
  const months = projectYear(known, profile).map((u) => formatPoints(BigInt(u)));
  return { ...h, points: { ...rest, months } };
}
