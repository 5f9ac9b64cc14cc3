/**
 * One line of text per change, for the variant's "what changed" list:
 * `保证金比例（医院）：10% → 8%`, `H003 某医院 · 锁定目标：（未设置）→ 120.00 万元`, `H003 某医院 · 级别：三级 → 二级`
 * — rates as percentages (spreads in 个百分点), amounts with separators in the unit chosen, levels, categories,
 * classes, rule modes and the file's other choices by their names in the one glossary, counts in the language shown.
 */
import type { Scenario } from '../format/types.ts';
import type { Change } from './types.ts';
import { isPlainObject } from '../format/json.ts';
import { indexOfId, idOf } from './ids.ts';
import { segmentId } from './paths.ts';
import { HOSPITAL_LABELS, HOSPITAL_WORD, LABELS, term, type Label } from './labels.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { money, shiftPoint } from '../display/number.ts';
import { RULE_MODES, ruleModeName, settingName, termName, unitName, yearName, type RuleMode } from '../display/glossary.ts';
import { formatPath, type Path } from '../format/path.ts';

type Seg = string | number;

const WORDS = {
  zh: { sep: '：', unset: '（未设置）', none: '（无）', yes: '是', no: '否', items: (n: number) => `${n} 项`, added: '新增', removed: '删除', replaced: '替换',
    list: '、', pp: ' 个百分点', within: (head: string, rest: string) => `${head}中的 ${rest}` },
  en: { sep: ': ', unset: '(not set)', none: '(none)', yes: 'yes', no: 'no', items: (n: number) => (n === 1 ? '1 item' : `${n} items`), added: 'added',
    removed: 'removed', replaced: 'replaced', list: ', ', pp: ' pp', within: (head: string, rest: string) => `${rest} in ${head}` },
} as const;

/** `unit`: how amounts are shown (元 or 万元, as the user chose). */
export function describeChange(c: Change, base: Scenario, lang: Lang, unit: Unit = 'yuan'): string {
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
      const shown = leaves.slice(0, MAX_LEAVES).map((l) => leafLine(l, base, lang, unit));
      const more = leaves.length - shown.length;
      return shown.join(lang === 'zh' ? '；' : '; ') + (more > 0 ? (lang === 'zh' ? `；另有${more}项` : `; ${more} more`) : '');
    }
  }
  return leafLine({ path: c.path, before, after }, base, lang, unit);
}

/** A set of a whole object (the analyses' parameters, a pool's rules) reads as the fields it changes, at most this many. */
const MAX_LEAVES = 4;

interface Leaf { path: Path; before: unknown; after: unknown }

function leafLine(l: Leaf, base: Scenario, lang: Lang, unit: Unit): string {
  const kind = valueKind(l.path);
  const ctx = { unit, base };
  return `${labelOf(l.path, base, lang, l.after)}${WORDS[lang].sep}${formatValue(l.before, lang, kind, ctx)} → ${formatValue(l.after, lang, kind, ctx)}`;
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

/** How the value at a path reads, by the path's pattern (`[]`: a list element, by index or id). */
export type ValueKind =
  | 'pct' | 'pp' | 'money' | 'plain'
  /** A code of the glossary's terms. */
  | 'level' | 'category' | 'class'
  /** An institution's code: its code and name. */
  | 'hospital'
  /** A rule's mode (the glossary's RULE_MODES). */
  | 'tiers' | 'quality'
  /** One of the file's other choices (the glossary's SETTINGS). */
  | 'deposit' | 'payment' | 'settlement' | 'baseRule' | 'locked' | 'deductions';

const KIND_PATHS: readonly [ValueKind, readonly string[]][] = [
  ['pct', [
    String.raw`fund\.(riskReserveRate|adjustmentFundRate)`, String.raw`policy\.pools\.\[\]\.share`, String.raw`policy\.deposit\.rates\.[^.]+`,
    String.raw`policy\.(surplus|overspend)\.(tiers\.\[\]\.(upTo|share)|cap|reasonableShare)`, String.raw`policy\.quality\.points\.\[\]\.ratio`,
    String.raw`policy\.growth\..+`, String.raw`policy\.points\.growth`, String.raw`hospitals\.\[\]\.(growth|reasonableShare|points\.growth)`,
    String.raw`analysis\.years\.(revenueGrowth|budgetGrowth)`, String.raw`(analysis\.)?risk\.overspendThreshold`,
    String.raw`monitoring\.thresholds\.(overspendRate|deferredRate)`,
  ]],
  ['pp', [String.raw`(analysis\.)?risk\.(sigmaCommon|sigma|sigmaByCategory\.[^.]+)`]],
  ['money', [
    String.raw`catalogue\.\[\]\.refCost`, String.raw`fund\.(budget|revenue|openingBalance|adjustmentTopUpCap)`, String.raw`fund\.carveOuts\.\[\]\.amount`,
    String.raw`hospitals\.\[\]\.(history\.\[\]|lockedTarget|deductions|claims\.\[\]|claimsToDate\.\[\]|lastYearClaims\.\[\])`,
    String.raw`adjustments\.\[\]\.(target|change)`,
  ]],
  ['level', [String.raw`hospitals\.\[\]\.level`]],
  ['category', [String.raw`hospitals\.\[\]\.category`]],
  ['class', [String.raw`hospitals\.\[\]\.class`, String.raw`policy\.pools\.\[\]\.classes(\.\[\])?`]],
  ['hospital', [String.raw`adjustments\.\[\]\.hospital`]],
  ['tiers', [String.raw`policy\.(surplus|overspend)\.mode`]],
  ['quality', [String.raw`policy\.quality\.mode`]],
  ['deposit', [String.raw`policy\.deposit\.base`]],
  ['payment', [String.raw`policy\.monthlyPayment`]],
  ['settlement', [String.raw`policy\.pools\.\[\]\.settlement`]],
  ['baseRule', [String.raw`analysis\.years\.baseRule`]],
  ['locked', [String.raw`analysis\.years\.lockedTargets`]],
  ['deductions', [String.raw`(analysis\.)?risk\.deductions`]],
];
const KIND_RES: readonly [ValueKind, RegExp][] = KIND_PATHS.map(([k, ps]) => [k, new RegExp(`^(${ps.join('|')})$`)]);

/**
 * How a field's value reads: a rate as a percentage (10% → 8%), a spread in percentage points, an amount with
 * separators, a level, category, class, mode or choice by its name, else as written.
 */
export function valueKind(path: Path): ValueKind {
  const key = path.map((s) => (isElementSeg(s) ? '[]' : String(s))).join('.');
  for (const [kind, re] of KIND_RES) if (re.test(key)) return kind;
  return 'plain';
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
    return `${who} · ${fill(rest, HOSPITAL_LABELS, base, lang, path.slice(0, 2)) ?? unnamed(rest, HOSPITAL_LABELS, base, lang, path.slice(0, 2))}`;
  }
  return fill(path, LABELS, base, lang, [], value) ?? unnamed(path, LABELS, base, lang, []);
}

