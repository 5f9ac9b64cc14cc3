/**
 * Debounced saving: many edits in a burst become one write, `delayMs` after the last one.
 * Writes never overlap (each waits for the previous), and flush() writes now — call it on
 * `pagehide` / `visibilitychange` so a closing tab loses nothing.
 */
import type { Workspace } from './types.ts';

export type PersistMeta = Record<string, unknown>;

export interface Autosaver {
  /** Remember the latest state and (re)start the delay. */
  schedule(ws: Workspace, meta?: PersistMeta): void;
  /** Write the latest scheduled state now; resolves when every write so far is done. */
  flush(): Promise<void>;
  /** Drop the scheduled state without writing it. */
  cancel(): void;
  /** A state is scheduled and not written yet. */
  readonly pending: boolean;
}

export interface AutosaveOptions {
  delayMs?: number;
  onSaved?: (ws: Workspace) => void;
  /** Default: console.error — a failed save (quota, private mode) must not pass silently. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_AUTOSAVE_DELAY_MS = 800;

export function createAutosave(save: (ws: Workspace, meta?: PersistMeta) => Promise<void>, opts: AutosaveOptions = {}): Autosaver {
  const delay = opts.delayMs ?? DEFAULT_AUTOSAVE_DELAY_MS;
  const onError = opts.onError ?? ((e: unknown) => console.error('autosave failed', e));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queued: { ws: Workspace; meta?: PersistMeta } | null = null;
  let chain: Promise<void> = Promise.resolve();

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  function flush(): Promise<void> {
    stopTimer();
    const job = queued;
    queued = null;
    if (job) {
      chain = chain
        .then(() => save(job.ws, job.meta))
        .then(() => opts.onSaved?.(job.ws), onError);
    }
    return chain;
  }

  return {
    schedule(ws, meta) {
      queued = meta === undefined ? { ws } : { ws, meta };
      stopTimer();
      timer = setTimeout(() => void flush(), delay);
    },
    flush,
    cancel() {
      stopTimer();
      queued = null;
    },
    get pending() {
      return queued !== null;
    },
  };
}
