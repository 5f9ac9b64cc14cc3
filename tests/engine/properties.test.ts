/**
 * DESIGN §2 invariants on random valid scenarios (fast-check), plus the exact-arithmetic
 * building blocks checked against plain bigint references. All sums are taken in integer fen
 * (BigInt of the decimal string without its dot), never in floats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { HospitalResult, Result } from '../../src/engine/result.ts';
import { apportion } from '../../src/engine/apportion.ts';
import { applyTiers } from '../../src/engine/tiers.ts';
import { compileTiers } from '../../src/engine/policy-checks.ts';
import { Issues } from '../../src/format/issues.ts';
import { divRoundHalfUp, formatMoney, mulRate, parseMoney, parseRate, RATE_ONE, ratioString, type Fen } from '../../src/engine/money.ts';
import type { Scenario } from '../../src/format/types.ts';
import { scenarioDocArb, tierTableArb } from './scenario-arb.ts';
import { mulberry32 } from '../../src/engine/random.ts';
import { compile } from '../../src/engine/compile.ts';
import { synthCity } from '../../bench/synth.ts';
import { apportionRef } from './reference.ts';

/** "1234.56" / "-0.05" → integer fen as bigint (amounts always carry two decimals). */
function f(s: string): bigint {
  if (!/^-?\d+\.\d\d$/.test(s)) throw new Error(`not an amount with two decimals: ${JSON.stringify(s)}`);
  return BigInt(s.replace('.', ''));
}

/**
 * Plain assertions for the hot invariant loops (vitest's expect costs too much at ~500,000
 * checks); a failure throws, and fast-check reports and shrinks the counterexample.
 */
