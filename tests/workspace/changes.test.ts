import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges, ChangeError, describeChange, diffScenarios } from '../../src/workspace/changes.ts';
import type { Change } from '../../src/workspace/types.ts';
import type { Scenario } from '../../src/format/types.ts';
import { smallScenario } from './fixture.ts';
import { formatPath } from '../../src/format/path.ts';

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
const frozenBase = () => deepFreeze(smallScenario());
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function applyError(base: Scenario, changes: Change[]): ChangeError {
  try {
    applyChanges(base, changes);
  } catch (e) {
    if (e instanceof ChangeError) return e;
    throw e;
  }
  throw new Error('expected a ChangeError');
}

describe('applyChanges', () => {
  it('sets and removes leaves without touching the base, sharing what did not change', () => {
    const base = frozenBase();
    const out = applyChanges(base, [
      { op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' },
      { op: 'set', path: ['hospitals', '#H003', 'lockedTarget'], value: '1500000.00' },
      { op: 'remove', path: ['policy', 'surplus', 'cap'] },
    ]);
    expect(out.policy.deposit.rates.hospital).toBe('0.08');
    expect(out.hospitals[2]!.lockedTarget).toBe('1500000.00');
    expect(out.policy.surplus!.cap).toBeUndefined();
    expect(base.policy.deposit.rates.hospital).toBe('0.10');
    expect(out.fund).toBe(base.fund);
    expect(out.hospitals[0]).toBe(base.hospitals[0]);
  });

  it('addresses hospitals by id wherever they are in the list', () => {
    const base = smallScenario();
    base.hospitals.reverse();
    const out = applyChanges(base, [{ op: 'set', path: ['hospitals', '#H003', 'score'], value: 70 }]);
    expect(out.hospitals.find((h) => h.id === 'H003')!.score).toBe(70);
  });

  it('appends an element with a new id, removes by id, and appends at index = length', () => {
    const base = frozenBase();
    const h = { ...copy(base.hospitals[3]!), id: 'C002', name: '西街社区' };
    const out = applyChanges(base, [
      { op: 'remove', path: ['hospitals', '#H002'] },
      { op: 'set', path: ['hospitals', '#C002'], value: h },
      { op: 'set', path: ['policy', 'historyWeights', 3], value: '0.1' },
    ]);
    expect(out.hospitals.map((x) => x.id)).toEqual(['H001', 'H003', 'C001', 'C002']);
    expect(out.policy.historyWeights).toEqual(['0.2', '0.3', '0.5', '0.1']);
  });

  it('removes several hospitals by id as one by one would, and names the change that fails', () => {
    const base = smallScenario();
    base.hospitals.push({ ...copy(base.hospitals[1]!), name: 'duplicate id' });
    deepFreeze(base);
    const rm = (id: string): Change => ({ op: 'remove', path: ['hospitals', `#${id}`] });
    const out = applyChanges(base, [rm('H003'), rm('H002'), rm('H001'), rm('H002')]);
    expect(out.hospitals.map((h) => h.id)).toEqual(['C001']);
    const e = applyError(base, [rm('H003'), rm('H003'), rm('H001')]);
    expect([e.index, e.message]).toEqual([1, 'hospitals[id=H003]: hospitals has no element with id "H003"']);
    expect(applyError(base, [rm('H001'), { op: 'remove', path: ['hospitals', '#'] }]).index).toBe(1);
  });

  it('creates missing objects on the way of a set', () => {
    const out = applyChanges(frozenBase(), [{ op: 'set', path: ['policy', 'advance', 'months'], value: '1' }]);
    expect(out.policy.advance).toEqual({ months: '1' });
  });

  it('removing an absent field is a no-op', () => {
    const base = frozenBase();
    expect(applyChanges(base, [{ op: 'remove', path: ['fund', 'adjustmentTopUpCap'] }])).toEqual(base);
  });

  it('refuses a missing index, a missing id, a path through a non-object, naming the path and the change', () => {
    const base = frozenBase();
    let e = applyError(base, [{ op: 'set', path: ['meta', 'name'], value: 'x' }, { op: 'set', path: ['hospitals', 9, 'score'], value: 1 }]);
    expect(e.index).toBe(1);
    expect(e.message).toBe('hospitals[9].score: hospitals has no element [9] (it has 4)');
    e = applyError(base, [{ op: 'set', path: ['hospitals', '#H999', 'score'], value: 1 }]);
    expect(e.message).toBe('hospitals[id=H999].score: hospitals has no element with id "H999"');
    e = applyError(base, [{ op: 'set', path: ['fund', 'budget', 'x'], value: 1 }]);
    expect(e.message).toBe('fund.budget.x: fund.budget is a string ("10000000.00"), not an object or list');
    e = applyError(base, [{ op: 'set', path: ['policy', 'historyWeights', 7], value: '1' }]);
    expect(e.message).toMatch(/^policy\.historyWeights\[7\]: policy\.historyWeights has no element \[7\] \(it has 3\); a new element can only be added at \[3\]$/);
    e = applyError(base, [{ op: 'remove', path: ['hospitals', 4] }]);
    expect(e.path).toBe('hospitals[4]');
    e = applyError(base, [{ op: 'set', path: ['hospitals', 'H001'], value: 1 }]);
    expect(e.message).toMatch(/hospitals is a list: expected an index or an id segment/);
    e = applyError(base, [{ op: 'set', path: ['fund', 0], value: 1 }]);
    expect(e.message).toMatch(/fund is an object, not a list/);
  });

  it('refuses prototype keys, empty paths and an element whose id does not match its segment', () => {
    const base = frozenBase();
    expect(applyError(base, [{ op: 'set', path: ['__proto__', 'polluted'], value: 1 }]).message).toMatch(/"__proto__" is not allowed/);
    expect(applyError(base, [{ op: 'set', path: ['meta', 'constructor'], value: 1 }]).message).toMatch(/"constructor" is not allowed/);
    expect(applyError(base, [{ op: 'set', path: [], value: 1 }]).message).toMatch(/the path is empty/);
    expect(applyError(base, [{ op: 'set', path: ['hospitals', '#X'], value: { id: 'Y' } }]).message).toMatch(/"id": "X"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('follows a hospital whose id was just changed', () => {
    const out = applyChanges(frozenBase(), [
      { op: 'set', path: ['hospitals', 1, 'id'], value: 'H002b' },
      { op: 'set', path: ['hospitals', '#H002b', 'score'], value: 50 },
    ]);
    expect(out.hospitals[1]).toMatchObject({ id: 'H002b', score: 50 });
  });

  it('does not let later edits of a set value leak into the result', () => {
    const value = { months: '1' };
    const out = applyChanges(frozenBase(), [{ op: 'set', path: ['policy', 'advance'], value }]);
    value.months = '9';
    expect(out.policy.advance).toEqual({ months: '1' });
  });
});

describe('diffScenarios', () => {
  it('gives one leaf change per edited field, hospitals by id', () => {
    const a = frozenBase();
    const b = copy(a);
    b.policy.deposit.rates.hospital = '0.08';
    b.hospitals[2]!.lockedTarget = '1500000.00';
    delete b.policy.surplus!.cap;
    expect(diffScenarios(a, b)).toEqual([
      { op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' },
      { op: 'remove', path: ['policy', 'surplus', 'cap'] },
      { op: 'set', path: ['hospitals', '#H003', 'lockedTarget'], value: '1500000.00' },
    ]);
  });

  it('is empty for equal scenarios, whatever the key order', () => {
    const a = frozenBase();
    const b = copy(a);
    b.fund = Object.fromEntries(Object.entries(b.fund).reverse()) as typeof b.fund;
    expect(diffScenarios(a, b)).toEqual([]);
  });

  it('removes and appends hospitals by id', () => {
    const a = frozenBase();
    const b = copy(a);
    b.hospitals.splice(1, 1);
    b.hospitals.push({ ...copy(a.hospitals[3]!), id: 'C002' });
    const d = diffScenarios(a, b);
    expect(d.map((c) => [c.op, formatPath(c.path, true)])).toEqual([['remove', 'hospitals[id=H002]'], ['set', 'hospitals[id=C002]']]);
    expect(applyChanges(a, d)).toEqual(b);
  });

  it('shows an id edit by index, and sets the whole list when hospitals are reordered', () => {
    const a = frozenBase();
    const b = copy(a);
    b.hospitals[1]!.id = 'H002b';
    expect(diffScenarios(a, b)).toEqual([{ op: 'set', path: ['hospitals', 1, 'id'], value: 'H002b' }]);
    const c = copy(a);
    c.hospitals.reverse();
    expect(diffScenarios(a, c).map((x) => x.path)).toEqual([['hospitals']]);
  });

  it('sets a primitive list whole when its length changes', () => {
    const a = frozenBase();
    const b = copy(a);
    b.policy.historyWeights = ['0.4', '0.6'];
    expect(diffScenarios(a, b)).toEqual([{ op: 'set', path: ['policy', 'historyWeights'], value: ['0.4', '0.6'] }]);
  });

  it('round-trips random edits exactly, without touching the base (property)', () => {
    const base = frozenBase();
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 8 }), (edits) => {
        const edited = copy(base) as unknown as Record<string, unknown>;
        for (const e of edits) applyEdit(edited, e);
        const b = edited as unknown as Scenario;
        const changes = diffScenarios(base, b);
        expect(applyChanges(base, changes)).toEqual(b);
        expect(diffScenarios(base, applyChanges(base, changes))).toEqual(changes);
        expect(JSON.parse(JSON.stringify(changes))).toEqual(changes);
      }),
      { numRuns: 400 },
    );
  });
});

describe('applyChanges in one call equals one change at a time (property)', () => {
  const ids = ['H001', 'H002', 'H003', 'C001', 'N1', 'N2'];
  const changeArb: fc.Arbitrary<Change> = fc.oneof(
    fc.constantFrom(...ids).map((id): Change => ({ op: 'remove', path: ['hospitals', `#${id}`] })),
    fc.constantFrom(...ids).map((id): Change => ({ op: 'remove', path: ['hospitals', `#${id}`] })),
    fc.nat(5).map((i): Change => ({ op: 'remove', path: ['hospitals', i] })),
    fc.tuple(fc.constantFrom(...ids), fc.nat(100)).map(([id, score]): Change => ({ op: 'set', path: ['hospitals', `#${id}`, 'score'], value: score })),
    fc.constantFrom(...ids).map((id): Change => ({ op: 'set', path: ['hospitals', `#${id}`], value: { id, name: id } })),
    fc.tuple(fc.nat(5), fc.constantFrom(...ids)).map(([i, id]): Change => ({ op: 'set', path: ['hospitals', i, 'id'], value: id })),
  );
  const outcome = (f: () => Scenario) => {
    try {
      return { ok: f() };
    } catch (e) {
      if (!(e instanceof ChangeError)) throw e;
      return { error: e.message };
    }
  };
  it('gives the same scenario or the same error', () => {
    const base = smallScenario();
    base.hospitals.push({ ...copy(base.hospitals[0]!), name: 'dup' });
    deepFreeze(base);
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 10 }), (changes) => {
        const together = outcome(() => applyChanges(base, changes));
        const oneByOne = outcome(() => changes.reduce((s, c, i) => {
          try {
            return applyChanges(s, [c]);
          } catch (e) {
            throw e instanceof ChangeError ? new ChangeError(i, e.path, e.reason) : e;
          }
        }, base));
        expect(together).toEqual(oneByOne);
      }),
      { numRuns: 1000 },
    );
  });
});

