import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_KEY, corruptKeys, createAutosave, memoryStore, openStore, setAsideStored } from '../../src/workspace/persist.ts';
import { journalKey, type JournalEntry } from '../../src/workspace/journal.ts';
import { StoreSession } from '../../src/transport/store-session.ts';
import { diffPaths } from '../../src/transport/patch.ts';
import { addVariant, newWorkspace } from '../../src/workspace/workspace.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { saveWorkspace } from '../../src/workspace/file.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { smallScenario } from './fixture.ts';

const sample = () => addVariant(newWorkspace(smallScenario()), 'A').ws;

/** What the page's journal writer (app/state/saver.ts) writes for `ws` after `prev`. */
function entry(seq: number, ws: Workspace, prev: Workspace | null): JournalEntry {
  const { baseline, ...rest } = ws;
  return { seq, at: '2026-01-01T00:00:00.000Z', base: prev ? { patch: diffPaths(prev.baseline, baseline) } : { full: baseline }, rest: structuredClone(rest) };
}

describe('the journal and the snapshot (in-memory store; the real IndexedDB is covered by e2e/durable)', () => {
  it('restores snapshot + journal; the snapshot deletes the entries it covers', async () => {
    const kv = memoryStore();
    const ws0 = sample();
    const ws1 = editAt(ws0, 'baseline', ['fund', 'adjustmentFundRate'], '0.04');
    const ws2 = editAt(ws1, 'v1', ['fund', 'riskReserveRate'], '0.02');
    const journal = [entry(1, ws0, null), entry(2, ws1, ws0), entry(3, ws2, ws1)];
    for (const e of journal) await kv.put(journalKey(e.seq), e);
    // Nothing but the journal: the page was closed before any snapshot.
    const r = await new StoreSession(async () => kv).restore(false);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.ws).toEqual(ws2);
    expect(r.seq).toBe(3);
    expect(r.replayed).toBe(3);
    // The editor's snapshot covers the journal and deletes it in the same write.
    const s = new StoreSession(async () => kv, 10);
    for (const e of journal) s.journaled(structuredClone(e));
    await s.flush();
    // The snapshot and the one version it adds (workspace/versions.ts).
    expect([...kv.data.keys()].filter((k) => !k.startsWith('vmeta-') && !k.startsWith('vtext-'))).toEqual([CURRENT_KEY]);
    expect(kv.data.get(CURRENT_KEY)).toMatchObject({ text: saveWorkspace(ws2), seq: 3 });
    const again = await new StoreSession(async () => kv).restore(false);
    expect(again).toMatchObject({ status: 'ok', ws: ws2, seq: 3, replayed: 0 });
  });

  it('a journaled change the gate refuses is dropped; the state before it is restored', async () => {
    const kv = memoryStore();
    const ws0 = sample();
    const bad = editAt(ws0, 'baseline', ['fund', 'adjustmentFundRate'], '7');
    await kv.put(CURRENT_KEY, { text: saveWorkspace(ws0), savedAt: 'x', seq: 4 });
    await kv.put(journalKey(5), entry(5, bad, ws0));
    const r = await new StoreSession(async () => kv).restore(false);
    expect(r).toMatchObject({ status: 'ok', ws: ws0, seq: 5, replayed: 0, dropped: 1 });
  });

  it('returns empty when nothing is stored', async () => {
    expect(await new StoreSession(async () => memoryStore()).restore(true)).toEqual({ status: 'empty', seq: 0 });
  });

  it('a stored workspace that fails the check is reported and left exactly as it was', async () => {
    const kv = memoryStore();
    const bad = { text: '{"format": "gbsim-workspace", "version": 1, "baseline": {}}', savedAt: '2026-01-01T00:00:00.000Z' };
    await kv.put(CURRENT_KEY, bad);
    const r = await new StoreSession(async () => kv).restore(true);
    if (r.status !== 'corrupt') throw new Error(r.status);
    expect(r.issues[0]!.path).toMatch(/^baseline/);
    expect(r.text).toBe(bad.text);
    // The snapshot and the one version it adds (workspace/versions.ts).
    expect([...kv.data.keys()].filter((k) => !k.startsWith('vmeta-') && !k.startsWith('vtext-'))).toEqual([CURRENT_KEY]);
    expect(kv.data.get(CURRENT_KEY)).toEqual(bad);
    // Only the user's decision moves it aside (with its journal), kept.
    await kv.put(journalKey(7), entry(7, sample(), null));
    const key = await setAsideStored(kv);
    expect(await corruptKeys(kv)).toEqual([key]);
    expect(kv.data.get(key)).toMatchObject({ current: bad, journal: [{ seq: 7 }] });
    expect([...kv.data.keys()]).toEqual([key]);
  });

  it('a value of the wrong shape, or text that is not JSON, is reported too', async () => {
    const kv = memoryStore();
    await kv.put(CURRENT_KEY, 'not a record');
    expect(await new StoreSession(async () => kv).restore(true)).toMatchObject({ status: 'corrupt', text: 'not a record' });
    await kv.put(CURRENT_KEY, { text: '{"format": ', savedAt: 'x' });
    const r = await new StoreSession(async () => kv).restore(true);
    expect(r.status).toBe('corrupt');
    expect(kv.data.get(CURRENT_KEY)).toEqual({ text: '{"format": ', savedAt: 'x' });
  });

  it('refuses to open IndexedDB where there is none', async () => {
    await expect(openStore('gbsim-test')).rejects.toThrow(/IndexedDB is not available/);
  });
});

describe('autosave', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function recorder() {
    const saved: { ws: Workspace; meta?: Record<string, unknown> }[] = [];
    return { saved, save: async (ws: Workspace, meta?: Record<string, unknown>) => void saved.push({ ws, ...(meta ? { meta } : {}) }) };
  }

  it('writes once, the latest state, after the edits pause', async () => {
    const { saved, save } = recorder();
    const a = createAutosave(save, { delayMs: 500 });
    const ws = [sample(), sample(), sample()];
    a.schedule(ws[0]!);
    await vi.advanceTimersByTimeAsync(300);
    a.schedule(ws[1]!);
    await vi.advanceTimersByTimeAsync(300);
    a.schedule(ws[2]!, { lang: 'en' });
    expect(a.pending).toBe(true);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.ws).toBe(ws[2]);
    expect(saved[0]!.meta).toEqual({ lang: 'en' });
    expect(a.pending).toBe(false);
  });

  it('flush writes now; cancel drops the pending state', async () => {
    const { saved, save } = recorder();
    const a = createAutosave(save, { delayMs: 500 });
    const ws = sample();
    a.schedule(ws);
    await a.flush();
    expect(saved.map((s) => s.ws)).toEqual([ws]);
    a.schedule(sample());
    a.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(1);
  });

  it('reports a failed write and keeps saving afterwards, one write at a time', async () => {
    const errors: unknown[] = [];
    let running = 0;
    let overlap = false;
    let calls = 0;
    const save = async () => {
      calls++;
      running++;
      overlap ||= running > 1;
      await new Promise((r) => setTimeout(r, 100));
      running--;
      if (calls === 1) throw new Error('quota exceeded');
    };
    const a = createAutosave(save, { delayMs: 10, onError: (e) => errors.push(e) });
    a.schedule(sample());
    await vi.advanceTimersByTimeAsync(20);
    a.schedule(sample());
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(2);
    expect(overlap).toBe(false);
    expect(errors).toHaveLength(1);
  });
});
