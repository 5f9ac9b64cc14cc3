/**
 * The gate on patches (transport/gate-session.ts) answers as the gate on the whole workspace:
 * a run of edits — good ones, refused ones and the step back after a refusal, an institution's
 * id changed and then duplicated (the id caches keyed by list must not go stale), institutions
 * added and removed, variants added, changed and deleted — each sent as diffPaths from the last
 * one sent (to a structured clone, as a worker holds it) gets the same pass or the same issues as
 * validateWorkspace of that workspace whole.
 */
import { describe, expect, it } from 'vitest';
import { GateSession, type GateAnswer } from '../../src/transport/gate-session.ts';
import { diffPaths } from '../../src/transport/patch.ts';
import { validateWorkspace } from '../../src/workspace/file.ts';
import { editAt } from '../../src/workspace/edit.ts';
import { addVariant, deleteVariant, setVariantChanges } from '../../src/workspace/workspace.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { twoScenarios } from '../app/fixture.ts';

const whole = (ws: Workspace): GateAnswer => {
  const r = validateWorkspace(structuredClone(ws));
  return r.ok ? { ok: true } : { ok: false, issues: r.issues };
};

describe('the gate on patches', () => {
  it('answers every step of a run of edits as the gate on the whole workspace', () => {
    const start = twoScenarios();
    const steps: ((w: Workspace, good: Workspace) => Workspace)[] = [
      (w) => editAt(w, 'baseline', ['fund', 'budget'], '10500000.00'),
      (w) => editAt(w, 'baseline', ['hospitals', 1, 'history', 2], '-5.00'), // refused
      (_, good) => good, // the page goes back to the last good workspace
      (w) => editAt(w, 'baseline', ['hospitals', 0, 'id'], 'H009'),
      (w) => editAt(w, 'baseline', ['hospitals', 1, 'id'], 'H009'), // a duplicated id: refused
      (_, good) => good,
      (w) => editAt(w, 'baseline', ['hospitals'], [...w.baseline.hospitals, { ...w.baseline.hospitals[2]!, id: 'H100', name: '新增医院' }]),
      (w) => editAt(w, 'baseline', ['hospitals'], w.baseline.hospitals.filter((h) => h.id !== 'H002')),
      (w) => addVariant(w, '调剂金 5%').ws,
      (w) => setVariantChanges(w, w.variants[1]!.id, [{ op: 'set', path: ['fund', 'adjustmentFundRate'], value: '0.05' }]),
      (w) => setVariantChanges(w, w.variants[1]!.id, [{ op: 'set', path: ['hospitals', 'id:NOPE', 'score'], value: 80 }]), // does not apply
      (_, good) => good,
      (w) => editAt(w, 'baseline', ['policy', 'deposit', 'rates', 'hospital'], '2'), // out of range
      (_, good) => good,
      (w) => deleteVariant(w, w.variants[0]!.id),
    ];
    const session = new GateSession();
    let sent: Workspace = start;
    expect(session.check({ full: structuredClone(start) })).toEqual({ ok: true });
    let good = start;
    let refused = 0;
    for (const step of steps) {
      const next = step(sent, good);
      const answer = session.check({ patch: structuredClone(diffPaths(sent, next)) });
      expect(answer).toEqual(whole(next));
      if (answer.ok) good = next;
      else refused++;
      sent = next;
    }
    expect(refused).toBe(4);
    expect(good.variants.length).toBe(1);
  });

  it('asks for the whole workspace when a patch comes to a fresh worker', () => {
    expect(new GateSession().check({ patch: [] })).toEqual({ ok: false, resend: true });
  });
});
