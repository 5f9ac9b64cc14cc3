/**
 * A group catalogue (病种/病组目录, .xlsx or .csv, src/cases/catalogue.ts) into the scenario shown,
 * so that a pool settled by points can score a case list (issue 11). Read in the case worker;
 * a file with any bad cell is refused whole (the first cells named by row and column), nothing
 * changed; replacing a catalogue asks first (groups before → after). The scenario with its new
 * `catalogue` passes the one gate before it is applied, as a case import's does — one undoable edit.
 * The points already written stay as they were computed (a case list imported again uses the new catalogue).
 */
import type { Controller } from './controller.ts';
import type { CatalogueState } from './app-state.ts';
import type { CatalogueImport } from '../../cases/catalogue.ts';
import type { Workspace } from '../../workspace/types.ts';
import type { WorkspaceLoad } from '../../workspace/file.ts';
import { replaceScenario, scenarioOf } from '../../workspace/workspace.ts';
import { gateInWorker } from '../runs/column.ts';
import { msg } from '../i18n/index.ts';

/** What the import needs from the page: the reader (the case worker), the gate (its worker), a question to the user. */
export interface CatalogueDeps {
  read(file: File): Promise<CatalogueImport>;
  gate(ws: Workspace): Promise<WorkspaceLoad>;
  ask(question: string): boolean;
}

const PAGE: CatalogueDeps = {
  read: async (file) => (await import('../../cases/client.ts')).importCatalogueFile(file),
  gate: gateInWorker,
  ask: (q) => confirm(q),
};

/** Bad cells kept for the report (their count is kept too). */
export const CATALOGUE_ERRORS_SHOWN = 20;

export async function importCatalogue(ctl: Controller, file: File, deps: CatalogueDeps = PAGE): Promise<void> {
  const s = ctl.state;
  const ref = s.active;
  const scenario = scenarioOf(s.ws, ref);
  const before = scenario.catalogue?.length ?? 0;
  const base: CatalogueState = { ref, fileName: file.name, status: 'running', before, after: 0, refusal: null, error: null };
  const done = (patch: Partial<CatalogueState>) => ctl.set({ catalogue: { ...base, ...patch } });
  ctl.set({ catalogue: base });
  let c: CatalogueImport;
  try {
    c = await deps.read(file);
  } catch (e) {
    done({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    return;
  }
  const after = c.groups.length;
  if (c.fatal) return done({ status: 'refused', refusal: { kind: 'file', reason: c.fatal } });
  if (c.errors.length) {
    return done({ status: 'refused', after, refusal: { kind: 'cells', errors: c.errors.slice(0, CATALOGUE_ERRORS_SHOWN), count: c.errors.length } });
  }
  if (!after) return done({ status: 'refused', refusal: { kind: 'empty' } });
  if (ctl.state.ws !== s.ws) return done({ status: 'refused', after, refusal: { kind: 'stale' } });
  if (before && !deps.ask(msg(s.lang, 'catConfirmReplace', { file: file.name, before, after }))) return done({ status: 'declined', after });
  const next = { ...scenario, catalogue: c.groups };
  const gate = await deps.gate(replaceScenario(s.ws, ref, next));
  if (!gate.ok) {
    done({ status: 'refused', after, refusal: { kind: 'gate' } });
    ctl.notify({ kind: 'error', says: { key: 'importRefusedGate', vars: { file: file.name } }, issues: gate.issues });
    return;
  }
  if (ctl.state.ws !== s.ws) return done({ status: 'refused', after, refusal: { kind: 'stale' } });
  ctl.replace(next, ref);
  done({ status: 'done', after });
}
