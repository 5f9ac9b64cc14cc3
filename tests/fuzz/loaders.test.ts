/**
 * Fuzzing the loaders with a seeded mutator (issue 8): scenario files, workspace files, CSV
 * and xlsx imports, and formulas. For every mutated input: no exception escapes (a crash),
 * nothing takes longer than 5 s (a hang), and every refusal names its field (an issue path)
 * or its cell (a row), unless the problem is with the whole file (not JSON, not a scenario,
 * too deep, no header). An `internal` issue is the gate's safety net catching an exception:
 * it counts as a crash too. Inputs are small so the whole test stays well under a minute.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { loadWorkspaceText, saveWorkspace } from '../../src/workspace/file.ts';
import { addVariant, newWorkspace, setVariantScenario } from '../../src/workspace/workspace.ts';
import { importHospitals } from '../../src/sheets/import.ts';
import { compileFormula, FormulaDecimal as D, FormulaError } from '../../src/engine/formula.ts';
import type { Issue } from '../../src/format/issues.ts';
import type { Scenario } from '../../src/format/types.ts';

/** mulberry32: a small, seeded generator, so a failure can be replayed from its case number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type R = () => number;
const pick = <T,>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const HOSTILE_KEYS = ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__', 'isPrototypeOf', '__defineGetter__', ''];
const HOSTILE_VALUES: unknown[] = [
  1e-7, 5e-324, 0.30000000000000004, 1e21, -0, -1, 2 ** 53 - 1, 2 ** 53 + 2, Number.MAX_VALUE, 0, 1, 100.5,
  '9999999999999.99', '90071992547409.91', '0.0000001', '1e-7', '-0.00', ' 0.1 ', '1,000.00', '', 'NaN', 'Infinity',
  'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'x'.repeat(300), null, true, false, [], {}, [[[]]], { toString: 1 },
];

/** One mutation of a JSON tree, in place: replace, delete, duplicate or add a hostile key somewhere. */
function mutateTree(root: unknown, r: R): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => { nodes.push({ parent: v, key: i }); walk(x); });
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) { nodes.push({ parent: v as Record<string, unknown>, key: k }); walk((v as Record<string, unknown>)[k]); }
  };
  walk(root);
  if (!nodes.length) return root;
  const { parent, key } = pick(r, nodes);
  const op = r();
  const p = parent as Record<string | number, unknown>;
  if (op < 0.45) p[key] = structuredClone(pick(r, HOSTILE_VALUES));
  else if (op < 0.6) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete p[key];
  } else if (op < 0.72 && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
  else if (op < 0.88) {
    // A user id that names a property of Object.prototype, as a map key or as a value.
    const target = p[key];
    const k = pick(r, HOSTILE_KEYS);
    if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, k, { value: pick(r, ['0.1', 1, 'x', 80]), enumerable: true, writable: true, configurable: true });
    else p[key] = k;
  } else if (typeof p[key] === 'string') p[key] = String(p[key]) + pick(r, ['0', '.', '9', '\u0000', '"', '\\', '１']);
  else p[key] = [p[key]];
  return root;
}

/** One mutation of text: cut it short, change, drop or insert a character. */
function mutateText(text: string, r: R): string {
  const i = Math.floor(r() * text.length);
  const op = r();
  if (op < 0.25) return text.slice(0, i);
  if (op < 0.5) return text.slice(0, i) + text.slice(i + 1);
  if (op < 0.75) return text.slice(0, i) + pick(r, ['{', '}', '[', ']', ',', ':', '"', '\\', 'e', '-', '0', ' ', '\n', '\u2028']) + text.slice(i);
  return text.slice(0, i) + text.slice(i).replace(/\d/, pick(r, ['e9', '.', '--', 'x']));
}

/** Whole-file problems: they have no field to name. */
const WHOLE_FILE = new Set(['jsonSyntax', 'jsonTooDeep', 'fileTooLarge', 'notScenario']);

