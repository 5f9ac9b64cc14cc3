/**
 * What the page's worker pools (sweeps, Monte Carlo) share: a run that a signal can cancel, and
 * progress summed over the parts that run in parallel.
 */

/**
 * Cancellation of one run: `race` a step against the signal (on abort `onAbort` runs — e.g. the
 * pool terminates its workers — and the step rejects with the signal's reason); `detach` when the
 * run ends. Throws at once if the signal has already aborted.
 */
export function cancellation(signal: AbortSignal | undefined, what: string, onAbort: () => void) {
  const reason = (): Error =>
    signal!.reason instanceof Error ? signal!.reason : new DOMException(`The ${what} was cancelled`, 'AbortError');
  if (signal?.aborted) throw reason();
  let listener = () => {};
  const cancelled = new Promise<never>((_, reject) => {
    listener = () => { onAbort(); reject(reason()); };
    signal?.addEventListener('abort', listener, { once: true });
  });
  cancelled.catch(() => {}); // only raced
  return {
    race: <P extends Promise<unknown>>(step: P): Promise<Awaited<P>> => Promise.race([step, cancelled]) as Promise<Awaited<P>>,
    detach: () => signal?.removeEventListener('abort', listener),
  };
}

/**
 * Progress summed over `parts` parallel parts of `total`. A part's reports come on their own
 * message channel and may arrive after the result: after `finish` (which reports the total) they
 * are dropped.
 */
export function partsProgress(parts: number, total: number, onProgress?: (done: number, total: number) => void) {
  const done = new Array<number>(parts).fill(0);
  let finished = false;
  return {
    part: (k: number) => (n: number) => {
      done[k] = n;
      if (!finished) onProgress?.(done.reduce((a, b) => a + b, 0), total);
    },
    finish: () => { finished = true; onProgress?.(total, total); },
  };
}
