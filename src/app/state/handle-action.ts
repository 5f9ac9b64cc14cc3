/** Applies what the components ask for: controller calls, files in and out, printing. */
import type { Action } from './actions.ts';
import type { Controller } from './controller.ts';
import { openInWorker } from '../runs/column.ts';
import { saveWorkspace } from '../../workspace/file.ts';
import { saveScenario } from '../../scenario/open.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { FileKind } from '../../format/file-kind.ts';
import { applyImportAction, exportAction, templateAction } from './handle-sheets.ts';
import { exportPlan } from './handle-plan-export.ts';
import { acceptAdjustment, exportMonitor, importMonth, previewAdjustment, startMonitoring } from './handle-monitor.ts';
import { refName, scenarioOf } from '../../workspace/workspace.ts';
import { MIME, downloadBytes, safeName } from '../download.ts';
import { discardStored, downloadStored, leaveRecovery } from './recovery.ts';
import { addInstitution, removeInstitution, setInstitutionAttr } from './handle-institutions.ts';
import { openVersions, restoreVersion } from './handle-versions.ts';
import { cancelCases, importCases, openPointsExample, runPointInflation, warmCases } from './handle-points.ts';
import { importCatalogue } from './handle-catalogue.ts';
import { readDoc } from './read-doc.ts';

/** What a refused file seems to be, in the user's words. */
const FILE_KIND_WORDS = {
  parquet: 'kindParquet', xls: 'kindXls', office: 'kindOffice', zip: 'kindZip', pdf: 'kindPdf', image: 'kindImage', text: 'kindText',
  binary: 'kindBinary', empty: 'kindEmpty',
} as const satisfies Record<Exclude<FileKind, 'json' | 'xlsx' | 'csv'>, MsgKey>;

const download = (name: string, text: string): void => downloadBytes(name, text, MIME.json);

export async function handleAction(ctl: Controller, a: Action): Promise<void> {
  const s = ctl.state;
  switch (a.type) {
    case 'edit': return ctl.edit(a.path, a.value);
    case 'replace': return ctl.replace(a.scenario);
    case 'lang': return ctl.setLang(a.lang);
    case 'unit': return ctl.setUnit(a.unit);
    case 'tab': return ctl.setTab(a.tab);
    case 'active': return ctl.setActive(a.ref);
    case 'compare': return ctl.setCompare(a.refs);
    case 'hospital': return a.open ? ctl.openHospital(a.id) : ctl.selectHospital(a.id);
    case 'undo': return ctl.undo();
    case 'redo': return ctl.redo();
    case 'addVariant': return ctl.addVariant(a.name, a.from);
    case 'renameVariant': return ctl.renameVariant(a.id, a.name);
    case 'deleteVariant': return ctl.deleteVariant(a.id);
    case 'dismiss': return ctl.notify(null);
    case 'print': window.print(); return;
    case 'dialog': return ctl.setDialog(a.dialog);
    case 'versions': return openVersions(ctl);
    case 'restoreVersion': return restoreVersion(ctl, a.id);
    case 'import': return applyImportAction(ctl, a.report, a.mode, a.onlyValid);
    case 'export': return exportAction(ctl, a.what).finally(() => a.done?.());
    case 'template': return templateAction(ctl, a.lang, a.format);
    case 'printBriefs': return ctl.setPrinting(a.ids);
    case 'printDone': return ctl.setPrinting(null);
    case 'openReport': return ctl.setReporting(true);
    case 'closeReport': return ctl.setReporting(false);
    case 'whatIfPct': return ctl.setWhatIfPct(a.pct);
    case 'runSweep': return ctl.sweeps.run(a.kind);
    case 'cancelSweep': return ctl.sweeps.cancel(a.kind);
    case 'runRisk': return ctl.risk.run();
    case 'cancelRisk': return ctl.risk.cancel();
    case 'exportPlan': return exportPlan(ctl, a.what);
    case 'recovery': return a.op === 'download' ? downloadStored(ctl) : discardStored(ctl);
    case 'monitorAsOf': return startMonitoring(ctl, a.month);
    case 'monitorImport': return importMonth(ctl, a.file);
    case 'adjustOpen': return ctl.set({ adjusting: { preview: null, busy: false } });
    case 'adjustPreview': return previewAdjustment(ctl, a.adjustment);
    case 'adjustAccept': return acceptAdjustment(ctl, a.adjustment);
    case 'adjustClose': return ctl.set({ adjusting: null });
    case 'addInstitutionForm': return ctl.set({ adding: a.open ? { refused: [], doc: null } : null });
    case 'addInstitution': return addInstitution(ctl, a.hospital);
    case 'removeInstitution': return removeInstitution(ctl, a.id);
    case 'institutionAttr': return setInstitutionAttr(ctl, a.id, a.attr, a.value);
    case 'exportMonitor': return exportMonitor(ctl).finally(() => a.done?.());
    case 'save': {
      if (a.what === 'scenario') {
        download(`${safeName(refName(s.ws, s.active))}.json`, saveScenario(scenarioOf(s.ws, s.active)));
        return;
      }
      const fps = await ctl.fingerprints();
      download(`${safeName(s.ws.baseline.meta.name)}.gbsim.json`, saveWorkspace(s.ws, fps));
      return;
    }
    case 'fileRefused':
      ctl.setDialog(null);
      return ctl.notify({ kind: 'error', says: { key: 'fileNotOurs', vars: { name: a.name }, words: { what: FILE_KIND_WORDS[a.kind] } } });
    case 'importCases': return importCases(ctl, a.file);
    case 'cancelCases': return cancelCases();
    case 'warmCases': return warmCases();
    case 'importCatalogue': return importCatalogue(ctl, a.file);
    case 'pointInflation': return runPointInflation(ctl, { pool: a.pool, level: a.level, pct: a.pct });
    case 'openPointsExample': return openPointsExample(ctl, (text, name) => handleAction(ctl, { type: 'openText', text, name }));
    case 'openText': {
      const r = await openInWorker(a.text);
      if (!r.ok) {
        ctl.notify({ kind: 'error', says: { key: 'fileRefused' }, detail: ` (${a.name})`, issues: r.issues, read: readDoc(a.text) });
        return;
      }
      if (ctl.state.saveState === 'follow') { ctl.notify({ kind: 'error', says: { key: 'otherTab' } }); return; }
      // Opening a file while the stored workspace cannot be loaded is the user's repair: it takes its place.
      const key = ctl.state.recovery ? await leaveRecovery(ctl) : null;
      ctl.replaceWorkspace(r.ws, { kind: 'info', says: key ? { key: 'recoveryRepaired', vars: { name: a.name, key } } :
        { key: 'fileOpened', vars: { name: a.name } } });
      if (r.fingerprints) void checkFingerprints(ctl, r.fingerprints);
      return;
    }
  }
}

/** After opening a file that carries fingerprints: do ours match the sender's? */
async function checkFingerprints(ctl: Controller, stored: Record<string, string>): Promise<void> {
  const ws = ctl.state.ws;
  const ours = await ctl.fingerprints();
  if (ctl.state.ws !== ws) return;
  const bad = Object.entries(stored).filter(([k, fp]) => ours[k] !== undefined && ours[k] !== fp);
  const base = ctl.state.notice;
  const says = base?.says ?? { zh: '', en: '' };
  ctl.notify(bad.length
    ? { kind: 'error', says, also: { key: 'fpMismatch' }, issues: bad.map(([k, fp]) => ({ path: refName(ws, k), message: `${fp} ≠ ${ours[k]}` })) }
    : { kind: 'info', says, also: { key: 'fpMatch' } });
}
