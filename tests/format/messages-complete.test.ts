/**
 * Table completeness: every issue the one gate raises (shape, engine compile, adjustments, points,
 * several years, sweeps, Monte Carlo, the workspace wrapper) carries a code of the catalogue, so it
 * has a Chinese text; and a few rendered lines, as the app and the CLI show them in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES, isMsgCode, renderMessage, type MsgCode } from '../../src/format/messages.ts';
import type { Issue } from '../../src/format/issues.ts';
import { validateScenario } from '../../src/scenario/open.ts';
import { issueLine } from '../../src/workspace/issue-text.ts';
import { validateRiskParams, riskParams } from '../../src/engine/risk/params.ts';
import { prepareRisk, RiskError } from '../../src/engine/risk/prepare.ts';
import { resolveYears } from '../../src/engine/analysis-params.ts';
import { planSweep } from '../../src/engine/sweep.ts';
import { planTornado } from '../../src/engine/tornado.ts';
import { addMonth, asOfMonth } from '../../src/engine/as-of.ts';
import { validateWorkspace } from '../../src/workspace/file.ts';
import type { Scenario } from '../../src/format/types.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CJK = /[\u3400-\u9fff]/;
const city = (): Record<string, any> => JSON.parse(readFileSync(join(ROOT, 'scenarios/city.json'), 'utf8'));
const cityPoints = (): Record<string, any> => JSON.parse(readFileSync(join(ROOT, 'scenarios/city-points.json'), 'utf8'));

/** Every issue has a code of the catalogue, and its Chinese text is Chinese. */
function expectCoded(issues: readonly Issue[], what: string): void {
  expect(issues.length, `${what}: refused`).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.code && isMsgCode(i.code), `${what}: "${i.path}: ${i.message}" has no code (so no Chinese text)`).toBeTruthy();
    expect(renderMessage(i.code!, i.params, 'zh')).toMatch(CJK);
  }
}

function refused(doc: unknown): Issue[] {
  const r = validateScenario(doc);
  if (r.ok) throw new Error('accepted');
  return r.issues;
}

