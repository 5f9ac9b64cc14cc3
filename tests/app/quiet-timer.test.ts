/** The per-key "once changes pause" timer behind the charts' drawings and resizes (views/quiet-timer.ts). */
import { describe, expect, it } from 'vitest';
import { QuietTimer, type QuietClock } from '../../src/app/views/quiet-timer.ts';

/** A clock the test moves: timers and idle callbacks run only when it says. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; f: () => void }[] = [];
  let idle: (() => void)[] = [];
  let armed = 0;
  const clock: QuietClock = {
    now: () => now,
    after: (ms, f) => { armed++; timers.push({ at: now + ms, f }); },
    idle: (f) => { idle.push(f); },
  };
  return {
    clock,
    get armed() { return armed; },
    /** Move time on to `t`, firing the timers due (in order), not the idle callbacks. */
    to(t: number) {
      for (;;) {
        const due = timers.filter((x) => x.at <= t).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((x) => x !== due);
        now = due.at;
        due.f();
      }
      now = t;
    },
    idleNow() { const fs = idle; idle = []; fs.forEach((f) => f()); },
  };
}

const key = (name: string) => ({ name });

describe('QuietTimer', () => {
  it('runs a key once, with its latest value, after the quiet time and an idle moment; one timer for many changes', () => {
    const c = fakeClock();
    const runs: [string, number][] = [];
    const t = new QuietTimer<{ name: string }, number>(150, (k, v) => runs.push([k.name, v]), c.clock);
    const a = key('a');
    t.change(a, 1);
    c.to(100);
    t.change(a, 2);
    c.to(200);
    t.change(a, 3);
    expect(t.size).toBe(1);
    c.to(349);
    c.idleNow();
    expect(runs).toEqual([]);
    c.to(350);
    expect(runs).toEqual([]); // quiet, waiting for the page to be idle
    c.idleNow();
    expect(runs).toEqual([['a', 3]]);
    expect(t.size).toBe(0);
    // Three changes armed a timer once, re-armed twice when it fired early: never one per change.
    expect(c.armed).toBe(3);
  });

  it('keeps keys apart, and a change while waiting for the idle moment waits out its own quiet time', () => {
    const c = fakeClock();
    const runs: [string, number][] = [];
    const t = new QuietTimer<{ name: string }, number>(150, (k, v) => runs.push([k.name, v]), c.clock);
    const a = key('a');
    const b = key('b');
    t.change(a, 1);
    c.to(50);
    t.change(b, 10);
    c.to(150);
    t.change(a, 2); // after a's timer fired, before the idle moment
    c.idleNow();
    expect(runs).toEqual([]);
    c.to(200);
    c.idleNow();
    expect(runs).toEqual([['b', 10]]);
    expect(t.size).toBe(1);
    c.to(300);
    c.idleNow();
    expect(runs).toEqual([['b', 10], ['a', 2]]);
    expect(t.size).toBe(0);
  });
});
