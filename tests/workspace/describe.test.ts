/**
 * The change list and the parameter differences say values in the bureau's words (issue: names):
 * levels, categories, classes, rule modes and the file's other choices by their glossary names,
 * amounts in the unit chosen, rates as percentages, spreads in 个百分点, counts in the language shown,
 * and a field the tables do not name under the nearest field they do.
 */
import { describe, expect, it } from 'vitest';
import { describeChange, formatValue, valueKind } from '../../src/workspace/describe.ts';
import { newWorkspace } from '../../src/workspace/workspace.ts';
import { scenarioBarView } from '../../src/app/views/scenario-bar.ts';
import { CompareViews } from '../../src/app/views/compare.ts';
import type { Change, Workspace } from '../../src/workspace/types.ts';
import type { Lang, Unit } from '../../src/display/lang.ts';
import { smallScenario } from './fixture.ts';
import { stateOf } from '../app/fixture.ts';

const base = smallScenario();
const say = (c: Change, lang: Lang, unit: Unit = 'yuan') => describeChange(c, base, lang, unit);
const set = (path: Change['path'], value: unknown): Change => ({ op: 'set', path, value }) as Change;
/** Latin words other than institution codes (H001) and the unit's own "yuan" words in English. */
const latin = (s: string) => s.match(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z]+/g) ?? [];

describe('describeChange: values by their names', () => {
  it('a level, category or class of an institution, in zh and en', () => {
    expect(say(set(['hospitals', '#H001', 'level'], 'secondary'), 'zh')).toBe('H001 市第一人民医院 · 级别：三级 → 二级');
    expect(say(set(['hospitals', '#H001', 'level'], 'secondary'), 'en')).toBe('H001 市第一人民医院 · level: tertiary → secondary');
    expect(say(set(['hospitals', '#H001', 'category'], 'tcm'), 'zh')).toBe('H001 市第一人民医院 · 类别：综合 → 中医');
    expect(say(set(['hospitals', '#H001', 'class'], 'chronic'), 'zh')).toBe('H001 市第一人民医院 · 机构类型：医院 → 门诊慢特病');
    expect(say(set(['hospitals', '#H001', 'class'], 'chronic'), 'en')).toBe('H001 市第一人民医院 · institution class: hospital → outpatient chronic');
    // A code the glossary does not know is shown as written.
    expect(say(set(['hospitals', '#H001', 'level'], '特级'), 'zh')).toBe('H001 市第一人民医院 · 级别：三级 → 特级');
  });

  it('a pool’s classes as a list of names', () => {
    const c = set(['policy', 'pools', '#hosp', 'classes'], ['hospital', 'chronic']);
    expect(say(c, 'zh')).toBe('分配池包含的机构类型（医院）：医院 → 医院、门诊慢特病');
    expect(say(c, 'en')).toBe('Pool classes (医院): [hospital] → [hospital, outpatient chronic]');
  });

  it('rule modes and the file’s other choices by the glossary’s words', () => {
    expect(say(set(['policy', 'quality', 'mode'], 'step'), 'zh')).toBe('考核得分折算方式：线性插值 → 分段');
    expect(say(set(['policy', 'quality', 'mode'], 'step'), 'en')).toBe('Quality mapping mode: Linear → Step');
    expect(say(set(['policy', 'surplus', 'mode'], 'step'), 'zh')).toBe('结余留用分档方式：超额累进 → 全额分档');
    expect(say(set(['policy', 'deposit', 'base'], 'claims'), 'zh')).toBe('保证金计提基数：按总额指标预留 → 按月度申报费用扣留');
    expect(say(set(['policy', 'monthlyPayment'], 'prepaid'), 'zh')).toBe('月度拨付方式：（未设置） → 按月预拨');
    expect(say(set(['policy', 'pools', '#prim', 'settlement'], 'points'), 'zh')).toBe('分配池结算方式（基层）：（未设置） → 点数法');
    expect(say(set(['analysis', 'years', 'baseRule'], 'actualPlusRetained'), 'zh')).toBe('多年度测算下一年基数：（未设置） → 按实际发生＋结余留用');
    expect(say(set(['analysis', 'years', 'lockedTargets'], 'release'), 'en'))
      .toBe('Negotiated targets in later years: (not set) → allocated by weight from year two');
    expect(say(set(['analysis', 'risk', 'deductions'], 'fixed'), 'zh')).toBe('风险测算中的核减：（未设置） → 固定金额');
  });

  it('a whole rule set at once reads as its fields, each by its name; a key of the file’s own under the nearest named field', () => {
    const q = set(['policy', 'quality'], { mode: 'step', points: [{ score: 0, ratio: '0' }], steps: 3 });
    expect(say(q, 'zh')).toBe('考核得分折算方式：线性插值 → 分段；考核得分折算点：3 项 → 1 项；年终考核规则中的 steps：（未设置） → 3');
    expect(say(q, 'en')).toBe('Quality mapping mode: Linear → Step; Quality mapping points: 3 items → 1 item; steps in Quality assessment rule: (not set) → 3');
    expect(say(q, 'zh')).not.toContain('policy.');
  });

  it('amounts in the unit chosen, with separators', () => {
    const c = set(['fund', 'budget'], '3200000000.00');
    expect(say(c, 'zh')).toBe('基金支出预算：10,000,000.00 元 → 3,200,000,000.00 元');
    expect(say(c, 'zh', 'wan')).toBe('基金支出预算：1,000.00 万元 → 320,000.00 万元');
    expect(say(c, 'en', 'wan')).toBe('Fund expenditure budget: 1,000.00 10k yuan → 320,000.00 10k yuan');
    expect(say(set(['hospitals', '#H003', 'lockedTarget'], '1500000.00'), 'zh', 'wan')).toBe('H003 区人民医院 · 锁定目标：（未设置） → 150.00 万元');
    expect(say(set(['fund', 'carveOuts', '#remote', 'amount'], '-0.00'), 'zh', 'wan')).toMatch(/^单列金额（异地就医）：50\.00 万元 → /);
  });

  it('rates as percentages; spreads in percentage points', () => {
    expect(say(set(['policy', 'deposit', 'rates', 'hospital'], '0.08'), 'zh')).toBe('保证金比例（医院）：10% → 8%');
    expect(say(set(['analysis', 'risk', 'overspendThreshold'], 0.1), 'zh')).toBe('超支认定线（超支率）：（未设置） → 10%');
    expect(say(set(['analysis', 'risk', 'sigmaCommon'], 0.05), 'zh')).toBe('全市共同冲击标准差：（未设置） → 5 个百分点');
    expect(say(set(['analysis', 'risk', 'sigmaCommon'], 0.05), 'en')).toBe('Common shock spread: (not set) → 5 pp');
  });

  it('counts and empty lists in the language shown', () => {
    const withAdj = { ...base, adjustments: [{ hospital: 'H001', from: 7, change: '-1000.00', reason: '扩建' }] };
    const c = set(['adjustments'], []);
    expect(describeChange(c, withAdj, 'zh')).toBe('年中调整记录：1 项 → （无）');
    expect(describeChange(c, withAdj, 'en')).toBe('Mid-year adjustments: 1 item → (none)');
    expect(describeChange(set(['adjustments', 0, 'hospital'], 'H002'), withAdj, 'zh')).toBe('第1项年中调整的机构编码：H001 市第一人民医院 → H002 市中医院');
  });

  it('no Latin word but institution codes in any Chinese line of the cases above', () => {
    const cases: Change[] = [
      set(['hospitals', '#H001', 'level'], 'secondary'), set(['hospitals', '#H001', 'class'], 'chronic'),
      set(['policy', 'pools', '#hosp', 'classes'], ['hospital', 'chronic']), set(['policy', 'quality', 'mode'], 'step'),
      set(['policy', 'deposit', 'base'], 'claims'), set(['fund', 'budget'], '3200000000.00'), set(['analysis', 'risk', 'sigma'], 0.1),
    ];
    for (const unit of ['yuan', 'wan'] as const) for (const c of cases) expect(latin(say(c, 'zh', unit)), say(c, 'zh', unit)).toEqual([]);
  });
});

