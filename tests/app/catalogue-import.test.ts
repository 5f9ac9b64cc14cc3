/**
 * The group catalogue import of the app (state/handle-catalogue.ts) with the real reader
 * (src/cases/catalogue.ts, as in the case worker) and the real gate (validateWorkspace, as in
 * the workspace worker): a points scenario without a catalogue gets one — one undoable edit —
 * and can then take a case list; a file with bad cells is refused whole, naming row and column
 * in the user's language, nothing changed; replacing a catalogue asks, with the groups before → after.
 */
import { describe, expect, it, vi } from 'vitest';
import { Controller } from '../../src/app/state/controller.ts';
import { importCatalogue, type CatalogueDeps } from '../../src/app/state/handle-catalogue.ts';
import { importCatalogue as readCatalogue } from '../../src/cases/catalogue.ts';
import { validateWorkspace } from '../../src/workspace/file.ts';
import { scenarioOf } from '../../src/workspace/workspace.ts';
import { casesView } from '../../src/app/views/cases.ts';
import type { ColumnLike } from '../../src/app/runs/scheduler.ts';
import type { CatalogueGroup } from '../../src/format/types.ts';
import { catalogueCsv } from '../../scripts/cases/catalogue.ts';
import { pointsWorkspace } from './points-fixture.ts';

/** A column whose runs never end: this test is about the workspace, not results. */
const idle = (): ColumnLike => ({
  cached: () => undefined, run: () => new Promise(() => {}), fingerprint: vi.fn(), explain: vi.fn(), whatIf: vi.fn(),
  pointInflation: vi.fn(), monitor: vi.fn(), previewAdjustment: vi.fn(), dispose: () => {},
}) as unknown as ColumnLike;

const GROUPS: CatalogueGroup[] = [
  { id: 'G1', name: '阑尾炎', score: '523.4817', refCost: '6012.50' },
  { id: 'G2', name: '胆囊炎', score: '1200', refCost: '14000.00' },
  { id: 'G3', score: '80.5', refCost: '950.00' },
];

function deps(answer = true): CatalogueDeps & { ask: ReturnType<typeof vi.fn> } {
  return {
    read: async (f) => readCatalogue(new Uint8Array(await f.arrayBuffer()), f.name),
    gate: async (ws) => validateWorkspace(JSON.parse(JSON.stringify(ws))),
    ask: vi.fn(() => answer),
  };
}
const file = (text: string, name = 'catalogue.csv') => new File([text], name, { type: 'text/csv' });

function points(lang: 'zh' | 'en' = 'zh'): { ctl: Controller; id: string } {
  const { ws, id } = pointsWorkspace();
  const ctl = new Controller(ws, { lang }, idle);
  ctl.setActive(id);
  return { ctl, id };
}

