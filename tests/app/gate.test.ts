/**
 * The one gate on every change the page makes (issue 8): the store keeps each change at once and
 * checks it with the same full check as open and import; a refused one — an edit, or an undo to a
 * state that cannot be computed — goes back to the last workspace that passed, with its undo steps.
 */
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/app/state/store.ts';
import { validateWorkspace } from '../../src/workspace/file.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import type { Issue } from '../../src/format/issues.ts';
import { twoScenarios } from './fixture.ts';

/** A store whose checks run synchronously through the real gate (validateWorkspace), recording what was kept. */
function gated() {
  const store = new Store(twoScenarios());
  const kept: Workspace[] = [];
  const refused: Issue[][] = [];
  let queue: Workspace[] = [];
  store.onWorkspace = (ws) => kept.push(ws);
  store.onCheck = (ws) => queue.push(ws);
  const run = () => {
    const q = queue;
    queue = [];
    for (const ws of q) {
      const r = validateWorkspace(ws);
      store.checked(ws, r.ok ? null : r.issues, (issues) => { refused.push(issues); return { kind: 'error', says: { key: 'changeRefused' }, issues }; });
    }
  };
  return { store, kept, refused, run };
}

describe('the gate on every change', () => {
  it('an edit that leaves a scenario uncomputable is taken back, with its reasons, and the rollback is kept', () => {
    const { store, kept, refused, run } = gated();
    const ws0 = store.state.ws;
    store.edit(['policy', 'pools', 0, 'share'], '0.9');
    expect(store.state.ws).not.toBe(ws0); // kept at once: closing the tab now loses nothing
    run();
    expect(store.state.ws).toBe(ws0);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.map((i) => i.path).join(' ')).toMatch(/pools/);
    expect(store.state.notice?.kind).toBe('error');
    expect(kept.at(-1)).toBe(ws0);
    expect(store.state.canUndo).toBe(false);
  });

  it('an undo to a state that cannot be computed is refused and the workspace stays as it was', () => {
    const { store, refused, run } = gated();
    // Two edits in one go: the first alone is invalid (shares add up to more than 1), the second makes it whole.
    // Pools of the small city: 0.8 + 0.2.
    store.edit(['policy', 'pools', 0, 'share'], '0.9');
    store.edit(['policy', 'pools', 1, 'share'], '0.1');
    run();
    const whole = store.state.ws;
    expect(refused).toHaveLength(0);
    expect(store.state.canUndo).toBe(true);
    store.undo();
    run();
    expect(store.state.ws).toBe(whole);
    expect(refused).toHaveLength(1);
    expect(store.state.canUndo).toBe(true);
  });

  it('a later answer wins: a refusal for a workspace no longer shown changes nothing', () => {
    const { store, refused, run } = gated();
    store.edit(['policy', 'pools', 0, 'share'], '0.9');
    store.edit(['policy', 'pools', 0, 'share'], '0.80');
    run();
    expect(refused).toHaveLength(0); // the first answer is for a workspace no longer shown…
    expect(store.state.ws.baseline.policy.pools?.[0]?.share).toBe('0.80'); // …so nothing was taken back
    expect(store.state.notice).toBe(null);
  });
});