/**
 * A field the tables do not name (a key the file adds of its own): the nearest named field it is in,
 * and the rest of its path — 「年终考核规则中的 steps」 rather than `policy.quality.steps`.
 */
function unnamed(path: Path, table: Record<string, Label>, base: Scenario, lang: Lang, prefix: Path): string {
  for (let n = path.length - 1; n >= 1; n--) {
    const head = fill(path.slice(0, n), table, base, lang, prefix);
    if (head) return WORDS[lang].within(head, formatPath(path.slice(n), true));
  }
  return formatPath(path, true);
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
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** What a value is read against: the unit amounts are shown in (元 by default), and the scenario that names institutions. */
export interface ValueContext { unit?: Unit; base?: unknown }

export function formatValue(v: unknown, lang: Lang, kind: ValueKind = 'plain', ctx: ValueContext = {}): string {
  const w = WORDS[lang];
  if (v === undefined) return w.unset;
  if (v === null) return w.none;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  const digits = typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  if (DECIMAL.test(digits)) {
    if (kind === 'pct') return `${shiftPoint(digits, 2).replace('-', '−')}%`;
    if (kind === 'pp') return `${shiftPoint(digits, 2).replace('-', '−')}${w.pp}`;
    if (kind === 'money' && typeof v === 'string') {
      const unit = ctx.unit ?? 'yuan';
      return `${money(digits, unit)} ${unitName(unit, lang)}`;
    }
  }
  if (typeof v === 'string') return named(v, kind, lang, ctx.base) ?? (v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return w.none;
    const simple = v.length <= MAX_LIST && v.every((x) => x === null || typeof x !== 'object');
    if (!simple) return w.items(v.length);
    const shown = v.map((x) => formatValue(x, lang, kind, ctx));
    return lang === 'zh' ? shown.join(w.list) : `[${shown.join(w.list)}]`;
  }
  const id = idOf(v);
  return id !== null ? identity(v, id) : '{…}';
}

/** A code or choice by its name in the glossary (null when the kind names none; a code the glossary lacks is shown as written). */
function named(v: string, kind: ValueKind, lang: Lang, base: unknown): string | null {
  switch (kind) {
    case 'level': case 'category': case 'class': return termName(kind, v, lang);
    case 'tiers': case 'quality': {
      const k = `${kind}.${v}`;
      return k in RULE_MODES ? ruleModeName(k as RuleMode, lang) : v;
    }
    case 'deposit': case 'payment': case 'settlement': case 'baseRule': case 'locked': case 'deductions': return settingName(kind, v, lang);
    case 'hospital': {
      const hs = valueAt(base, ['hospitals']);
      const h = Array.isArray(hs) ? hs.find((x) => idOf(x) === v) : undefined;
      return identity(h ?? { id: v }, v);
    }
    default: return null;
  }
}
