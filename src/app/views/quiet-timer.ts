/**
 * "Do this once changes pause", per key, without cancelling and re-arming a timer on every
 * change: a change only records the latest value and when it came; the one timer of a key, when
 * it fires early, waits out the rest of the quiet time. An edit then costs the page a Map write,
 * not a clearTimeout and a setTimeout per chart (each a trip into the browser's timer queue).
 */

export interface QuietClock {
  now(): number;
  after(ms: number, f: () => void): void;
  /** Runs `f` when the page is idle (a task of its own). */
  idle(f: () => void): void;
}

const browserClock: QuietClock = {
  now: () => performance.now(),
  after: (ms, f) => { setTimeout(f, Math.max(0, ms)); },
  idle: (f) => { if (typeof requestIdleCallback === 'function') requestIdleCallback(f, { timeout: 300 }); else f(); },
};

interface Entry<V> { value: V; last: number; armed: boolean }

export class QuietTimer<K extends object, V> {
  private readonly pending = new Map<K, Entry<V>>();

  /** `run` gets a key's latest value once `quietMs` have passed since its last change, then the page is idle. */
  constructor(private readonly quietMs: number, private readonly run: (key: K, value: V) => void, private readonly clock: QuietClock = browserClock) {}

  /** Keys with a run still to come. */
  get size(): number {
    return this.pending.size;
  }

  /** The latest value for `key`; its run waits for `quietMs` more. */
  change(key: K, value: V): void {
    const now = this.clock.now();
    const e = this.pending.get(key);
    if (e) { e.value = value; e.last = now; if (!e.armed) this.arm(key, e, this.quietMs); return; }
    const fresh: Entry<V> = { value, last: now, armed: false };
    this.pending.set(key, fresh);
    this.arm(key, fresh, this.quietMs);
  }

  private arm(key: K, e: Entry<V>, ms: number): void {
    e.armed = true;
    this.clock.after(ms, () => {
      e.armed = false;
      if (this.pending.get(key) !== e) return;
      const left = e.last + this.quietMs - this.clock.now();
      if (left > 0) { this.arm(key, e, left); return; }
      const seen = e.last;
      this.clock.idle(() => {
        // A change while waiting for the idle moment has armed the timer again: that one runs it.
        if (this.pending.get(key) !== e || e.last !== seen) return;
        this.pending.delete(key);
        this.run(key, e.value);
      });
    });
  }
}