interface Tally { cases: number; accepted: number; refused: number; crashes: number; hangs: number; unlocated: number; examples: string[] }
const tally = (): Tally => ({ cases: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0, unlocated: 0, examples: [] });

function judge(t: Tally, what: string, issues: readonly Issue[] | null, ms: number): void {
  t.cases++;
  if (ms > 5000) { t.hangs++; t.examples.push(`${what}: ${Math.round(ms)} ms`); }
  if (issues === null) { t.accepted++; return; }
  t.refused++;
  const internal = issues.find((i) => i.code === 'internal');
  if (internal) { t.crashes++; if (t.examples.length < 12) t.examples.push(`${what}: ${internal.path} ${internal.message}`); return; }
  if (!issues.length || issues.some((i) => !i.path && !(i.code && WHOLE_FILE.has(i.code)) && !/^(not a (scenario|workspace)|this file was written)/.test(i.message))) {
    t.unlocated++;
    if (t.examples.length < 12) t.examples.push(`${what}: unlocated: ${issues.find((i) => !i.path)?.message ?? '(no issues)'}`);
  }
}

function report(name: string, t: Tally): void {
  console.log(`fuzz ${name}: ${t.cases} cases, ${t.accepted} accepted, ${t.refused} refused, ${t.crashes} crashes, ${t.hangs} hangs over 5 s, ${t.unlocated} refusals without a location`);
  for (const e of t.examples) console.log(`  ${e}`);
}

const base = readFileSync('tests/fixtures/invalid/_base.json', 'utf8');

/** Load, and settle what is accepted (a file that passes validation must not crash a run). */
function loadAndRun(text: string): Issue[] | null {
  let r: ReturnType<typeof loadScenario>;
  try {
    r = loadScenario(text);
  } catch (e) {
    return [{ path: '', message: `threw: ${(e as Error).message}`, code: 'internal' }];
  }
  if (!r.ok) return r.issues;
  try {
    runScenario(r.scenario);
  } catch (e) {
    return [{ path: '', message: `accepted, then run threw: ${(e as Error).message}`, code: 'internal' }];
  }
  return null;
}

describe('fuzz: scenario and workspace files', () => {
  it('≥10,000 mutated scenario and workspace files: no crash, no hang, every refusal located', () => {
    const t = tally();
    const doc = JSON.parse(base) as Scenario;
    for (let n = 0; n < 8000; n++) {
      const r = rng(n + 1);
      let text: string;
      if (n % 4 === 3) text = mutateText(base, r);
      else {
        const d = structuredClone(doc) as unknown;
        const k = 1 + Math.floor(r() * 3);
        for (let j = 0; j < k; j++) mutateTree(d, r);
        text = JSON.stringify(d);
      }
      const t0 = performance.now();
      const issues = loadAndRun(text);
      judge(t, `scenario #${n}`, issues, performance.now() - t0);
    }
    // Workspace files: a baseline and a variant with changes, mutated the same ways.
    let { ws, id } = addVariant(newWorkspace(doc), 'v');
    const edited = structuredClone(ws.baseline);
    edited.fund.adjustmentFundRate = '0.02';
    edited.hospitals[0]!.name = '改名';
    ws = setVariantScenario(ws, id, edited);
    const wsText = saveWorkspace(ws);
    const wsDoc = JSON.parse(wsText) as unknown;
    for (let n = 0; n < 2500; n++) {
      const r = rng(100000 + n);
      let text: string;
      if (n % 4 === 3) text = mutateText(wsText, r);
      else {
        const d = structuredClone(wsDoc);
        const k = 1 + Math.floor(r() * 3);
        for (let j = 0; j < k; j++) mutateTree(d, r);
        text = JSON.stringify(d);
      }
      const t0 = performance.now();
      let issues: Issue[] | null;
      try {
        const l = loadWorkspaceText(text);
        issues = l.ok ? null : l.issues;
      } catch (e) {
        issues = [{ path: '', message: `threw: ${(e as Error).message}`, code: 'internal' }];
      }
      judge(t, `workspace #${n}`, issues, performance.now() - t0);
    }
    report('scenario+workspace files', t);
    expect(t.cases).toBeGreaterThanOrEqual(10000);
    expect(t.examples).toEqual([]);
    expect({ crashes: t.crashes, hangs: t.hangs, unlocated: t.unlocated }).toEqual({ crashes: 0, hangs: 0, unlocated: 0 });
  }, 300_000);
});

