/**
 * Golden case of the change waterfall (src/engine/waterfall.ts institutionChange): the hospital
 * deposit rate cut from 10% to 8% in a small city, each step worked out by hand from DESIGN §6
 * and compared with zero tolerance — the settlement's figures of both scenarios, then every bar.
 *
 * The city: budget 250,000.00, no reserve or carve-outs, adjustment fund 4% = 10,000.00, so
 * P = 240,000.00, shared by equal history between H (an overspender) and U (an under-spender):
 * T = 120,000.00 each. Deposit from the target; the months pay claims up to the cumulative
 * monthly budget (capped); overspend: one open tier, the fund pays half; no surplus rule; quality
 * step (0, 0), (60, 0.5), (90, 1); a working-capital advance of half a month, H only.
 *
 * H, claims 10,500.00 × 12 = 126,000.00, no deductions: A = 126,000.00, O = 6,000.00,
 *   fundShare = round(6,000 × 0.5) = 3,000.00 (≤ the adjustment fund), due = T + 3,000 = 123,000.00;
 *   score 70 → q = 0.5.
 *   10%: D = 12,000.00; B = 108,000.00 = 9,000.00 × 12; claims are above the budget every month:
 *        paid 108,000.00, deferred 18,000.00; returned round(12,000 × 0.5) = 6,000.00, forfeited
 *        6,000.00; owed 123,000 − 6,000 = 117,000.00; advance round(108,000 × 0.5 / 12) = 4,500.00;
 *        balance 117,000 − 108,000 − 4,500 = 4,500.00.
 *   8%:  D = 9,600.00; B = 110,400.00 = 9,200.00 × 12: paid 110,400.00, deferred 15,600.00;
 *        forfeited 4,800.00; owed 123,000 − 4,800 = 118,200.00; advance round(110,400 × 0.5 / 12)
 *        = 4,600.00; balance 118,200 − 110,400 − 4,600 = 3,200.00.
 *   The change, 4,500.00 → 3,200.00 (−1,300.00):
 *     balance 10%                               4,500.00
 *     + paid and advanced at 10%             +112,500.00 (108,000 + 4,500)  → 117,000.00
 *     owed 10%                                117,000.00
 *     deposit forfeited −4,800 − (−6,000)      +1,200.00                     → 118,200.00
 *     owed 8%                                 118,200.00
 *     − paid and advanced as at 10%          −112,500.00                     →   5,700.00
 *     deposit held back from the months 9,600 − 12,000 = −2,400.00          →   3,300.00
 *     the advance −(4,600 − 4,500)               −100.00                     →   3,200.00
 *     balance 8%                                3,200.00
 *   (the target, the rest not paid out — 0 in both — and every other step of the year do not move.)
 *
 * U, claims 8,000.00 × 12 = 96,000.00 (below the budget every month): A = 96,000.00, S =
 *   24,000.00, no reward: due = 96,000.00; no score: nothing forfeited; owed 96,000.00; paid
 *   96,000.00; no advance; balance 0.00 in both.
 *   Rest of the target not paid out = T − D − paid: 120,000 − 12,000 − 96,000 = 12,000.00 at 10%,
 *   120,000 − 9,600 − 96,000 = 14,400.00 at 8%.
 *   The change, 0.00 → 0.00: + paid 96,000.00 → owed 96,000.00 (both) → − 96,000.00 → the deposit
 *   held back −2,400.00 → the rest not paid out +2,400.00 → 0.00: the smaller deposit frees
 *   budget the claims do not use.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import type { HospitalResult } from '../../src/engine/result.ts';
import { institutionChange, unchanged } from '../../src/engine/waterfall.ts';

const months = (x: string) => new Array<string>(12).fill(x);

function city(rate: string) {
  const hospital = (id: string, claims: string, more: Record<string, unknown>) => ({
    id, name: `Hospital ${id}`, level: 'secondary', category: 'general', class: 'hospital', history: ['100000.00'], claims: months(claims), ...more,
  });
  return {
    format: 'gbsim-scenario', version: 1, meta: { name: `deposit ${rate}` },
    fund: { budget: '250000.00', revenue: '250000.00', openingBalance: '0.00', riskReserveRate: '0', adjustmentFundRate: '0.04', carveOuts: [] },
    policy: {
      historyWeights: ['1'],
      deposit: { base: 'target', rates: { hospital: rate } },
      overspend: { mode: 'marginal', tiers: [{ upTo: null, share: '0.5' }] },
      quality: { mode: 'step', points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0.5' }, { score: 90, ratio: '1' }] },
      advance: { months: '0.5' },
    },
    hospitals: [hospital('H', '10500.00', { score: 70, advanceEligible: true }), hospital('U', '8000.00', {})],
  };
}

function run(rate: string): HospitalResult[] {
  const v = validateScenario(city(rate));
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return runScenario(v.scenario).hospitals;
}

const FIGURES = ['target', 'deposit', 'paidTotal', 'deferred', 'fundShare', 'depositForfeited', 'owed', 'advance', 'balance'] as const;

describe('golden: the change waterfall of a deposit cut from 10% to 8% (hand-derived, zero tolerance)', () => {
  const [h10, u10] = run('0.1');
  const [h8, u8] = run('0.08');

  it('settles both scenarios as derived', () => {
    const pick = (h: HospitalResult) => FIGURES.map((f) => h[f]);
    expect(pick(h10!)).toEqual(['120000.00', '12000.00', '108000.00', '18000.00', '3000.00', '6000.00', '117000.00', '4500.00', '4500.00']);
    expect(pick(h8!)).toEqual(['120000.00', '9600.00', '110400.00', '15600.00', '3000.00', '4800.00', '118200.00', '4600.00', '3200.00']);
    expect(pick(u10!)).toEqual(['120000.00', '12000.00', '96000.00', '0.00', '0.00', '0.00', '96000.00', '0.00', '0.00']);
    expect(pick(u8!)).toEqual(['120000.00', '9600.00', '96000.00', '0.00', '0.00', '0.00', '96000.00', '0.00', '0.00']);
  });

  it('explains the overspender’s balance 4,500.00 → 3,200.00 step by step', () => {
    expect(institutionChange(h10!, h8!).map((s) => [s.key, s.kind, s.amount, s.to])).toEqual([
      ['balanceBefore', 'total', '4500.00', '4500.00'],
      ['paymentsBefore', 'step', '112500.00', '117000.00'],
      ['owedBefore', 'total', '117000.00', '117000.00'],
      ['depositForfeited', 'step', '1200.00', '118200.00'],
      ['owedAfter', 'total', '118200.00', '118200.00'],
      ['paymentsAsBefore', 'step', '-112500.00', '5700.00'],
      ['monthsDeposit', 'step', '-2400.00', '3300.00'],
      ['advance', 'step', '-100.00', '3200.00'],
      ['balanceAfter', 'total', '3200.00', '3200.00'],
    ]);
  });

  it('explains the under-spender’s unchanged balance: the freed budget is not claimed', () => {
    const w = institutionChange(u10!, u8!);
    expect(w.map((s) => [s.key, s.amount, s.to])).toEqual([
      ['balanceBefore', '0.00', '0.00'], ['paymentsBefore', '96000.00', '96000.00'], ['owedBefore', '96000.00', '96000.00'],
      ['owedAfter', '96000.00', '96000.00'], ['paymentsAsBefore', '-96000.00', '0.00'],
      ['monthsDeposit', '-2400.00', '-2400.00'], ['monthsUnpaid', '2400.00', '0.00'], ['balanceAfter', '0.00', '0.00'],
    ]);
    // Steps that cancel are still a change (the deposit moved); the same scenario twice is not.
    expect(unchanged(w)).toBe(false);
    expect(unchanged(institutionChange(u10!, u10!))).toBe(true);
  });
});