type Edit = { kind: 'set' | 'delete' | 'insert' | 'addHospital' | 'moveHospital'; pick: number; value: unknown };
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'insert', 'addHospital', 'moveHospital'),
  pick: fc.nat(),
  value: fc.oneof(
    fc.constantFrom('0.08', '1500000.00', 'H002', null, true),
    fc.integer({ min: 0, max: 100 }),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  ),
});

type Node = Record<string, unknown> | unknown[];
/** Every (container, key) of a JSON tree, the root excluded. */
function slots(root: Node): [Node, string | number][] {
  const out: [Node, string | number][] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach((x, i) => (out.push([n, i]), walk(x)));
    else if (typeof n === 'object' && n !== null) for (const [k, x] of Object.entries(n)) (out.push([n as Node, k]), walk(x));
  };
  walk(root);
  return out;
}

function applyEdit(root: Record<string, unknown>, e: Edit): void {
  const hospitals = root.hospitals;
  if (e.kind === 'addHospital' || e.kind === 'moveHospital') {
    if (!Array.isArray(hospitals) || hospitals.length === 0) return;
    const i = e.pick % hospitals.length;
    if (e.kind === 'moveHospital') hospitals.push(hospitals.splice(i, 1)[0]);
    else hospitals.splice(e.pick % (hospitals.length + 1), 0, { ...(hospitals[i] as object), id: `N${e.pick % 7}` });
    return;
  }
  const all = slots(root);
  const [node, key] = all[e.pick % all.length]!;
  if (Array.isArray(node)) {
    const i = key as number;
    if (e.kind === 'set') node[i] = e.value;
    else if (e.kind === 'delete') node.splice(i, 1);
    else node.splice(i, 0, e.value);
  } else if (e.kind === 'delete') {
    delete node[key as string];
  } else {
    node[e.kind === 'insert' ? `k${e.pick % 5}` : (key as string)] = e.value;
  }
}

