/** The fast path of money() gives exactly what the general digit-by-digit path gives. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grouped, money, percent, percentExact, shiftPoint } from './number.ts';

const slow = (s: string, unit: 'yuan' | 'wan', signed: boolean) => grouped(unit === 'wan' ? shiftPoint(s, -4) : s, 2, signed);
const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 17 })).map(([neg, v, scale]) => {
  const f = v / 10n ** BigInt(scale);
  const t = f.toString().padStart(3, '0');
  return `${neg ? '-' : ''}${t.slice(0, -2).replace(/^0+(?=\d)/, '')}.${t.slice(-2)}`;
});

describe('money', () => {
  it('fast path = general path', () => {
    fc.assert(fc.property(amount, fc.constantFrom('yuan' as const, 'wan' as const), fc.boolean(), (s, unit, signed) => {
      expect(money(s, unit, signed)).toBe(slow(s, unit, signed));
    }), { numRuns: 5000 });
  });
  it('edge cases', () => {
    for (const s of ['0.00', '-0.00', '0.01', '-0.49', '0.50', '49.99', '50.00', '-50.00', '99.99', '9999.99', '99995.00', '99994.99', '-99995.00',
      '123456789.99', '999999999999.99'])
      for (const unit of ['yuan', 'wan'] as const) for (const signed of [false, true]) expect(money(s, unit, signed), `${s} ${unit} ${signed}`).toBe(slow(s,
        unit, signed));
    expect(money('1234567.89', 'wan')).toBe('123.46');
    expect(money('-1234567.89', 'yuan', true)).toBe('−1,234,567.89');
  });
});

describe('display of amounts', () => {
  it('groups digits without touching the value', () => {
    expect(money('1234567.89', 'yuan')).toBe('1,234,567.89');
    expect(money('-1000.00', 'yuan')).toBe('−1,000.00');
    expect(money('999.99', 'yuan')).toBe('999.99');
  });

  it('shows 万元 rounded half-up on the digits', () => {
    expect(money('12345678.90', 'wan')).toBe('1,234.57');
    expect(money('50.00', 'wan')).toBe('0.01');
    expect(money('49.99', 'wan')).toBe('0.00');
    expect(money('-150.00', 'wan')).toBe('−0.02');
    expect(money('-45.00', 'wan')).toBe('0.00');
    expect(money('99999999999.99', 'wan')).toBe('10,000,000.00');
  });

  it('percentages', () => {
    expect(percent('0.1234')).toBe('12.34%');
    expect(percent(null)).toBe('—');
  });
});

describe('percentExact', () => {
  it('shows a ratio as a percentage with at least two decimals, never rounded', () => {
    expect(percentExact('0.08')).toBe('8.00%');
    expect(percentExact('0')).toBe('0.00%');
    expect(percentExact('1')).toBe('100.00%');
    expect(percentExact('0.027')).toBe('2.70%');
    expect(percentExact('0.00125')).toBe('0.125%');
    expect(percentExact('-0.02')).toBe('−2.00%');
    expect(percentExact(null)).toBe('—');
  });
});
