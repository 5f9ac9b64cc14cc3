/**
 * The formula sandbox: mathjs only parses; anything beyond arithmetic, comparisons, logic,
 * conditionals, a few functions and the institution's own fields is refused when the formula
 * is compiled (never at run time), with the offending token and its 1-based position.
 */
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaError, FormulaDecimal as D, MAX_FORMULA_CHARS, type CompiledFormula } from '../../src/engine/formula.ts';

const known = new Set(['x', 'y', 'a', 'b', 'historyLast', 'score']);

function compileError(src: string): FormulaError {
  try {
    compileFormula(src, known);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return e as FormulaError;
  }
  throw new Error(`expected ${JSON.stringify(src)} to be refused at compile time`);
}

describe('hostile expressions are refused at compile time, naming the token and its position', () => {
  // [expression, text the message must contain (the token), 1-based position]
  const cases: [string, string, number][] = [
    ['import({})', '"import"', 1],
    ['evaluate("1")', '"evaluate"', 1],
    ['createUnit("x")', '"createUnit"', 1],
    ['parse("1")', '"parse"', 1],
    ['compile("1")', '"compile"', 1],
    ['x + simplify("x")', '"simplify"', 5],
    ['constructor', '"constructor"', 1],
    ['constructor(1)', '"constructor"', 1],
    ['toString(x)', '"toString"', 1],
    ['valueOf(2)', '"valueOf"', 1],
    ['hasOwnProperty(x)', '"hasOwnProperty"', 1],
    ['__proto__', '"__proto__"', 1],
    ['__proto__(1)', '"__proto__"', 1],
    ['this', '"this"', 1],
    ['pi * x', '"pi"', 1],
    ['f(x) = x', '"="', 6],
    ['x = 1', '"="', 3],
    ['a.b', '"."', 2],
    ['1.5 + a.b', '"."', 8],
    ['a["constructor"]', '"["', 2],
    ['x + a[1]', '"["', 6],
    ['[1,2]', '"["', 1],
    ['x + {a: 1}', '"{"', 5],
    ['1:3', '":"', 2],
    ['a; b', '";"', 2],
    ['a\nb', 'line breaks', 2],
    ['"text"', '"text"', 1],
    ["x + 'text'", "'text'", 5],
    ['5 cm', '"cm"', 3],
    ["x'", `"'"`, 2],
    ['3!', '"!"', 2],
    ['x != 1 and 3!', '"!"', 13],
    ['x to b', '"to"', 3],
    ['x in b', '"in"', 3],
    ['x & b', '"&"', 3],
    ['x | b', '"|"', 3],
    ['x << 1', '"<<"', 3],
    ['round', '"round"', 1],
    ['round(x, 1, 2)', '"round"', 1],
    ['min()', '"min"', 1],
    ['unknownField + 1', '"unknownField"', 1],
  ];

  it.each(cases)('%j', (src, token, pos) => {
    const e = compileError(src);
    expect(e.message).toContain(token);
    expect(e.position).toBe(pos);
    expect(e.message).toContain(`at position ${pos}`);
  });

  it('refuses a very long expression before parsing it', () => {
    const long = Array.from({ length: 1500 }, () => 'x').join('+'); // 2,999 characters
    const e = compileError(long);
    expect(e.message).toMatch(/too long \(2999 characters; at most 2000\)/);
    expect(e.position).toBe(MAX_FORMULA_CHARS + 1);
    const huge = '1+'.repeat(50_000) + '1';
    expect(compileError(huge).message).toMatch(/too long/);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    expect(compileError('('.repeat(900) + 'x' + ')'.repeat(900)).message).toMatch(/nested too deeply/);
    expect(compileError('-'.repeat(1500) + 'x').message).toMatch(/nested too deeply/);
    expect(compileError(Array.from({ length: 600 }, () => 'x').join('+')).message).toMatch(/nested too deeply/);
  });

  it('refuses constants that are not finite numbers or booleans', () => {
    expect(compileError('1e400').message).toMatch(/too large/);
    expect(compileError('null').message).toMatch(/constant "null" is not allowed/);
    expect(compileError('undefined').message).toMatch(/constant "undefined" is not allowed/);
  });

  it('reports where a formula fails to parse (1-based)', () => {
    const e = compileError('1 + * 2');
    expect(e.message).toMatch(/^does not parse: Value expected at position 5/);
    expect(e.position).toBe(5);
    expect(compileError('(x + 1').position).toBe(7); // one past the end: ")" expected
    expect(compileError('x ? 1').message).toMatch(/does not parse/);
  });

  it('refuses an empty formula', () => {
    expect(compileError('   ').message).toBe('the formula is empty');
  });

  it('every refusal states the rule', () => {
    expect(compileError('import({})').message).toMatch(/only arithmetic .* are allowed/);
  });
});

