import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fingerprint } from '../../src/engine/fingerprint.ts';
import { runScenario } from '../../src/engine/run.ts';
import { describeChange } from '../../src/workspace/changes.ts';
import { loadWorkspaceText, saveWorkspace, type WorkspaceLoad } from '../../src/workspace/file.ts';
import { addVariant, newWorkspace, scenarioOf, setVariantScenario } from '../../src/workspace/workspace.ts';
import { saveScenario } from '../../src/scenario/open.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import type { Issue } from '../../src/format/issues.ts';
import { smallScenario } from './fixture.ts';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const FP = 'sha256:0123456789abcdef';

function sampleWorkspace(): Workspace {
  let { ws, id } = addVariant(newWorkspace(smallScenario()), '降低保证金');
  const edited = copy(ws.baseline);
  edited.policy.deposit.rates.hospital = '0.08';
  edited.hospitals[2]!.lockedTarget = '1500000.00';
  ws = setVariantScenario(ws, id, edited);
  return addVariant(ws, '同基线').ws;
}

/** A workspace file as a plain object, to break on purpose. */
const doc = () => JSON.parse(saveWorkspace(sampleWorkspace())) as Record<string, any>;
const load = (d: unknown) => loadWorkspaceText(typeof d === 'string' ? d : JSON.stringify(d));

/** A refusal carries the issues and nothing else. */
function refused(r: WorkspaceLoad): Issue[] {
  expect(r.ok).toBe(false);
  expect(Object.keys(r).sort()).toEqual(['issues', 'ok']);
  return (r as { issues: Issue[] }).issues;
}

