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
import { fundWaterfall, institutionChange, institutionWaterfall, type WaterfallStep } from '../../src/engine/waterfall.ts';
import { scenarioDocArb } from './scenario-arb.ts';

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
  for (let i = 0; i + 1 < hs.length; i++) expect(chains(institutionChange(hs[i]!, hs[i + 1]!))).toBe(fen(hs[i + 1]!.owed));
}

const dir = join(import.meta.dirname, '..', '..', 'scenarios');

describe('waterfalls', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('add up exactly on example %s', (file) => {
    const v = loadScenario(readFileSync(join(dir, file), 'utf8'));
    if (!v.ok) throw new Error(file);
    checkAll(runScenario(v.scenario));
  });

  it('add up exactly on random valid scenarios', () => {
    fc.assert(fc.property(scenarioDocArb, (doc) => {
      const v = loadScenario(JSON.stringify(doc));
      if (!v.ok) throw new Error('invalid generated scenario');
      checkAll(runScenario(v.scenario));
    }), { numRuns: 150 });
  });

  it('explain an overspender whose share the adjustment fund cut, by hand', () => {
    // Allotted 1,000.00; volume cut 100.00 → target 900.00; actual 1,000.00 → overspend 100.00;
    // the tiers claim 60.00 of it for the fund, the adjustment fund pays 45.00 (cut 15.00);
    // deposit 90.00 of which 9.00 forfeited; owed 900 + 45 − 9 = 936.00; paid 800.00, advance 50.00 → balance 86.00.
    const h = {
      allocatedTarget: '1000.00', volumeCut: '100.00', pointCapCut: '0.00', target: '900.00', actual: '1000.00',
      surplus: '0.00', overspend: '100.00', reward: '0.00', fundShareClaimed: '60.00', fundShare: '45.00',
      depositForfeited: '9.00', owed: '936.00', paidTotal: '800.00', advance: '50.00', balance: '86.00',
    } as HospitalSummary;
    expect(institutionWaterfall(h).map((s) => [s.key, s.amount])).toEqual([
      ['allocatedTarget', '1000.00'], ['volumeCut', '-100.00'], ['target', '900.00'], ['overspendVsTarget', '100.00'],
      ['actual', '1000.00'], ['overspendBorne', '-40.00'], ['adjustmentFundCut', '-15.00'], ['depositForfeited', '-9.00'],
      ['owed', '936.00'], ['paidTotal', '-800.00'], ['advance', '-50.00'], ['balance', '86.00'],
    ]);
    // The same institution with a 5% higher allotment and the same spending: the target rises
    // 50.00 (cut 5.00 more), its overspend falls by 45.00, the fund's share by less.
    const b = { ...h, allocatedTarget: '1050.00', volumeCut: '105.00', target: '945.00', overspend: '55.00', fundShareClaimed: '33.00',
      fundShare: '33.00', owed: '969.00' } as HospitalSummary;
    expect(institutionChange(h, b).map((s) => [s.key, s.amount])).toEqual([
      ['owedBefore', '936.00'], ['allocatedTarget', '50.00'], ['volumeCut', '-5.00'], ['overspendVsTarget', '-45.00'],
      ['overspendBorne', '18.00'], ['adjustmentFundCut', '15.00'], ['owedAfter', '969.00'],
    ]);
  });

  it('refuses figures that do not add up', () => {
    const h = { allocatedTarget: '10.00', volumeCut: '0.00', pointCapCut: '0.00', target: '9.00', actual: '9.00', surplus: '0.00',
      overspend: '0.00', reward: '0.00', fundShareClaimed: '0.00', fundShare: '0.00', depositForfeited: '0.00', owed: '9.00',
      paidTotal: '0.00', advance: '0.00', balance: '9.00' } as HospitalSummary;
    expect(() => institutionWaterfall(h)).toThrow(/target/);
  });
});
