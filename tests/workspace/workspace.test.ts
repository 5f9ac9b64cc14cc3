import { describe, expect, it } from 'vitest';
import {
  addVariant, deleteVariant, moveVariant, newWorkspace, refKeys, refName, renameVariant,
  scenarioOf, setBaseline, setVariantScenario,
} from '../../src/workspace/workspace.ts';
import { checkWorkspace } from '../../src/workspace/validate.ts';
import { ChangeError } from '../../src/workspace/apply.ts';
import { smallScenario } from './fixture.ts';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('workspace', () => {
  it('starts with the baseline only', () => {
    const ws = newWorkspace(smallScenario());
    expect(ws.format).toBe('gbsim-workspace');
    expect(refKeys(ws)).toEqual(['baseline']);
    expect(scenarioOf(ws, 'baseline')).toBe(ws.baseline);
  });

  it('adds a variant as a copy of the baseline, edits it, and stores only the difference', () => {
    const ws0 = newWorkspace(smallScenario());
    const { ws: ws1, id } = addVariant(ws0, '降低保证金');
    expect(id).toBe('v1');
    expect(ws0.variants).toEqual([]);
    expect(scenarioOf(ws1, id)).toEqual(ws1.baseline);

    const edited = copy(ws1.baseline);
    edited.policy.deposit.rates.hospital = '0.08';
    const ws2 = setVariantScenario(ws1, id, edited);
    expect(ws2.variants[0]!.changes).toEqual([{ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' }]);
    expect(scenarioOf(ws2, id)).toEqual(edited);
    expect(ws1.variants[0]!.changes).toEqual([]);
    expect(setVariantScenario(ws2, id, edited)).toBe(ws2);
  });

  it('duplicates a variant with its changes, renames and deletes without reusing ids', () => {
    let ws = newWorkspace(smallScenario());
    let r = addVariant(ws, 'A');
    const edited = copy(ws.baseline);
    edited.hospitals[1]!.lockedTarget = '2000000.00';
    ws = setVariantScenario(r.ws, r.id, edited);
    r = addVariant(ws, 'A copy', 'v1');
    ws = r.ws;
    expect(r.id).toBe('v2');
    expect(ws.variants[1]!.changes).toEqual(ws.variants[0]!.changes);
    expect(scenarioOf(ws, 'v2')).toEqual(edited);

    ws = renameVariant(ws, 'v2', 'B');
    expect(refName(ws, 'v2')).toBe('B');
    expect(refName(ws, 'baseline')).toBe('测试基线');
    ws = moveVariant(ws, 'v2', 0);
    expect(refKeys(ws)).toEqual(['baseline', 'v2', 'v1']);
    ws = deleteVariant(ws, 'v2');
    expect(refKeys(ws)).toEqual(['baseline', 'v1']);
    expect(addVariant(ws, 'C').id).toBe('v2');
    expect(addVariant(renameVariant(ws, 'v1', 'x'), 'D').id).toBe('v2');
    expect(() => deleteVariant(ws, 'v9')).toThrow(/no variant "v9"/);
    expect(() => scenarioOf(ws, 'v9')).toThrow(/no variant "v9"/);
  });

  it('keeps variants as change lists when the baseline changes', () => {
    let { ws, id } = addVariant(newWorkspace(smallScenario()), 'A');
    const edited = copy(ws.baseline);
    edited.fund.riskReserveRate = '0.03';
    ws = setVariantScenario(ws, id, edited);
    const base2 = copy(ws.baseline);
    base2.fund.budget = '11000000.00';
    base2.fund.riskReserveRate = '0.01';
    ws = setBaseline(ws, base2);
    const v = scenarioOf(ws, id);
    expect(v.fund.budget).toBe('11000000.00');
    expect(v.fund.riskReserveRate).toBe('0.03');
    expect(checkWorkspace(ws)).toEqual([]);
  });

  it('reports a variant whose change no longer applies after a baseline edit', () => {
    let { ws, id } = addVariant(newWorkspace(smallScenario()), 'Lock H003');
    const edited = copy(ws.baseline);
    edited.hospitals[2]!.lockedTarget = '1500000.00';
    ws = setVariantScenario(ws, id, edited);
    const base2 = copy(ws.baseline);
    base2.hospitals.splice(2, 1);
    ws = setBaseline(ws, base2);
    expect(() => scenarioOf(ws, id)).toThrow(ChangeError);
    expect(checkWorkspace(ws)).toEqual([{ path: 'variants[0].changes[0]', message: 'hospitals[id=H003].lockedTarget: hospitals has no element with id "H003"' }]);
  });

  it('memoizes a variant scenario per baseline', () => {
    const { ws, id } = addVariant(newWorkspace(smallScenario()), 'A');
    expect(scenarioOf(ws, id)).toBe(scenarioOf(ws, id));
  });

});