describe('every issue of the gate has a Chinese text (table completeness)', () => {
  it('no check under src/format, src/scenario, src/engine or the workspace wrapper files an English-only text', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(join(ROOT, d), { withFileTypes: true })) {
        const p = `${d}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    for (const d of ['src/format', 'src/scenario', 'src/engine']) walk(d);
    files.push('src/workspace/file-shape.ts', 'src/workspace/file.ts');
    const bad: string[] = [];
    for (const f of files) {
      readFileSync(join(ROOT, f), 'utf8').split('\n').forEach((line, k) => {
        // An issue literal with its text written out, an English-only `add`, or a zod message not from the catalogue.
        if (/\bmessage:\s*[`'"]/.test(line) || /\bissues\.add\(/.test(line) || /\berror:\s*[`'"]/.test(line)) bad.push(`${f}:${k + 1}: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('every zod message of the schema is a message of the catalogue (found again by its text)', () => {
    const schema = readFileSync(join(ROOT, 'src/format/schema.ts'), 'utf8');
    // Every `error:` is `msg(…)` or a constant made by `msg(…)`.
    const names = [...schema.matchAll(/error:\s*([A-Za-z_$][\w$]*)\s*[},]/g)].map((m) => m[1]!);
    for (const n of new Set(names)) expect(schema, `${n} is made by msg()`).toMatch(new RegExp(`const ${n} = msg\\(`));
  });

  const shape: [string, (d: Record<string, any>) => void][] = [
    ['a points total that is not points', (d) => { d.hospitals[0].points = { total: '1.23456' }; }],
    ['monthly points not 12', (d) => { d.hospitals[0].points = { months: ['1'] }; }],
    ['a low threshold of 0', (d) => { d.policy.points = { thresholds: { low: '0' } }; }],
    ['a high threshold of 500', (d) => { d.policy.points = { thresholds: { high: '500' } }; }],
    ['catalogue not a list', (d) => { d.catalogue = 'x'; }],
    ['draws of 0', (d) => { d.analysis = { risk: { draws: 0 } }; }],
    ['draws of 1.5', (d) => { d.analysis = { risk: { draws: 1.5 } }; }],
    ['a seed of -1', (d) => { d.analysis = { risk: { seed: -1 } }; }],
    ['a sigma of 2', (d) => { d.analysis = { risk: { sigma: 2 } }; }],
    ['a sigma as text', (d) => { d.analysis = { risk: { sigma: 'x' } }; }],
    ['sigmaByCategory not a map', (d) => { d.analysis = { risk: { sigmaByCategory: 3 } }; }],
    ['an overspend threshold of 11', (d) => { d.analysis = { risk: { overspendThreshold: 11 } }; }],
    ['years of 11', (d) => { d.analysis = { years: { years: 11 } }; }],
    ['a base rule unknown', (d) => { d.analysis = { years: { baseRule: 'last' } }; }],
    ['asOf of 13', (d) => { d.monitoring = { asOf: 13 }; }],
    ['an adjustment from month 0', (d) => { d.adjustments = [{ hospital: 'T01', from: 0, change: '-1.00', reason: 'x' }]; }],
    ['an adjustment change not an amount', (d) => { d.adjustments = [{ hospital: 'T01', from: 7, change: '-1.5x', reason: 'x' }]; }],
    ['an adjustment without a reason', (d) => { d.adjustments = [{ hospital: 'T01', from: 7, change: '-1.00', reason: ' ' }]; }],
    ['adjustments not a list', (d) => { d.adjustments = {}; }],
    ['format of another tool', (d) => { d.version = 'x'; }],
  ];
  it.each(shape)('shape: %s', (_, mutate) => {
    const d = city();
    mutate(d);
    expectCoded(refused(d), _);
  });

  const engine: [string, () => Record<string, any>][] = [
    ['an adjustment for an unknown institution', () => ({ ...city(), adjustments: [{ hospital: 'NOPE', from: 7, change: '-1.00', reason: 'x' }] })],
    ['an adjustment with target and change', () => ({ ...city(), adjustments: [{ hospital: 'T01', from: 7, target: '1.00', change: '-1.00', reason: 'x' }] })],
    ['an adjustment with neither', () => ({ ...city(), adjustments: [{ hospital: 'T01', from: 7, reason: 'x' }] })],
    ['an adjustment of zero', () => ({ ...city(), adjustments: [{ hospital: 'T01', from: 7, change: '0.00', reason: 'x' }] })],
    ['an adjustment below zero', () => ({ ...city(), adjustments: [{ hospital: 'T01', from: 7, change: '-99999999999.00', reason: 'x' }] })],
    ['an adjustment in a points pool', () => ({ ...cityPoints(), adjustments: [{ hospital: 'T01', from: 7, change: '-1.00', reason: 'x' }] })],
    ['points months not adding up', () => { const d = cityPoints(); d.hospitals[0].points.total = '1.0000'; return d; }],
    ['a locked target in a points pool', () => { const d = cityPoints(); d.hospitals[0].lockedTarget = '1.00'; return d; }],
    ['a catalogue with a group twice', () => ({ ...city(), catalogue: [{ id: 'G1', score: '1', refCost: '1.00' }, { id: 'G1', score: '1', refCost: '1.00' }] })],
    ['a points pool without points', () => { const d = cityPoints(); for (const h of d.hospitals) delete h.points; return d; }],
    ['claims to date without asOf', () => { const d = city(); d.hospitals[0].claimsToDate = ['1.00']; return d; }],
    ['asOf without claims to date', () => ({ ...city(), monitoring: { asOf: 3 } })],
    ['years parameters', () => ({ ...city(), analysis: { years: { revenueGrowth: '-2' } } })],
  ];
  it.each(engine)('engine: %s', (what, make) => {
    expectCoded(refused(make()), what);
  });

  it('Monte Carlo, several years, sweeps and months: their own checks', () => {
    expectCoded(validateRiskParams({ draws: 0, seed: -1, sigma: 3, sigmaCommon: 'x', sigmaByCategory: 1, deductions: 'x', overspendThreshold: 0.1234567890123, extra: 1 }), 'risk parameters');
    expectCoded(validateRiskParams(null), 'risk parameters not an object');
    expectCoded(resolveYears({ years: 1, baseRule: 'x' as never, revenueGrowth: 'x', lockedTargets: 'x' as never, warningMonths: '-1' }).issues, 'years');
    const s = city() as unknown as Scenario;
    const p = planSweep(s, { param: { path: 'fund..x', from: 'a', to: '1', step: '0' } });
    expectCoded(p.ok ? [] : p.issues, 'sweep');
    const t = planTornado(s, { params: [], change: '2' });
    expectCoded(t.ok ? [] : t.issues, 'tornado');
    const sweeps: [string, ReturnType<typeof planSweep> | ReturnType<typeof planTornado>][] = [
      ['a sweep of an unknown parameter', planSweep(s, { param: { path: 'fund.nothing', from: '0', to: '1', step: '0.1' } })],
      ['a sweep of too many values', planSweep(s, { param: { path: 'fund.adjustmentFundRate', from: '0', to: '1', step: '0.0001' } })],
      ['a sweep output unknown', planSweep(s, { param: { path: 'fund.adjustmentFundRate', from: '0', to: '0.1', step: '0.01' }, outputs: ['nothing', 'T01.nothing', 'NOPE.owed'] })],
      ['a sweep of a whole number by halves', planSweep(s, { param: { path: 'analysis.years.years', from: '2', to: '3', step: '0.5' } })],
      ['a tornado listing a parameter twice', planTornado(s, { params: ['fund.adjustmentFundRate', 'fund.adjustmentFundRate', 'hospitals[id=NOPE].score', 'hospitals[99999]'], change: '0.1' })],
    ];
    for (const [what, r] of sweeps) expectCoded(r.ok ? [] : r.issues, what);
    const m = asOfMonth({ ...s, hospitals: s.hospitals.map((h, k) => (k === 0 ? { ...h, claims: undefined } : h)) } as Scenario, 3);
    expectCoded(m.ok ? [] : m.issues, 'as of a month not known');
    const a = addMonth(s, 2, new Map([['X', '1.00']]));
    expectCoded(a.ok ? [] : a.issues, 'a month out of turn');
    const june = asOfMonth({ ...s, monitoring: undefined, hospitals: s.hospitals.map((h) => ({ ...h, claims: new Array(12).fill('1.00') })) } as Scenario, 6);
    if (!june.ok) throw new Error('as of June');
    try {
      prepareRisk(june.scenario, riskParams({}));
      throw new Error('not refused');
    } catch (e) {
      if (!(e instanceof RiskError)) throw e;
      expectCoded(e.issues, 'risk refusal');
    }
  });

  it('the workspace wrapper', () => {
    const r = validateWorkspace({ format: 'gbsim-workspace', version: 1, variants: [{ id: 'baseline', name: '', changes: [{ op: 'x', path: [-1] }] }], fingerprints: { nope: 'x' } });
    expectCoded(r.ok ? [] : r.issues, 'workspace');
  });

  it('every code of the catalogue has a Chinese text different from its English one', () => {
    for (const code of Object.keys(MESSAGES) as MsgCode[]) {
      const params = Object.fromEntries(MESSAGES[code].params.map((p) => [p, 'x']));
      expect(renderMessage(code, params, 'zh'), code).not.toBe(renderMessage(code, params, 'en'));
    }
  });
});

