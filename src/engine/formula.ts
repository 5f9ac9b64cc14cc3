/**
 * Sandboxed formulas (weights, reward eligibility). mathjs only parses; we walk the tree,
 * admit arithmetic, comparisons, logic, conditionals and a short list of functions over
 * named numeric fields, and evaluate it ourselves in decimal.js. Nothing in the expression
 * can reach mathjs' evaluate, import, createUnit or any JavaScript object.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import Decimal from 'decimal.js';
import { msg, type MsgCode, type MsgParams } from '../format/messages.ts';

const math = create({ parseDependencies: parseDependencies! }, {});
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;
export { D as FormulaDecimal };

/** A formula refused or failing: the catalogue's code and parameters (its English text as the message). */
export class FormulaError extends Error {
  readonly params: MsgParams;
  constructor(
    readonly code: MsgCode,
    params: MsgParams = {},
    /** 1-based character position in the expression, when known. */
    readonly position?: number,
  ) {
    const p = position === undefined ? params : { ...params, position };
    super(msg(code, p));
    this.params = p;
  }
}

/**
 * Bounds on what a formula may compute: every intermediate value below 10^MAX_EXPONENT in
 * size (a weight is a ratio of institutions' amounts; 10^60 is far beyond any, and keeps
 * `10^10^10` from becoming a ten-billion-digit number when it is turned into a weight).
 */
export const MAX_EXPONENT = 60;

/** Throw when `v` is not a finite number or is too large; `at` is the position of the operation. */
function bounded(v: Dec, at: number | undefined): Dec {
  if (!v.isFinite()) throw new FormulaError('formulaNaN', {}, at);
  if (!v.isZero() && v.e > MAX_EXPONENT) throw new FormulaError('formulaTooBig', { max: MAX_EXPONENT }, at);
  return v;
}

/** a^b, refused before it is computed when its size would pass the bound (or it would be a root of a negative). */
function power(a: Dec, b: Dec, at: number | undefined): Dec {
  if (!a.isZero() && !a.abs().eq(1)) {
    const digits = Math.abs(Math.log10(a.abs().toNumber()) || (a.e + 1)) * Math.abs(b.toNumber());
    if (b.isPos() && a.abs().gt(1) && digits > MAX_EXPONENT + 1) throw new FormulaError('formulaTooBig', { max: MAX_EXPONENT }, at);
    if (b.isNeg() && a.abs().lt(1) && digits > MAX_EXPONENT + 1) throw new FormulaError('formulaTooBig', { max: MAX_EXPONENT }, at);
    if (digits > 10_000) return bounded(new D(0), at); // underflows to nothing that matters to a weight
  }
  if (a.isZero() && b.isNeg()) throw new FormulaError('divisionByZero', {}, at);
  if (a.isNeg() && !b.isInteger()) throw new FormulaError('formulaNaN', {}, at);
  return bounded(a.pow(b), at);
}

type Fn = (scope: ReadonlyMap<string, Dec>) => Dec;
type Op2 = (a: Dec, b: Dec, at: number | undefined) => Dec;

export interface CompiledFormula {
  readonly source: string;
  /** Field names the formula reads. */
  readonly names: ReadonlySet<string>;
  readonly evaluate: Fn;
}

const ZERO = new D(0);
const ONE = new D(1);
const truthy = (x: Dec) => !x.isZero();
const bool = (b: boolean) => (b ? ONE : ZERO);

const BINARY: Record<string, Op2> = {
  add: (a, b, at) => bounded(a.plus(b), at),
  subtract: (a, b, at) => bounded(a.minus(b), at),
  multiply: (a, b, at) => bounded(a.times(b), at),
  divide: (a, b, at) => {
    if (b.isZero()) throw new FormulaError('divisionByZero', {}, at);
    return bounded(a.div(b), at);
  },
  pow: power,
  mod: (a, b, at) => {
    if (b.isZero()) throw new FormulaError('moduloByZero', {}, at);
    return bounded(a.mod(b), at);
  },
  larger: (a, b) => bool(a.gt(b)),
  largerEq: (a, b) => bool(a.gte(b)),
  smaller: (a, b) => bool(a.lt(b)),
  smallerEq: (a, b) => bool(a.lte(b)),
  equal: (a, b) => bool(a.eq(b)),
  unequal: (a, b) => bool(!a.eq(b)),
  and: (a, b) => bool(truthy(a) && truthy(b)),
  or: (a, b) => bool(truthy(a) || truthy(b)),
  xor: (a, b) => bool(truthy(a) !== truthy(b)),
};

const UNARY: Record<string, (a: Dec) => Dec> = {
  unaryMinus: (a) => a.neg(),
  unaryPlus: (a) => a,
  not: (a) => bool(!truthy(a)),
};

