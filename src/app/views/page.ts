/**
 * The page's view models, built from the app state on every change: the shell (tabs, notice,
 * dialogs) and the panel of the tab shown. Each element receives the model of what it shows
 * (never the whole state); a model is the same object while what it shows is unchanged, so an
 * unrelated change re-renders nothing. Only the panel of the tab shown is built.
 *
 * The pattern for a new view: a `<view>.ts` here with an interface of what the view shows and a
 * function (or a class, when it holds state between changes) building it from AppState; a unit
 * test in tests/app/; a case in `Panel` below; the element in components/ renders the model.
 */
import type { AppState, Notice, Says, Tab } from '../state/app-state.ts';
import type { Issue } from '../../format/issues.ts';
import type { Lang } from '../../display/lang.ts';
import { documentIssueLine, workspaceIssueLine } from '../../workspace/issue-text.ts';
import { msg } from '../i18n/index.ts';
import { scenarioOrError } from '../../workspace/workspace.ts';
import { toolbarView, type ToolbarView } from './toolbar.ts';
import { scenarioBarView, type ScenarioBarView } from './scenario-bar.ts';
import { resultsView, type ResultsView } from './results.ts';
import { paramsView, type ParamsView } from './params.ts';
import { dataView, type DataView } from './data.ts';
import { CompareViews, type CompareView } from './compare.ts';
import { HospitalViews, type HospitalView } from './hospital.ts';
import { briefContext, type BriefContext } from './brief.ts';
import { exportView, importView, versionsView, type ExportView, type ImportView, type VersionsView } from './dialogs.ts';
import { memoize, stable } from './memo.ts';
import { yearsView, type YearsView } from './years.ts';
import { sweepsView, type SweepsView } from './sweeps.ts';
import { riskView, type RiskView } from './risk.ts';
import { monitorView, type MonitorView } from './monitor.ts';
import { reportPageView, type ReportPageView } from './fund-report.ts';

export type Panel =
  | { tab: 'results'; view: ResultsView }
  | { tab: 'params'; view: ParamsView }
  | { tab: 'data'; view: DataView }
  | { tab: 'compare'; view: CompareView }
  | { tab: 'hospital'; view: HospitalView }
  | { tab: 'years'; view: YearsView }
  | { tab: 'sweeps'; view: SweepsView }
  | { tab: 'risk'; view: RiskView }
  | { tab: 'monitor'; view: MonitorView };

/** The stored workspace that cannot be loaded: what is wrong, and whether its text can be downloaded. */
export interface RecoveryView { lang: Lang; issues: string[]; canDownload: boolean }

export interface NoticeView { kind: Notice['kind']; text: string; issues: string[] }

/** "Print all briefs": the institutions, and what every brief of the scenario shown shares. */
export interface BookView { lang: Lang; ids: string[]; context: BriefContext | null; error: string | null }

export type DialogView = { kind: 'import'; view: ImportView } | { kind: 'export'; view: ExportView } | { kind: 'versions'; view: VersionsView };

export interface PageView {
  lang: Lang;
  tab: Tab;
  toolbar: ToolbarView;
  bar: ScenarioBarView;
  notice: NoticeView | null;
  recovery: RecoveryView | null;
  panel: Panel;
  dialog: DialogView | null;
  book: BookView | null;
  /** The fund report, open in place of the app. */
  report: ReportPageView | null;
}

/** An issue of a document as read, in the app's words (the path only where nothing names the place). */
const readLine = (i: Issue, lang: Lang, read: unknown): string => documentIssueLine(i, lang, read, 'unnamed');

/** What a notice says, in `lang` (the language shown now, not the one it was raised in). */
export function said(s: Says, lang: Lang): string {
  if (!('key' in s)) return s[lang];
  if (!s.words) return msg(lang, s.key, s.vars);
  const vars: Record<string, string | number> = { ...s.vars };
  for (const [k, key] of Object.entries(s.words)) vars[k] = msg(lang, key);
  return msg(lang, s.key, vars);
}