describe('rendered Chinese lines name the institution and the field', () => {
  it('a mid-year adjustment below zero: the institution by code and name, the adjustment, what to do', () => {
    const d = city();
    d.adjustments = [{ hospital: 'T01', from: 7, change: '-99999999999.00', reason: '床位调整' }];
    const i = refused(d).find((x) => x.code === 'adjustBelowZero')!;
    expect(issueLine(i, 'zh', d)).toMatch(/^「T01 示例市第一人民医院」的「第1项年中调整的调整额」：调整后「T01 示例市第一人民医院」的总额控制指标将低于 0（调整前为 [\d,.]+ 元），请减小调减额（adjustments\[0\]\.change）$/);
    expect(issueLine(i, 'en', d)).toMatch(/^"T01 示例市第一人民医院", mid-year adjustment 1, change: institution "T01": the target would fall below zero/);
  });

  it('an adjustment naming no institution says which code is unknown', () => {
    const d = city();
    d.adjustments = [{ hospital: 'NOPE', from: 7, change: '-1.00', reason: 'x' }];
    expect(issueLine(refused(d)[0]!, 'zh', d)).toBe('「NOPE」的「第1项年中调整的机构编码」：没有机构编码为 "NOPE" 的机构；请填写已有机构的编码（adjustments[0].hospital）');
  });

  it('points months that do not add up, and a pool settled by points without points', () => {
    const d = cityPoints();
    d.hospitals[0].points.total = '1.0000';
    const i = refused(d)[0]!;
    expect(issueLine(i, 'zh', d)).toMatch(/^「T01 示例市第一人民医院」的「分月点数」：分月点数合计为 [\d.]+ 分，与全年点数（1\.0000 分）不一致；请使分月点数之和等于全年点数（hospitals\[0\]\.points\.months）$/);
    const e = cityPoints();
    for (const h of e.hospitals) delete h.points;
    const j = refused(e).find((x) => x.code === 'pointsPoolNoPoints')!;
    expect(issueLine(j, 'zh', e)).toMatch(/^「分配池（住院医疗机构（按病种分值付费））」：分配池「住院医疗机构（按病种分值付费）」按点数法结算，有 [\d,.]+ 元待支付，但其机构都没有点数/);
  });

  it('Monte Carlo parameters and refusals, in the words of the risk tab', () => {
    const d = city();
    d.analysis = { risk: { draws: 0 } };
    expect(issueLine(refused(d)[0]!, 'zh', d)).toBe('「风险测算抽样次数」：须在 1 到 1,000,000 之间（analysis.risk.draws）');
    const [sigma] = validateRiskParams({ ...riskParams({}), sigma: 3 });
    expect(issueLine({ ...sigma!, path: `analysis.risk.${sigma!.path}` }, 'zh', d)).toBe('「机构自身波动标准差」：不能大于 1（即波动 100 个百分点）（analysis.risk.sigma）');
    const s = city() as unknown as Scenario;
    const june = asOfMonth({ ...s, hospitals: s.hospitals.map((h) => ({ ...h, claims: new Array(12).fill('1.00') })) } as Scenario, 6);
    if (!june.ok) throw new Error('as of June');
    try {
      prepareRisk(june.scenario, riskParams({}));
    } catch (e) {
      if (!(e instanceof RiskError)) throw e;
      expect(issueLine(e.issues[0]!, 'zh', june.scenario)).toBe('「申报数据截至（月）」：本方案按月监测（申报数据截至 6 月）：风险测算按历史抽取全年申报，会舍弃已知月份；请在监测前的年度方案上测算（年中调整会计入）（monitoring.asOf）');
    }
  });
});
