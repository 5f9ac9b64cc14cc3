/**
 * Multi-year invariants (DESIGN §8) on random valid scenarios (fast-check):
 * - at a steady state (every history year equal to the institution's year-one allocated
 *   target, claims projected, no coefficients, formula, volume floor or growth), with base
 *   rule `target` and every growth 0, every year equals year one: the fund's figures (the
 *   balance moves by the same yearly result) and every institution's columns;
 * - on any scenario: year one is the plain run; year y+1's history is year y's shifted by the
 *   basis of the rule; the opening balance is the previous closing; the fund grows by its rates;
 * - the saver and the spender are the extremes of the cumulative rate, ties to file order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { runYears, saverAndSpender, YEAR_COLUMNS, type YearsRun } from '../../src/engine/years.ts';
import { mulRate, parseMoney, parseRate, RATE_ONE, type Rate } from '../../src/engine/money.ts';
import { BASE_RULES } from '../../src/engine/analysis-params.ts';
import type { Scenario } from '../../src/format/types.ts';
import { scenarioDocArb, yuan } from '../engine/scenario-arb.ts';

const RUNS = 60;

function valid(doc: unknown): Scenario {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(`invalid: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return v.scenario;
}

/** The scenario's steady state: see the file comment. */
function steady(s: Scenario): Scenario {
  const r = runScenario(s);
  const years = s.policy.historyWeights.length;
  const { levelCoefficients: _l, categoryCoefficients: _c, weightFormula: _w, volumeFloor: _v, growth: _g, ...policy } = s.policy;
  return {
    ...s,
    policy,
    hospitals: s.hospitals.map((h, i) => {
      const t = r.hospitals[i]!.allocatedTarget;
      const { claims: _cl, growth: _hg, deductions, ...rest } = h;
      const out = { ...rest, history: new Array<string>(years).fill(t) };
      if (deductions !== undefined) {
        const d = Math.min(parseMoney(deductions), parseMoney(t));
        return { ...out, deductions: yuan(d) };
      }
      return out;
    }),
  };
}

const BALANCE_FIELDS = new Set(['openingBalance', 'closingBalance', 'monthsOfCoverage', 'cumulativeSurplusRate']);
const fen = (s: string) => BigInt(s.replace('.', ''));