const FUNCTIONS: Record<string, { min: number; max: number; fn: (args: Dec[], at: number | undefined) => Dec }> = {
  min: { min: 1, max: 100, fn: (a) => D.min(...a) },
  max: { min: 1, max: 100, fn: (a) => D.max(...a) },
  round: { min: 1, max: 2, fn: ([x, n], at) => {
    if (n && !(n.isInteger() && n.gte(0) && n.lte(12))) throw new FormulaError('roundDigits', {}, at);
    return x!.toDecimalPlaces(n ? n.toNumber() : 0, D.ROUND_HALF_UP);
  } },
  abs: { min: 1, max: 1, fn: ([x]) => x!.abs() },
  floor: { min: 1, max: 1, fn: ([x]) => x!.floor() },
  ceil: { min: 1, max: 1, fn: ([x]) => x!.ceil() },
  sqrt: { min: 1, max: 1, fn: ([x], at) => {
    if (x!.isNeg()) throw new FormulaError('sqrtNegative', {}, at);
    return x!.sqrt();
  } },
};

export const ALLOWED_FUNCTIONS = Object.keys(FUNCTIONS);
/** Own keys only: `"constructor" in FUNCTIONS` is true through Object.prototype. */
const has = (table: object, key: string): boolean => Object.hasOwn(table, key);

/** Longest formula accepted (as the file format allows), and deepest nesting of its tree. */
export const MAX_FORMULA_CHARS = 2000;
export const MAX_FORMULA_DEPTH = 200;

/**
 * Where `token` first stands in `src`, 1-based: a name as a whole word, a symbol anywhere
 * ("!" not as part of "!=").
 */
function positionOf(src: string, token: string): number | undefined {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(token)) {
    const m = new RegExp(`(^|[^A-Za-z0-9_$])${token.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`).exec(src);
    return m ? m.index + m[1]!.length + 1 : undefined;
  }
  const at = token === '!' ? src.search(/!(?!=)/) : src.indexOf(token);
  return at >= 0 ? at + 1 : undefined;
}

/** Throw naming the offending token (`what`: how the message names it) and its position (found in `src`, unless given). */
function reject(src: string, what: string, token?: string, at?: number, code: MsgCode = 'formulaNotAllowed', params: MsgParams = { what }): never {
  const pos = at ?? (token ? positionOf(src, token) : undefined);
  throw new FormulaError(code, params, pos);
}

/** 1-based position of "." before a name (not a decimal point) or "[", whichever comes first. */
function accessPosition(src: string): number | undefined {
  const dot = src.search(/\.[A-Za-z_$]/);
  const bracket = src.indexOf('[');
  const at = dot >= 0 && (bracket < 0 || dot < bracket) ? dot : bracket;
  return at >= 0 ? at + 1 : undefined;
}

/** The first of the given symbols to occur in `src` (for nodes mathjs gives no token). */
function firstOf(src: string, symbols: readonly string[]): string | undefined {
  let best: string | undefined;
  let at = Infinity;
  for (const t of symbols) {
    const i = src.indexOf(t);
    if (i >= 0 && i < at) { at = i; best = t; }
  }
  return best;
}

/**
 * Parse and check a formula. `known` lists the field names it may read; an unknown name is
 * an error naming it and its position.
 */
export function compileFormula(source: string, known: ReadonlySet<string>): CompiledFormula {
  if (source.trim() === '') throw new FormulaError('formulaEmpty');
  if (source.length > MAX_FORMULA_CHARS) throw new FormulaError('formulaTooLong', { length: source.length, max: MAX_FORMULA_CHARS }, MAX_FORMULA_CHARS + 1);
  // Deep nesting is refused before mathjs' recursive parser can exhaust the stack.
  if (bracketDepth(source) > MAX_FORMULA_DEPTH) throw new FormulaError('formulaTooDeep', { max: MAX_FORMULA_DEPTH });
  let root: MathNode;
  try {
    root = math.parse(source) as MathNode;
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError('formulaTooDeep', { max: MAX_FORMULA_DEPTH });
    const err = e as Error & { char?: number };
    // mathjs' `char` is already 1-based (index − token length + 1).
    const pos = typeof err.char === 'number' ? err.char : undefined;
    const detail = String(err.message).replace(/\s*\(char \d+\)\s*$/, '').slice(0, 100);
    throw new FormulaError('formulaSyntax', { detail }, pos);
  }
  const names = new Set<string>();
  const cursor = new Map<string, number>();
  const evaluate = build(root, source, known, names, 0, cursor);
  // Anything a library throws while evaluating becomes our error, never its internals.
  const guarded: Fn = (scope) => {
    try {
      return evaluate(scope);
    } catch (e) {
      if (e instanceof FormulaError) throw e;
      throw new FormulaError('formulaNaN');
    }
  };
  return { source, names, evaluate: guarded };
}

function bracketDepth(src: string): number {
  let d = 0;
  let max = 0;
  for (const c of src) {
    if (c === '(' || c === '[' || c === '{') max = Math.max(max, ++d);
    else if (c === ')' || c === ']' || c === '}') d--;
  }
  return max;
}

/**
 * 1-based position of the next occurrence of `token` after the last one taken: operators and
 * function names are taken in the order they stand in the source (an in-order walk of the tree),
 * so a run-time error (division by zero) can say where it happened.
 */
