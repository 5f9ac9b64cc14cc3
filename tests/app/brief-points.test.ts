/**
 * The brief of an institution of a pool settled by points (DESIGN §7), as the app builds it for
 * the points example (scenarios/city-points.json as the variant of the per-target city): it has no
 * target up front, so its derivation is that of its entitlement by points (display/points-steps.ts,
 * the engine's figures: entitlement to the fen, point values to 4 decimals) and it offers no target
 * what-if; a per-target institution's brief is as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../src/format/types.ts';
import { addVariant, newWorkspace, scenarioOf, setVariantChanges, BASELINE } from '../../src/workspace/workspace.ts';
import { diffScenarios } from '../../src/workspace/diff.ts';
import { runScenario } from '../../src/engine/run.ts';
import { explain } from '../../src/engine/explain.ts';
import { briefs } from '../../src/engine/briefs.ts';
import { briefContext, briefView } from '../../src/app/views/brief.ts';
import { pointsSteps } from '../../src/display/points-steps.ts';
import { money, percent, plain } from '../../src/display/number.ts';
import { msg } from '../../src/app/i18n/index.ts';
import { stateOf } from './fixture.ts';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Scenario;
const base = read('scenarios/city.json');
const points = read('scenarios/city-points.json');
const a = addVariant(newWorkspace(base), '点数法');
const ws = setVariantChanges(a.ws, a.id, diffScenarios(base, points));
const id = a.id;
const scen = scenarioOf(ws, id);
const r = runScenario(scen);
const pool = r.fund.pools.find((p) => p.settlement === 'points')!;
const member = r.hospitals.find((h) => h.pool === pool.id)!;
const other = r.hospitals.find((h) => h.pool !== pool.id)!;
const at = (hid: string) => scen.hospitals.findIndex((h) => h.id === hid);

function brief(lang: 'zh' | 'en', hid: string, interactive = true) {
  const s = stateOf(ws, { active: id, compare: [BASELINE, id], lang });
  const ex = explain(scen, r, at(hid))!;
  return { ex, b: briefView(briefContext(s), ex, { result: null, interactive })! };
}

describe('the brief of an institution of a pool settled by points', () => {
  it('the variant is the points example: its pool is settled by points', () => {
    expect(scen.policy.pools!.find((p) => p.id === pool.id)!.settlement).toBe('points');
    expect(member.points).not.toBeNull();
  });

  it.each(['zh', 'en'] as const)('%s: derives its entitlement by points step by step, with the engine’s figures', (lang) => {
    const { ex, b } = brief(lang, member.id);
    const x = ex.points!;
    expect(b.pointsSteps).toEqual(pointsSteps(x, lang));
    const steps = b.pointsSteps!;
    expect(steps).toHaveLength(6);
    // The figures are the engine's result: points, pool, point values, entitlement to the fen, payment rate.
    expect(x.points).toBe(member.points);
    expect(x.entitlement).toBe(member.target);
    expect(x.pool.pointValue).toBe(pool.pointValue);
    expect(x.pool.pointValue).toMatch(/^\d+\.\d{4}$/);
    const unit = lang === 'zh' ? '元/分' : 'yuan/point';
    expect(steps[0]).toContain(plain(x.raw, 4));
    expect(steps[1]).toContain(x.coefficient);
    expect(steps[1]).toContain(plain(member.points, 4));
    expect(steps[2]).toContain(`${plain(pool.budgetPointValue, 4)} ${unit}`);
    expect(steps[3]).toContain(money(pool.amount, 'yuan'));
    expect(steps[3]).toContain(plain(pool.points, 4));
    expect(steps[3]).toContain(`= ${plain(pool.pointValue, 4)} ${unit}`);
    expect(steps[4]).toContain(percent(member.pointShare, 4));
    expect(steps[4]).toContain(`= ${money(member.target, 'yuan')}`);
    expect(steps[5]).toContain(money(member.actual, 'yuan'));
    expect(steps[5]).toContain(percent(member.paymentRate, 2));
    // The glossary's words, none of the history-weight steps.
    const text = steps.join('\n');
    if (lang === 'zh') {
      for (const w of ['点数法级别系数（三级）', '预算点值', '年度清算点值', '点数法应得额', '点数占比', '支付率', '月度预结算']) expect(text).toContain(w);
      expect(text).not.toMatch(/权重|历史/);
    } else {
      for (const w of ['points coefficient (tertiary)', 'Budget point value', 'Settlement point value', 'Entitlement by points', 'Payment rate']) {
        expect(text).toContain(w);
      }
      expect(text).not.toMatch(/weight|history/i);
    }
  });

  it('offers no target what-if (its what-if is point inflation), on screen and in print all', () => {
    const { b } = brief('zh', member.id);
    expect(b.whatIf).toBeNull();
    expect(b.byPoints?.inflation?.rows.length).toBeGreaterThan(0);
    expect(brief('zh', member.id, false).b.whatIf).toBeNull();
    const [mine, theirs] = briefs(scen, [member.id, other.id], '5');
    expect(mine!.whatIf).toBeNull();
    expect(theirs!.whatIf?.id).toBe(other.id);
  });

  it('its settlement rows say which scenario settles it by points; it cites the points rules, not the history weights', () => {
    const { b } = brief('zh', member.id);
    expect(b.settlement.map((x) => x.byPoints)).toEqual([true, false]);
    expect(b.settlement[0]!.cells.target).toBe(member.target);
    const keys = b.sources.flatMap((g) => g.items.map((i) => i.key));
    expect(keys).toEqual(expect.arrayContaining(['policy.points.levelCoefficients', 'catalogue', 'policy.pools']));
    for (const k of ['policy.historyWeights', 'policy.levelCoefficients', 'policy.categoryCoefficients', 'policy.deposit.base']) expect(keys).not.toContain(k);
    expect(msg('zh', 'ptsDerivation')).toBe('点数法应得额测算过程');
    expect(msg('en', 'ptsDerivation')).toBe('How the entitlement by points is derived');
  });

  it('a per-target institution of the same scenario: the target’s derivation, its what-if and its history weights as before', () => {
    const { b } = brief('zh', other.id);
    expect(b.pointsSteps).toBeNull();
    expect(b.byPoints).toBeNull();
    expect(b.whatIf).toMatchObject({ pct: '5', interactive: true, result: null });
    expect(b.settlement.map((x) => x.byPoints)).toEqual([false, false]);
    expect(b.sources.flatMap((g) => g.items.map((i) => i.key))).toContain('policy.historyWeights');
  });
});
