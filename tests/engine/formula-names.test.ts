/**
 * The names a formula may use (engine `formulaNames`, listed under the policy tab's formula box),
 * the check a form runs while a formula is typed (`checkFormula`), and a formula that fails for
 * many institutions filed once under the formula's own path, in Chinese and English.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUILTIN_FIELDS, checkFormula, compile, formulaNames, ScenarioError } from '../../src/engine/compile.ts';
import { FORMULA_NAMES } from '../../src/display/glossary.ts';
import { loadScenario, validateScenario } from '../../src/scenario/open.ts';
import { issueLine } from '../../src/workspace/issue-text.ts';
import type { Scenario } from '../../src/format/types.ts';

const text = readFileSync('scenarios/city.json', 'utf8');
const city = (): Scenario => {
  const r = loadScenario(text);
  if (!r.ok) throw new Error('city.json does not load');
  return structuredClone(r.scenario);
};

describe('formulaNames', () => {
  it('lists the built-in names, history1…N, indicator ids and the institutions\' fields, each once, each with a meaning the glossary names', () => {
    const s = city();
    s.policy.quality = { mode: 'linear', points: [{ score: 0, ratio: '0' }, { score: 90, ratio: '1' }], indicators: [{ id: 'satisfaction', name: '满意度', weight: '1' }, { id: 'bad-id', name: 'x', weight: '1' }] };
    s.hospitals[5]!.fields = { ...s.hospitals[5]!.fields, beds: 300, score: 1, history2: 4 };
    const names = formulaNames(s);
    expect(names.map((n) => n.name)).toEqual([...BUILTIN_FIELDS, 'history1', 'history2', 'history3', 'satisfaction', 'cases', 'costPerCase', 'beds']);
    expect(names.find((n) => n.name === 'history2')).toEqual({ name: 'history2', meaning: 'history', year: 2 });
    expect(names.find((n) => n.name === 'satisfaction')).toEqual({ name: 'satisfaction', meaning: 'indicator', label: '满意度' });
    expect(names.find((n) => n.name === 'beds')!.meaning).toBe('field');
    for (const n of names) {
      expect(FORMULA_NAMES[n.meaning].zh).toMatch(/[\u3400-\u9fff]/);
      expect(FORMULA_NAMES[n.meaning].en).toMatch(/[a-z]/);
    }
  });

  it('are exactly the names the run accepts: each compiles, any other is refused with its position', () => {
    const s = city();
    for (const n of formulaNames(s)) expect(checkFormula(s, `${n.name} + 1`)).toBeNull();
    const e = checkFormula(s, 'defaultWeight * beds');
    expect(e?.code).toBe('formulaUnknownName');
    expect(e?.params).toMatchObject({ name: 'beds', position: 17 });
    const syntax = checkFormula(s, 'defaultWeight * (1 +');
    expect(syntax?.code).toBe('formulaSyntax');
    expect(syntax?.params.position).toBeTypeOf('number');
  });
});

describe('a formula failing for institutions is filed once, under the formula', () => {
  const fail = (formula: string) => {
    const s = city();
    s.policy.weightFormula = formula;
    try {
      compile(s);
    } catch (e) {
      if (e instanceof ScenarioError) return { s, issues: e.issues };
      throw e;
    }
    throw new Error('compiled');
  };

  it('failing for all 80: one issue at policy.weightFormula naming the first institution and the count, with the position, zh and en', () => {
    const { s, issues } = fail('defaultWeight / (historyLast - historyLast)');
    expect(issues).toHaveLength(1);
    const i = issues[0]!;
    expect(i.path).toBe('policy.weightFormula');
    expect(issueLine(i, 'zh', s)).toBe('「分配权重公式」：对 80 家机构无法计算（共 80 家，首家为第 1 家「T01 示例市第一人民医院」）：第 15 个字符处：除数为 0，请用条件避免，如 x > 0 ? a / x : 0（policy.weightFormula）');
    expect(issueLine(i, 'en', s)).toBe('Weight formula: fails for 80 of 80 institutions, the first being institution 1 "T01 示例市第一人民医院": division by zero at position 15 (policy.weightFormula)');
  });

  it('one issue per reason: division by zero for the one institution it divides by zero, no value for those without the field', () => {
    const s = city();
    const at = s.hospitals.findIndex((x) => x.fields?.cases !== undefined);
    const cases = s.hospitals[at]!.fields!.cases!;
    const { issues } = fail(`defaultWeight / abs(cases - ${cases})`);
    const zero = s.hospitals.filter((x) => x.fields?.cases === cases).length;
    const none = s.hospitals.filter((x) => x.fields?.cases === undefined);
    expect(zero).toBe(1);
    expect(none.length).toBeGreaterThan(1);
    expect(issues.map((i) => [i.path, i.params?.reasonCode, i.params?.count, i.params?.index])).toEqual([
      ['policy.weightFormula', 'divisionByZero', 1, at + 1],
      ['policy.weightFormula', 'formulaNoValue', none.length, s.hospitals.indexOf(none[0]!) + 1],
    ].sort((a, b) => Number(a[3]) - Number(b[3])));
    const h = s.hospitals[at]!;
    expect(issueLine(issues.find((i) => i.params?.count === 1)!, 'zh', s)).toBe(`「分配权重公式」：对第 ${at + 1} 家机构「${h.id} ${h.name}」无法计算：第 15 个字符处：除数为 0，请用条件避免，如 x > 0 ? a / x : 0（policy.weightFormula）`);
    const doc = JSON.parse(text);
    doc.policy.weightFormula = 'defaultWeight / (historyLast - historyLast)';
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.filter((x) => x.code === 'formulaFailed').map((x) => x.path)).toEqual(['policy.weightFormula']);
  });

  it('a weight coming out negative for many institutions: one issue, naming the first and how many, zh and en', () => {
    const { s, issues } = fail('historyLast - 10^9');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('policy.weightFormula');
    expect(issues[0]!.params).toMatchObject({ reasonCode: 'weightNegative', count: 80, index: 1 });
    expect(issueLine(issues[0]!, 'zh', s)).toMatch(/^「分配权重公式」：对 80 家机构无法计算（共 80 家，首家为第 1 家「T01 示例市第一人民医院」）：算出的权重为负数（-\d+(\.\d+)?），权重须不小于 0（policy\.weightFormula）$/);
    expect(issueLine(issues[0]!, 'en', s)).toMatch(/^Weight formula: fails for 80 of 80 institutions, the first being institution 1 "T01 示例市第一人民医院": the weight is negative \(-\d/);
  });

  it('an eligibility formula the same way, under policy.surplus.eligibility', () => {
    const s = city();
    s.policy.surplus = { mode: 'marginal', tiers: [{ upTo: null, share: '0.5' }], eligibility: 'sqrt(0 - historyLast) > 1' };
    let issues: ScenarioError['issues'] = [];
    try { compile(s); } catch (e) { if (e instanceof ScenarioError) issues = e.issues; }
    expect(issues.map((i) => [i.path, i.params?.count, i.params?.reasonCode])).toEqual([['policy.surplus.eligibility', 80, 'sqrtNegative']]);
    expect(issueLine(issues[0]!, 'zh', s)).toContain('第 1 个字符处：对负数开平方');
  });
});
