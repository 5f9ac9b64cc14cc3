/**
 * Messages of the gate that name two things — a formula's field and the institution it fails for;
 * a sum beyond the exact range and the value causing it — name each in its place, in both
 * languages, and the one real problem is reported once.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/scenario/open.ts';
import type { Issue } from '../../src/format/issues.ts';
import { issueLine } from '../../src/workspace/issue-text.ts';
import { renderMessage } from '../../src/format/messages.ts';

const city = (): Record<string, any> => JSON.parse(readFileSync('scenarios/city.json', 'utf8'));
const MAX = '90,071,992,547,409.91';

function refused(doc: unknown): Issue[] {
  const r = validateScenario(doc);
  if (r.ok) throw new Error('accepted');
  return r.issues;
}
const lines = (doc: unknown, lang: 'zh' | 'en') => refused(doc).map((i) => issueLine(i, lang, doc));

describe('a formula reading a field one institution lacks', () => {
  const d = city();
  d.policy.weightFormula = 'defaultWeight * cases / 1000';
  delete d.hospitals[1].fields;
  const who = `${d.hospitals[1].id} ${d.hospitals[1].name}`;

  it('names the institution as the one it fails for and the field as the one it reads', () => {
    const [zh] = lines(d, 'zh');
    expect(zh).toMatch(new RegExp(`^「分配权重公式」：对 \\d+ 家机构无法计算（共 80 家，首家为第 2 家「${who}」）：机构数据中没有字段 "cases" 的值`));
    expect(zh).not.toContain(`"${d.hospitals[1].name}"`);
    const [en] = lines(d, 'en');
    expect(en).toMatch(new RegExp(`^Weight formula: fails for \\d+ of 80 institutions, the first being institution 2 "${who}": the field "cases" has no value`));
    expect(en).not.toContain(`field "${d.hospitals[1].name}"`);
  });
});

describe('sums beyond the exact range', () => {
  it("one institution's monthly claims: under its claims, once, without a deductions follow-up", () => {
    const d = city();
    d.hospitals[0].claims = new Array(12).fill('9000000000000.00');
    const who = `${d.hospitals[0].id} ${d.hospitals[0].name}`;
    expect(lines(d, 'zh')).toEqual([`「${who}」的「月度申报额」：各月申报额合计超出可精确计算的范围（最多 ${MAX} 元），请检查金额是否多写了位数（hospitals[0].claims）`]);
    expect(lines(d, 'en')).toEqual([`"${who}", monthly claims: the monthly claims add up to more than can be computed exactly (at most ${MAX}); check for extra digits (hospitals[0].claims)`]);
  });

  it("the institutions' claims of the year, two as large: the field summed, the institutions as a whole", () => {
    const d = city();
    for (const h of d.hospitals.slice(0, 2)) h.claims = new Array(12).fill('4000000000000.00');
    expect(lines(d, 'zh')).toEqual([`「定点医疗机构」：各机构全年申报额合计超出可精确计算的范围（最多 ${MAX} 元），请检查金额是否多写了位数（hospitals）`]);
    expect(lines(d, 'en')).toEqual([`Institutions: the institutions’ claims of the year add up to more than can be computed exactly (at most ${MAX}); check for extra digits (hospitals)`]);
  });

  it('one institution larger than all the others together: named, with its amount', () => {
    const d = city();
    d.hospitals[4].claims = new Array(12).fill('7400000000000.00');
    d.hospitals[0].claims = new Array(12).fill('125000000000.00');
    const who = `${d.hospitals[4].id} ${d.hospitals[4].name}`;
    expect(lines(d, 'zh')).toEqual([`「${who}」的「月度申报额」：各机构全年申报额合计超出可精确计算的范围（最多 ${MAX} 元），其中「${who}」一家为 88,800,000,000,000.00 元，超过其余合计；请检查此金额是否多写了位数（hospitals[4].claims）`]);
    expect(lines(d, 'en')[0]).toContain(`"${who}" alone accounts for 88,800,000,000,000.00, more than all the others together`);
  });

  it('locked targets and carve-outs, each named', () => {
    const d = city();
    for (const h of d.hospitals.slice(0, 10)) h.lockedTarget = '9999999999999.99';
    expect(lines(d, 'zh')).toEqual([`「定点医疗机构」：各机构锁定目标合计超出可精确计算的范围（最多 ${MAX} 元），请检查金额是否多写了位数（hospitals）`]);
    const c = city();
    c.fund.carveOuts = Array.from({ length: 10 }, (_, k) => ({ id: `c${k}`, name: `单列${k}`, amount: '9999999999999.99' }));
    expect(lines(c, 'zh')).toEqual([`「单列项目」：各单列项目金额合计超出可精确计算的范围（最多 ${MAX} 元），请检查金额是否多写了位数（fund.carveOuts）`]);
    expect(lines(c, 'en')).toEqual([`Carve-outs: the carve-outs add up to more than can be computed exactly (at most ${MAX}); check for extra digits (fund.carveOuts)`]);
  });
});

describe('amounts with too many digits', () => {
  it('say the limit rather than ask for two decimals', () => {
    const d = city();
    d.hospitals[0].history[2] = '90000000000000.00';
    const who = `${d.hospitals[0].id} ${d.hospitals[0].name}`;
    expect(lines(d, 'zh')).toEqual([`「${who}」的「${d.meta.year - 1}年基金支出」：金额最多 13 位整数（不超过 9,999,999,999,999.99 元），请检查是否多写了位数（hospitals[0].history[2]）`]);
    expect(lines(d, 'en')).toEqual([`"${who}", History ${d.meta.year - 1}: an amount has at most 13 digits before the point (at most 9,999,999,999,999.99); check for extra digits (hospitals[0].history[2])`]);
  });
});

describe('every field a sum may name, in both languages', () => {
  it.each([['claims', '各月申报额', 'the monthly claims'], ['claimsAll', '各机构全年申报额', 'the institutions’ claims of the year'],
    ['lockedAll', '各机构锁定目标', 'the institutions’ locked targets'], ['carveOuts', '各单列项目金额', 'the carve-outs']])('%s', (field, zh, en) => {
    for (const code of ['sumTooLarge', 'sumTooLargeBy'] as const) {
      const p = { field, max: MAX, id: 'N001', name: '某医院', value: '1.00' };
      expect(renderMessage(code, p, 'zh').startsWith(`${zh}合计超出`)).toBe(true);
      expect(renderMessage(code, p, 'en').startsWith(`${en} add up to`)).toBe(true);
    }
  });
});