function nextPosition(src: string, token: string | undefined, cursor: Map<string, number>): number | undefined {
  if (!token) return undefined;
  const from = cursor.get(token) ?? 0;
  const word = /^[A-Za-z_]/.test(token);
  let at = src.indexOf(token, from);
  while (word && at >= 0 && (/[A-Za-z0-9_$]/.test(src[at - 1] ?? '') || /[A-Za-z0-9_$]/.test(src[at + token.length] ?? ''))) at = src.indexOf(token, at + 1);
  if (at < 0) return undefined;
  cursor.set(token, at + token.length);
  return at + 1;
}

// mathjs node shapes, read only through these fields.
interface AnyNode {
  type: string;
  name?: string;
  value?: unknown;
  fn?: unknown;
  op?: string;
  args?: AnyNode[];
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
}

function build(node: MathNode, src: string, known: ReadonlySet<string>, names: Set<string>, depth: number, cursor: Map<string, number>): Fn {
  const n = node as unknown as AnyNode;
  if (depth > MAX_FORMULA_DEPTH) throw new FormulaError('formulaTooDeep', { max: MAX_FORMULA_DEPTH });
  const sub = (x: AnyNode | undefined) => build(x as unknown as MathNode, src, known, names, depth + 1, cursor);
  switch (n.type) {
    case 'ConstantNode': {
      if (typeof n.value === 'number' && Number.isFinite(n.value)) {
        const v = bounded(new D(String(n.value)), undefined);
        return () => v;
      }
      if (typeof n.value === 'boolean') {
        const v = bool(n.value);
        return () => v;
      }
      if (typeof n.value === 'string') {
        const q = firstOf(src, ['"', "'"]);
        return reject(src, `text values (${q ?? '"'}${n.value.slice(0, 20)}${q ?? '"'})`, q);
      }
      if (typeof n.value === 'number') throw new FormulaError('formulaTooBig', { max: MAX_EXPONENT });
      return reject(src, `the constant ${JSON.stringify(String(n.value).slice(0, 20))}`);
    }
    case 'SymbolNode': {
      const name = n.name!;
      if (!known.has(name)) {
        if (has(FUNCTIONS, name)) reject(src, '', name, undefined, 'formulaFunctionNoArgs', { name });
        reject(src, '', name, undefined, 'formulaUnknownName', { name: name.slice(0, 40) });
      }
      names.add(name);
      return (scope) => {
        const v = scope.get(name);
        if (v === undefined) throw new FormulaError('formulaNoValue', { field: name });
        return v;
      };
    }
    case 'ParenthesisNode':
      return sub(n.content);
    case 'ConditionalNode': {
      const c = sub(n.condition);
      const t = sub(n.trueExpr);
      const f = sub(n.falseExpr);
      return (s) => (truthy(c(s)) ? t(s) : f(s));
    }
    case 'OperatorNode': {
      const fnName = String(n.fn);
      if ((n.args ?? []).length === 2 && has(BINARY, fnName)) {
        const op = BINARY[fnName]!;
        const a = sub(n.args![0]);
        const at = nextPosition(src, n.op, cursor);
        const b = sub(n.args![1]);
        return (s) => op(a(s), b(s), at);
      }
      const args = (n.args ?? []).map(sub);
      if (args.length === 1 && has(UNARY, fnName)) {
        const op = UNARY[fnName]!;
        const [a] = args as [Fn];
        return (s) => op(a(s));
      }
      return reject(src, `the operator "${n.op}"`, n.op);
    }
    case 'FunctionNode': {
      const callee = n.fn as AnyNode;
      const name = callee?.type === 'SymbolNode' ? callee.name! : undefined;
      if (!name || !has(FUNCTIONS, name)) return reject(src, name ? `the function "${name.slice(0, 40)}"` : 'this call', name);
      const spec = FUNCTIONS[name]!;
      const argc = n.args?.length ?? 0;
      if (argc < spec.min || argc > spec.max) {
        reject(src, '', name, undefined, 'formulaArgs', { name, expected: spec.min === spec.max ? spec.min : `${spec.min}–${spec.max}`, found: argc });
      }
      const at = nextPosition(src, name, cursor);
      const args = (n.args ?? []).map(sub);
      return (s) => bounded(spec.fn(args.map((a) => a(s)), at), at);
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return reject(src, 'assignments ("=") and function definitions', '=');
    case 'AccessorNode':
    case 'IndexNode':
      return reject(src, 'property access (".") and indexing ("[")', undefined, accessPosition(src));
    case 'BlockNode':
      return reject(src, 'more than one expression (";" or line breaks)', firstOf(src, [';', '\n']));
    case 'ArrayNode':
      return reject(src, 'lists ("[")', '[');
    case 'ObjectNode':
      return reject(src, 'objects ("{")', '{');
    case 'RangeNode':
      return reject(src, 'ranges (":")', ':');
    default:
      return reject(src, `${n.type.replace(/Node$/, '').toLowerCase()} expressions`);
  }
}

/** Identifiers usable in a formula. */
export const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
