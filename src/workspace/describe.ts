/**
 * One line of text per change, for the variant's "what changed" list:
 * `保证金比例（医院）：10% → 8%`, `H003 某医院 · 锁定目标：（未设置）→ 1,200,000.00 元` (rates as percentages,
 * amounts with separators).
 */
import type { Scenario } from '../format/types.ts';
import type { Change } from './types.ts';
import { isPlainObject } from '../format/json.ts';
import { indexOfId, idOf } from './ids.ts';
import { segmentId } from './paths.ts';
import { HOSPITAL_LABELS, HOSPITAL_WORD, LABELS, term, type Label } from './labels.ts';
import type { Lang } from '../display/lang.ts';
import { grouped, shiftPoint } from '../display/number.ts';
import { yearName } from '../display/glossary.ts';
import { formatPath, type Path } from '../format/path.ts';

type Seg = string | number;

const WORDS = {
  zh: { sep: '：', unset: '（未设置）', none: '（无）', yes: '是', no: '否', items: (n: number) => `（${n}项）`, added: '新增', removed: '删除', replaced: '替换' },
  en: { sep: ': ', unset: '(not set)', none: '(none)', yes: 'yes', no: 'no', items: (n: number) => `(${n} items)`, added: 'added', removed: 'removed',
    replaced: 'replaced' },
} as const;

export function describeChange(c: Change, base: Scenario, lang: Lang): string {
  const w = WORDS[lang];
  const after = c.op === 'set' ? c.value : undefined;
  const label = labelOf(c.path, base, lang, after);
  const before = valueAt(base, c.path);
  if (isElementSeg(c.path[c.path.length - 1]) && (isPlainObject(before) || isPlainObject(after))) {
    return label + w.sep + (before === undefined ? w.added : after === undefined ? w.removed : w.replaced);
  }
  if (isPlainObject(before) || isPlainObject(after)) {
    const leaves = leafChanges(c.path, before, after);
    if (leaves.length > 0) {
      const shown = leaves.slice(0, MAX_LEAVES).map((l) => leafLine(l, base, lang));
      const more = leaves.length - shown.length;
      return shown.join(lang === 'zh' ? '；' : '; ') + (more > 0 ? (lang === 'zh' ? `；另有${more}项` : `; ${more} more`) : '');
    }
  }
  return leafLine({ path: c.path, before, after }, base, lang);
}

/** A set of a whole object (the analyses' parameters, a pool's rules) reads as the fields it changes, at most this many. */
const MAX_LEAVES = 4;

interface Leaf { path: Path; before: unknown; after: unknown }

function leafLine(l: Leaf, base: Scenario, lang: Lang): string {
  const kind = valueKind(l.path);
  return `${labelOf(l.path, base, lang, l.after)}${WORDS[lang].sep}${formatValue(l.before, lang, kind)} → ${formatValue(l.after, lang, kind)}`;
}

/** The fields that differ between two values, object keys descended into; arrays and scalars are leaves. */
function leafChanges(path: Path, before: unknown, after: unknown): Leaf[] {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
  }
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.flatMap((k) => leafChanges([...path, k], b[k], a[k]));
}

const PERCENT_PATHS = new RegExp(`^(${[
  String.raw`fund\.(riskReserveRate|adjustmentFundRate)`, String.raw`policy\.pools\.\[\]\.share`, String.raw`policy\.deposit\.rates\.[^.]+`,
  String.raw`policy\.(surplus|overspend)\.(tiers\.\[\]\.(upTo|share)|cap|reasonableShare)`, String.raw`policy\.quality\.points\.\[\]\.ratio`,
  String.raw`policy\.growth\..+`, String.raw`hospitals\.\[\]\.(growth|reasonableShare)`, String.raw`analysis\.years\.(revenueGrowth|budgetGrowth)`,
  String.raw`analysis\.risk\.overspendThreshold`,
].join('|')})$`);
const MONEY_PATHS = new RegExp(`^(${[
  String.raw`catalogue\.\[\]\.refCost`, String.raw`fund\.(budget|revenue|openingBalance|adjustmentTopUpCap)`, String.raw`fund\.carveOuts\.\[\]\.amount`,
  String.raw`hospitals\.\[\]\.(history\.\[\]|lockedTarget|deductions|claims\.\[\])`,
].join('|')})$`);

