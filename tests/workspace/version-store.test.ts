import { describe, expect, it } from 'vitest';
import { CURRENT_KEY, memoryStore } from '../../src/workspace/persist.ts';
import { journalKey, type JournalEntry } from '../../src/workspace/journal.ts';
import { StoreSession } from '../../src/transport/store-session.ts';
import { diffPaths } from '../../src/transport/patch.ts';
import { addVariant, newWorkspace } from '../../src/workspace/workspace.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { loadWorkspaceText, saveWorkspace } from '../../src/workspace/file.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { listVersions, versionOps, versionText } from '../../src/workspace/version-store.ts';
import { versionMetaKey, versionTextKey } from '../../src/workspace/versions.ts';
import { smallScenario } from './fixture.ts';

const sample = () => addVariant(newWorkspace(smallScenario()), 'A').ws;
function entry(seq: number, ws: Workspace, prev: Workspace | null): JournalEntry {
  const { baseline, ...rest } = ws;
  return { seq, at: '2026-01-01T00:00:00.000Z', base: prev ? { patch: diffPaths(prev.baseline, baseline) } : { full: baseline }, rest: structuredClone(rest) };
}

describe('the version history in the store', () => {
  it('each durable save adds a version: summary of the change, size, the file text that loads back', async () => {
    const kv = memoryStore();
    const s = new StoreSession(async () => kv, 0);
    const ws0 = sample();
    const ws1 = editAt(ws0, 'baseline', ['fund', 'adjustmentFundRate'], '0.04');
    s.journaled(structuredClone(entry(1, ws0, null)));
    await s.flush();
    s.journaled(structuredClone(entry(2, ws1, ws0)));
    await s.flush();
    const { versions, unreadable } = await listVersions(kv);
    expect(unreadable).toEqual([]);
    expect(versions.map((v) => [v.seq, v.summary.zh, v.summary.en])).toEqual([
      [2, '年终清算调剂金比例：5% → 4%', 'Adjustment fund rate: 5% → 4%'],
      [1, '首个版本', 'First version'],
    ]);
    const text = await versionText(kv, versions[1]!.id);
    expect(text).toBe(saveWorkspace(ws0));
    expect(versions[1]!.size).toBe(new TextEncoder().encode(text!).length);
    const back = loadWorkspaceText(text!);
    expect(back.ok && back.ws).toEqual(ws0);
  });

  it('prunes to the newest 50 (same day) and deletes the texts of those dropped', async () => {
    const kv = memoryStore();
    let prev: Workspace | null = null;
    let ws = sample();
    const t0 = Date.UTC(2026, 5, 1, 1);
    for (let i = 1; i <= 55; i++) {
      ws = editAt(ws, 'baseline', ['fund', 'budget'], `${10000000 + i}.00`);
      await kv.batch(await versionOps(kv, prev, ws, saveWorkspace(ws), i, t0 + i * 1000));
      prev = ws;
    }
    const { versions } = await listVersions(kv);
    expect(versions).toHaveLength(50);
    expect(versions[0]!.seq).toBe(55);
    expect(versions[49]!.seq).toBe(6);
    expect([...kv.data.keys()].filter((k) => k.startsWith('vtext-'))).toHaveLength(50);
  });

  it('an unreadable history never breaks loading, is listed as unreadable and never deleted', async () => {
    const kv = memoryStore();
    const ws0 = sample();
    await kv.put(CURRENT_KEY, { text: saveWorkspace(ws0), savedAt: 'x', seq: 1 });
    await kv.put(versionMetaKey('0000000000001-000000000001'), 'garbage');
    await kv.put(versionTextKey('0000000000001-000000000001'), 42);
    const s = new StoreSession(async () => kv, 0);
    expect(await s.restore(true)).toMatchObject({ status: 'ok', ws: ws0 });
    const ws1 = editAt(ws0, 'baseline', ['fund', 'riskReserveRate'], '0.03');
    s.journaled(structuredClone(entry(2, ws1, ws0)));
    await s.flush();
    const { versions, unreadable } = await listVersions(kv);
    expect(unreadable).toEqual([versionMetaKey('0000000000001-000000000001')]);
    expect(versions.map((v) => v.summary.en)).toEqual(['Risk reserve rate: 2% → 3%']);
    expect(kv.data.get(versionMetaKey('0000000000001-000000000001'))).toBe('garbage');
    expect(kv.data.get(versionTextKey('0000000000001-000000000001'))).toBe(42);
  });

  it('a history that cannot be read at all leaves the save alone: the snapshot is written without a version', async () => {
    const kv = memoryStore();
    const broken = { ...kv, entries: async (p: string) => (p.startsWith('vmeta-') ? Promise.reject(new Error('unreadable')) : kv.entries(p)) };
    const s = new StoreSession(async () => broken, 0);
    const ws0 = sample();
    s.journaled(structuredClone(entry(1, ws0, null)));
    await s.flush();
    expect(kv.data.get(CURRENT_KEY)).toMatchObject({ text: saveWorkspace(ws0), seq: 1 });
    expect(kv.data.has(journalKey(1))).toBe(false);
  });
});
