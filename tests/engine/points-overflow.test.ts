/** A pre-settlement beyond the exact range (2^53 fen) is refused with a located message, not a crash or a rounded amount. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/open.ts';
import { runScenario } from '../../src/engine/run.ts';
import { ScenarioError } from '../../src/format/issues.ts';
import { renderMessage } from '../../src/format/messages.ts';

const golden = JSON.parse(readFileSync('tests/golden/28-points-settlement.json', 'utf8')).scenario;

describe('points: exact range of the pre-settlement', () => {
  it('months with enormous points against tiny projected points: ScenarioError at hospitals[i].points, in both languages', () => {
    const s = structuredClone(golden);
    s.fund.budget = '1000000000.00';
    s.fund.revenue = '1000000000.00';
    s.hospitals[0].points = { total: '99999999999.0000', lastYear: '0.0001' };
    s.hospitals[1].points = { total: '1.0000', projected: '0.0001' };
    const r = loadScenario(JSON.stringify(s));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    let err: unknown;
    try { runScenario(r.scenario); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ScenarioError);
    const issue = (err as ScenarioError).issues[0]!;
    expect(issue.path).toBe('hospitals[0].points');
    expect(issue.message).toContain('institution "A": the pre-settlement of month 1');
    expect(issue.message).toContain('2^53');
    expect(renderMessage(issue.code!, issue.params, 'zh')).toContain('机构「A」1 月预结算');
  });

  it('the golden case itself settles', () => {
    const r = loadScenario(JSON.stringify(golden));
    expect(r.ok && runScenario(r.scenario).hospitals.length).toBe(golden.hospitals.length);
  });
});