describe('several years: invariants on random scenarios', () => {
  it('growth 0 and base rule target at a steady state: every year equals year one', () => {
    fc.assert(
      fc.property(scenarioDocArb, fc.integer({ min: 2, max: 4 }), (doc, years) => {
        const s = valid(steady(valid(doc)));
        const run = runYears(s, { years, baseRule: 'target', budgetGrowth: '0', revenueGrowth: '0' });
        expect(run.stopped).toBeNull();
        expect(run.years).toHaveLength(years);
        const [first] = run.years;
        const yearly = fen(first!.fund.closingBalance) - fen(first!.fund.openingBalance);
        for (const y of run.years.slice(1)) {
          for (const [k, v] of Object.entries(first!.fund)) {
            if (!BALANCE_FIELDS.has(k)) expect((y.fund as unknown as Record<string, unknown>)[k], `year ${y.index} fund.${k}`).toStrictEqual(v);
          }
          expect(fen(y.fund.closingBalance) - fen(y.fund.openingBalance)).toBe(yearly);
          for (const c of YEAR_COLUMNS) expect(Array.from(y.columns[c]), `year ${y.index} ${c}`).toEqual(Array.from(first!.columns[c]));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('year one is the plain run; each next year shifts history by the basis, chains the balance and grows the fund', () => {
    fc.assert(
      fc.property(
        scenarioDocArb,
        fc.constantFrom(...BASE_RULES),
        fc.integer({ min: -500, max: 2000 }),
        fc.integer({ min: -500, max: 2000 }),
        fc.constantFrom('keep' as const, 'release' as const),
        (doc, baseRule, bgBp, rgBp, lockedTargets) => {
          const s = valid(doc);
          const bg = String(bgBp / 10000), rg = String(rgBp / 10000);
          const seen: Scenario[] = [];
          const run = runYears(s, { years: 3, baseRule, budgetGrowth: bg, revenueGrowth: rg, lockedTargets }, (_p, sc) => seen.push(sc));
          expect(run.years.length).toBe(run.stopped ? run.stopped.index - 1 : 3);
          expect(run.years[0]?.fund ?? null).toEqual(run.stopped?.index === 1 ? null : runScenario(s).fund);
          for (let k = 1; k < run.years.length; k++) {
            const prev = run.years[k - 1]!, y = run.years[k]!;
            const ps = seen[k - 1]!, ys = seen[k]!;
            expect(y.fund.openingBalance).toBe(prev.fund.closingBalance);
            expect(parseMoney(ys.fund.budget)).toBe(mulRate(parseMoney(ps.fund.budget), (RATE_ONE + parseRate(bg)) as Rate));
            expect(parseMoney(ys.fund.revenue)).toBe(mulRate(parseMoney(ps.fund.revenue), (RATE_ONE + parseRate(rg)) as Rate));
            ys.fund.carveOuts.forEach((c, j) => expect(parseMoney(c.amount)).toBe(mulRate(parseMoney(ps.fund.carveOuts[j]!.amount), (RATE_ONE + parseRate(bg)) as Rate)));
            ys.hospitals.forEach((h, i) => {
              expect(h.history).toEqual([...ps.hospitals[i]!.history.slice(1), yuan(prev.columns.basis[i]!)]);
              expect(h.claims).toBeUndefined();
              expect(h.lockedTarget).toBe(lockedTargets === 'keep' ? s.hospitals[i]!.lockedTarget : undefined);
              expect(h.score).toBe(s.hospitals[i]!.score);
            });
            for (let i = 0; i < run.ids.length; i++) {
              const c = prev.columns;
              const want = baseRule === 'target' ? c.target[i]! : baseRule === 'actual' ? c.actual[i]! : c.actual[i]! + c.reward[i]!;
              expect(c.basis[i]).toBe(want);
            }
            if (ys.meta.year !== undefined) expect(ys.meta.year).toBe(ps.meta.year! + 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the saver and the spender are the extreme cumulative rates, ties to file order', () => {
    fc.assert(
      fc.property(scenarioDocArb, fc.constantFrom(...BASE_RULES), (doc, baseRule) => {
        const run = runYears(valid(doc), { years: 3, baseRule });
        const { saver, spender } = saverAndSpender(run);
        const rate = cumulative(run);
        const better = (i: number, j: number, sign: 1 | -1) => {
          // rate_i beats rate_j (larger overspend for sign 1, larger surplus for -1), exactly.
          const [a, b] = rate[i]!, [c, d] = rate[j]!;
          return sign * Number(a * d - c * b > 0n ? 1 : a * d - c * b < 0n ? -1 : 0) > 0;
        };
        for (const [pick, sign] of [[saver, -1], [spender, 1]] as const) {
          const candidates = rate.map((r, i) => [r, i] as const).filter(([[n, t]]) => t > 0n && (sign > 0 ? n > 0n : n < 0n)).map(([, i]) => i);
          if (candidates.length === 0) { expect(pick).toBeNull(); continue; }
          expect(pick).not.toBeNull();
          for (const j of candidates) {
            expect(better(j, pick!.index, sign), `${run.ids[j]} beats the pick ${pick!.id}`).toBe(false);
            if (j < pick!.index) expect(better(pick!.index, j, sign), 'a tie goes to the earlier institution').toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** Per institution: [Σ actual − Σ target, Σ target] in fen. */
function cumulative(run: YearsRun): [bigint, bigint][] {
  return run.ids.map((_, i) => {
    let net = 0n, tot = 0n;
    for (const y of run.years) {
      net += BigInt(y.columns.actual[i]! - y.columns.target[i]!);
      tot += BigInt(y.columns.target[i]!);
    }
    return [net, tot];
  });
}
