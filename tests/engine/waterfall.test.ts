/**
 * Waterfalls (src/engine/waterfall.ts): each bar starts where the one before ended, every
 * subtotal is the settlement's own figure, and the last bar is the figure explained — on every
 * example scenario, on random valid scenarios, and on a case worked by hand.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { HospitalSummary, Result } from '../../src/engine/result.ts';
import { fundWaterfall, institutionChange, institutionWaterfall, unchanged, type WaterfallStep } from '../../src/engine/waterfall.ts';
import { dec, scenarioDocArb, yuan } from './scenario-arb.ts';

const fen = (s: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an amount: ${s}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
};

/** Bars chain: a step runs from the running sum by its amount; a total stands from 0 and sets the running sum. */
function chains(steps: readonly WaterfallStep[]): bigint {
  let run = 0n;
  steps.forEach((s, i) => {
    if (s.kind === 'total') {
      if (i > 0 && fen(s.amount) !== run) throw new Error(`${s.key}: total ${s.amount} after steps summing to ${run}`);
      if (fen(s.from) !== 0n || s.to !== s.amount) throw new Error(`${s.key}: a total stands from 0`);
      run = fen(s.amount);
    } else {
      if (fen(s.from) !== run || fen(s.to) !== run + fen(s.amount)) throw new Error(`${s.key}: does not start where the last ended`);
      if (fen(s.amount) === 0n) throw new Error(`${s.key}: a zero step is drawn`);
      run = fen(s.to);
    }
  });
  return run;
}

function checkAll(r: Result): void {
  const fw = fundWaterfall(r.fund);
  expect(fw[0]!.key).toBe('base');
  expect(chains(fw)).toBe(fen(r.fund.hospitalsOwed));
  for (const h of r.hospitals) {
    const w = institutionWaterfall(h);
    expect(w[0]!.amount).toBe(h.allocatedTarget);
    expect(chains(w)).toBe(fen(h.balance));
    expect(w.filter((s) => s.kind === 'total').map((s) => s.key)).toEqual(['allocatedTarget', 'target', 'actual', 'owed', 'balance']);
  }
  const hs = r.hospitals;
  for (let i = 0; i + 1 < hs.length; i++) checkChange(hs[i]!, hs[i + 1]!);
}

/**
 * A change from a to b: it stands on a's balance, ends at b's, and its subtotals are a's and b's
 * owed (the settlement's figures); the steps (the payments carried across included) add up to
 * balance b − balance a exactly.
 */
function checkChange(a: HospitalSummary, b: HospitalSummary): WaterfallStep[] {
  const w = institutionChange(a, b);
  expect(chains(w)).toBe(fen(b.balance));
  const totals = w.filter((s) => s.kind === 'total');
  expect(totals.map((s) => [s.key, s.amount])).toEqual([
    ['balanceBefore', a.balance], ['owedBefore', a.owed], ['owedAfter', b.owed], ['balanceAfter', b.balance],
  ]);
  const steps = w.filter((s) => s.kind === 'step').reduce((x, s) => x + fen(s.amount), 0n);
  expect(steps).toBe(fen(b.balance) - fen(a.balance));
  // What a paid and advanced is carried across and back: the rest is the change.
  const carried = w.filter((s) => s.key === 'paymentsBefore' || s.key === 'paymentsAsBefore').map((s) => fen(s.amount));
  expect(carried.reduce((x, y) => x + y, 0n)).toBe(0n);
  expect(unchanged(w)).toBe(w.every((s) => s.kind === 'total' || s.key === 'paymentsBefore' || s.key === 'paymentsAsBefore'));
  return w;
}

const dir = join(import.meta.dirname, '..', '..', 'scenarios');

