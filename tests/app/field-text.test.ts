import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editedText, restingText, typedValue } from '../../src/app/views/field-text.ts';
import { checkValue } from '../../src/app/views/validate-field.ts';

describe('rates are typed as percentages, the file keeps decimals', () => {
  it('「8%」 and 「8」 are 0.08; the range is said when it is the problem', () => {
    expect(checkValue('pct', '8%', false)).toEqual({ ok: true, value: '0.08' });
    expect(checkValue('pct', '8', false)).toEqual({ ok: true, value: '0.08' });
    expect(checkValue('pct', '１２.５％', false)).toEqual({ ok: true, value: '0.125' });
    expect(checkValue('pct', '100', false)).toEqual({ ok: true, value: '1' });
    expect(checkValue('pct', '0', false)).toEqual({ ok: true, value: '0' });
    expect(checkValue('pct', '120', false)).toEqual({ ok: false, key: 'rangePct' });
    expect(checkValue('pct', '-1', false)).toEqual({ ok: false, key: 'rangePct' });
    expect(checkValue('pct', 'abc', false)).toEqual({ ok: false, key: 'invalidPercent' });
    expect(checkValue('pctOpen', '250%', false)).toEqual({ ok: true, value: '2.5' });
    expect(checkValue('pctOpen', '-3', false)).toEqual({ ok: false, key: 'rangePctOpen' });
    expect(checkValue('growthPct', '-5%', false)).toEqual({ ok: true, value: '-0.05' });
    expect(checkValue('growthPct', '-100', false)).toEqual({ ok: false, key: 'rangeGrowth' });
    expect(checkValue('score', '150', false)).toEqual({ ok: false, key: 'rangeScore' });
    expect(checkValue('score', '-1', false)).toEqual({ ok: false, key: 'rangeScore' });
    expect(editedText('pct', '0.08')).toBe('8');
    expect(editedText('pct', '0.125')).toBe('12.5');
  });

  it('a percentage shown and typed back is the same decimal (exact, no floats)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
      // k millionths: 0 … 1, up to six decimals, written as the file writes a decimal.
      const file = k === 1_000_000 ? '1' : `0.${String(k).padStart(6, '0')}`.replace(/0+$/, '').replace(/\.$/, '');
      expect(checkValue('pct', editedText('pct', file), false)).toEqual({ ok: true, value: file });
    }));
  });
});

describe('amounts are shown with separators and typed in the unit chosen', () => {
  it('万元: 320,000.00 is 3,200,000,000.00 元; digits beyond the fen are refused', () => {
    expect(editedText('money', '3200000000.00', 'wan')).toBe('320,000.00');
    expect(editedText('money', '3200000000.00', 'yuan')).toBe('3,200,000,000.00');
    expect(editedText('money', '1234.56', 'wan')).toBe('0.123456');
    expect(typedValue('money', '320,000', false, 'wan')).toEqual({ ok: true, value: '3200000000.00' });
    expect(typedValue('money', '0.123456', false, 'wan')).toEqual({ ok: true, value: '1234.56' });
    expect(typedValue('money', '0.1234567', false, 'wan')).toMatchObject({ ok: false });
    expect(typedValue('money', '3,200,000,000.00', false, 'yuan')).toEqual({ ok: true, value: '3200000000.00' });
    expect(typedValue('money', '', true, 'wan')).toEqual({ ok: true, value: undefined });
  });

  it('what an editor shows, typed back, is the same amount to the fen', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.constantFrom('yuan' as const, 'wan' as const), (fen, unit) => {
      const file = `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
      expect(typedValue('money', editedText('money', file, unit), false, unit)).toEqual({ ok: true, value: file });
    }));
  });
});

describe('an amount box at rest shows the unit\'s precision; focused, the exact digits', () => {
  it('万元 to two decimals (rounded half-up) at rest, six while edited; 元 the same either way', () => {
    expect(restingText('money', '430225516.68', 'wan')).toBe('43,022.55');
    expect(editedText('money', '430225516.68', 'wan')).toBe('43,022.551668');
    expect(restingText('money', '1234.56', 'wan')).toBe('0.12');
    expect(restingText('money', '1250.00', 'wan')).toBe('0.13');
    expect(restingText('money', '3200000000.00', 'yuan')).toBe('3,200,000,000.00');
    expect(restingText('money', undefined, 'wan')).toBe('');
    expect(restingText('growthPct', '0.08', 'wan')).toBe('8');
    // What the box shows while edited is typed back as the same amount, to the fen.
    expect(typedValue('money', editedText('money', '430225516.68', 'wan'), false, 'wan')).toEqual({ ok: true, value: '430225516.68' });
  });
});