describe('the group catalogue import (app)', () => {
  it('gives a points scenario without a catalogue its groups: one undoable edit; then a case list can go in', async () => {
    const { ctl, id } = points();
    expect(casesView(ctl.state)).toMatchObject({ offered: true, groups: 0, available: false });
    const d = deps();
    await importCatalogue(ctl, file(catalogueCsv(GROUPS)), d);
    expect(d.ask).not.toHaveBeenCalled(); // nothing to replace
    expect(scenarioOf(ctl.state.ws, id).catalogue).toEqual(GROUPS);
    expect(ctl.state.ws.baseline.catalogue).toBeUndefined(); // the variant shown only
    const v = casesView(ctl.state);
    expect(v).toMatchObject({ groups: 3, available: true });
    expect(v.catalogue).toMatchObject({ status: 'done', says: '已导入病种目录：3 组（可撤销）；现在可以导入病例清单', errors: [] });
    ctl.undo();
    expect(scenarioOf(ctl.state.ws, id).catalogue).toBeUndefined();
  });

  it('replacing a catalogue asks with the groups before → after; declined, nothing changes; accepted, the groups are replaced', async () => {
    const { ctl, id } = points('en');
    await importCatalogue(ctl, file(catalogueCsv(GROUPS)), deps());
    const two = GROUPS.slice(0, 2).map((g) => ({ ...g, score: '99' }));
    const no = deps(false);
    const ws = ctl.state.ws;
    await importCatalogue(ctl, file(catalogueCsv(two), 'new.csv'), no);
    expect(no.ask).toHaveBeenCalledOnce();
    expect(no.ask.mock.calls[0]![0]).toContain('3 groups now → 2 groups in the new one');
    expect(no.ask.mock.calls[0]![0]).toContain('“new.csv”');
    expect(ctl.state.ws).toBe(ws);
    expect(casesView(ctl.state).catalogue).toMatchObject({ status: 'declined', says: expect.stringContaining('still 3 groups') });
    const yes = deps(true);
    await importCatalogue(ctl, file(catalogueCsv(two), 'new.csv'), yes);
    expect(scenarioOf(ctl.state.ws, id).catalogue).toEqual(two);
    expect(casesView(ctl.state).catalogue!.says).toMatch(/^Group catalogue replaced: 3 groups → 2 \(undoable\)/);
    ctl.undo();
    expect(scenarioOf(ctl.state.ws, id).catalogue).toEqual(GROUPS);
  });

  it('a file with bad cells is refused whole, each named by row and column in the user\'s language; nothing changes', async () => {
    const { ctl, id } = points();
    const ws = ctl.state.ws;
    const text = ['病组编码,病组名称,分值,次均费用（元）', 'G1,阑尾炎,523.4817,6012.50', 'G2,,abc,100', 'G3,,10,', 'G1,重复,10,100'].join('\n');
    const d = deps();
    await importCatalogue(ctl, file(text), d);
    expect(ctl.state.ws).toBe(ws);
    expect(scenarioOf(ctl.state.ws, id).catalogue).toBeUndefined();
    expect(d.ask).not.toHaveBeenCalled();
    const zh = casesView(ctl.state).catalogue!;
    expect(zh.status).toBe('refused');
    expect(zh.says).toBe('病种目录有 3 处错误，未导入，方案未作改动：');
    expect(zh.errors).toEqual([
      '第 3 行「分值」「abc」：分值应为大于 0 的数，最多四位小数',
      '第 4 行「次均费用（元）」：必填，不能为空',
      '第 5 行「病组编码」「G1」：病组编码重复（与第 2 行相同）',
    ]);
    ctl.setLang('en');
    const en = casesView(ctl.state).catalogue!;
    expect(en.says).toBe('The group catalogue has 3 errors: not imported, the scenario is unchanged:');
    expect(en.errors[0]).toBe('row 3, 分值 "abc": a score must be a number > 0 with at most 4 decimals');
    expect(casesView(ctl.state).available).toBe(false);
  });

  it('a file without the columns, or the gate\'s refusal, changes nothing either (the gate\'s issues in the notice)', async () => {
    const { ctl, id } = points('en');
    const ws = ctl.state.ws;
    await importCatalogue(ctl, file('code,colour\nG1,red\n'), deps());
    expect(ctl.state.ws).toBe(ws);
    expect(casesView(ctl.state).catalogue!.says).toMatch(/^The group catalogue was not imported; the scenario is unchanged: no header found/);
    const refusing: CatalogueDeps = { ...deps(), gate: async () => ({ ok: false, issues: [{ path: 'catalogue[0].score', message: 'no' }] }) as never };
    await importCatalogue(ctl, file(catalogueCsv(GROUPS)), refusing);
    expect(ctl.state.ws).toBe(ws);
    expect(scenarioOf(ctl.state.ws, id).catalogue).toBeUndefined();
    expect(casesView(ctl.state).catalogue!.status).toBe('refused');
    expect(ctl.state.notice).toMatchObject({ kind: 'error', says: { key: 'importRefusedGate' }, issues: [{ path: 'catalogue[0].score' }] });
  });
});