describe('allowed expressions compute exactly in decimals', () => {
  const scope = new Map([
    ['x', new D('2.5')], ['y', new D('-2.5')], ['a', new D(1)], ['b', new D(0)], ['historyLast', new D('1000000.07')],
  ]);
  const ev = (src: string, s: ReadonlyMap<string, InstanceType<typeof D>> = scope) => compileFormula(src, known).evaluate(s).toString();

  it('decimal arithmetic is exact', () => {
    expect(ev('0.1 + 0.2 == 0.3')).toBe('1');
    expect(ev('0.1 + 0.2')).toBe('0.3');
    expect(ev('0.1 * 3')).toBe('0.3');
    expect(ev('1.1 * 1.1')).toBe('1.21');
    expect(ev('historyLast * 1.05')).toBe('1050000.0735');
    expect(ev('7 / 4')).toBe('1.75');
    expect(ev('2 ^ 10')).toBe('1024');
    expect(ev('7 mod 3')).toBe('1');
    expect(ev('-x + +a')).toBe('-1.5');
    expect(ev('2x')).toBe('5'); // implicit multiplication
  });

  it('round is half-up (away from zero on .5), with optional places', () => {
    expect(ev('round(2.5)')).toBe('3');
    expect(ev('round(x)')).toBe('3');
    expect(ev('round(y)')).toBe('-3');
    expect(ev('round(2.4999)')).toBe('2');
    expect(ev('round(1.005, 2)')).toBe('1.01'); // binary floats give 1.00
    expect(ev('round(historyLast, 1)')).toBe('1000000.1');
  });

  it('min, max, abs, floor, ceil, sqrt', () => {
    expect(ev('min(3, 1.5, 2)')).toBe('1.5');
    expect(ev('max(3, 1.5, 2)')).toBe('3');
    expect(ev('max(x)')).toBe('2.5');
    expect(ev('abs(y)')).toBe('2.5');
    expect(ev('floor(y)')).toBe('-3');
    expect(ev('ceil(y)')).toBe('-2');
    expect(ev('sqrt(6.25)')).toBe('2.5');
  });

  it('comparisons, conditionals and and/or/not/xor', () => {
    expect(ev('x > 2 ? 10 : 20')).toBe('10');
    expect(ev('x >= 2.5 ? 10 : 20')).toBe('10');
    expect(ev('x < 2.5 ? 10 : 20')).toBe('20');
    expect(ev('x <= 2.5 and y != 0')).toBe('1');
    expect(ev('a and b')).toBe('0');
    expect(ev('a or b')).toBe('1');
    expect(ev('not b')).toBe('1');
    expect(ev('not a')).toBe('0');
    expect(ev('a xor a')).toBe('0');
    expect(ev('true and not false')).toBe('1');
    expect(ev('(x > 1) * 100')).toBe('100');
    expect(ev('a ? (b ? 1 : 2) : 3')).toBe('2');
  });

  it('lists the names a formula reads', () => {
    const f: CompiledFormula = compileFormula('max(x, historyLast) + (a ? y : 0)', known);
    expect([...f.names].sort()).toEqual(['a', 'historyLast', 'x', 'y']);
    expect(f.source).toBe('max(x, historyLast) + (a ? y : 0)');
  });

  it('fails at run time only for values: division by zero, missing field, negative root', () => {
    expect(() => ev('x / b')).toThrow(/division by zero/);
    expect(() => ev('x mod b')).toThrow(/modulo by zero/);
    expect(() => ev('sqrt(y)')).toThrow(/square root of a negative/);
    expect(() => ev('score + 1')).toThrow(/"score" has no value/);
  });

  it('the same formula gives the same value every time', () => {
    const f = compileFormula('round(historyLast * 1.0375 / 3, 4)', known);
    const v = f.evaluate(scope).toString();
    expect(v).toBe('345833.3575');
    for (let i = 0; i < 5; i++) expect(f.evaluate(scope).toString()).toBe(v);
  });
});