describe('waterfalls', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('add up exactly on example %s', (file) => {
    const v = loadScenario(readFileSync(join(dir, file), 'utf8'));
    if (!v.ok) throw new Error(file);
    const a = runScenario(v.scenario);
    checkAll(a);
    // Against the same file with every deposit rate cut by a fifth (10% → 8%).
    const rates = v.scenario.policy.deposit.rates as Record<string, string | number>;
    for (const k of Object.keys(rates)) rates[k] = String(Math.round(Number(rates[k]) * 8000) / 10000);
    const b = runScenario(v.scenario);
    a.hospitals.forEach((h, i) => checkChange(h, b.hospitals[i]!));
  });

  it('add up exactly on random valid scenarios', () => {
    fc.assert(fc.property(scenarioDocArb, (doc) => {
      const v = loadScenario(JSON.stringify(doc));
      if (!v.ok) throw new Error('invalid generated scenario');
      checkAll(runScenario(v.scenario));
    }), { numRuns: 150 });
  });

  it('explain the change of every institution between random pairs of scenarios, to the fen', () => {
    // b: a with another deposit (rate and base), way of paying the months, advance, budget and scores.
    const variant = fc.record({
      depositBp: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      base: fc.option(fc.constantFrom('target', 'claims'), { nil: undefined }),
      monthlyPayment: fc.option(fc.constantFrom('capped', 'prepaid'), { nil: undefined }),
      advance: fc.option(fc.integer({ min: 0, max: 30000 }), { nil: undefined }),
      budgetPct: fc.option(fc.integer({ min: 100, max: 130 }), { nil: undefined }),
      scores: fc.option(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 30, maxLength: 30 }), { nil: undefined }),
    });
    const summaries = (doc: unknown) => {
      const v = loadScenario(JSON.stringify(doc));
      if (!v.ok) throw new Error(`invalid scenario: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      return runScenario(v.scenario).hospitals;
    };
    fc.assert(fc.property(scenarioDocArb, variant, (docA, m) => {
      const docB = structuredClone(docA) as { fund: Record<string, string>; policy: Record<string, unknown>; hospitals: Record<string, unknown>[] };
      const deposit = docB.policy.deposit as { base: string; rates: Record<string, string> };
      if (m.depositBp !== undefined) for (const k of Object.keys(deposit.rates)) deposit.rates[k] = dec(m.depositBp);
      if (m.base) deposit.base = m.base;
      if (m.monthlyPayment) docB.policy.monthlyPayment = m.monthlyPayment;
      if (m.advance !== undefined) docB.policy.advance = { months: dec(m.advance) };
      if (m.budgetPct !== undefined) docB.fund.budget = yuan((BigInt(Math.round(Number(docB.fund.budget) * 100)) * BigInt(m.budgetPct)) / 100n);
      if (m.scores) docB.hospitals.forEach((h, i) => { h.score = m.scores![i]!; });
      const a = summaries(docA), b = summaries(docB);
      a.forEach((h, i) => checkChange(h, b[i]!));
    }), { numRuns: 150 });
    // Two unrelated scenarios: any two institutions' figures make a change that adds up.
    fc.assert(fc.property(scenarioDocArb, scenarioDocArb, (docA, docB) => {
      const a = summaries(docA), b = summaries(docB);
      for (let i = 0; i < Math.min(a.length, b.length); i++) checkChange(a[i]!, b[i]!);
    }), { numRuns: 50 });
  });

  it('explain an overspender whose share the adjustment fund cut, by hand', () => {
    // Allotted 1,000.00; volume cut 100.00 → target 900.00; actual 1,000.00 → overspend 100.00;
    // the tiers claim 60.00 of it for the fund, the adjustment fund pays 45.00 (cut 15.00);
    // deposit 10% = 90.00 of which 9.00 forfeited (q 0.9); owed 900 + 45 − 9 = 936.00; monthly
    // budget 900 − 90 = 810.00, all paid (claims above it); advance 50.00 → balance 936 − 810 − 50 = 76.00.
    const h = {
      allocatedTarget: '1000.00', volumeCut: '100.00', pointCapCut: '0.00', target: '900.00', actual: '1000.00',
      surplus: '0.00', overspend: '100.00', reward: '0.00', fundShareClaimed: '60.00', fundShare: '45.00',
      depositForfeited: '9.00', owed: '936.00', deposit: '90.00', paidTotal: '810.00', advance: '50.00', balance: '76.00',
    } as HospitalSummary;
    expect(institutionWaterfall(h).map((s) => [s.key, s.amount])).toEqual([
      ['allocatedTarget', '1000.00'], ['volumeCut', '-100.00'], ['target', '900.00'], ['overspendVsTarget', '100.00'],
      ['actual', '1000.00'], ['overspendBorne', '-40.00'], ['adjustmentFundCut', '-15.00'], ['depositForfeited', '-9.00'],
      ['owed', '936.00'], ['paidTotal', '-810.00'], ['advance', '-50.00'], ['balance', '76.00'],
    ]);
    // The same institution with a 5% higher allotment and the same spending: the target rises
    // 50.00 (cut 5.00 more) to 945.00, its overspend falls by 45.00 to 55.00, the fund's share
    // (33.00, uncut) by less; the deposit is 94.50, 9.45 of it forfeited (94.50 − round(94.50 × 0.9));
    // owed 945 + 33 − 9.45 = 968.55; paid its budget 945 − 94.50 = 850.50, advance 50.00;
    // balance 968.55 − 850.50 − 50 = 68.05.
    const b = { ...h, allocatedTarget: '1050.00', volumeCut: '105.00', target: '945.00', overspend: '55.00', fundShareClaimed: '33.00',
      fundShare: '33.00', deposit: '94.50', depositForfeited: '9.45', owed: '968.55', paidTotal: '850.50', balance: '68.05' } as HospitalSummary;
    // From a's balance 76.00: + a's 810 + 50 paid and advanced = a's owed 936.00; the steps of the
    // year: allotment +50, volume cut −5, overspend −45, borne −22 − (−40) = +18, the fund's
    // cut 0 − (−15) = +15, forfeited −9.45 − (−9) = −0.45 → b's owed 968.55 (936 + 32.55); less
    // a's 860.00 → 108.55; the target paid monthly −945 − (−900) = −45 → 63.55; the deposit held
    // back 94.50 − 90 = +4.50 → 68.05 = b's balance (nothing else unpaid, the same advance).
    expect(institutionChange(h, b).map((s) => [s.key, s.amount])).toEqual([
      ['balanceBefore', '76.00'], ['paymentsBefore', '860.00'], ['owedBefore', '936.00'],
      ['allocatedTarget', '50.00'], ['volumeCut', '-5.00'], ['overspendVsTarget', '-45.00'],
      ['overspendBorne', '18.00'], ['adjustmentFundCut', '15.00'], ['depositForfeited', '-0.45'], ['owedAfter', '968.55'],
      ['paymentsAsBefore', '-860.00'], ['monthsTarget', '-45.00'], ['monthsDeposit', '4.50'], ['balanceAfter', '68.05'],
    ]);
    checkChange(h, b);
    // Against itself nothing changes: only the balance, the owed and a's payments carried across and back.
    expect(unchanged(institutionChange(h, h))).toBe(true);
    expect(institutionChange(h, h).map((s) => s.key))
      .toEqual(['balanceBefore', 'paymentsBefore', 'owedBefore', 'owedAfter', 'paymentsAsBefore', 'balanceAfter']);
  });

  it('refuses a change whose balance does not follow from what is owed and paid', () => {
    const h = { allocatedTarget: '10.00', volumeCut: '0.00', pointCapCut: '0.00', target: '10.00', actual: '10.00', surplus: '0.00',
      overspend: '0.00', reward: '0.00', fundShareClaimed: '0.00', fundShare: '0.00', depositForfeited: '0.00', owed: '10.00',
      deposit: '1.00', paidTotal: '9.00', advance: '0.00', balance: '1.00' } as HospitalSummary;
    expect(() => institutionChange(h, { ...h, balance: '2.00' })).toThrow(/balanceAfter/);
    expect(() => institutionChange({ ...h, balance: '2.00' }, h)).toThrow(/owedBefore/);
  });

  it('refuses figures that do not add up', () => {
    const h = { allocatedTarget: '10.00', volumeCut: '0.00', pointCapCut: '0.00', target: '9.00', actual: '9.00', surplus: '0.00',
      overspend: '0.00', reward: '0.00', fundShareClaimed: '0.00', fundShare: '0.00', depositForfeited: '0.00', owed: '9.00',
      deposit: '0.00', paidTotal: '0.00', advance: '0.00', balance: '9.00' } as HospitalSummary;
    expect(() => institutionWaterfall(h)).toThrow(/target/);
  });
});
