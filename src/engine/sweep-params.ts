/**
 * The numeric parameters of a scenario that can be swept (DESIGN §9): their paths, kind
 * (amount / rate / share, and the scores and counts of institutions), allowed range and
 * precision, and a copy-on-write setter. Paths are written as the validator prints them:
 * `fund.adjustmentFundRate`, `policy.surplus.tiers[0].share`, `policy.deposit.rates.hospital`,
 * `policy.levelCoefficients["三级"]`, `hospitals[id=T01].lockedTarget` (or `hospitals[3]…`).
 */
import { DEC_ONE, decimalsOf, formatDecimal, formatFixed, parseDecimal } from './decimal.ts';
import type { Scenario } from '../format/types.ts';
import { issueOf, type Issue } from '../format/issues.ts';
import { msg, type MsgCode, type MsgParams } from '../format/messages.ts';

export type Seg = string | number;
export type ParamKind = 'amount' | 'rate' | 'share' | 'score' | 'count';

export interface ParamInfo {
  /** The path in its canonical printed form (ids kept as written for institutions). */
  path: string;
  /** Concrete segments into the scenario (list elements by index). */
  segments: Seg[];
  kind: ParamKind;
  /** Decimals the file keeps for it: 2 for amounts, 0 for counts, 12 otherwise. */
  dp: number;
  /** Range as decimal strings; null = unbounded. `minOpen`: the minimum itself is excluded. */
  min: string | null;
  minOpen: boolean;
  max: string | null;
  /** How the value is written in the file. */
  written: 'string' | 'number';
  /** The scenario's value as a decimal string; null when not set (or an open tier bound). */
  current: string | null;
  /** A ratio (shares, rates of the target, growth): read and typed as a percentage; coefficients, weights and months are not. */
  percent: boolean;
}

interface Rule { kind: ParamKind; min?: string | null; minOpen?: boolean; max?: string | null; percent?: boolean }

const amount: Rule = { kind: 'amount' };
const share: Rule = { kind: 'share', percent: true };
const rate: Rule = { kind: 'rate' };
/** A rate of the target (a tier's bound, a cap): ≥ 0, read as a percentage. */
const ofTarget: Rule = { kind: 'rate', percent: true };
const growth: Rule = { kind: 'rate', min: '-1', minOpen: true, percent: true };
const score: Rule = { kind: 'score' };
const count: Rule = { kind: 'count' };

/** Pattern → rule; `[]` is a list element, `*` any key of a map (as in workspace/labels.ts). */
const RULES: [string, Rule][] = [
  ['fund.budget', amount], ['fund.revenue', amount], ['fund.openingBalance', amount],
  ['fund.riskReserveRate', share], ['fund.adjustmentFundRate', share], ['fund.adjustmentTopUpCap', amount],
  ['fund.carveOuts[].amount', amount],
  ['policy.pools[].share', share],
  ['policy.historyWeights[]', rate],
  ['policy.levelCoefficients.*', rate], ['policy.categoryCoefficients.*', rate],
  ['policy.deposit.rates.*', share],
  ['policy.monthlyProfile[]', rate],
  ['policy.surplus.tiers[].upTo', ofTarget], ['policy.surplus.tiers[].share', share], ['policy.surplus.cap', ofTarget],
  ['policy.overspend.tiers[].upTo', ofTarget], ['policy.overspend.tiers[].share', share],
  ['policy.overspend.reasonableShare', share], ['policy.overspend.cap', ofTarget],
  ['policy.quality.points[].score', score], ['policy.quality.points[].ratio', share],
  ['policy.quality.indicators[].weight', rate],
  ['policy.growth.region', growth], ['policy.growth.byCategory.*', growth],
  ['policy.advance.months', { kind: 'rate', max: '12' }],
  ['hospitals[].history[]', amount], ['hospitals[].lockedTarget', amount], ['hospitals[].growth', growth],
  ['hospitals[].deductions', amount], ['hospitals[].score', score], ['hospitals[].indicators.*', score],
  ['hospitals[].volume', count], ['hospitals[].volumeFloor', count],
];

const DEFAULT_RANGE: Record<ParamKind, { min: string | null; max: string | null; dp: number; written: 'string' | 'number' }> = {
  amount: { min: '0', max: '9999999999999.99', dp: 2, written: 'string' },
  rate: { min: '0', max: null, dp: 12, written: 'string' },
  share: { min: '0', max: '1', dp: 12, written: 'string' },
  score: { min: '0', max: '100', dp: 12, written: 'number' },
  count: { min: '0', max: '9007199254740991', dp: 0, written: 'number' },
};

