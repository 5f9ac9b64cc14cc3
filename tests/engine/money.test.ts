import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  divRoundHalfUp, formatMoney, formatRate, MoneyError, mulRate, mulRatio, parseMoney,
  parseRate, RATE_ONE, ratioDigitsSmall, ratioOfAmounts, ratioString, sum, writeMoney,
} from '../../src/engine/money.ts';
import { isMoneyString, isRateLike } from '../../src/format/numbers.ts';

describe('parseMoney', () => {
  it('reads yuan strings into integer fen', () => {
    expect(parseMoney('0')).toBe(0);
    expect(parseMoney('1')).toBe(100);
    expect(parseMoney('1.5')).toBe(150);
    expect(parseMoney('1.05')).toBe(105);
    expect(parseMoney('1234.56')).toBe(123456);
    expect(parseMoney('0.01')).toBe(1);
    expect(parseMoney('007.10')).toBe(710);
  });

  it('reads negatives, and -0 as 0', () => {
    expect(parseMoney('-0.01')).toBe(-1);
    expect(parseMoney('-1234.5')).toBe(-123450);
    expect(Object.is(parseMoney('-0'), 0)).toBe(true);
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
  });

  it('reads the largest 13-digit amount exactly', () => {
    expect(parseMoney('9999999999999.99')).toBe(999_999_999_999_999);
    expect(Number.isSafeInteger(parseMoney('9999999999999.99'))).toBe(true);
  });

  it.each(['', ' 1', '1 ', '1.234', '.5', '1.', '1e3', '+1', '1,000.00', 'abc', '0x10', '12345678901234', 'NaN', '--1'])(
    'refuses %j', (s) => {
      expect(() => parseMoney(s)).toThrow(MoneyError);
      expect(isMoneyString(s)).toBe(false);
    });
});

describe('formatMoney', () => {
  it('always writes two decimals', () => {
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(1)).toBe('0.01');
    expect(formatMoney(10)).toBe('0.10');
    expect(formatMoney(100)).toBe('1.00');
    expect(formatMoney(123456)).toBe('1234.56');
    expect(formatMoney(999_999_999_999_999)).toBe('9999999999999.99');
  });

  it('writes negatives with a minus, and -0 as 0.00', () => {
    expect(formatMoney(-1)).toBe('-0.01');
    expect(formatMoney(-123450)).toBe('-1234.50');
    expect(formatMoney(-0)).toBe('0.00');
  });

  it('round-trips through parseMoney', () => {
    for (const s of ['0.00', '0.07', '-0.07', '12.30', '-98765.43', '100000000.00']) expect(formatMoney(parseMoney(s))).toBe(s);
  });

  it('refuses non-integers and unsafe numbers', () => {
    expect(() => formatMoney(1.5)).toThrow(MoneyError);
    expect(() => formatMoney(2 ** 53)).toThrow(MoneyError);
    expect(() => formatMoney(Number.NaN)).toThrow(MoneyError);
  });
});

describe('writeMoney', () => {
  const written = (f: number): string => {
    const out = new Uint8Array(40).fill(120); // 'x' around it shows any byte written out of place
    const end = writeMoney(out, 3, f);
    return `${String.fromCharCode(...out.subarray(0, 3))}|${String.fromCharCode(...out.subarray(3, end))}|${String.fromCharCode(out[end]!)}`;
  };

  it('writes the bytes of formatMoney at the offset, returning the end', () => {
    for (const f of [0, -0, 1, -1, 9, 10, 99, 100, 101, 123456, -123450, 99_999_999_999, 100_000_000_000, 100_000_000_001, 999_999_999_999_999,
      -999_999_999_999_999, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 31 - 1, 2 ** 32 + 7, 1e11 - 1, 1e11 + 99]) {
      expect(written(f), String(f)).toBe(`xxx|${formatMoney(f)}|x`);
    }
  });

  it('agrees with formatMoney over the whole exact range', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (f) => written(f) === `xxx|${formatMoney(f)}|x`), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (f) => written(f) === `xxx|${formatMoney(f)}|x`), { numRuns: 20_000 });
  });

  it('refuses what formatMoney refuses', () => {
    for (const f of [1.5, 2 ** 53, Number.NaN, Infinity]) expect(() => writeMoney(new Uint8Array(40), 0, f)).toThrow(MoneyError);
  });
});

