import { describe, expect, it } from 'vitest';
import { applyRatio, ONE, qualityRatio, ratioToString, type CompiledQuality } from '../../src/engine/quality.ts';
import { hospitalScore } from '../../src/engine/policy-checks.ts';
import { Issues } from '../../src/format/issues.ts';
import { formatRate, parseMoney as y, parseRate } from '../../src/engine/money.ts';
import type { Hospital, QualityRule } from '../../src/format/types.ts';

function table(mode: 'step' | 'linear', points: [number, string][]): CompiledQuality {
  return { mode, points: points.map(([score, ratio]) => ({ score: parseRate(score), ratio: parseRate(ratio) })) };
}
const r = (q: CompiledQuality, score: number | string) => ratioToString(qualityRatio(q, parseRate(score)));

describe('step quality table', () => {
  const q = table('step', [[0, '0'], [60, '0.5'], [90, '1']]);

  it('takes the ratio of the highest breakpoint at or below the score', () => {
    expect(r(q, 0)).toBe('0.0000');
    expect(r(q, 59)).toBe('0.0000');
    expect(r(q, '59.999999999999')).toBe('0.0000');
    expect(r(q, 60)).toBe('0.5000');
    expect(r(q, 89.5)).toBe('0.5000');
    expect(r(q, 90)).toBe('1.0000');
  });

  it('holds the last ratio past the last point', () => {
    expect(r(q, 100)).toBe('1.0000');
    expect(r(table('step', [[0, '0.7']]), 42)).toBe('0.7000');
  });
});

describe('linear quality table', () => {
  const q = table('linear', [[0, '0'], [60, '0'], [90, '1']]);

  it('interpolates between points, including fractional scores', () => {
    expect(r(q, 30)).toBe('0.0000');
    expect(r(q, 60)).toBe('0.0000');
    expect(r(q, 75)).toBe('0.5000');
    expect(r(q, 76.5)).toBe('0.5500');
    expect(r(q, 86.67)).toBe('0.8890');
    expect(r(q, 80)).toBe('0.6667'); // 20/30
    expect(r(q, 90)).toBe('1.0000');
  });

  it('holds the last ratio past the last point', () => {
    expect(r(q, 95)).toBe('1.0000');
    expect(r(q, 100)).toBe('1.0000');
  });

  it('interpolates from a non-zero start', () => {
    const u = table('linear', [[0, '0.2'], [100, '1']]);
    expect(r(u, 50)).toBe('0.6000');
    expect(r(u, 0)).toBe('0.2000');
    expect(r(u, 12.5)).toBe('0.3000');
  });

  it('keeps the ratio exact until the deposit is rounded', () => {
    // score 80 → 2/3; 10,000.00 × 2/3 = 6,666.666… → 6,666.67
    expect(applyRatio(y('10000.00'), qualityRatio(q, parseRate(80)))).toBe(y('6666.67'));
    // score 75 → 0.5; 10,000.01 × 0.5 = 5,000.005 → half-up 5,000.01
    expect(applyRatio(y('10000.01'), qualityRatio(q, parseRate(75)))).toBe(y('5000.01'));
  });
});

describe('applyRatio / ONE', () => {
  it('returns the whole deposit at ratio 1 and nothing at 0', () => {
    expect(applyRatio(y('1234.56'), ONE)).toBe(y('1234.56'));
    expect(applyRatio(y('1234.56'), { num: 0n, den: 1n })).toBe(0);
    expect(ratioToString(ONE)).toBe('1.0000');
  });
});

describe('hospitalScore (weighted indicators)', () => {
  const rule: QualityRule = {
    mode: 'linear',
    points: [{ score: 0, ratio: '0' }],
    indicators: [
      { id: 'q1', name: 'a', weight: '0.3' }, { id: 'q2', name: 'b', weight: '0.3' },
      { id: 'q3', name: 'c', weight: '0.25' }, { id: 'q4', name: 'd', weight: '0.15' },
    ],
  };
  const h = (extra: Partial<Hospital>): Hospital => ({ id: 'h', name: 'h', level: 'l', category: 'c', class: 'x', history: ['1'], ...extra });

  it('weights indicator scores 30/30/25/15 on the 0–100 scale', () => {
    const issues = new Issues();
    // 0.3×80 + 0.3×70 + 0.25×90 + 0.15×60 = 76.5 (this was 76.5 × 10^12 before the fix)
    expect(formatRate(hospitalScore(h({ indicators: { q1: 80, q2: 70, q3: 90, q4: 60 } }), rule, 'h', issues)!)).toBe('76.5');
    expect(formatRate(hospitalScore(h({ indicators: { q1: 91, q2: 88, q3: 85.5, q4: 77.3 } }), rule, 'h', issues)!)).toBe('86.67');
    expect(issues.list).toEqual([]);
  });

  it('divides by the sum of weights and rounds to 12 decimals half-up', () => {
    const r2: QualityRule = { ...rule, indicators: [{ id: 'a', name: 'a', weight: '1' }, { id: 'b', name: 'b', weight: '2' }] };
    // (70 + 2 × 80) / 3 = 76.6666…
    expect(formatRate(hospitalScore(h({ indicators: { a: 70, b: 80 } }), r2, 'h', new Issues())!)).toBe('76.666666666667');
  });

  it('prefers a score given directly; no score and no indicators → null', () => {
    expect(formatRate(hospitalScore(h({ score: 88, indicators: { q1: 0, q2: 0, q3: 0, q4: 0 } }), rule, 'h', new Issues())!)).toBe('88');
    expect(hospitalScore(h({}), rule, 'h', new Issues())).toBeNull();
  });

  it('reports a missing indicator score and indicators without policy weights', () => {
    const issues = new Issues();
    expect(hospitalScore(h({ indicators: { q1: 80 } }), rule, 'hospitals[3]', issues)).toBeNull();
    expect(issues.list).toMatchObject([{ path: 'hospitals[3].indicators', message: 'missing the score of indicator "q2"', code: 'indicatorMissing' }]);
    expect(issues.list).toHaveLength(1);
    const issues2 = new Issues();
    expect(hospitalScore(h({ indicators: { q1: 80 } }), undefined, 'hospitals[0]', issues2)).toBeNull();
    expect(issues2.list[0]!.path).toBe('hospitals[0].indicators');
    expect(issues2.list[0]!.message).toMatch(/the quality assessment rule does not define their weights/);
  });
});