const RULE_TOKENS = RULES.map(([p, r]) => [p.replaceAll('[]', '.[]').split('.'), r] as const);

function ruleOf(segments: readonly Seg[]): Rule | null {
  const tokens = segments.map((s) => (typeof s === 'number' ? '[]' : s));
  for (const [pattern, rule] of RULE_TOKENS) {
    if (pattern.length !== tokens.length) continue;
    if (pattern.every((p, i) => (p === '*' ? tokens[i] !== '[]' : p === tokens[i]))) return rule;
  }
  return null;
}

/** A parsed path segment before resolution: a key, an index, or an element named by id. */
type RawSeg = { key: string } | { index: number } | { id: string };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export class PathError extends Error {
  constructor(readonly path: string, readonly position: number, readonly detail: string) {
    super(msg('notParamPath', { path, position, detail }));
  }
}

/** Why a value or path is refused: a message of the catalogue. */
export interface Why { code: MsgCode; params?: MsgParams }
const no = (code: MsgCode, params?: MsgParams): { ok: false; issue: Issue } => ({ ok: false, issue: issueOf('', code, params) });

/** `a.b[2]["k"][id=X]` → raw segments. */
export function parsePath(path: string): RawSeg[] {
  const out: RawSeg[] = [];
  let i = 0;
  const n = path.length;
  const fail = (why: string): never => { throw new PathError(path, i + 1, why); };
  while (i < n) {
    const c = path[i]!;
    if (c === '[') {
      const close = findClose(path, i);
      if (close < 0) fail('unclosed "["');
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push({ index: Number(inner) });
      else if (inner.startsWith('"')) out.push({ key: parseJsonString(inner) ?? fail('bad quoted key') });
      else if (inner.startsWith('id=')) {
        const v = inner.slice(3);
        out.push({ id: v.startsWith('"') ? parseJsonString(v) ?? fail('bad quoted id') : v });
      } else fail('expected an index, a quoted key or id=…');
      i = close + 1;
    } else {
      if (c === '.') {
        if (out.length === 0) fail('a leading "."');
        i++;
      } else if (out.length > 0) fail('expected "." or "["');
      let j = i;
      while (j < n && path[j] !== '.' && path[j] !== '[') j++;
      if (j === i) fail('an empty key');
      out.push({ key: path.slice(i, j) });
      i = j;
    }
  }
  if (out.length === 0) fail('empty');
  return out;
}

function findClose(s: string, open: number): number {
  let inStr = false;
  for (let k = open + 1; k < s.length; k++) {
    const ch = s[k];
    if (inStr) {
      if (ch === '\\') k++;
      else if (ch === '"') inStr = false;
    } else if (ch === '"') inStr = true;
    else if (ch === ']') return k;
  }
  return -1;
}

