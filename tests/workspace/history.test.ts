import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, newHistory, push, redo, replace, undo } from '../../src/workspace/history.ts';

describe('undo/redo history', () => {
  it('undoes and redoes in order, and a new push clears redo', () => {
    let h = newHistory<number>(0);
    expect(canUndo(h)).toBe(false);
    h = push(push(push(h, 1), 2), 3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(2);
    h = push(h, 9);
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual([0, 1, 2]);
    expect(undo(h).present).toBe(2);
  });

  it('is bounded: the oldest states are dropped', () => {
    let h = newHistory<number>(0, 3);
    for (let i = 1; i <= 10; i++) h = push(h, i);
    expect(h.past).toEqual([7, 8, 9]);
    while (canUndo(h)) h = undo(h);
    expect(h.present).toBe(7);
    expect(h.future).toEqual([8, 9, 10]);
  });

  it('does nothing at the ends, for a push of the present, and replace adds no step', () => {
    const h = newHistory({ a: 1 });
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(push(h, h.present)).toBe(h);
    const r = replace(push(h, { a: 2 }), { a: 3 });
    expect(r.present).toEqual({ a: 3 });
    expect(undo(r).present).toEqual({ a: 1 });
  });

  it('never mutates a history', () => {
    const h = Object.freeze(newHistory(0));
    const h2 = push(h, 1);
    expect(h.past).toEqual([]);
    expect(undo(h2).future).toEqual([1]);
    expect(h2.present).toBe(1);
  });
});
