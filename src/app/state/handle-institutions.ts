/**
 * The data tab's structural edits of the scenario shown: an institution added (only if the
 * workspace it makes passes the one gate, as an import is; refused, the form stays open with what
 * was typed and the gate's reasons), removed, or given another level, category or class (kept at
 * once and checked by the gate like any edit, runs/gate.ts). Each is one undoable step.
 */
import type { Controller } from './controller.ts';
import type { Hospital } from '../../format/types.ts';
import { replaceScenario, scenarioOf } from '../../workspace/workspace.ts';
import { gateInWorker } from '../runs/column.ts';
import { msg } from '../i18n/index.ts';
import { withInstitution, withoutInstitution, type InstitutionAttr } from '../views/institutions.ts';

export async function addInstitution(ctl: Controller, h: Hospital): Promise<void> {
  const s = ctl.state;
  const next = replaceScenario(s.ws, s.active, withInstitution(scenarioOf(s.ws, s.active), h));
  const gate = await gateInWorker(next);
  if (!ctl.state.adding) return; // the form was closed meanwhile
  // Refused: nothing changes; the reasons show in the form, which keeps what was typed.
  if (!gate.ok) { ctl.set({ adding: { refused: gate.issues, doc: next }, notice: null }); return; }
  // Another change came in while the gate looked: add to the workspace as it is now (the gate checks that one too).
  const now = ctl.state;
  ctl.replace(withInstitution(scenarioOf(now.ws, now.active), h));
  ctl.set({ adding: null, notice: { kind: 'info', says: { key: 'institutionAdded', vars: { name: `${h.id} ${h.name}` } }, step: ctl.state.ws } });
}

export function removeInstitution(ctl: Controller, id: string): void {
  const s = ctl.state;
  const shown = scenarioOf(s.ws, s.active);
  const h = shown.hospitals.find((x) => x.id === id);
  if (!h) return;
  ctl.replace(withoutInstitution(shown, id));
  if (ctl.state.ws === s.ws) return; // refused (the workspace is locked): nothing was removed
  const vars = { name: `${h.id} ${h.name}` };
  // Of this step: undone, the notice goes (store.ts).
  ctl.notify({ kind: 'info', says: { key: 'institutionRemoved', vars }, step: ctl.state.ws });
}

export function setInstitutionAttr(ctl: Controller, id: string, attr: InstitutionAttr, value: string): void {
  const s = ctl.state;
  const i = scenarioOf(s.ws, s.active).hospitals.findIndex((x) => x.id === id);
  if (i >= 0 && value) ctl.edit(['hospitals', i, attr], value);
}