function parseJsonString(s: string): string | null {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Printed form of concrete segments (`hospitals[id=X]` kept for institutions). */
export function printPath(segments: readonly Seg[], s?: Scenario): string {
  let out = '';
  segments.forEach((seg, k) => {
    if (typeof seg === 'number') {
      const id = k === 1 && segments[0] === 'hospitals' ? s?.hospitals[seg]?.id : undefined;
      out += id !== undefined ? `[id=${/^[^\]["'\s=]+$/.test(id) ? id : JSON.stringify(id)}]` : `[${seg}]`;
    } else if (IDENT.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  });
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The parameter at `path` in `s`: its kind, range and current value; or why it cannot be
 * swept (not a numeric parameter, no such element, parent not set).
 */
export function resolveParam(s: Scenario, path: string): { ok: true; param: ParamInfo } | { ok: false; issue: Issue } {
  let raw: RawSeg[];
  try {
    raw = parsePath(path);
  } catch (e) {
    if (e instanceof PathError) return no('notParamPath', { path: e.path, position: e.position, detail: e.detail });
    throw e;
  }
  const segments: Seg[] = [];
  let node: unknown = s;
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    const last = k === raw.length - 1;
    const where = printPath(segments, s) || 'the scenario';
    if ('key' in r) {
      if (!isObj(node)) return no('paramNotObject', { where });
      if (!last && !Object.hasOwn(node, r.key)) return no('paramNotSet', { where: printPath([...segments, r.key], s) });
      segments.push(r.key);
      node = Object.hasOwn(node, r.key) ? node[r.key] : undefined;
    } else {
      if (!Array.isArray(node)) return no('paramNotList', { where });
      const i = 'index' in r ? r.index : node.findIndex((x) => isObj(x) && x.id === r.id);
      if (i < 0 || i >= node.length) return 'id' in r ? no('paramNoId', { where, id: r.id }) : no('paramNoIndex', { where, index: i, count: node.length });
      segments.push(i);
      node = node[i];
    }
  }
  const rule = ruleOf(segments);
  if (!rule) return no('paramNotSweepable', { where: printPath(segments, s) });
  return { ok: true, param: infoOf(segments, rule, node, s) };
}

function infoOf(segments: Seg[], rule: Rule, value: unknown, s: Scenario): ParamInfo {
  const d = DEFAULT_RANGE[rule.kind];
  const x = typeof value === 'string' || typeof value === 'number' ? parseDecimal(value) : null;
  return {
    path: printPath(segments, s),
    segments,
    kind: rule.kind,
    dp: d.dp,
    min: rule.min === undefined ? d.min : rule.min,
    minOpen: rule.minOpen ?? false,
    max: rule.max === undefined ? d.max : rule.max,
    written: d.written,
    current: x === null ? null : showValue(rule.kind, x),
    percent: rule.percent ?? false,
  };
}

/** A value as shown and reported: amounts with 2 decimals, others in their shortest form. */
export function showValue(kind: ParamKind, x: bigint): string {
  return kind === 'amount' ? formatFixed(x, 2) : formatDecimal(x);
}

/** Why `x` is not an allowed value of the parameter, or null when it is. */
export function checkValue(p: ParamInfo, x: bigint): Why | null {
  const min = p.min === null ? null : parseDecimal(p.min)!;
  const max = p.max === null ? null : parseDecimal(p.max)!;
  const range: Why = p.kind === 'share' ? { code: 'between01' }
    : p.kind === 'score' ? { code: 'score' }
    : p.minOpen ? { code: 'greaterThanMin', params: { min: p.min ?? '' } }
    : max !== null && p.kind === 'rate' ? { code: 'betweenRange', params: { min: p.min ?? '', max: p.max ?? '' } }
    : { code: 'notNegative' };
  if (min !== null && (p.minOpen ? x <= min : x < min)) return range;
  if (max !== null && x > max) return p.kind === 'amount' || p.kind === 'count' ? { code: 'atMost', params: { max: p.max ?? '' } } : range;
  if (decimalsOf(x) > p.dp) return p.dp === 0 ? { code: 'whole' } : { code: 'atMostDecimals', params: { dp: p.dp } };
  return null;
}

/** The value as the file writes it: amounts with 2 decimals, rates as strings, scores and counts as numbers. */
export function writtenValue(p: ParamInfo, x: bigint): string | number {
  return p.written === 'number' ? Number(formatDecimal(x)) : showValue(p.kind, x);
}

/** A copy of `s` with `value` at `segments`; containers on the path are copied, the rest shared. */
export function setAt<T>(root: T, segments: readonly Seg[], value: unknown): T {
  const put = (node: unknown, k: number): unknown => {
    if (k === segments.length) return value;
    const seg = segments[k]!;
    if (Array.isArray(node)) {
      const c = node.slice();
      c[seg as number] = put(node[seg as number], k + 1);
      return c;
    }
    const o = { ...(node as Record<string, unknown>) };
    o[seg as string] = put(o[seg as string], k + 1);
    return o;
  };
  return put(root, 0) as T;
}

/**
 * Every parameter of the fund and the policy that can be swept and is set in the file, in file
 * order. With `hospitals`, every institution's too (long for a large city). Absent optional
 * parameters (e.g. `fund.adjustmentTopUpCap`) can still be swept by their path.
 */
export function sweepableParams(s: Scenario, opts: { hospitals?: boolean } = {}): ParamInfo[] {
  const out: ParamInfo[] = [];
  const walk = (node: unknown, segments: Seg[]): void => {
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...segments, i]));
    else if (isObj(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...segments, k]);
    } else if (typeof node === 'string' || typeof node === 'number') {
      const rule = ruleOf(segments);
      if (rule && parseDecimal(node) !== null) out.push(infoOf(segments, rule, node, s));
    }
  };
  walk(s.fund, ['fund']);
  walk(s.policy, ['policy']);
  if (opts.hospitals) walk(s.hospitals, ['hospitals']);
  return out;
}

/** The scaled value of a decimal string known to be valid. */
export const dec = (s: string): bigint => parseDecimal(s)!;

export { DEC_ONE };
