/**
 * The engine's speed-ups held against plain references: the pools' split in double-double
 * arithmetic with selection of the cut-off (against all-bigint largest remainder), the reused
 * settlement table (against a fresh one), the default weights with their common factors taken
 * out (against the unreduced product), and formula scopes holding only the names a formula
 * reads (against a scope of every name).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, kthLargest } from '../../src/engine/apportion.ts';
import { compile } from '../../src/engine/compile.ts';
import { settle, toResult } from '../../src/engine/run.ts';
import { YEAR_FIELDS, MONTH_FIELDS } from '../../src/engine/settle.ts';
import { parseMoney, parseRate, RATE_ONE } from '../../src/engine/money.ts';
import { compileFormula, FormulaDecimal as D, type Dec } from '../../src/engine/formula.ts';
import { BUILTIN_FIELDS } from '../../src/engine/compile.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import type { Scenario } from '../../src/format/types.ts';
import { synthCity } from '../../bench/synth.ts';
import { scenarioDocArb } from './scenario-arb.ts';
import { apportionRef } from './reference.ts';

function load(doc: unknown): Scenario {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(`invalid scenario: ${v.issues[0]?.path} ${v.issues[0]?.message}`);
  return v.scenario;
}

const MAX = Number.MAX_SAFE_INTEGER;
const bigTotal = fc.oneof(fc.integer({ min: 2 ** 44, max: MAX }), fc.integer({ min: 0, max: MAX }), fc.constant(MAX));

describe('apportionment of many parts: double-double quotas, selected cut-off', () => {
  it('equals the all-bigint split for totals up to 2^53 over hundreds of weights of 10^12–10^45', () => {
    const weights = fc.array(fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.bigInt({ min: 10n ** 40n, max: 10n ** 45n }),
      fc.constant(0n),
    ), { minLength: 17, maxLength: 600 });
    fc.assert(fc.property(bigTotal, weights, (t, w) => {
      fc.pre(w.some((x) => x > 0n));
      expect(apportion(t, w).map(BigInt)).toEqual(apportionRef(BigInt(t), w));
    }), { numRuns: 300 });
  });

  it('ranks exactly where remainders tie or differ far below a double: blocks of equal and nearly equal weights', () => {
    const block = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 1, max: 60 }), fc.bigInt({ min: 0n, max: 3n }));
    fc.assert(fc.property(bigTotal, fc.array(block, { minLength: 1, maxLength: 12 }), fc.constantFrom(1n, 10n ** 20n, 10n ** 36n), (t, blocks, scale) => {
      // Each block: `count` weights of base × scale, every other one nudged by `jitter` units.
      const w = blocks.flatMap(([base, count, jitter]) => Array.from({ length: count }, (_, k) => base * scale + (k % 2 === 0 ? 0n : jitter)));
      expect(apportion(t, w).map(BigInt)).toEqual(apportionRef(BigInt(t), w));
    }), { numRuns: 300 });
  });

  it('a synthetic city’s pool weights over totals up to 2^53 fen (past the old double estimate’s range)', () => {
    const model = compile(synthCity(2000, 11));
    const weights = model.hospitals.map((h) => h.weight);
    fc.assert(fc.property(bigTotal, (t) => {
      expect(apportion(t, weights).map(BigInt)).toEqual(apportionRef(BigInt(t), weights));
    }), { numRuns: 40 });
  });

  it('kthLargest is the k-th value of the descending sort, with many equal values too', () => {
    const values = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 0.25)), { minLength: 1, maxLength: 400 });
    fc.assert(fc.property(values, fc.nat(), (xs, k0) => {
      const k = (k0 % xs.length) + 1;
      const sorted = [...xs].sort((a, b) => b - a);
      expect(kthLargest(Float64Array.from(xs), k)).toBe(sorted[k - 1]);
    }), { numRuns: 500 });
  });
});

describe('settling into a reused table', () => {
  const columns = (st: ReturnType<typeof settle>) => [...YEAR_FIELDS, ...MONTH_FIELDS].map((f) => Array.from(st.year[f]));

  it('gives exactly a fresh table’s figures, whatever the table held before (other deposit base and payment)', () => {
    fc.assert(fc.property(scenarioDocArb, (doc) => {
      const a = load(structuredClone(doc));
      // The same institutions under the other deposit base and payment mode: a table the first
      // settled must not leak its months withheld or payments into the second, nor back.
      const other = structuredClone(doc) as Record<string, any>;
      other.policy.deposit.base = other.policy.deposit.base === 'target' ? 'claims' : 'target';
      other.policy.monthlyPayment = other.policy.monthlyPayment === 'prepaid' ? 'capped' : 'prepaid';
      const b = load(other);
      const ma = compile(a), mb = compile(b);
      const freshA = settle(ma), freshB = settle(mb);
      const intoB = settle(mb, settle(ma).year);
      expect(columns(intoB)).toEqual(columns(freshB));
      const intoA = settle(ma, intoB.year); // the same table once more, back to the first scenario
      expect(columns(intoA)).toEqual(columns(freshA));
      expect(toResult(ma, intoA)).toStrictEqual(toResult(ma, freshA));
    }), { numRuns: 150 });
  });

  it('a table of another size is not reused', () => {
    const small = compile(synthCity(5, 1));
    const big = compile(synthCity(9, 1));
    const t = settle(small).year;
    expect(settle(big, t).year).not.toBe(t);
    expect(settle(small, t).year).toBe(t);
  });
});

/** Σ history_y (fen) × historyWeight_y × level coefficient × category coefficient, unreduced. */
function unreducedWeight(s: Scenario, i: number): bigint {
  const h = s.hospitals[i]!;
  const coef = (m: Record<string, string> | undefined, k: string) => (m?.[k] === undefined ? RATE_ONE : parseRate(m[k]!));
  let w = 0n;
  h.history.forEach((a, y) => { w += BigInt(parseMoney(a)) * parseRate(s.policy.historyWeights[y] ?? '0'); });
  return w * coef(s.policy.levelCoefficients, h.level) * coef(s.policy.categoryCoefficients, h.category);
}