describe('divRoundHalfUp', () => {
  it('rounds exact halves away from zero (四舍五入), both signs', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n); // 2.5
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n); // -2.5
    expect(divRoundHalfUp(15n, 10n)).toBe(2n); // 1.5
    expect(divRoundHalfUp(-15n, 10n)).toBe(-2n);
    expect(divRoundHalfUp(1n, 2n)).toBe(1n); // 0.5
    expect(divRoundHalfUp(-1n, 2n)).toBe(-1n);
  });

  it('rounds below a half down and above a half up', () => {
    expect(divRoundHalfUp(149n, 100n)).toBe(1n);
    expect(divRoundHalfUp(-149n, 100n)).toBe(-1n);
    expect(divRoundHalfUp(151n, 100n)).toBe(2n);
    expect(divRoundHalfUp(-151n, 100n)).toBe(-2n);
    expect(divRoundHalfUp(4999n, 10000n)).toBe(0n);
    expect(divRoundHalfUp(5000n, 10000n)).toBe(1n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(divRoundHalfUp(14n, 7n)).toBe(2n);
  });
});

describe('parseRate / formatRate', () => {
  it('reads decimals exactly at 12 places', () => {
    expect(parseRate('1')).toBe(RATE_ONE);
    expect(parseRate('0.1')).toBe(100_000_000_000n);
    expect(parseRate('0.000000000001')).toBe(1n);
    expect(parseRate('-0.05')).toBe(-50_000_000_000n);
    expect(parseRate(' 0.25 ')).toBe(250_000_000_000n);
    expect(parseRate('12.5')).toBe(12_500_000_000_000n);
  });

  it('reads JSON numbers through their shortest decimal form', () => {
    expect(parseRate(0.1)).toBe(parseRate('0.1'));
    expect(parseRate(0.3)).toBe(300_000_000_000n); // not 0.299999…
    expect(parseRate(1e-7)).toBe(100_000n);
    expect(parseRate(85.5)).toBe(parseRate('85.5'));
    expect(parseRate(-0.2)).toBe(-200_000_000_000n);
  });

  it('refuses more than 12 decimals and non-numbers', () => {
    for (const v of ['0.0000000000001', 'abc', '', '1e-3', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => parseRate(v)).toThrow(MoneyError);
      expect(isRateLike(v)).toBe(false);
    }
    expect(isRateLike('0.5')).toBe(true);
    expect(isRateLike(0.5)).toBe(true);
    expect(isRateLike(null)).toBe(false);
  });

  it('writes the shortest decimal', () => {
    expect(formatRate(parseRate('0.100'))).toBe('0.1');
    expect(formatRate(RATE_ONE)).toBe('1');
    expect(formatRate(parseRate('-0.05'))).toBe('-0.05');
    expect(formatRate(0n)).toBe('0');
    expect(formatRate(1n)).toBe('0.000000000001');
    expect(formatRate(parseRate('123.456'))).toBe('123.456');
  });
});

describe('mulRate: round(amount × rate) to the fen', () => {
  it('rounds half-up on exact half fen', () => {
    expect(mulRate(parseMoney('1000000.50'), parseRate('0.03'))).toBe(3000002); // 30,000.015 → 30,000.02
    expect(mulRate(parseMoney('10000.05'), parseRate('0.1'))).toBe(100001); // 1,000.005 → 1,000.01
    expect(mulRate(parseMoney('10000.04'), parseRate('0.1'))).toBe(100000); // 1,000.004 → 1,000.00
    expect(mulRate(5, parseRate('0.5'))).toBe(3); // 0.025 → 0.03
    expect(mulRate(1, parseRate('0.5'))).toBe(1); // 0.005 → 0.01
    expect(mulRate(1, parseRate('0.499999999999'))).toBe(0);
  });

  it('rounds negatives half away from zero', () => {
    expect(mulRate(-5, parseRate('0.5'))).toBe(-3);
    expect(mulRate(-1, parseRate('0.5'))).toBe(-1);
    expect(mulRate(100, parseRate('-0.015'))).toBe(-2); // -1.5 fen → -2
    expect(mulRate(100, parseRate('-0.014'))).toBe(-1);
  });

  it('short-cuts rate 1 and 0 exactly', () => {
    expect(mulRate(123457, RATE_ONE)).toBe(123457);
    expect(mulRate(123457, parseRate('0'))).toBe(0);
  });

  it('stays exact where binary floats drift', () => {
    // 0.45 yuan × 0.7 = 0.315 yuan = 31.5 fen → 32 fen; in floats 45 × 0.7 = 31.499999999999996 → 31.
    expect(45 * 0.7).toBeLessThan(31.5);
    expect(mulRate(45, parseRate('0.7'))).toBe(32);
    expect(mulRate(325, parseRate('0.7'))).toBe(228); // 227.5 fen
    // 9,999,999,999,999.99 × 0.07 = 699,999,999,999.9993 yuan → 700,000,000,000.00
    expect(mulRate(parseMoney('9999999999999.99'), parseRate('0.07'))).toBe(70_000_000_000_000);
    // 999,999,999,999,999 fen × 10^-12 = 999.999999999999 fen → 1,000 fen
    expect(mulRate(parseMoney('9999999999999.99'), parseRate('0.000000000001'))).toBe(1000);
  });
});

