/** Every message of the catalogue renders in Chinese and English with its parameters. */
import { describe, expect, it } from 'vitest';
import { MESSAGES, reasonParams, renderMessage, type MsgCode } from '../../src/format/messages.ts';
import { issueLine } from '../../src/workspace/issue-text.ts';
import { loadScenario } from '../../src/scenario/open.ts';
import { readFileSync } from 'node:fs';

const CJK = /[\u3400-\u9fff]/;
const codes = Object.keys(MESSAGES) as MsgCode[];

describe('the message catalogue', () => {
  it.each(codes)('%s renders in zh and en with every parameter', (code) => {
    const params = Object.fromEntries(MESSAGES[code].params.map((p, k) => [p, `P${k}x`]));
    const texts = (['zh', 'en'] as const).map((lang) => renderMessage(code, params, lang));
    for (const text of texts) {
      expect(text.trim().length).toBeGreaterThanOrEqual(3);
      expect(text).not.toMatch(/undefined|\[object|\{\w+\}|\?\?/);
    }
    // Every parameter is shown (options are quoted one by one; names of lists and formulas are translated).
    for (const [k, v] of Object.entries(params)) {
      if (k !== 'options' && k !== 'what' && k !== 'formula' && k !== 'reason') expect(texts.join('\n'), `${code} shows ${k}`).toContain(v);
    }
    expect(renderMessage(code, params, 'zh')).toMatch(CJK);
  });

  it('a missing parameter shows as "?", never "undefined"', () => {
    expect(renderMessage('duplicateId', {}, 'zh')).toContain('"?"');
  });

  it('a formula failure renders its inner reason in the language asked, naming the first institution and how many', () => {
    const p = { formula: 'policy.weightFormula', reason: 'division by zero at position 5', ...reasonParams('divisionByZero', { position: 5 }), id: 'N001', name: '示例市第一人民医院',
      index: 1, count: 80, total: 80 };
    expect(renderMessage('formulaFailed', p, 'zh')).toBe('对 80 家机构无法计算（共 80 家，首家为第 1 家「N001 示例市第一人民医院」）：第 5 个字符处：除数为 0，请用条件避免，如 x > 0 ? a / x : 0');
    expect(renderMessage('formulaFailed', p, 'en')).toBe('fails for 80 of 80 institutions, the first being institution 1 "N001 示例市第一人民医院": division by zero at position 5');
    const one = { ...p, index: 3, id: 'N003', count: 1 };
    expect(renderMessage('formulaFailed', one, 'zh')).toBe('对第 3 家机构「N003 示例市第一人民医院」无法计算：第 5 个字符处：除数为 0，请用条件避免，如 x > 0 ? a / x : 0');
    expect(renderMessage('formulaFailed', one, 'en')).toBe('fails for institution 3 "N003 示例市第一人民医院": division by zero at position 5');
  });
});

describe('a message inside another keeps its own parameters', () => {
  it('a field without a value: the institution is the one the formula fails for, the field the one it reads', () => {
    const p = { ...reasonParams('formulaNoValue', { field: 'beds' }), reason: 'x', id: 'N002', name: '示例市中心医院', index: 2, count: 1, total: 80 };
    expect(renderMessage('formulaFailed', p, 'zh')).toBe('对第 2 家机构「N002 示例市中心医院」无法计算：机构数据中没有字段 "beds" 的值，请为机构填写此字段');
    expect(renderMessage('formulaFailed', p, 'en')).toBe('fails for institution 2 "N002 示例市中心医院": the field "beds" has no value in the institution\'s data; fill it in');
  });

  it('a sweep value refused: its own value and the reason\'s', () => {
    const p = { ...reasonParams('numberNotExact', { value: '1e-7' }), reason: 'x', value: '0.5' };
    expect(renderMessage('sweepValueBad', p, 'zh')).toBe('取值 0.5 时：数字 1e-7 无法精确读取，请写成带引号的小数（最多 12 位小数），如 "0.0000001"');
    expect(renderMessage('sweepValueBad', p, 'en')).toContain('the number 1e-7 cannot be read exactly');
  });
});

describe('issues name the institution and the field', () => {
  const city = JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
  it('a bad history cell: 「S09 …」的「2024年基金支出」, the path as a detail', () => {
    const doc = structuredClone(city);
    doc.hospitals[12].history[2] = 12.5;
    const r = loadScenario(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(issueLine(r.issues[0]!, 'zh', doc)).toBe(`「${doc.hospitals[12].id} ${doc.hospitals[12].name}」的「2024年基金支出」：须为不小于 0 的金额（元），最多两位小数，写成带引号的文字，如 "1234.56"（hospitals[12].history[2]）`);
    expect(issueLine(r.issues[0]!, 'en', doc)).toBe(`"${doc.hospitals[12].id} ${doc.hospitals[12].name}", History 2024: must be a non-negative amount with at most 2 decimals, written as a string like "1234.56" (hospitals[12].history[2])`);
  });

  it('a class in no pool says which classes exist', () => {
    const doc = structuredClone(city);
    doc.hospitals[3].class = 'inpatient';
    const r = loadScenario(JSON.stringify(doc));
    if (r.ok) throw new Error('accepted');
    const line = issueLine(r.issues.find((i) => i.path === 'hospitals[3].class')!, 'zh', doc);
    expect(line).toContain(`「${doc.hospitals[3].id} ${doc.hospitals[3].name}」的「机构类型」：机构类型「住院」`);
    expect(line).toContain('不属于任何分配池');
    // The classes by their names, never their codes.
    expect(line).toContain('（医院、门诊慢特病、基层）');
    expect(line).not.toMatch(/inpatient|"hospital"|chronic|primary|policy\./);
  });

  it('a fund field by its name', () => {
    const doc = structuredClone(city);
    doc.fund.adjustmentFundRate = '1.5';
    const r = loadScenario(JSON.stringify(doc));
    if (r.ok) throw new Error('accepted');
    expect(issueLine(r.issues[0]!, 'zh', doc)).toBe('「年终清算调剂金比例」：须在 0 到 1 之间（比例：5% 写作 0.05）（fund.adjustmentFundRate）');
  });
});