describe('default weights with their common factors taken out', () => {
  it('are the unreduced weights divided by one positive constant (so every quota is the same)', () => {
    fc.assert(fc.property(scenarioDocArb, (doc) => {
      const d = structuredClone(doc) as Record<string, any>;
      delete d.policy.weightFormula;
      const s = load(d);
      const m = compile(s);
      const u = s.hospitals.map((_, i) => unreducedWeight(s, i));
      const j = u.findIndex((x) => x > 0n);
      fc.pre(j >= 0);
      m.hospitals.forEach((h, i) => {
        expect(h.weight * u[j]!).toBe(u[i]! * m.hospitals[j]!.weight);
        expect(h.weight > 0n).toBe(u[i]! > 0n);
      });
    }), { numRuns: 200 });
  });

  it('on a synthetic city, weights large enough that the history sum leaves doubles', () => {
    const s = synthCity(50, 5);
    s.policy.historyWeights = ['0.123456789012', '0.3', '0.5'];
    s.hospitals[3]!.history = ['9999999999999.99', '9999999999999.99', '9999999999999.99'];
    const m = compile(s);
    const u = s.hospitals.map((_, i) => unreducedWeight(s, i));
    m.hospitals.forEach((h, i) => expect(h.weight * u[0]!).toBe(u[i]! * m.hospitals[0]!.weight));
  });
});

/** Every name a formula can read for institution i, as scenarios/README.md lists them. */
function fullScope(s: Scenario, i: number): Map<string, Dec> {
  const h = s.hospitals[i]!;
  const p = s.policy;
  const yuan = (a: string) => new D(parseMoney(a)).div(100);
  const rate = (r: string | number) => new D(parseRate(r).toString()).div(RATE_ONE.toString());
  const scope = new Map<string, Dec>();
  let weighted = new D(0);
  h.history.forEach((a, y) => {
    scope.set(`history${y + 1}`, yuan(a));
    weighted = weighted.plus(yuan(a).times(rate(p.historyWeights[y] ?? '0')));
  });
  const lc = rate(p.levelCoefficients?.[h.level] ?? '1');
  const cc = rate(p.categoryCoefficients?.[h.category] ?? '1');
  scope.set('historyLast', yuan(h.history[h.history.length - 1]!));
  scope.set('weightedHistory', weighted);
  scope.set('levelCoefficient', lc);
  scope.set('categoryCoefficient', cc);
  scope.set('defaultWeight', weighted.times(lc).times(cc));
  scope.set('growth', rate(h.growth ?? p.growth?.byCategory?.[h.category] ?? p.growth?.region ?? '0'));
  scope.set('deductions', h.deductions === undefined ? new D(0) : yuan(h.deductions));
  for (const [k, v] of Object.entries(h.fields ?? {})) scope.set(k, new D(v));
  return scope;
}

describe('formula scopes of the names read', () => {
  // Names every generated institution has (volume, score and claims-derived ones need not be).
  const FORMULAS = [
    'history1 + 2 * historyLast',
    'weightedHistory * levelCoefficient / categoryCoefficient',
    'defaultWeight * (beds > 100 ? 1.2 : 1) + violations',
    'max(historyLast * (1 + growth), 1) - deductions / 1000',
    'round(defaultWeight / 7, 3) + levelCoefficient',
  ];

  it('give the weights a scope of every name gives', () => {
    fc.assert(fc.property(scenarioDocArb, fc.constantFrom(...FORMULAS), (doc, formula) => {
      const d = structuredClone(doc) as Record<string, any>;
      d.policy.weightFormula = formula;
      const v = validateScenario(d);
      fc.pre(v.ok); // a weight that comes out negative makes the scenario invalid
      if (!v.ok) return;
      const s = v.scenario;
      const known = new Set<string>([...BUILTIN_FIELDS, 'history1', 'history2', 'history3', 'beds', 'violations']);
      const f = compileFormula(formula, known);
      compile(s).hospitals.forEach((h, i) => {
        const w = BigInt(f.evaluate(fullScope(s, i)).times('1e24').toFixed(0));
        expect(h.weight).toBe(w);
      });
    }), { numRuns: 150 });
  });
});