const HOSTILE_CELLS = ['=1+1', '+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)', '\t1', '\r1', 'toString', '__proto__', '住院', '门诊', '1e-7', '5e-324',
  '0.30000000000000004', '9999999999999.99', '99999999999999999999', '-1', '', ' ', '１２３', '"', '""', '\u0000', 'x'.repeat(5000), '是', '否', 'NaN'];

function csvOf(rows: string[][]): string {
  return rows.map((row) => row.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n');
}

describe('fuzz: spreadsheets and formulas', () => {
  it('≥1,000 mutated CSV and xlsx imports: no crash, no hang, every bad cell named by row', async () => {
    const template = csvTemplate();
    const rows = template.split('\n').map((l) => l.split(','));
    const t = tally();
    const judgeReport = async (what: string, data: Uint8Array, name: string) => {
      const t0 = performance.now();
      try {
        const rep = await importHospitals(data, name, { historyYears: 3 });
        const bad = rep.errors.filter((e) => e.row === null && !rep.fileError);
        const long = rep.errors.some((e) => e.message.zh.length > 600 || e.message.en.length > 600 || (e.value?.length ?? 0) > 600);
        if (long) { t.unlocated++; t.examples.push(`${what}: a message echoes a long cell`); }
        judge(t, what, rep.errors.length ? (bad.length ? [{ path: '', message: bad[0]!.message.en }] : [{ path: 'row', message: '' }]) : null, performance.now() - t0);
      } catch (e) {
        judge(t, what, [{ path: '', message: `threw: ${(e as Error).message}`, code: 'internal' }], performance.now() - t0);
      }
    };
    for (let n = 0; n < 900; n++) {
      const r = rng(200000 + n);
      const m = rows.map((row) => row.slice());
      const k = 1 + Math.floor(r() * 4);
      for (let j = 0; j < k; j++) {
        const op = r();
        const row = 1 + Math.floor(r() * (m.length - 1));
        const col = Math.floor(r() * m[0]!.length);
        if (op < 0.6) m[row]![col] = pick(r, HOSTILE_CELLS);
        else if (op < 0.75) m.push(m[row]!.slice()); // a duplicated 机构编码
        else if (op < 0.85) m[0]![col] = pick(r, ['', '机构编码', 'toString', '2024年基金支出', 'x'.repeat(300)]);
        else m[row]!.splice(col, 1);
      }
      let text = csvOf(m);
      if (n % 5 === 4) text = mutateText(text, r);
      await judgeReport(`csv #${n}`, new TextEncoder().encode(text), 'fuzz.csv');
    }
    // xlsx: a real template, its bytes mutated (a corrupt zip, a truncated file, a foreign file).
    const { hospitalTemplate } = await import('../../src/sheets/template.ts');
    const xlsx = await hospitalTemplate('zh', [2023, 2024, 2025], 'xlsx');
    for (let n = 0; n < 200; n++) {
      const r = rng(300000 + n);
      const bytes = xlsx.slice();
      const op = r();
      let data: Uint8Array;
      if (op < 0.4) { for (let j = 0; j < 8; j++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256); data = bytes; }
      else if (op < 0.7) data = bytes.slice(0, Math.floor(r() * bytes.length));
      else if (op < 0.85) data = new TextEncoder().encode(base);
      else data = bytes;
      await judgeReport(`xlsx #${n}`, data, 'fuzz.xlsx');
    }
    report('spreadsheets (csv+xlsx)', t);
    expect(t.cases).toBeGreaterThanOrEqual(1000);
    expect(t.examples).toEqual([]);
    expect({ crashes: t.crashes, hangs: t.hangs, unlocated: t.unlocated }).toEqual({ crashes: 0, hangs: 0, unlocated: 0 });
  }, 300_000);

  it('≥1,000 random formulas: refused with a formula error or computed, bounded in time and size', () => {
    const atoms = ['defaultWeight', 'historyLast', 'volume', '10', '0', '-1', '1e300', '1e-300', '0.5', '99999999999999999999', 'toString', 'constructor', 'x'];
    const ops = ['+', '-', '*', '/', '^', ' mod ', '>', '==', ' and ', ' ? 1 : '];
    const fns = ['sqrt', 'round', 'abs', 'min', 'max', 'floor', 'log', 'evaluate'];
    const known = new Set(['defaultWeight', 'historyLast', 'volume']);
    const scope = new Map([['defaultWeight', new D('123456.78')], ['historyLast', new D('1000000')], ['volume', new D('0')]]);
    let cases = 0; let refused = 0; let computed = 0; let crashes = 0; let hangs = 0;
    const examples: string[] = [];
    const gen = (r: R, depth: number): string => {
      const x = r();
      if (depth > 6 || x < 0.35) return pick(r, atoms);
      if (x < 0.75) return `${gen(r, depth + 1)}${pick(r, ops)}${gen(r, depth + 1)}`;
      if (x < 0.9) return `${pick(r, fns)}(${gen(r, depth + 1)}${r() < 0.3 ? `, ${gen(r, depth + 1)}` : ''})`;
      return `(${gen(r, depth + 1)})`;
    };
    const fixed = ['10^10^10', 'defaultWeight * 10^100000000', `${'('.repeat(500)}1${')'.repeat(500)}`, '9'.repeat(1999), '(-8)^(1/3)', 'sqrt(-1)', '1/0', 'round(1, 1e9)', '10^-10^10', '0^-1'];
    for (let n = 0; n < 1200; n++) {
      const src = n < fixed.length ? fixed[n]! : gen(rng(400000 + n), 0);
      cases++;
      const t0 = performance.now();
      try {
        const f = compileFormula(src, known);
        const v = f.evaluate(scope);
        computed++;
        expect(v.isFinite()).toBe(true);
        expect(v.e).toBeLessThanOrEqual(60);
      } catch (e) {
        if (e instanceof FormulaError) {
          refused++;
          expect(e.message).not.toMatch(/DecimalError|undefined|\[object/);
        } else { crashes++; examples.push(`${src.slice(0, 60)}: ${(e as Error).message}`); }
      }
      const ms = performance.now() - t0;
      if (ms > 5000) { hangs++; examples.push(`${src.slice(0, 60)}: ${Math.round(ms)} ms`); }
    }
    console.log(`fuzz formulas: ${cases} cases, ${computed} computed, ${refused} refused, ${crashes} crashes, ${hangs} hangs over 5 s`);
    for (const e of examples.slice(0, 12)) console.log(`  ${e}`);
    expect({ crashes, hangs }).toEqual({ crashes: 0, hangs: 0 });
    expect(cases).toBeGreaterThanOrEqual(1000);
  }, 120_000);
});

/** A small CSV in the template's columns: four institutions, three years of history. */
function csvTemplate(): string {
  const head = ['机构编码', '机构名称', '级别', '类别', '机构类型', '2023年基金支出', '2024年基金支出', '2025年基金支出', '锁定指标', '增长率', '考核得分'];
  const rows = [head];
  for (let i = 1; i <= 4; i++) rows.push([`H00${i}`, `医院${i}`, '三级', '综合', '医院', '40000000.00', '42500000.00', '45000000.00', '', '0.05', '92.5']);
  return rows.map((r) => r.join(',')).join('\n');
}