describe('describeChange', () => {
  const base = frozenBase();
  it('uses the label table in both languages', () => {
    const c: Change = { op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' };
    expect(describeChange(c, base, 'zh')).toBe('保证金比例（医院）：10% → 8%');
    expect(describeChange(c, base, 'en')).toBe('Deposit rate (hospital): 10% → 8%');
    expect(describeChange({ op: 'set', path: ['fund', 'riskReserveRate'], value: '0.03' }, base, 'zh')).toBe('风险储备金比例：2% → 3%');
    expect(describeChange({ op: 'set', path: ['policy', 'levelCoefficients', 'tertiary'], value: '1.2' }, base, 'zh')).toBe('级别系数（三级）：1.1 → 1.2');
    expect(describeChange({ op: 'set', path: ['policy', 'surplus', 'tiers', 0, 'share'], value: '0.6' }, base, 'zh')).toBe('结余留用第1档比例：50% → 60%');
    expect(describeChange({ op: 'remove', path: ['policy', 'surplus', 'cap'] }, base, 'en')).toBe('Surplus reward cap (of target): 3% → (not set)');
    expect(describeChange({ op: 'set', path: ['policy', 'pools', '#prim', 'share'], value: '0.25' }, base, 'zh')).toBe('分配池份额（基层）：20% → 25%');
    // History years by calendar year (2022年 for the first of three before 2025), as the brief and the data tab say them.
    expect(describeChange({ op: 'set', path: ['policy', 'historyWeights', 0], value: '0.1' }, base, 'zh')).toBe('历史年度权重（2022年）：0.2 → 0.1');
    expect(describeChange({ op: 'set', path: ['policy', 'historyWeights', 2], value: '0.6' }, base, 'en')).toBe('History weight (2024): 0.5 → 0.6');
    // The analyses' parameters by name, not as the file's path.
    expect(describeChange({ op: 'set', path: ['analysis', 'risk', 'seed'], value: 7 }, base, 'zh')).toBe('风险测算随机种子：（未设置） → 7');
    // A whole object set at once reads as the fields it changes, not as {…}.
    expect(describeChange({ op: 'set', path: ['analysis'], value: { risk: { seed: 7 } } }, base, 'zh')).toBe('风险测算随机种子：（未设置） → 7');
    const five = { risk: { seed: 7, draws: 1000 }, years: { years: 5, revenueGrowth: '0.05', budgetGrowth: '0.04' } };
    expect(describeChange({ op: 'set', path: ['analysis'], value: five }, base, 'en'))
      .toBe('Risk seed: (not set) → 7; Risk draws: (not set) → 1000; Years in the run: (not set) → 5; Fund revenue growth per year: (not set) → 5%; 1 more');
    expect(describeChange({ op: 'set', path: ['policy', 'historyWeights'], value: ['0.4', '0.6'] }, base, 'en')).toBe('History weights: [0.2, 0.3, 0.5] → [0.4, 0.6]');
  });

  it('names the hospital by id and name', () => {
    expect(describeChange({ op: 'set', path: ['hospitals', '#H003', 'lockedTarget'], value: '1500000.00' }, base, 'zh')).toBe('H003 区人民医院 · 锁定目标：（未设置） → 1,500,000.00 元');
    expect(describeChange({ op: 'set', path: ['hospitals', 0, 'claims', 4], value: '1.00' }, base, 'en')).toBe('H001 市第一人民医院 · claims, month 5: 290,000.00 yuan → 1.00 yuan');
    expect(describeChange({ op: 'set', path: ['hospitals', '#H002', 'score'], value: 80 }, base, 'en')).toBe('H002 市中医院 · quality score: 75 → 80');
    expect(describeChange({ op: 'remove', path: ['hospitals', '#H002'] }, base, 'zh')).toBe('机构 H002 市中医院：删除');
    expect(describeChange({ op: 'set', path: ['hospitals', '#N1'], value: { id: 'N1', name: '新医院' } }, base, 'en')).toBe('Hospital N1 新医院: added');
  });

  it('names a catalogue group by code and name, its reference cost as an amount', () => {
    const cat = { ...base, catalogue: [{ id: 'G01', name: '阑尾炎', score: '120', refCost: '8000.00' }] } as Scenario;
    expect(describeChange({ op: 'set', path: ['catalogue', '#G01', 'score'], value: '130' }, cat, 'zh')).toBe('病种分值（G01 阑尾炎）：120 → 130');
    expect(describeChange({ op: 'set', path: ['catalogue', '#G01', 'refCost'], value: '8500.00' }, cat, 'en')).toBe('Reference cost (G01 阑尾炎): 8,000.00 yuan → 8,500.00 yuan');
    expect(describeChange({ op: 'remove', path: ['catalogue', '#G01'] }, cat, 'zh')).toBe('病种（G01 阑尾炎）：删除');
    expect(describeChange({ op: 'set', path: ['catalogue', '#G02'], value: { id: 'G02', name: '肺炎', score: '90', refCost: '6000.00' } }, cat, 'en')).toBe('Group (G02 肺炎): added');
  });

  it('falls back to the path', () => {
    expect(describeChange({ op: 'set', path: ['policy', 'custom', 'x'], value: 1 }, base, 'en')).toBe('custom.x in Policy: (not set) → 1');
    expect(describeChange({ op: 'set', path: ['hospitals', '#H001', 'fields', 'beds'], value: 500 }, base, 'zh')).toBe('H001 市第一人民医院 · 字段 beds：（未设置） → 500');
  });
});

describe('elements without an addressable id', () => {
  it('an element whose id became empty is changed by index (fast-check seed 1088942940 found it)', () => {
    const base = frozenBase();
    const edited = structuredClone(base) as Scenario;
    edited.fund.carveOuts[0]!.id = '';
    const changes = diffScenarios(base, edited);
    expect(changes.every((c) => !c.path.includes('#'))).toBe(true);
    expect(applyChanges(base, changes)).toEqual(edited);
  });
});