describe('mulRatio and ratioString', () => {
  it('mulRatio rounds amount × num / den half-up', () => {
    expect(mulRatio(10_000_000, 2n, 3n)).toBe(6_666_667); // 66,666.666… → 66,666.67
    expect(mulRatio(3, 1n, 2n)).toBe(2); // 1.5 fen → 2
    expect(mulRatio(-3, 1n, 2n)).toBe(-2);
    expect(() => mulRatio(1, 1n, 0n)).toThrow(MoneyError);
    expect(() => mulRatio(1, 1, 0)).toThrow(MoneyError);
  });

  it('mulRatio with counts as numbers (the double path) equals the bigint path', () => {
    const amount = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 50 }));
    fc.assert(fc.property(amount, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, n, d) => {
      expect(mulRatio(a, n, d)).toBe(mulRatio(a, BigInt(n), BigInt(d)));
    }), { numRuns: 3000 });
  });

  it('ratioString gives 4 decimals, half-up, null on a zero denominator', () => {
    expect(ratioString(1n, 3n)).toBe('0.3333');
    expect(ratioString(2n, 3n)).toBe('0.6667');
    expect(ratioString(1n, 8n)).toBe('0.1250');
    expect(ratioString(1n, 20000n)).toBe('0.0001'); // 0.00005 → 0.0001
    expect(ratioString(-1n, 20000n)).toBe('-0.0001');
    expect(ratioString(-1n, 30000n)).toBe('0.0000'); // rounds to zero: no "-0"
    expect(ratioString(8_040_000n, 850_000n)).toBe('9.4588');
    expect(ratioString(5n, 0n)).toBeNull();
    expect(ratioString(1n, 3n, 8)).toBe('0.33333333');
  });
});

describe('sum', () => {
  it('adds fen exactly and refuses to leave the safe range', () => {
    expect(sum([1, 2, 3])).toBe(6);
    expect(sum([])).toBe(0);
    expect(sum([-5, 5])).toBe(0);
    expect(() => sum([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
  });
});

describe('ratioOfAmounts (fen in doubles) agrees with ratioString (bigint)', () => {
  it('on random amounts, small and large, positive and negative', () => {
    const amount = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 2 ** 36 }), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }));
    fc.assert(fc.property(amount, amount, (a, b) => {
      expect(ratioOfAmounts(a, b)).toBe(ratioString(BigInt(a), BigInt(b)));
    }), { numRuns: 5000 });
  });
});

describe('ratioDigitsSmall (the doubles path of ratioString and ratioToString)', () => {
  /** The bigint long form: a·10^dp / b, half-up. */
  const exact = (a: bigint, b: bigint, dp: number) => {
    const scale = 10n ** BigInt(dp);
    const q = (a * scale * 2n + b) / (2n * b);
    return `${q / scale}.${(q % scale).toString().padStart(dp, '0')}`;
  };
  it('gives every digit the bigint division gives, at the edges of its range too', () => {
    let seed = 12345;
    const rnd = (max: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor((seed / 2147483648) * max); };
    const cases: [number, number][] = [[0, 1], [1, 3], [2, 3], [5, 10], [1, 2 ** 49 - 1], [2 ** 52 - 1, 2 ** 49 - 1], [2 ** 52 - 1, 7], [999999995, 10 ** 9],
      [15, 100000000 * 2], [1, 200000000], [2 ** 49 - 2, 2 ** 49 - 1]];
    for (let k = 0; k < 3000; k++) {
      const b = 1 + rnd(2 ** 30) * (1 + rnd(2 ** 18));
      cases.push([rnd(2) ? rnd(b + 1) : rnd(2 ** 30) * (1 + rnd(2 ** 21)), b]);
    }
    for (const [a, b] of cases) {
      for (const dp of [1, 4, 8, 12]) {
        expect(ratioDigitsSmall(a, b, dp), `${a}/${b} to ${dp}`).toBe(exact(BigInt(a), BigInt(b), dp));
        expect(ratioString(BigInt(a), BigInt(b), dp)).toBe(exact(BigInt(a), BigInt(b), dp));
      }
    }
  });
});
