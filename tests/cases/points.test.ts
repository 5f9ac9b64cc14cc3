/**
 * Golden cases for the case-points rule of DESIGN §7, derived by hand, through the TypeScript
 * reference (src/cases/points.ts) and through the SQL that DuckDB runs (src/cases/sql.ts).
 * Units: points to 4 decimals, money to the fen; p is rounded half-up to 4 decimals.
 */
import { describe, expect, it } from 'vitest';
import { casePoints, institutionPoints, type OutlierRule } from '../../src/cases/points.ts';
import { formatPoints, parseRatio, parseScaled } from '../../src/cases/decimal.ts';
import { HEADER, importText, ok, setupOf, tempDir } from './helpers.ts';

const rule: OutlierRule = { low: parseRatio('0.5')!, high: parseRatio('2')! };
const dir = tempDir();

interface Golden { why: string; score: string; ref: string; cost: string; special?: string; points: string; cls: 'normal' | 'low' | 'high' | 'special' }

// s_g, c_g, cost → p. ρ = cost / c_g; low 0.5, high 2.
const GOLDEN: Golden[] = [
  { why: 'normal: ρ = 12000/10000 = 1.2 → p = s', score: '1234.5678', ref: '10000.00', cost: '12000.00', points: '1234.5678', cls: 'normal' },
  { why: 'low: ρ = 3000/10000 = 0.3 → p = 1000 × 0.3 = 300', score: '1000', ref: '10000.00', cost: '3000.00', points: '300.0000', cls: 'low' },
  { why: 'low: ρ = 0.333333 → 1234.5678 × 0.333333 = 411.52218847… → 411.5222', score: '1234.5678', ref: '10000.00', cost: '3333.33', points: '411.5222', cls: 'low' },
  { why: 'high: ρ = 3.5 → 1000 × (3.5 − 2 + 1) = 2500', score: '1000', ref: '10000.00', cost: '35000.00', points: '2500.0000', cls: 'high' },
  { why: 'high: ρ = 2.345678 → 1234.5678 × 1.345678 = 1661.33072797… → 1661.3307', score: '1234.5678', ref: '10000.00', cost: '23456.78', points: '1661.3307', cls: 'high' },
  { why: 'exactly at low: ρ = 0.5 is not below 0.5 → p = s', score: '1000', ref: '10000.00', cost: '5000.00', points: '1000.0000', cls: 'normal' },
  { why: 'one fen below low: ρ = 0.499999 → 1000 × 0.499999 = 499.999', score: '1000', ref: '10000.00', cost: '4999.99', points: '499.9990', cls: 'low' },
  { why: 'exactly at high: ρ = 2 is not above 2 → p = s', score: '1000', ref: '10000.00', cost: '20000.00', points: '1000.0000', cls: 'normal' },
  { why: 'one fen above high: ρ = 2.000001 → 1000 × 1.000001 = 1000.001', score: '1000', ref: '10000.00', cost: '20000.01', points: '1000.0010', cls: 'high' },
  { why: 'special review: the approved points, whatever the cost', score: '1000', ref: '10000.00', cost: '90000.00', special: '888.8888', points: '888.8888', cls: 'special' },
  { why: 'special review below the low threshold too', score: '1000', ref: '10000.00', cost: '100.00', special: '12.5', points: '12.5000', cls: 'special' },
  { why: 'half-up: 1.2345 × 0.1 = 0.12345 → 0.1235 (an exact half rounds up)', score: '1.2345', ref: '10.00', cost: '1.00', points: '0.1235', cls: 'low' },
  { why: 'below half: 1.2345 × 0.099 = 0.1222155 → 0.1222', score: '1.2345', ref: '10.00', cost: '0.99', points: '0.1222', cls: 'low' },
  { why: 'half-up in the high branch: 1.2345 × (2.1 − 1) = 1.35795 → 1.3580', score: '1.2345', ref: '10.00', cost: '21.00', points: '1.3580', cls: 'high' },
  { why: 'zero cost: ρ = 0 → p = 0', score: '1000', ref: '10000.00', cost: '0.00', points: '0.0000', cls: 'low' },
  { why: 'a very heavy case: s = 60000, ρ = 123456789.01/5000000 → 60000 × 23.6913578… = 1421481.4681…', score: '60000', ref: '5000000.00', cost: '123456789.01', points: '1421481.4681', cls: 'high' },
];

