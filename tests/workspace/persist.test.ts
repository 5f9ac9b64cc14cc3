import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CURRENT_KEY, corruptKeys, createAutosave, loadCurrent, memoryStore, openStore, restoreCurrent, saveCurrent,
} from '../../src/workspace/persist.ts';
import { addVariant, newWorkspace } from '../../src/workspace/workspace.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { smallScenario } from './fixture.ts';

const sample = () => addVariant(newWorkspace(smallScenario()), 'A').ws;

describe('persistence (in-memory store; the real IndexedDB is covered by the e2e tests)', () => {
  it('saves and restores the workspace with its UI meta', async () => {
    const kv = memoryStore();
    const ws = sample();
    await saveCurrent(ws, { selected: 'variant:v1', lang: 'zh' }, kv);
    const r = await restoreCurrent(kv);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.ws).toEqual(ws);
    expect(r.meta).toEqual({ selected: 'variant:v1', lang: 'zh' });
    expect(await loadCurrent(kv)).toEqual(ws);
  });

  it('returns null when nothing is stored', async () => {
    expect(await loadCurrent(memoryStore())).toBeNull();
    expect(await restoreCurrent(memoryStore())).toEqual({ status: 'empty' });
  });

  it('sets a corrupt stored value aside instead of deleting it', async () => {
    const kv = memoryStore();
    const bad = { text: '{"format": "gbsim-workspace", "version": 1, "baseline": {}}', savedAt: '2026-01-01T00:00:00.000Z' };
    await kv.put(CURRENT_KEY, bad);
    const r = await restoreCurrent(kv);
    if (r.status !== 'corrupt') throw new Error(r.status);
    expect(r.key).toMatch(/^corrupt-\d+$/);
    expect(r.issues[0]!.path).toMatch(/^baseline/);
    expect(kv.data.has(CURRENT_KEY)).toBe(false);
    expect(kv.data.get(r.key)).toEqual(bad);
    expect(await corruptKeys(kv)).toEqual([r.key]);
    expect(await loadCurrent(kv)).toBeNull();
  });

  it('takes another loader (the page runs it in a worker)', async () => {
    const kv = memoryStore();
    await saveCurrent(sample(), undefined, kv);
    const r = await restoreCurrent(kv, async () => ({ ok: false, issues: [{ path: 'x', message: 'bad' }] }));
    expect(r).toMatchObject({ status: 'corrupt', issues: [{ path: 'x', message: 'bad' }] });
    expect(await corruptKeys(kv)).toHaveLength(1);
  });

  it('treats a value of the wrong shape as corrupt too', async () => {
    const kv = memoryStore();
    await kv.put(CURRENT_KEY, 'not a record');
    expect(await loadCurrent(kv)).toBeNull();
    expect([...kv.data.values()]).toEqual(['not a record']);
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
