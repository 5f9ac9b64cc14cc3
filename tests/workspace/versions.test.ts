import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pruneVersions, summarize, versionId } from '../../src/workspace/versions.ts';
import { addVariant, newWorkspace } from '../../src/workspace/workspace.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { smallScenario } from './fixture.ts';

const utcDay = (at: string) => at.slice(0, 10);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const v = (ms: number, seq: number) => ({ id: versionId(ms, seq), at: new Date(ms).toISOString() });

describe('pruning the version history', () => {
  it('keeps the newest 50 and the newest of each earlier day', () => {
    // 10 days × 10 saves an hour apart: 100 versions, the newest 50 span days 5..9.
    const all = Array.from({ length: 100 }, (_, i) => v(T0 + Math.floor(i / 10) * DAY + (i % 10) * 3_600_000, i + 1));
    const { keep, drop } = pruneVersions(all, { dayOf: utcDay });
    expect(keep.slice(0, 50).map((x) => x.id)).toEqual(all.slice(50).reverse().map((x) => x.id));
    // Days 0..4 keep their newest save each (seq 10, 20, 30, 40, 50).
    expect(keep.slice(50).map((x) => x.id)).toEqual([50, 40, 30, 20, 10].map((s) => all[s - 1]!.id));
    expect(keep.length + drop.length).toBe(100);
  });

  it('keeps at most `days` earlier days', () => {
    const all = Array.from({ length: 60 }, (_, i) => v(T0 + i * DAY, i + 1));
    const { keep } = pruneVersions(all, { newest: 5, days: 3, dayOf: utcDay });
    expect(keep.map((x) => x.at.slice(0, 10))).toEqual(['2026-03-01', '2026-02-28', '2026-02-27', '2026-02-26', '2026-02-25', '2026-02-24', '2026-02-23', '2026-02-22']);
  });

  it('properties: the newest is kept, never more than newest + days, one per earlier day, every earlier day kept while days allow', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 40 * DAY }), { minLength: 1, maxLength: 200 }),
      fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 30 }),
      (times, newest, days) => {
        const all = times.map((t, i) => v(T0 + t, i + 1));
        const { keep, drop } = pruneVersions(all, { newest, days, dayOf: utcDay });
        const latest = [...all].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1))[0]!;
        expect(keep[0]!.id).toBe(latest.id);
        expect(keep.length + drop.length).toBe(all.length);
        expect(new Set([...keep, ...drop].map((x) => x.id)).size).toBe(all.length);
        expect(keep.length).toBeLessThanOrEqual(newest + days);
        const head = keep.slice(0, Math.min(newest, all.length));
        const earlier = keep.slice(head.length);
        const headDays = new Set(head.map((x) => utcDay(x.at)));
        const earlierDays = earlier.map((x) => utcDay(x.at));
        expect(new Set(earlierDays).size).toBe(earlierDays.length);
        for (const d of earlierDays) expect(headDays.has(d)).toBe(false);
        // Each kept earlier version is its day's newest.
        for (const x of earlier) for (const y of drop) if (utcDay(y.at) === utcDay(x.at)) expect(y.at <= x.at).toBe(true);
        // A day with no version kept is older than every earlier day kept, and only when the days ran out.
        const keptDays = new Set(keep.map((x) => utcDay(x.at)));
        const lost = [...new Set(drop.map((x) => utcDay(x.at)))].filter((d) => !keptDays.has(d));
        if (lost.length) expect(earlier.length).toBe(days);
        for (const d of lost) for (const e of earlierDays) expect(d < e).toBe(true);
      },
    ));
  });
});

describe('the summary of a version', () => {
  const ws0 = addVariant(newWorkspace(smallScenario()), 'A').ws;
  it('names the baseline change in each language', () => {
    const ws1 = editAt(ws0, 'baseline', ['fund', 'adjustmentFundRate'], '0.04');
    expect(summarize(ws0, ws1, 'zh')).toBe('年终清算调剂金比例：5% → 4%');
    expect(summarize(ws0, ws1, 'en')).toBe('Adjustment fund rate: 5% → 4%');
    expect(summarize(null, ws1, 'en')).toBe('First version');
    expect(summarize(ws1, ws1, 'zh')).toBe('无改动');
  });
  it('names alternatives added and changed', () => {
    const ws1 = addVariant(ws0, 'B').ws;
    expect(summarize(ws0, ws1, 'zh')).toBe('新增方案“B”');
    const ws2 = editAt(ws1, ws1.variants[0]!.id, ['fund', 'riskReserveRate'], '0.03');
    expect(summarize(ws1, ws2, 'en')).toBe('1 change(s) in “A”');
  });
});