const units = (s: string, dp: number) => parseScaled(s, dp)!;

describe('case points: golden cases (TypeScript reference)', () => {
  for (const g of GOLDEN) {
    it(g.why, () => {
      const p = casePoints(units(g.score, 4), units(g.ref, 2), units(g.cost, 2), rule, g.special ? units(g.special, 4) : null);
      expect(formatPoints(p.units)).toBe(g.points);
      expect(p.cls).toBe(g.cls);
    });
  }

  it('the heavy case checked by hand: 60000 × (123456789.01/5000000 − 1) = 60000 × 23.691357802 = 1421481.46812 → 1421481.4681', () => {
    // 123456789.01 / 5000000 = 24.691357802; − 2 + 1 = 23.691357802; × 60000 = 1421481.46812.
    expect(formatPoints(casePoints(units('60000', 4), units('5000000.00', 2), units('123456789.01', 2), rule).units)).toBe('1421481.4681');
  });

  it('other thresholds: low 0.6, high 2.5 (a region that differs from the national spec)', () => {
    const r: OutlierRule = { low: parseRatio('0.6')!, high: parseRatio('2.5')! };
    // ρ = 0.55 → low: 1000 × 0.55 = 550; ρ = 0.6 → s; ρ = 2.5 → s; ρ = 3 → 1000 × (3 − 2.5 + 1) = 1500.
    const p = (cost: string) => formatPoints(casePoints(10000000n, 1000000n, units(cost, 2), r).units);
    expect([p('5500.00'), p('6000.00'), p('25000.00'), p('30000.00')]).toEqual(['550.0000', '1000.0000', '1000.0000', '1500.0000']);
  });

  it('institution points: Pts_h = round4(k_h × Σp): 1.05 × 12345.6789 = 12962.962845 → 12962.9628', () => {
    expect(formatPoints(institutionPoints(units('12345.6789', 4), parseRatio('1.05')!))).toBe('12962.9628');
    // 0.9 × 0.0005 = 0.00045 → 0.0005 (half-up).
    expect(formatPoints(institutionPoints(units('0.0005', 4), parseRatio('0.9')!))).toBe('0.0005');
  });
});

describe('case points: the same golden cases through DuckDB', () => {
  it('every golden row gets its points, class and month in the SQL aggregation', async () => {
    const catalogue = GOLDEN.map((g, i) => ({ id: `G${i}`, score: g.score, refCost: g.ref }));
    // One institution per golden row, so each row's points come back on their own.
    const ids = GOLDEN.map((_, i) => `H${i}`);
    const lines = GOLDEN.map((g, i) => `H${i},G${i},${g.cost},0.00,${(i % 12) + 1},${g.special ?? ''}`);
    const r = ok(await importText(dir, [HEADER, ...lines].join('\n') + '\n', setupOf(catalogue, ids)));
    expect(r.report.rejected).toBe(0);
    GOLDEN.forEach((g, i) => {
      const inst = r.aggregation.institutions.find((x) => x.id === `H${i}`)!;
      expect(inst.points, g.why).toBe(g.points);
      expect(inst.months[i % 12]!.points, g.why).toBe(g.points);
      expect([inst.low, inst.high, inst.special], g.why).toEqual([g.cls === 'low' ? 1 : 0, g.cls === 'high' ? 1 : 0, g.cls === 'special' ? 1 : 0]);
      expect(inst.cost).toBe(g.cost.includes('.') ? g.cost : `${g.cost}.00`);
    });
  });

  it('thresholds other than 0.5 / 2 reach the SQL', async () => {
    const catalogue = [{ id: 'G', score: '1000', refCost: '10000.00' }];
    const lines = ['5500.00', '6000.00', '25000.00', '30000.00'].map((c, i) => `H${i},G,${c},0,3,`);
    const r = ok(await importText(dir, [HEADER, ...lines].join('\n'), setupOf(catalogue, ['H0', 'H1', 'H2', 'H3'], 2025, { low: '0.6', high: '2.5' })));
    expect(r.aggregation.institutions.map((i) => i.points)).toEqual(['550.0000', '1000.0000', '1000.0000', '1500.0000']);
  });
});
