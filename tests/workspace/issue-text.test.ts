/**
 * The gate's answer on a whole workspace, in words: an issue of the baseline or of a variant
 * names the institution and the field (not `baseline.hospitals[3].id`), a variant's by its name.
 */
import { describe, expect, it } from 'vitest';
import { validateWorkspace } from '../../src/workspace/file.ts';
import { issueLine, workspaceIssueLine } from '../../src/workspace/issue-text.ts';
import { newWorkspace } from '../../src/workspace/workspace.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import type { Issue } from '../../src/format/issues.ts';
import { smallScenario } from './fixture.ts';

function refused(ws: Workspace): Issue[] {
  const r = validateWorkspace(ws);
  if (r.ok) throw new Error('the gate accepted it');
  return r.issues;
}

describe('workspaceIssueLine', () => {
  it('a duplicate code in the baseline names the institution and says 机构编码 / code', () => {
    const ws = newWorkspace(smallScenario());
    ws.baseline.hospitals[3]!.id = 'H002';
    const issue = refused(ws).find((i) => i.path === 'baseline.hospitals[3].id')!;
    expect(issue).toBeDefined();
    const zh = workspaceIssueLine(issue, 'zh', ws);
    expect(zh).toMatch(/^「H002 东街社区卫生服务中心」：机构编码 "H002" 重复/);
    expect(zh).toContain('（hospitals[3].id）');
    const en = workspaceIssueLine(issue, 'en', ws);
    expect(en).toMatch(/^"H002 东街社区卫生服务中心": duplicate id "H002" .*code/);
    expect(en).toContain('(hospitals[3].id)');
    expect(en).not.toMatch(/[\u3400-\u9fff]{2,}：/); // English frame, the institution's own name kept
  });

  it('a variant whose change puts an institution in no pool names the variant, the institution and the class', () => {
    const ws: Workspace = { ...newWorkspace(smallScenario()), variants: [{ id: 'v1', name: '改类别', changes: [{ op: 'set', path: ['hospitals', '#H003', 'class'], value: 'inpatient' }] }] };
    const issue = refused(ws).find((i) => i.path === 'variants[0] (改类别): hospitals[2].class')!;
    expect(issue).toBeDefined();
    const zh = workspaceIssueLine(issue, 'zh', ws);
    expect(zh).toMatch(/^方案「改类别」：「H003 区人民医院」的「机构类型」：机构类型「住院」不属于任何分配池；请改为已有的类型（医院、基层）/);
    expect(zh).toContain('（hospitals[2].class）');
    const en = workspaceIssueLine(issue, 'en', ws);
    expect(en).toMatch(/^Scenario "改类别": "H003 区人民医院", [^:]+: /);
    expect(en).toContain('(hospitals[2].class)');
  });

  it('a change that no longer applies names the variant and the change', () => {
    const ws: Workspace = { ...newWorkspace(smallScenario()), variants: [{ id: 'v1', name: '旧方案', changes: [{ op: 'set', path: ['hospitals', '#X999', 'score'], value: 80 }] }] };
    const issue = refused(ws).find((i) => i.path === 'variants[0].changes[0]')!;
    expect(issue).toBeDefined();
    expect(workspaceIssueLine(issue, 'zh', ws)).toMatch(/^方案「旧方案」：第 1 项修改：.+（variants\[0\]\.changes\[0\]）$/);
    expect(workspaceIssueLine(issue, 'en', ws)).toMatch(/^Scenario "旧方案": change 1: .+ \(variants\[0\]\.changes\[0\]\)$/);
  });

  it('in the app (\'unnamed\'), a line that names the place drops the path; one that cannot name it keeps it', () => {
    const ws = newWorkspace(smallScenario());
    ws.baseline.hospitals[3]!.id = 'H002';
    const dup = refused(ws).find((i) => i.path === 'baseline.hospitals[3].id')!;
    const zh = workspaceIssueLine(dup, 'zh', ws, 'unnamed');
    expect(zh).toMatch(/^「H002 东街社区卫生服务中心」：机构编码 "H002" 重复/);
    expect(zh).not.toContain('hospitals[3]');
    expect(zh).not.toMatch(/）$/);
    expect(workspaceIssueLine(dup, 'en', ws, 'unnamed')).not.toContain('(hospitals[3].id)');

    const v: Workspace = { ...newWorkspace(smallScenario()), variants: [{ id: 'v1', name: '改类别', changes: [{ op: 'set', path: ['hospitals', '#H003', 'class'], value: 'inpatient' }] }] };
    const cls = refused(v).find((i) => i.path === 'variants[0] (改类别): hospitals[2].class')!;
    const line = workspaceIssueLine(cls, 'zh', v, 'unnamed');
    expect(line).toMatch(/^方案「改类别」：「H003 区人民医院」的「机构类型」：/);
    expect(line).not.toContain('hospitals[2]');

    const old: Workspace = { ...newWorkspace(smallScenario()), variants: [{ id: 'v1', name: '旧方案', changes: [{ op: 'set', path: ['hospitals', '#X999', 'score'], value: 80 }] }] };
    const ch = refused(old).find((i) => i.path === 'variants[0].changes[0]')!;
    expect(workspaceIssueLine(ch, 'zh', old, 'unnamed')).toMatch(/^方案「旧方案」：第 1 项修改：[^（]+$/);

    // No document to name it by: the path is all there is, and it stays.
    const bare = { path: 'hospitals[12].history[2]', message: 'must be an amount' } as Issue;
    expect(issueLine(bare, 'zh', undefined, 'unnamed')).toBe('hospitals[12].history[2]：must be an amount');
  });
});