describe('formatValue and valueKind', () => {
  it('kinds by path', () => {
    expect(valueKind(['hospitals', 3, 'level'])).toBe('level');
    expect(valueKind(['policy', 'pools', '#x', 'classes'])).toBe('class');
    expect(valueKind(['policy', 'quality', 'mode'])).toBe('quality');
    expect(valueKind(['monitoring', 'thresholds', 'overspendRate'])).toBe('pct');
    expect(valueKind(['adjustments', 0, 'change'])).toBe('money');
    expect(valueKind(['policy', 'historyWeights', 0])).toBe('plain');
  });

  it('money in 元 or 万元, a negative with the one minus sign', () => {
    expect(formatValue('-1234567.89', 'zh', 'money')).toBe('−1,234,567.89 元');
    expect(formatValue('-1234567.89', 'zh', 'money', { unit: 'wan' })).toBe('−123.46 万元');
  });
});

describe('the views pass the unit chosen', () => {
  const ws: Workspace = {
    ...newWorkspace(smallScenario()),
    variants: [{ id: 'v1', name: '调整', changes: [set(['fund', 'budget'], '3200000000.00'), set(['hospitals', '#H001', 'level'], 'secondary'),
      set(['policy', 'pools', '#hosp', 'classes'], ['hospital', 'chronic'])] }],
  };

  it('the change list of a variant', () => {
    const zh = scenarioBarView(stateOf(ws, { active: 'v1', unit: 'wan' })).changes;
    expect(zh).toEqual(['基金支出预算：1,000.00 万元 → 320,000.00 万元', 'H001 市第一人民医院 · 级别：三级 → 二级', '分配池包含的机构类型（医院）：医院 → 医院、门诊慢特病']);
    expect(scenarioBarView(stateOf(ws, { active: 'v1', unit: 'yuan' })).changes[0]).toBe('基金支出预算：10,000,000.00 元 → 3,200,000,000.00 元');
  });

  it('the comparison’s parameter differences', () => {
    const rows = (unit: Unit, lang: Lang) => new CompareViews().of(stateOf(ws, { tab: 'compare', unit, lang })).params.rows;
    const budget = (unit: Unit, lang: Lang) => rows(unit, lang).find((r) => r.path === 'fund.budget')!.shown;
    expect(budget('wan', 'zh')).toEqual(['1,000.00 万元', '320,000.00 万元']);
    expect(budget('yuan', 'zh')).toEqual(['10,000,000.00 元', '3,200,000,000.00 元']);
    const classes = rows('yuan', 'zh').find((r) => r.path.endsWith('.classes'))!;
    expect(classes.shown).toEqual(['医院', '医院、门诊慢特病']);
    expect(rows('yuan', 'en').find((r) => r.path.endsWith('.classes'))!.shown).toEqual(['[hospital]', '[hospital, outpatient chronic]']);
  });
});