export const noticeText = (n: Notice, lang: Lang): string => `${said(n.says, lang)}${n.also ? ` — ${said(n.also, lang)}` : ''}${n.reason === undefined ? '' :
  `${msg(lang, 'colon')}${n.reason}`}${n.detail ?? ''}`;

const noticeOf = memoize((n: Notice | null, lang: Lang): NoticeView | null => (n ? {
  kind: n.kind, text: noticeText(n, lang), issues: (n.issues ?? []).slice(0, 200).map((i) =>
    (n.doc ? workspaceIssueLine(i, lang, n.doc, 'unnamed') : readLine(i, lang, n.read))),
} : null));

/** The stored text as a document, to name the places of its issues (undefined when it is not JSON). */
const storedDoc = memoize((text: string | null): unknown => {
  if (text === null) return undefined;
  try { return JSON.parse(text) as unknown; } catch { return undefined; }
});

// Named as every notice names them: 「T01 某医院」的「2023年基金支出」, not `baseline.hospitals[0].history[1]`.
const recoveryOf = memoize((lang: Lang, r: AppState['recovery']): RecoveryView | null => {
  if (!r) return null;
  const doc = storedDoc(r.text);
  return { lang, issues: r.issues.slice(0, 200).map((i) => readLine(i, lang, doc)), canDownload: r.text !== null };
});

const bookOf = memoize((lang: Lang, ids: string[], context: BriefContext | null, error: string | null): BookView => ({ lang, ids, context, error }));

const panelOf = memoize((tab: Tab, view: Panel['view']): Panel => ({ tab, view }) as Panel);
const dialogOf = memoize((kind: DialogView['kind'], view: DialogView['view']): DialogView => ({ kind, view }) as DialogView);

export class PageViews {
  private prev: PageView | null = null;
  private toolbar: ToolbarView | null = null;
  private results: ResultsView | null = null;
  private params: ParamsView | null = null;
  private data: DataView | null = null;
  private readonly compare = new CompareViews();
  private readonly hospital = new HospitalViews();
  private years: YearsView | null = null;
  private sweeps: SweepsView | null = null;
  private risk: RiskView | null = null;

  of(s: AppState): PageView {
    this.toolbar = toolbarView(s, this.toolbar);
    const view = stable(this.prev, {
      lang: s.lang, tab: s.tab, toolbar: this.toolbar, bar: scenarioBarView(s),
      notice: noticeOf(s.notice, s.lang), recovery: recoveryOf(s.lang, s.recovery), panel: this.panel(s), dialog: this.dialog(s), book: this.book(s),
        report: reportPageView(s),
    });
    this.prev = view;
    return view;
  }

  private panel(s: AppState): Panel {
    switch (s.tab) {
      case 'results': return panelOf('results', (this.results = resultsView(s, this.results)));
      case 'params': return panelOf('params', (this.params = paramsView(s, this.params)));
      case 'data': return panelOf('data', (this.data = dataView(s, this.data)));
      case 'compare': return panelOf('compare', this.compare.of(s));
      case 'hospital': return panelOf('hospital', this.hospital.of(s));
      case 'years': return panelOf('years', (this.years = yearsView(s, this.years)));
      case 'sweeps': return panelOf('sweeps', (this.sweeps = sweepsView(s, this.sweeps)));
      case 'risk': return panelOf('risk', (this.risk = riskView(s, this.risk)));
      case 'monitor': return panelOf('monitor', monitorView(s));
    }
  }

  private dialog(s: AppState): DialogView | null {
    if (s.dialog === 'import') return dialogOf('import', importView(s));
    if (s.dialog === 'export') return dialogOf('export', exportView(s));
    if (s.dialog === 'versions') return dialogOf('versions', versionsView(s));
    return null;
  }

  private book(s: AppState): BookView | null {
    if (!s.printing) return null;
    const shown = scenarioOrError(s.ws, s.active);
    return bookOf(s.lang, s.printing, shown instanceof Error ? null : briefContext(s), shown instanceof Error ? shown.message : null);
  }
}
