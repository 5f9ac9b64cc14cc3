/**
 * Sandboxed formulas (weights, reward eligibility). mathjs only parses; we walk the tree,
 * admit arithmetic, comparisons, logic, conditionals and a short list of functions over
 * named numeric fields, and evaluate it ourselves in decimal.js. Nothing in the expression
 * can reach mathjs' evaluate, import, createUnit or any JavaScript object.
 */
import { create, parseDependencies, type MathNode } from 'mathjs';
import Decimal from 'decimal.js';

const math = create({ parseDependencies: parseDependencies! }, {});
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;
export { D as FormulaDecimal };

export class FormulaError extends Error {
  constructor(
    message: string,
    /** 1-based character position in the expression, when known. */
    readonly position?: number,
  ) {
    super(message);
  }
}

type Fn = (scope: ReadonlyMap<string, Dec>) => Dec;

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

const BINARY: Record<string, (a: Dec, b: Dec) => Dec> = {
  add: (a, b) => a.plus(b),
  subtract: (a, b) => a.minus(b),
  multiply: (a, b) => a.times(b),
  divide: (a, b) => {
    if (b.isZero()) throw new FormulaError('division by zero');
    return a.div(b);
  },
  pow: (a, b) => a.pow(b),
  mod: (a, b) => {
    if (b.isZero()) throw new FormulaError('modulo by zero');
    return a.mod(b);
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

const FUNCTIONS: Record<string, { min: number; max: number; fn: (args: Dec[]) => Dec }> = {
  min: { min: 1, max: 100, fn: (a) => D.min(...a) },
  max: { min: 1, max: 100, fn: (a) => D.max(...a) },
  round: { min: 1, max: 2, fn: ([x, n]) => x!.toDecimalPlaces(n ? n.toNumber() : 0, D.ROUND_HALF_UP) },
  abs: { min: 1, max: 1, fn: ([x]) => x!.abs() },
  floor: { min: 1, max: 1, fn: ([x]) => x!.floor() },
  ceil: { min: 1, max: 1, fn: ([x]) => x!.ceil() },
  sqrt: { min: 1, max: 1, fn: ([x]) => {
    if (x!.isNeg()) throw new FormulaError('square root of a negative number');
    return x!.sqrt();
  } },
};

export const ALLOWED_FUNCTIONS = Object.keys(FUNCTIONS);
/** Own keys only: `"constructor" in FUNCTIONS` is true through Object.prototype. */
const has = (table: object, key: string): boolean => Object.hasOwn(table, key);

/** Longest formula accepted (as the file format allows), and deepest nesting of its tree. */
export const MAX_FORMULA_CHARS = 2000;
export const MAX_FORMULA_DEPTH = 200;
const RULE = 'only arithmetic (+ − × ÷ ^ mod), comparisons, and/or/not, "c ? a : b", the functions min, max, round, abs, floor, ceil, sqrt and the institution\'s own fields are allowed';

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

/** Throw naming the offending token and its position (found in `src`, unless given). */
function reject(src: string, what: string, token?: string, at?: number): never {
  const pos = at ?? (token ? positionOf(src, token) : undefined);
  throw new FormulaError(`${what}${pos ? ` at position ${pos}` : ''}: ${RULE}`, pos);
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
  if (source.trim() === '') throw new FormulaError('the formula is empty');
  if (source.length > MAX_FORMULA_CHARS) throw new FormulaError(`the formula is too long (${source.length} characters; at most ${MAX_FORMULA_CHARS})`, MAX_FORMULA_CHARS + 1);
  let root: MathNode;
  try {
    root = math.parse(source) as MathNode;
  } catch (e) {
    if (e instanceof RangeError) throw new FormulaError(`the formula is nested too deeply (at most ${MAX_FORMULA_DEPTH} levels)`);
    const err = e as Error & { char?: number };
    // mathjs' `char` is already 1-based (index − token length + 1).
    const pos = typeof err.char === 'number' ? err.char : undefined;
    const msg = err.message.replace(/\s*\(char \d+\)\s*$/, '');
    throw new FormulaError(`does not parse: ${msg}${pos ? ` at position ${pos}` : ''}`, pos);
  }
  const names = new Set<string>();
  const evaluate = build(root, source, known, names, 0);
  return { source, names, evaluate };
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

function build(node: MathNode, src: string, known: ReadonlySet<string>, names: Set<string>, depth: number): Fn {
  const n = node as unknown as AnyNode;
  if (depth > MAX_FORMULA_DEPTH) throw new FormulaError(`the formula is nested too deeply (at most ${MAX_FORMULA_DEPTH} levels)`);
  const sub = (x: AnyNode | undefined) => build(x as unknown as MathNode, src, known, names, depth + 1);
  switch (n.type) {
    case 'ConstantNode': {
      if (typeof n.value === 'number' && Number.isFinite(n.value)) {
        const v = new D(String(n.value));
        return () => v;
      }
      if (typeof n.value === 'boolean') {
        const v = bool(n.value);
        return () => v;
      }
      if (typeof n.value === 'string') {
        const q = firstOf(src, ['"', "'"]);
        return reject(src, `text values (${q ?? '"'}${n.value.slice(0, 20)}${q ?? '"'}) are not allowed`, q);
      }
      return reject(src, `the constant ${JSON.stringify(String(n.value))} is not allowed`);
    }
    case 'SymbolNode': {
      const name = n.name!;
      if (!known.has(name)) {
        if (has(FUNCTIONS, name)) reject(src, `"${name}" is a function and must be called with arguments`, name);
        reject(src, `unknown name "${name}"`, name);
      }
      names.add(name);
      return (scope) => {
        const v = scope.get(name);
        if (v === undefined) throw new FormulaError(`the field "${name}" has no value for this institution`);
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
      const args = (n.args ?? []).map(sub);
      if (args.length === 2 && has(BINARY, fnName)) {
        const op = BINARY[fnName]!;
        const [a, b] = args as [Fn, Fn];
        return (s) => op(a(s), b(s));
      }
      if (args.length === 1 && has(UNARY, fnName)) {
        const op = UNARY[fnName]!;
        const [a] = args as [Fn];
        return (s) => op(a(s));
      }
      return reject(src, `the operator "${n.op}" is not allowed`, n.op);
    }
    case 'FunctionNode': {
      const callee = n.fn as AnyNode;
      const name = callee?.type === 'SymbolNode' ? callee.name! : undefined;
      if (!name || !has(FUNCTIONS, name)) return reject(src, name ? `the function "${name}" is not allowed` : 'this call is not allowed', name);
      const spec = FUNCTIONS[name]!;
      const argc = n.args?.length ?? 0;
      if (argc < spec.min || argc > spec.max) {
        reject(src, `"${name}" takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} argument(s), not ${argc}`, name);
      }
      const args = (n.args ?? []).map(sub);
      return (s) => spec.fn(args.map((a) => a(s)));
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return reject(src, 'assignments ("=") and function definitions are not allowed', '=');
    case 'AccessorNode':
    case 'IndexNode':
      return reject(src, 'property access (".") and indexing ("[") are not allowed', undefined, accessPosition(src));
    case 'BlockNode':
      return reject(src, 'only one expression is allowed (no ";" or line breaks)', firstOf(src, [';', '\n']));
    case 'ArrayNode':
      return reject(src, 'lists ("[") are not allowed', '[');
    case 'ObjectNode':
      return reject(src, 'objects ("{") are not allowed', '{');
    case 'RangeNode':
      return reject(src, 'ranges (":") are not allowed', ':');
    default:
      return reject(src, `${n.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`);
  }
}

/** Identifiers usable in a formula. */
export const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
