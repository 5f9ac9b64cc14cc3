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
const RULE = 'only arithmetic (+ − × ÷ ^ mod), comparisons, and/or/not, "c ? a : b", the functions min, max, round, abs, floor, ceil, sqrt and the institution\'s own fields are allowed';

/** Where `word` first stands as a whole token in `src`, 1-based. */
function positionOf(src: string, word: string): number | undefined {
  const re = new RegExp(`(^|[^A-Za-z0-9_$])${word.replace(/[^A-Za-z0-9_$]/g, '\\$&')}(?![A-Za-z0-9_$])`);
  const m = re.exec(src);
  return m ? m.index + m[1]!.length + 1 : undefined;
}

function reject(src: string, what: string, token?: string): never {
  const pos = token ? positionOf(src, token) : undefined;
  throw new FormulaError(`${what}${pos ? ` at position ${pos}` : ''}: ${RULE}`, pos);
}

/**
 * Parse and check a formula. `known` lists the field names it may read; an unknown name is
 * an error naming it and its position.
 */
export function compileFormula(source: string, known: ReadonlySet<string>): CompiledFormula {
  if (source.trim() === '') throw new FormulaError('the formula is empty');
  let root: MathNode;
  try {
    root = math.parse(source) as MathNode;
  } catch (e) {
    const err = e as Error & { char?: number };
    const pos = typeof err.char === 'number' ? err.char + 1 : undefined;
    const msg = err.message.replace(/\s*\(char \d+\)\s*$/, '');
    throw new FormulaError(`does not parse: ${msg}${pos ? ` at position ${pos}` : ''}`, pos);
  }
  const names = new Set<string>();
  const evaluate = build(root, source, known, names);
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

function build(node: MathNode, src: string, known: ReadonlySet<string>, names: Set<string>): Fn {
  const n = node as unknown as AnyNode;
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
      return reject(src, typeof n.value === 'string' ? 'text values are not allowed' : 'this constant is not allowed');
    }
    case 'SymbolNode': {
      const name = n.name!;
      if (!known.has(name)) {
        if (name in FUNCTIONS) reject(src, `"${name}" is a function and must be called with arguments`, name);
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
      return build(n.content as unknown as MathNode, src, known, names);
    case 'ConditionalNode': {
      const c = build(n.condition as unknown as MathNode, src, known, names);
      const t = build(n.trueExpr as unknown as MathNode, src, known, names);
      const f = build(n.falseExpr as unknown as MathNode, src, known, names);
      return (s) => (truthy(c(s)) ? t(s) : f(s));
    }
    case 'OperatorNode': {
      const fnName = String(n.fn);
      const args = (n.args ?? []).map((a) => build(a as unknown as MathNode, src, known, names));
      if (args.length === 2 && fnName in BINARY) {
        const op = BINARY[fnName]!;
        const [a, b] = args as [Fn, Fn];
        return (s) => op(a(s), b(s));
      }
      if (args.length === 1 && fnName in UNARY) {
        const op = UNARY[fnName]!;
        const [a] = args as [Fn];
        return (s) => op(a(s));
      }
      return reject(src, `the operator "${n.op}" is not allowed`, n.op);
    }
    case 'FunctionNode': {
      const callee = n.fn as AnyNode;
      const name = callee?.type === 'SymbolNode' ? callee.name! : undefined;
      if (!name || !(name in FUNCTIONS)) return reject(src, name ? `the function "${name}" is not allowed` : 'this call is not allowed', name);
      const spec = FUNCTIONS[name]!;
      const argc = n.args?.length ?? 0;
      if (argc < spec.min || argc > spec.max) {
        reject(src, `"${name}" takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} argument(s), not ${argc}`, name);
      }
      const args = (n.args ?? []).map((a) => build(a as unknown as MathNode, src, known, names));
      return (s) => spec.fn(args.map((a) => a(s)));
    }
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return reject(src, 'assignments and function definitions are not allowed', n.name);
    case 'AccessorNode':
    case 'IndexNode':
      return reject(src, 'property access and indexing are not allowed', n.name);
    case 'BlockNode':
      return reject(src, 'only one expression is allowed (no ";" or line breaks)');
    default:
      return reject(src, `${n.type.replace(/Node$/, '').toLowerCase()} expressions are not allowed`);
  }
}

/** Identifiers usable in a formula. */
export const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
