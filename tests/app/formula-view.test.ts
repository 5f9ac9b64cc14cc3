/** The formula box's view: names with their meaning in zh and en, and the typed text's problem with its position. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formulaNameRows, formulaProblem } from '../../src/app/views/formula.ts';
import { loadScenario } from '../../src/scenario/open.ts';

const r = loadScenario(readFileSync('scenarios/city.json', 'utf8'));
if (!r.ok) throw new Error('city.json does not load');
const s = r.scenario;

describe('formula box view', () => {
  it('names each name in the user\'s language, history years as calendar years', () => {
    const zh = formulaNameRows(s, 'zh');
    const en = formulaNameRows(s, 'en');
    expect(zh.map((x) => x.name)).toEqual(en.map((x) => x.name));
    expect(zh.find((x) => x.name === 'history1')!.meaning).toBe(`历史支出（元）：${s.meta.year! - 3}年`);
    expect(en.find((x) => x.name === 'history3')!.meaning).toBe(`History (yuan): ${s.meta.year! - 1}`);
    expect(zh.find((x) => x.name === 'costPerCase')!.meaning).toBe('机构自身字段（机构数据中的数值）');
    expect(formulaNameRows(s, 'zh')).toEqual(zh);
  });

  it('a typed formula\'s problem in zh and en with its position, counted in the text as typed; none for a good or empty one', () => {
    expect(formulaProblem(s, 'defaultWeight * beds', 'zh')).toEqual({ position: 17, message: expect.stringContaining('第 17 个字符处：未知名称 "beds"') });
    expect(formulaProblem(s, '  defaultWeight * beds', 'en')).toEqual({ position: 19, message: expect.stringContaining('unknown name "beds" at position 19') });
    expect(formulaProblem(s, 'defaultWeight * (1 + 2', 'zh')?.message).toBe('公式在第 23 个字符处无法解析（缺少右括号 ")"），请检查括号和运算符是否成对、完整');
    expect(formulaProblem(s, 'historyLast / (1 +', 'zh')?.message).toBe('公式在第 19 个字符处无法解析（公式不完整，末尾缺少数值或名称），请检查括号和运算符是否成对、完整');
    expect(formulaProblem(s, 'historyLast / (1 +', 'en')?.message).toBe('does not parse: Unexpected end of expression at position 19');
    expect(formulaProblem(s, 'historyLast * 1.1', 'zh')).toBeNull();
    expect(formulaProblem(s, '   ', 'en')).toBeNull();
    expect(formulaProblem(s, 'defaultWeight + evaluate(1)', 'en')).toEqual({ position: 17, message: expect.stringContaining('the function "evaluate" is not allowed at position 17') });
  });
});