/** How a field's value reads: a rate as a percentage (10% → 8%), an amount with separators, else as written. */
export function valueKind(path: Path): 'pct' | 'money' | 'plain' {
  const key = path.map((s) => (isElementSeg(s) ? '[]' : String(s))).join('.');
  return PERCENT_PATHS.test(key) ? 'pct' : MONEY_PATHS.test(key) ? 'money' : 'plain';
}

/** The value at a path (id segments resolved), or undefined if there is none. */
export function valueAt(root: unknown, path: readonly Seg[]): unknown {
  let node = root;
  for (const seg of path) {
    if (Array.isArray(node)) {
      const id = segmentId(seg);
      node = typeof seg === 'number' ? node[seg] : id === null ? undefined : node[indexOfId(node, id)];
    } else if (isPlainObject(node) && typeof seg === 'string' && Object.prototype.hasOwnProperty.call(node, seg)) {
      node = node[seg];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The human name of a path; `value` is the new value of a set (names a hospital being added). */
export function labelOf(path: Path, base: Scenario, lang: Lang, value?: unknown): string {
  if (path[0] === 'hospitals' && path.length >= 2 && isElementSeg(path[1])) {
    const h = path.length === 2 && value !== undefined ? value : valueAt(base, path.slice(0, 2));
    const who = identity(h, path[1]!);
    const rest = path.slice(2);
    if (!rest.length) return `${HOSPITAL_WORD[lang]} ${who}`;
    return `${who} · ${fill(rest, HOSPITAL_LABELS, base, lang, path.slice(0, 2)) ?? formatPath(rest, true)}`;
  }
  return fill(path, LABELS, base, lang, [], value) ?? formatPath(path, true);
}

/**
 * The two parts of a path's name, for messages: the institution ("N001 某医院") when the path is
 * under one, and the field's name (null when the path is the whole institution or unnamed).
 */
export function labelParts(path: Path, base: unknown, lang: Lang): { who: string | null; field: string | null } {
  const b = base as Scenario;
  if (path[0] === 'hospitals' && path.length >= 2 && isElementSeg(path[1])) {
    const rest = path.slice(2);
    return { who: identity(valueAt(b, path.slice(0, 2)), path[1]!), field: rest.length ? fill(rest, HOSPITAL_LABELS, b, lang, path.slice(0, 2)) : null };
  }
  // A mid-year adjustment names its institution (code and name) in front, as a hospital's own field does.
  if (path[0] === 'adjustments' && path.length >= 2 && typeof path[1] === 'number') {
    const code = valueAt(b, [...path.slice(0, 2), 'hospital']);
    const hs = valueAt(b, ['hospitals']);
    const h = typeof code === 'string' && Array.isArray(hs) ? hs.find((x) => idOf(x) === code) : undefined;
    const who = typeof code === 'string' ? identity(h ?? { id: code }, code) : null;
    return { who, field: fill(path, LABELS, b, lang, []) };
  }
  return { who: null, field: fill(path, LABELS, b, lang, []) };
}

function fill(path: Path, table: Record<string, Label>, base: Scenario, lang: Lang, prefix: Path, value?: unknown): string | null {
  const tokens = path.map((s) => (isElementSeg(s) ? '[]' : String(s)));
  for (const [pattern, label] of Object.entries(table)) {
    const m = match(patternTokens(pattern), tokens);
    if (!m) continue;
    let text = label[lang];
    if (m.key !== undefined) text = text.replaceAll('{key}', term(label.terms, String(path[m.key]), lang));
    if (m.elem !== undefined) {
      const at = [...prefix, ...path.slice(0, m.elem + 1)];
      const el = valueAt(base, at) ?? (m.elem === path.length - 1 ? value : undefined);
      // An institution or a group of the catalogue by code and name; a pool, carve-out or indicator by its name (its id is the file's).
      const byName = prefix.length === 0 && path[0] !== 'catalogue';
      const n = position(base, at);
      if (text.includes('{year}')) text = text.replaceAll('{year}', historyYear(base, at, Number(n), lang));
      text = text.replaceAll('{n}', n).replaceAll('{item}', byName ? nameOf(el, path[m.elem]!) : identity(el, path[m.elem]!));
    }
    return text;
  }
  return null;
}

const patternCache = new Map<string, string[]>();
function patternTokens(p: string): string[] {
  let t = patternCache.get(p);
  if (!t) patternCache.set(p, (t = p.replaceAll('[]', '.[]').split('.')));
  return t;
}

/** Where the pattern's `*` (key) and last `[]` (elem) matched, or null if it does not match. */
function match(pattern: string[], tokens: string[]): { key?: number; elem?: number } | null {
  if (pattern.length !== tokens.length) return null;
  const m: { key?: number; elem?: number } = {};
  for (let i = 0; i < tokens.length; i++) {
    const p = pattern[i]!;
    const t = tokens[i]!;
    if (p === '*' && t !== '[]') m.key = i;
    else if (p === '[]' && t === '[]') m.elem = i;
    else if (p !== t) return null;
  }
  return m;
}

const isElementSeg = (s: Seg | undefined): boolean => typeof s === 'number' || (s !== undefined && segmentId(s) !== null);

/** 1-based position of a list element, from its index or its id in the base. */
function position(base: Scenario, at: Path): string {
  const seg = at[at.length - 1]!;
  if (typeof seg === 'number') return String(seg + 1);
  const list = valueAt(base, at.slice(0, -1));
  const i = Array.isArray(list) ? indexOfId(list, segmentId(seg) ?? '') : -1;
  return i >= 0 ? String(i + 1) : String(seg);
}

/** The calendar year of the n-th (1-based) of a list of history years, counted back from the scenario's year: 2022年 / 2022. */
function historyYear(base: Scenario, at: Path, n: number, lang: Lang): string {
  const list = valueAt(base, at.slice(0, -1));
  const year = base.meta?.year;
  if (!Array.isArray(list) || typeof year !== 'number' || !Number.isFinite(n)) return lang === 'zh' ? `第${n}年` : `year ${n}`;
  return yearName(year - list.length + n - 1, lang);
}

/** A pool's, carve-out's or indicator's name; its id when it has none. */
function nameOf(el: unknown, seg: Seg): string {
  return isPlainObject(el) && typeof el.name === 'string' && el.name ? el.name : identity(el, seg);
}

/** "H003 某医院" for an element with id and name; else its id or position. */
function identity(el: unknown, seg: Seg): string {
  const id = idOf(el) ?? segmentId(seg);
  const name = isPlainObject(el) && typeof el.name === 'string' && el.name ? el.name : '';
  if (id !== null) return name ? `${id} ${name}` : id;
  return typeof seg === 'number' ? `[${seg}]` : String(seg);
}

const MAX_TEXT = 80;
const MAX_LIST = 12;

export function formatValue(v: unknown, lang: Lang, kind: 'pct' | 'money' | 'plain' = 'plain'): string {
  const w = WORDS[lang];
  if (v === undefined) return w.unset;
  if (v === null) return w.none;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) {
    if (kind === 'pct') return `${shiftPoint(v, 2).replace('-', '−')}%`;
    if (kind === 'money') return `${grouped(v, 2)} ${lang === 'zh' ? '元' : 'yuan'}`;
  }
  if (typeof v === 'string') return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const simple = v.length <= MAX_LIST && v.every((x) => x === null || typeof x !== 'object');
    return simple ? `[${v.map((x) => formatValue(x, lang)).join(', ')}]` : w.items(v.length);
  }
  const id = idOf(v);
  return id !== null ? identity(v, id) : '{…}';
}
