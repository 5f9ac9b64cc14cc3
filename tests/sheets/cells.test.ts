import { describe, expect, it } from 'vitest';
import { numberToDecimal, parseAmount, parseBool, parseCell, parseCount, parseRate, parseScore, parseText } from '../../src/sheets/cells.ts';

const value = <T>(p: { ok: true; value: T } | { ok: false; reason: { en: string } }) => (p.ok ? p.value : `ERR ${p.reason.en}`);

describe('amount cells', () => {
  it('numbers become exact 2-decimal strings', () => {
    expect(value(parseAmount(1234.5))).toBe('1234.50');
    expect(value(parseAmount(0))).toBe('0.00');
    expect(value(parseAmount(0.1 + 0.2))).toBe('0.30'); // float noise 0.30000000000000004
    expect(value(parseAmount(1000.1 + 0.2))).toBe('1000.30');
    expect(value(parseAmount(18000000 * 1.1))).toBe('19800000.00');
    expect(value(parseAmount(9999999999999.99))).toBe('9999999999999.99');
    expect(value(parseAmount(1234567.8 * 3))).toBe('3703703.40');
  });

  it('refuses a real third decimal instead of rounding it', () => {
    expect(value(parseAmount(1234.567))).toBe('ERR an amount has at most 2 decimals (fen)');
    expect(value(parseAmount(0.005))).toBe('ERR an amount has at most 2 decimals (fen)');
    expect(value(parseAmount('12.345'))).toBe('ERR an amount has at most 2 decimals (fen)');
  });

  it('text with separators, currency signs and units', () => {
    expect(value(parseAmount('¥1,234,567.8'))).toBe('1234567.80');
    expect(value(parseAmount('￥6,000,000.00'))).toBe('6000000.00');
    expect(value(parseAmount(' 1 234.50 '))).toBe('1234.50');
    expect(value(parseAmount('１２３４．５'))).toBe('1234.50'); // full-width digits
    expect(value(parseAmount('100元'))).toBe('100.00');
    expect(value(parseAmount('12.300'))).toBe('12.30'); // trailing zeros are not decimals
    expect(value(parseAmount('.5'))).toBe('0.50');
  });

  it('text that is not an amount', () => {
    for (const s of ['abc', '1,23', '1.2.3', '12,3456', '', '--', '1e5']) expect(value(parseAmount(s))).toMatch(/^ERR not an amount$/);
    expect(value(parseAmount('-100'))).toBe('ERR must not be negative');
    expect(value(parseAmount('(1,000)'))).toBe('ERR must not be negative');
    expect(value(parseAmount(-0.01))).toBe('ERR must not be negative');
    expect(value(parseAmount(new Date(2024, 0, 1)))).toBe('ERR is a date, not a number');
    expect(value(parseAmount(true))).toBe('ERR not an amount');
    expect(value(parseAmount('12345678901234'))).toBe('ERR amount too large');
  });

  it('万元 columns: up to 6 decimals, converted exactly to yuan', () => {
    expect(value(parseAmount('1.234567', 10000))).toBe('12345.67');
    expect(value(parseAmount(4512.5, 10000))).toBe('45125000.00');
    expect(value(parseAmount(0.000001, 10000))).toBe('0.01');
    expect(value(parseAmount('1.2345678', 10000))).toBe('ERR an amount in 10k yuan has at most 6 decimals (fen)');
  });
});

describe('other cell types', () => {
  it('rates: numbers, percentages, decimals', () => {
    expect(value(parseRate(0.05))).toBe('0.05');
    expect(value(parseRate('5%'))).toBe('0.05');
    expect(value(parseRate('5.5 %'))).toBe('0.055');
    expect(value(parseRate('-3%'))).toBe('-0.03');
    expect(value(parseRate('０．０５'))).toBe('0.05');
    expect(value(parseRate('+.50'))).toBe('0.5');
    expect(value(parseRate('120%'))).toBe('1.2');
    expect(value(parseRate(0.1 + 0.2))).toBe('0.3');
    expect(value(parseRate('五成'))).toBe('ERR not a rate (like 5% or 0.05)');
    expect(value(parseRate('-100%'))).toBe('ERR growth must be greater than -100%');
  });

  it('counts, scores, booleans, text', () => {
    expect(value(parseCount(1200))).toBe(1200);
    expect(value(parseCount('1,200'))).toBe(1200);
    expect(value(parseCount(12.5))).toBe('ERR not a whole number ≥ 0');
    expect(value(parseCount(-1))).toBe('ERR not a whole number ≥ 0');
    expect(value(parseScore(96.5))).toBe(96.5);
    expect(value(parseScore('100'))).toBe(100);
    expect(value(parseScore(101))).toBe('ERR not a score between 0 and 100');
    for (const t of ['是', 'Y', 'yes', 'TRUE', '√', 1, true]) expect(value(parseBool(t))).toBe(true);
    for (const f of ['否', 'n', 'No', 'false', '×', 0, false]) expect(value(parseBool(f))).toBe(false);
    expect(value(parseBool('maybe'))).toBe('ERR must be yes or no');
    expect(value(parseText(1001, 100))).toBe('1001');
    expect(value(parseText('  市中医院（东院）\u3000', 200))).toBe('市中医院（东院）'); // kept as written, trimmed
    expect(value(parseText('x'.repeat(101), 100))).toBe('ERR longer than 100 characters');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
    expect(numberToDecimal(123456789012345680000)).toBe('123456789012345680000');
  });

  it('cell errors and formulas without a calculated value', () => {
    expect(value(parseCell('amount', { error: '#DIV/0!' }, 1))).toBe('ERR cell error #DIV/0!');
    expect(value(parseCell('amount', { error: 'formula' }, 1))).toBe('ERR formula has no calculated value (recalculate and save in the spreadsheet program)');
  });
});