describe('workspace file', () => {
  it('round-trips a workspace with its fingerprints', () => {
    const ws = sampleWorkspace();
    const text = saveWorkspace(ws, { baseline: FP, v1: FP, gone: FP });
    expect(text.startsWith('{\n  "format": "gbsim-workspace",\n  "version": 1,')).toBe(true);
    const r = loadWorkspaceText(text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.kind).toBe('workspace');
    expect(r.ws).toEqual(ws);
    expect(r.fingerprints).toEqual({ baseline: FP, v1: FP });
    expect(scenarioOf(r.ws, 'v1').policy.deposit.rates.hospital).toBe('0.08');
    expect(saveWorkspace(r.ws)).toBe(saveWorkspace(ws));
  });

  it('writes plain JSON with one line per change', () => {
    const ws = sampleWorkspace();
    const text = saveWorkspace(ws);
    expect(JSON.parse(text)).toEqual(ws);
    expect(text).toContain('\n        {"op":"set","path":["hospitals","#H003","lockedTarget"],"value":"1500000.00"}');
    expect(saveWorkspace(newWorkspace(smallScenario()))).toMatch(/\n  "variants": \[\]\n}\n$/);
  });

  it('keeps opening the version-1 fixture (old files must load forever)', () => {
    const r = loadWorkspaceText(readFileSync(new URL('./fixtures/workspace-v1.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.ws.variants.map((v) => v.name)).toEqual(['降低医院保证金，锁定H003', 'Add a community centre, drop H002']);
    expect(r.ws.variants[1]!.changes.map((c) => describeChange(c, r.ws.baseline, 'zh'))).toEqual([
      '历史年度权重（2022年）：0.2 → 0.1',
      '历史年度权重（2024年）：0.5 → 0.6',
      '机构 H002 市中医院：删除',
      '机构 C002 西街社区卫生服务中心：新增',
    ]);
    expect(scenarioOf(r.ws, 'v2').hospitals.map((h) => h.id)).toEqual(['H001', 'H003', 'C001', 'C002']);
  });

  it('opens a bare scenario file as a new workspace', () => {
    const r = loadWorkspaceText(saveScenario(smallScenario()));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.kind).toBe('scenario');
    expect(r.ws.variants).toEqual([]);
    expect(r.ws.baseline).toEqual(smallScenario());
  });

  it('keeps unknown top-level fields, and normalizes values the validator normalizes', () => {
    const d = doc();
    d.note = { by: 'someone' };
    d.variants[0].changes[0].value = 0.08;
    const r = load(d);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect((r.ws as unknown as Record<string, unknown>).note).toEqual({ by: 'someone' });
    expect(r.ws.variants[0]!.changes[0]).toEqual({ op: 'set', path: ['policy', 'deposit', 'rates', 'hospital'], value: '0.08' });
    expect(JSON.parse(saveWorkspace(r.ws)).note).toEqual({ by: 'someone' });
  });

  it('refuses bad JSON with line and column', () => {
    const [i, ...rest] = refused(load('{\n  "format": "gbsim-workspace",\n  oops\n}'));
    expect(rest).toEqual([]);
    expect(i!.path).toBe('');
    expect(i!.message).toMatch(/^not valid JSON: .*line 3, column 3/);
  });

  it('refuses a file of another format, and a newer version', () => {
    expect(refused(load({ format: 'excalidraw', version: 2 }))).toMatchObject([{ path: 'format', message: 'not a workspace file: "format" must be "gbsim-workspace" or "gbsim-scenario" (it is "excalidraw")' }]);
    expect(refused(load([1, 2]))[0]!.message).toMatch(/expected a JSON object/);
    const d = doc();
    d.version = 2;
    const [i] = refused(load(d));
    expect(i!.path).toBe('version');
    expect(i!.message).toMatch(/newer version of the tool \(workspace format version 2\); this version reads up to 1/);
    d.version = 1.5;
    expect(refused(load(d))[0]!.path).toBe('version');
  });

  it('refuses a __proto__ key anywhere, and prototype keys in change paths', () => {
    const text = saveWorkspace(sampleWorkspace()).replace('"variants": [', '"variants": [{"id": "v9", "name": "x", "changes": [], "__proto__": {"polluted": 1}},');
    expect(refused(load(text))).toMatchObject([{ path: 'variants[0].__proto__', message: 'the file contains the forbidden key "__proto__"; remove or rename it', code: 'forbiddenKey' }]);
    const d = doc();
    d.variants[0].changes[0].path = ['__proto__', 'polluted'];
    expect(refused(load(d))).toMatchObject([{ path: 'variants[0].changes[0].path[0]', message: '"__proto__" is not allowed in a path' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the baseline field that is invalid', () => {
    const d = doc();
    d.baseline.fund.budget = '-5';
    d.baseline.hospitals[1].history[2] = 'abc';
    const issues = refused(load(d));
    expect(issues.map((i) => i.path)).toEqual(['baseline.fund.budget', 'baseline.hospitals[1].history[2]']);
    expect(issues[0]!.message).toMatch(/non-negative amount/);
    delete d.baseline;
    expect(refused(load(d))).toMatchObject([{ path: 'baseline', message: 'is required (the baseline scenario)' }]);
  });

  it('refuses a variant whose change makes its scenario invalid, naming variant, field and change', () => {
    const d = doc();
    d.variants[0].changes[0].value = '1.5';
    expect(refused(load(d))).toEqual([{
      path: 'variants[0] (降低保证金): policy.deposit.rates.hospital',
      message: 'must be between 0 and 1 (changed by variants[0].changes[0])',
      code: 'between01', // kept, so the app and the CLI show it in the user's language
    }]);
    const e = doc();
    e.variants[0].changes.push({ op: 'set', path: ['hospitals', '#H003', 'lockedTarget'], value: '99999999.00' });
    const issues = refused(load(e));
    expect(issues[0]!.path).toMatch(/^variants\[0\] \(降低保证金\): /);
  });

  it('refuses a variant whose change does not apply', () => {
    const d = doc();
    d.variants[1].changes = [{ op: 'set', path: ['hospitals', 7, 'score'], value: 80 }];
    expect(refused(load(d))).toEqual([{ path: 'variants[1].changes[0]', message: 'hospitals[7].score: hospitals has no element [7] (it has 4)' }]);
  });

  it('refuses malformed variants and changes, collecting every problem', () => {
    const d = doc();
    d.variants[1].id = 'v1';
    d.variants[0].changes = [{ op: 'rename', path: [] }, { op: 'set', path: ['fund', -1] }, 'x'];
    d.variants.push({ id: 'baseline', name: '' });
    expect(refused(load(d))).toMatchObject([
      { path: 'variants[0].changes[0].op', message: 'must be "set" or "remove" (it is "rename")' },
      { path: 'variants[0].changes[0].path', message: 'must be a non-empty list of field names and list indices' },
      { path: 'variants[0].changes[1].value', message: 'is required for "set"' },
      { path: 'variants[0].changes[1].path[1]', message: 'must be a field name or a whole, non-negative list index (it is -1)' },
      { path: 'variants[0].changes[2]', message: 'must be a change: {"op": "set", "path": [...], "value": ...} or {"op": "remove", "path": [...]}' },
      { path: 'variants[1].id', message: 'duplicate id "v1" (also variants[0])' },
      { path: 'variants[2].id', message: '"baseline" is reserved for the baseline; choose another id' },
      { path: 'variants[2].name', message: 'must be text of 1 to 200 characters' },
      { path: 'variants[2].changes', message: 'is required' },
    ]);
  });

  it('refuses bad fingerprints', () => {
    const d = doc();
    d.fingerprints = { baseline: 'md5:abc', v7: FP };
    expect(refused(load(d))).toMatchObject([
      { path: 'fingerprints["baseline"]', message: 'must be a fingerprint like "sha256:0123456789abcdef"' },
      { path: 'fingerprints["v7"]', message: 'names neither the baseline nor a variant of this workspace' },
    ]);
  });

  it('carries every example scenario and a variant of it through a file with the same fingerprints', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const opened = loadWorkspaceText(readFileSync(new URL(name, dir), 'utf8'));
      if (!opened.ok) throw new Error(`${name}: ${JSON.stringify(opened.issues)}`);
      let { ws, id } = addVariant(opened.ws, 'edited');
      const edited = copy(ws.baseline);
      edited.fund.adjustmentFundRate = '0.07';
      // A locked target belongs to a per-target pool: points pools have no target up front (DESIGN §7).
      const byPoints = new Set((edited.policy.pools ?? []).filter((p) => p.settlement === 'points').flatMap((p) => p.classes));
      const h = edited.hospitals.find((x) => !byPoints.has(x.class))!;
      h.lockedTarget = h.history[h.history.length - 1]!;
      ws = setVariantScenario(ws, id, edited);
      const fps = { baseline: fingerprint(runScenario(ws.baseline)), [id]: fingerprint(runScenario(scenarioOf(ws, id))) };
      const back = loadWorkspaceText(saveWorkspace(ws, fps));
      if (!back.ok) throw new Error(`${name}: ${JSON.stringify(back.issues)}`);
      expect(back.fingerprints).toEqual(fps);
      expect(fingerprint(runScenario(scenarioOf(back.ws, id)))).toBe(fps[id]);
      expect(fingerprint(runScenario(back.ws.baseline))).toBe(fps.baseline);
    }
  });
});
