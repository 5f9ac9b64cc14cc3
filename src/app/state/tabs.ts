/**
 * Two tabs on the same stored workspace never overwrite each other (issue 8). One tab at a time
 * holds the Web Lock "gbsim-writer" and is the only one that journals and snapshots; every other
 * tab is read-only, says so, and follows: the writer announces each write it has made durable on
 * a BroadcastChannel and the followers read the stored workspace again (through the gate). When
 * the writer goes away its lock is released and the oldest waiting tab becomes the writer, after
 * reading what is stored, so it never writes from an older copy.
 *
 * Where the browser has no Web Locks (an old browser), the tab is the writer as before.
 */

const LOCK = 'gbsim-writer';
const CHANNEL = 'gbsim-workspace';

export interface TabSync {
  /** This tab holds the lock now. */
  readonly writer: boolean;
  /** Tell the other tabs that what is stored changed (the writer calls it after each durable write). */
  announce(): void;
}

export interface TabHooks {
  /** The stored workspace changed in another tab (followers only). */
  onStoredChanged: () => void;
  /** The lock was granted later (the writer tab went away): this tab edits from now on. */
  onWriter: () => void;
}

/** Ask for the lock; held until the page goes away. Resolves true when granted, false when not (ifAvailable). */
function hold(opts: LockOptions): Promise<boolean> {
  return new Promise((granted) => {
    navigator.locks.request(LOCK, opts, (lock) => {
      if (!lock) { granted(false); return undefined; }
      granted(true);
      return new Promise<void>(() => undefined); // held for the page's life
    }).catch(() => granted(false));
  });
}

/** Become the writer if no other tab is; otherwise follow and wait for the lock. */
export async function joinTabs(hooks: TabHooks): Promise<TabSync> {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  let writer = typeof navigator === 'undefined' || !navigator.locks ? true : await hold({ ifAvailable: true });
  if (channel) channel.onmessage = () => { if (!writer) hooks.onStoredChanged(); };
  if (!writer) {
    void hold({}).then((g) => {
      if (!g) return;
      writer = true;
      hooks.onWriter();
    });
  }
  return {
    get writer() { return writer; },
    announce: () => { if (writer) channel?.postMessage({ type: 'stored' }); },
  };
}

/**
 * Runs `read` after each announcement, one at a time: an announcement while a read is under way
 * asks for one more read after it (so the last state stored is the one shown).
 */
export function coalesced(read: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const go = async (): Promise<void> => {
    if (running) { again = true; return; }
    running = true;
    try {
      do { again = false; await read(); } while (again);
    } finally {
      running = false;
    }
  };
  return () => void go();
}