function eq<T>(got: T, want: T, what: string): void {
  if (got !== want) throw new Error(`${what}: got ${String(got)}, want ${String(want)}`);
}
function ok(cond: boolean, what: string): void {
  if (!cond) throw new Error(`${what}: does not hold`);
}
const Σ = (xs: readonly string[]) => xs.reduce((a, s) => a + f(s), 0n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const abs = (a: bigint) => (a < 0n ? -a : a);
/** A 4-decimal ratio string → units of 10^-4. */
const r4 = (s: string) => BigInt(s.replace('.', ''));

function load(doc: unknown): Scenario {
  const v = loadScenario(JSON.stringify(doc));
  if (!v.ok) throw new Error(`generated scenario is invalid:\n${v.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  return v.scenario;
}

/** A copy of a JSON value with every object's keys in a shuffled order (arrays keep theirs). */
function shuffleKeys(v: unknown, rnd: () => number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rnd));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = shuffleKeys((v as Record<string, unknown>)[k], rnd);
  return out;
}

/** Every invariant of DESIGN §2 / §6 that a result must satisfy, whatever the inputs. */
function checkInvariants(doc: Record<string, any>, r: Result): void {
  const F = r.fund;
  const G = f(F.globalTarget), AF = f(F.adjustmentFund), P = f(F.allocatable);
  const topUp = f(F.adjustmentFundTopUp), used = f(F.adjustmentFundUsed), unused = f(F.adjustmentFundUnused);

  // Region: G = base − carve-outs − reserve; G = AF + P.
  eq(f(F.base) - f(F.carveOuts) - f(F.riskReserve), G, 'base − carveOuts − riskReserve = globalTarget');
  eq(Σ(F.carveOutItems.map((c) => c.amount)), f(F.carveOuts), 'Σ carve-out items = carveOuts');
  eq(AF + P, G, 'adjustmentFund + allocatable = globalTarget');

  // Money is conserved: every fen of G (plus any top-up) ends in exactly one place.
  eq(G + topUp, f(F.hospitalsOwed) + f(F.retainedFromTargets) + unused, 'G + topUp = hospitalsOwed + retainedFromTargets + adjustmentFundUnused');
  eq(AF, used - topUp + unused, 'adjustmentFund = used − topUp + unused');
  eq(used, Σ(r.hospitals.map((h) => h.fundShare)), 'adjustmentFundUsed = Σ fundShare');
  ok(used <= AF + topUp, 'used ≤ AF + topUp');
  ok(topUp >= 0n && unused >= 0n, 'topUp, unused ≥ 0');
  if (doc.fund.adjustmentTopUpCap === undefined) eq(topUp, 0n, 'no top-up without a cap');
  else ok(topUp <= f(doc.fund.adjustmentTopUpCap), 'topUp ≤ cap');
  eq(Σ(r.hospitals.map((h) => h.owed)), f(F.hospitalsOwed), 'hospitalsOwed = Σ owed');

  // Pools: amounts add up to P; targets in each pool add up to the pool.
  eq(Σ(F.pools.map((p) => p.amount)), P, 'Σ pool amounts = allocatable');
  for (const p of F.pools) {
    const inPool = r.hospitals.filter((h) => h.pool === p.id);
    eq(inPool.length, p.members, `pool ${p.id} members`);
    eq(Σ(inPool.map((h) => h.allocatedTarget)), f(p.amount), `Σ targets in pool ${p.id} = pool amount`);
    eq(Σ(inPool.filter((h) => h.locked).map((h) => h.allocatedTarget)), f(p.locked), `Σ locked in pool ${p.id}`);
  }

  // Fund position.
  const expenditure = f(F.hospitalsOwed) + f(F.carveOuts);
  eq(f(F.expenditure), expenditure, 'expenditure = hospitalsOwed + carveOuts');
  const revenue = f(doc.fund.revenue);
  const closing = f(F.closingBalance);
  eq(closing, f(doc.fund.openingBalance) + revenue - expenditure, 'closing = opening + revenue − expenditure');
  // Ratios are rounded to 4 decimals: |ratio × den − num| ≤ den / 2 (in units of 10^-4).
  if (revenue > 0n) ok(2n * abs(r4(F.currentSurplusRate!) * revenue - (revenue - expenditure) * 10000n) <= revenue, 'currentSurplusRate');
  if (expenditure > 0n) ok(2n * abs(r4(F.monthsOfCoverage!) * expenditure - closing * 12n * 10000n) <= expenditure, 'monthsOfCoverage');

  const onTarget = doc.policy.deposit.base === 'target';
  eq(r.hospitals.map((h) => h.id).join(), doc.hospitals.map((h: { id: string }) => h.id).join(), 'hospitals in file order');
  r.hospitals.forEach((h, i) => {
    try {
      checkHospital(doc, h, doc.hospitals[i], onTarget);
    } catch (e) {
      throw new Error(`hospitals[${i}]: ${(e as Error).message}`);
    }
  });
}

function checkHospital(doc: Record<string, any>, h: HospitalResult, src: Record<string, any>, onTarget: boolean): void {
  const T = f(h.target), D = f(h.deposit);
  const d = parseRate(doc.policy.deposit.rates[src.class]);
  eq(f(h.allocatedTarget) - f(h.volumeCut), T, 'allocatedTarget − volumeCut = target');
  eq(h.monthlyBudget.length, 12, 'monthlyBudget has 12 months');
  eq(h.paid.length, 12, 'paid has 12 months');

  // Monthly budgets add up to T − D (deposit on the target) or T (deposit on claims).
  eq(Σ(h.monthlyBudget), onTarget ? T - D : T, 'Σ monthlyBudget');
  if (onTarget) {
    ok(h.withheld.every((w) => w === '0.00'), 'nothing withheld monthly on the target base');
    ok(2n * abs(D * RATE_ONE - T * d) <= RATE_ONE, 'deposit = round(target × rate)');
  } else {
    eq(Σ(h.withheld), D, 'deposit = Σ withheld');
  }

  // Paid + withheld = payable. Capped (default): cumulative payable = min(cumulative claims,
  // cumulative budget), so Σ payable ≤ Σ claims. Prepaid: each month's amount whatever the claims.
  const prepaid = doc.policy.monthlyPayment === 'prepaid';
  let cumC = 0n, cumM = 0n, cumPay = 0n;
  for (let m = 0; m < 12; m++) {
    const payable = f(h.paid[m]!) + f(h.withheld[m]!);
    ok(payable >= 0n, `payable[${m}] ≥ 0`);
    if (!onTarget) ok(2n * abs(f(h.withheld[m]!) * RATE_ONE - payable * d) <= RATE_ONE, `withheld[${m}] = round(payable × rate)`);
    cumC += f(h.claims[m]!);
    cumM += f(h.monthlyBudget[m]!);
    cumPay += payable;
    if (prepaid) eq(payable, f(h.monthlyBudget[m]!), `prepaid: payable[${m}] = monthly budget`);
    else eq(cumPay, min(cumC, cumM), `cumulative payable to month ${m + 1} = min(cumulative claims, cumulative budget)`);
  }
  const claims = f(h.claimsTotal);
  eq(Σ(h.claims), claims, 'Σ claims = claimsTotal');
  eq(Σ(h.paid) + Σ(h.withheld), cumPay, 'Σ paid + Σ withheld = Σ payable');
  if (!prepaid) ok(cumPay <= claims, 'Σ payable ≤ Σ claims');
  eq(f(h.deferred), claims > cumPay ? claims - cumPay : 0n, 'deferred = claims − payable (not below 0)');
  eq(f(h.paidTotal), Σ(h.paid), 'paidTotal = Σ paid');

  // Actual, surplus / overspend, reward and fund share.
  const A = f(h.actual);
  eq(A, claims - f(h.deductions), 'actual = claims − deductions');
  ok(A >= 0n, 'actual ≥ 0');
  const S = f(h.surplus), O = f(h.overspend), reward = f(h.reward), share = f(h.fundShare);
  eq(S, T > A ? T - A : 0n, 'surplus = max(0, T − A)');
  eq(O, A > T ? A - T : 0n, 'overspend = max(0, A − T)');
  ok(reward >= 0n && reward <= S, '0 ≤ reward ≤ surplus');
  if (doc.policy.surplus?.cap !== undefined) ok(2n * reward * RATE_ONE <= 2n * T * parseRate(doc.policy.surplus.cap) + RATE_ONE, 'reward ≤ round(cap × T)');
  if (!doc.policy.surplus || (doc.policy.surplus.eligibility && src.fields.violations !== 0)) eq(reward, 0n, 'no rule or not eligible: reward 0');
  ok(share >= 0n && share <= f(h.fundShareClaimed), '0 ≤ fundShare ≤ claimed');
  ok(f(h.fundShareClaimed) <= f(h.reasonableOverspend), 'claimed ≤ reasonable overspend');
  ok(f(h.reasonableOverspend) <= O, 'reasonable ≤ overspend');
  if (doc.policy.overspend?.cap !== undefined) ok(2n * share * RATE_ONE <= 2n * T * parseRate(doc.policy.overspend.cap) + RATE_ONE, 'fundShare ≤ round(cap × T)');
  if (!doc.policy.overspend) eq(share, 0n, 'no overspend rule: fundShare 0');
  const due = S > 0n ? A + reward : O > 0n ? T + share : A;
  eq(f(h.due), due, 'due');

  // Deposit returned + forfeited = deposit; owed and balance.
  const back = f(h.depositReturned), lost = f(h.depositForfeited);
  eq(back + lost, D, 'depositReturned + depositForfeited = deposit');
  ok(back >= 0n && back <= D, '0 ≤ returned ≤ deposit');
  if (!doc.policy.quality || (src.score === undefined && src.indicators === undefined)) eq(lost, 0n, 'no score: nothing forfeited');
  eq(f(h.owed), due - lost, 'owed = due − forfeited');
  eq(f(h.owed) - f(h.paidTotal) - f(h.advance), f(h.balance), 'owed − paidTotal − advance = balance');
  if (!doc.policy.advance || !src.advanceEligible) eq(h.advance, '0.00', 'no advance unless eligible');
  eq(h.projected, src.claims === undefined, 'projected when no claims');
}

const SCENARIO_RUNS = 300;

describe('random valid scenarios (DESIGN §2 invariants)', () => {
  it('every generated scenario is valid and satisfies every invariant', () => {
    fc.assert(
      fc.property(scenarioDocArb, (doc) => {
        const r = runScenario(load(doc));
        checkInvariants(doc as Record<string, any>, r);
      }),
      { numRuns: SCENARIO_RUNS },
    );
  });

  it('the same scenario twice gives deep-equal results', () => {
    fc.assert(
      fc.property(scenarioDocArb, (doc) => {
        const a = runScenario(load(structuredClone(doc)));
        const b = runScenario(load(JSON.parse(JSON.stringify(doc))));
        expect(b).toStrictEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('results do not depend on the order of keys in the file', () => {
    fc.assert(
      fc.property(scenarioDocArb, fc.integer(), (doc, seed) => {
        const shuffled = shuffleKeys(doc, mulberry32(seed));
        expect(runScenario(load(shuffled))).toStrictEqual(runScenario(load(doc)));
      }),
      { numRuns: 100 },
    );
  });

  it('validateScenario and loadScenario agree', () => {
    fc.assert(
      fc.property(scenarioDocArb, (doc) => {
        const a = validateScenario(structuredClone(doc));
        expect(a.ok).toBe(true);
        if (a.ok) expect(runScenario(a.scenario)).toStrictEqual(runScenario(load(doc)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('tiers are monotone (random tables, amounts x ≤ y)', () => {
  const amounts = fc.tuple(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }))
    .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
  const target = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 2_000_000_000 }));

  it('surplus: more surplus never means less reward', () => {
    fc.assert(
      fc.property(tierTableArb('surplus'), amounts, target, (t, [x, y], T) => {
        const issues = new Issues();
        const table = compileTiers(t, 'policy.surplus', 'surplus', issues);
        expect(issues.list).toEqual([]);
        const rx = applyTiers(table, x as Fen, T as Fen), ry = applyTiers(table, y as Fen, T as Fen);
        expect(rx).toBeLessThanOrEqual(ry);
        expect(rx).toBeGreaterThanOrEqual(0);
        expect(ry).toBeLessThanOrEqual(y);
      }),
      { numRuns: 1000 },
    );
  });

  it('overspend: more overspend never means a smaller hospital share (x − fund share)', () => {
    fc.assert(
      fc.property(tierTableArb('overspend'), amounts, target, (t, [x, y], T) => {
        const issues = new Issues();
        const table = compileTiers(t, 'policy.overspend', 'overspend', issues);
        expect(issues.list).toEqual([]);
        const fx = applyTiers(table, x as Fen, T as Fen), fy = applyTiers(table, y as Fen, T as Fen);
        expect(x - fx).toBeLessThanOrEqual(y - fy);
        expect(fx).toBeGreaterThanOrEqual(0);
        expect(fx).toBeLessThanOrEqual(x);
      }),
      { numRuns: 1000 },
    );
  });

  it('adjacent amounts around every tier bound stay monotone', () => {
    fc.assert(
      fc.property(tierTableArb('surplus'), tierTableArb('overspend'), fc.integer({ min: 1, max: 1_000_000_000 }), (s, o, T) => {
        const ts = compileTiers(s, 'a', 'surplus', new Issues());
        const to = compileTiers(o, 'b', 'overspend', new Issues());
        for (const t of [...ts.tiers, ...to.tiers]) {
          if (t.upTo === null) continue;
          const b = Number(divRoundHalfUp(t.upTo * BigInt(T), RATE_ONE));
          for (let x = Math.max(0, b - 2); x < b + 2; x++) {
            expect(applyTiers(ts, x as Fen, T as Fen)).toBeLessThanOrEqual(applyTiers(ts, (x + 1) as Fen, T as Fen));
            expect(x - applyTiers(to, x as Fen, T as Fen)).toBeLessThanOrEqual(x + 1 - applyTiers(to, (x + 1) as Fen, T as Fen));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact arithmetic against bigint references', () => {
  const weight = fc.oneof(fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 0n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 10n ** 30n }));
  const total = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

  it('apportion: parts add up exactly, each within one fen of its quota, as the bigint reference', () => {
    fc.assert(
      fc.property(fc.oneof(total, fc.integer({ min: 0, max: 2 ** 44 })), fc.array(weight, { minLength: 1, maxLength: 40 }), (t, w) => {
        fc.pre(w.some((x) => x > 0n));
        const parts = apportion(t, w);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        const W = w.reduce((a, b) => a + b, 0n);
        parts.forEach((p, i) => {
          const floor = (BigInt(t) * w[i]!) / W;
          expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
        });
        expect(parts.map(BigInt)).toEqual(apportionRef(BigInt(t), w));
      }),
      { numRuns: 1000 },
    );
  });

  it('apportion: huge weights whose remainders differ by far less than a double can see still rank exactly', () => {
    // Weights like the engine's (10^40 scale) that differ in the last digits: the double estimates
    // tie, and the exact comparison must decide (many parts; totals on both the estimated path,
    // below 2^45, and the all-bigint one).
    const near = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.array(fc.bigInt({ min: 0n, max: 50n }), { minLength: 17, maxLength: 80 }));
    fc.assert(
      fc.property(fc.oneof(total, fc.integer({ min: 0, max: 2 ** 42 })), near, fc.constantFrom(10n ** 40n, 7n * 10n ** 38n + 3n), (t, [base, jitter], scale) => {
        const w = jitter.map((j) => base * scale + j);
        expect(apportion(t, w).map(BigInt)).toEqual(apportionRef(BigInt(t), w));
      }),
      { numRuns: 500 },
    );
  });

  it('apportion: a synthetic city’s real pool weights (10^45 scale) over many totals, as the bigint reference', () => {
    const model = compile(synthCity(600, 7));
    const weights = model.hospitals.map((h) => h.weight);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 44 }), (t) => {
      expect(apportion(t, weights).map(BigInt)).toEqual(apportionRef(BigInt(t), weights));
    }), { numRuns: 60 });
  });

  it('mulRate equals round-half-up of the exact bigint product, on every path', () => {
    const rate = fc.oneof(
      fc.integer({ min: -10000, max: 10000 }).map((bp) => BigInt(bp) * 100_000_000n), // 4-decimal rates
      fc.integer({ min: 0, max: 100 }).map((p) => BigInt(p) * 10_000_000_000n), // percentages
      fc.bigInt({ min: -2n * RATE_ONE, max: 2n * RATE_ONE }), // any 12-decimal rate
    );
    const amount = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 2 ** 40, max: 2 ** 45 }),
    );
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const want = divRoundHalfUp(BigInt(a) * r, RATE_ONE);
        fc.pre(want >= BigInt(-Number.MAX_SAFE_INTEGER) && want <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(BigInt(mulRate(a, r as never))).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('ratioString rounds a/b half-up to 4 (or more) decimals, on every path', () => {
    const ref = (a: bigint, b: bigint, dp: number): string => {
      const scale = 10n ** BigInt(dp);
      const neg = (a < 0n) !== (b < 0n);
      const A = a < 0n ? -a : a, B = b < 0n ? -b : b;
      const q = (2n * A * scale + B) / (2n * B);
      return `${neg && q !== 0n ? '-' : ''}${q / scale}.${(q % scale).toString().padStart(dp, '0')}`;
    };
    const big = (max: bigint) => fc.bigInt({ min: -max, max });
    fc.assert(
      fc.property(
        fc.oneof(big(1000n), big(1n << 35n), big(1n << 60n)),
        fc.oneof(big(1000n), big(1n << 52n), big(1n << 70n)),
        fc.constantFrom(4, 4, 4, 8),
        (a, b, dp) => {
          if (b === 0n) expect(ratioString(a, b, dp)).toBeNull();
          else expect(ratioString(a, b, dp)).toBe(ref(a, b, dp));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parseMoney accepts exactly the plain decimals with ≤ 13 integer digits and ≤ 2 decimals', () => {
    const ref = (s: string): bigint | null => {
      const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
      if (!m) return null;
      const v = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
      return m[1] ? -v : v;
    };
    const text = fc.oneof(
      fc.stringMatching(/^-?\d{1,14}(\.\d{0,3})?$/),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' ', ','), maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const want = ref(s);
        if (want === null) {
          expect(() => parseMoney(s)).toThrow();
        } else {
          const got = parseMoney(s);
          expect(BigInt(got)).toBe(want);
          expect(formatMoney(got)).toBe(`${want < 0n ? '-' : ''}${(want < 0n ? -want : want) / 100n}.${((want < 0n ? -want : want) % 100n).toString().padStart(2, '0')}`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
