import { describe, expect, it } from 'vitest';
import { columnLetter, FIXED_COLUMNS, headerOf, matchHeader } from '../../src/sheets/columns.ts';
import { alignTo, canonicalCode, labelOf, toCode } from '../../src/sheets/vocab.ts';

const key = (h: string) => {
  const m = matchHeader(h);
  if (!m) return null;
  const parts: (string | number)[] = [m.key];
  if (m.index !== undefined) parts.push(m.index);
  if (m.name !== undefined) parts.push(m.name);
  if (m.scale !== 1) parts.push(m.scale);
  return parts.join(':');
};

describe('header matching', () => {
  it('fixed columns by Chinese or English name, case, spaces and full width ignored', () => {
    expect(key('机构编码')).toBe('id');
    expect(key('Institution Code')).toBe('id');
    expect(key(' ＩＤ ')).toBe('id');
    expect(key('定点医疗机构编码')).toBe('id');
    expect(key('医疗机构名称')).toBe('name');
    expect(key('医院等级')).toBe('level');
    expect(key('机构类别')).toBe('category');
    expect(key('结算类型')).toBe('class');
    expect(key('locked_target')).toBe('lockedTarget');
    expect(key('核减金额（元）')).toBe('deductions');
    expect(key('锁定指标（万元）')).toBe('lockedTarget:10000');
    expect(key('advance eligible')).toBe('advanceEligible');
    expect(key('备注')).toBeNull();
    expect(key('序号')).toBeNull();
  });

  it('history by year or by number', () => {
    expect(key('2024年支出')).toBe('history:2024');
    expect(key('2024年基金支出')).toBe('history:2024');
    expect(key('2024年度医保基金支出(万元)')).toBe('history:2024:10000');
    expect(key('history 2024')).toBe('history:2024');
    expect(key('History2022')).toBe('history:2022');
    expect(key('FY2023')).toBe('history:2023');
    expect(key('2023')).toBe('history:2023');
    expect(key('历史支出1')).toBe('history:1');
    expect(key('History 3')).toBe('history:3');
    expect(key('2024年床位数')).toBeNull();
  });

  it('monthly claims by month number or name', () => {
    expect(key('1月申报')).toBe('claims:1');
    expect(key('12月份申报金额')).toBe('claims:12');
    expect(key('十一月申报')).toBe('claims:11');
    expect(key('claims Jan')).toBe('claims:1');
    expect(key('Dec claims')).toBe('claims:12');
    expect(key('claims September')).toBe('claims:9');
    expect(key('2025年3月申报')).toBe('claims:3');
    expect(key('claims 13')).toBeNull();
  });

  it('indicator and field columns by prefix', () => {
    expect(key('指标:timeliness')).toBe('indicator:timeliness');
    expect(key('指标：及时性')).toBe('indicator:及时性');
    expect(key('Indicator: accuracy')).toBe('indicator:accuracy');
    expect(key('字段:costPerCase')).toBe('field:costPerCase');
    expect(key('field: cases')).toBe('field:cases');
  });

  it('every catalogue header matches itself in both languages', () => {
    for (const c of FIXED_COLUMNS) {
      expect(matchHeader(c.zh)?.key).toBe(c.key);
      expect(matchHeader(c.en)?.key).toBe(c.key);
    }
    for (const lang of ['zh', 'en'] as const) {
      expect(matchHeader(headerOf({ key: 'history', index: 2024, byYear: true }, lang))).toMatchObject({ key: 'history', index: 2024 });
      for (let m = 1; m <= 12; m++) expect(matchHeader(headerOf({ key: 'claims', index: m }, lang))).toMatchObject({ key: 'claims', index: m });
    }
  });

  it('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('level, category and class values', () => {
  it('known spellings become codes; others are kept', () => {
    expect(toCode('level', '三级甲等')).toBe('tertiary');
    expect(toCode('level', 'Secondary')).toBe('secondary');
    expect(toCode('category', '中医院')).toBe('tcm');
    expect(toCode('category', '乡镇卫生院')).toBe('township');
    expect(toCode('class', '门诊大病')).toBe('chronic');
    expect(toCode('class', '基层医疗机构')).toBe('primary');
    expect(toCode('class', '特殊机构')).toBe('特殊机构');
    expect(labelOf('level', 'tertiary', 'zh')).toBe('三级');
    expect(labelOf('class', 'hospital', 'zh')).toBe('医院');
    expect(canonicalCode('level', '三级')).toBe('tertiary');
  });

  it('values are put in the vocabulary a scenario already uses', () => {
    expect(alignTo('level', 'tertiary', new Set(['三级', '二级']))).toBe('三级');
    expect(alignTo('level', 'tertiary', new Set(['tertiary']))).toBe('tertiary');
    expect(alignTo('class', 'mystery', new Set(['hospital']))).toBe('mystery');
  });
});
