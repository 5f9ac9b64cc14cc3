/** Scenarios side by side: fund totals and indicators with differences, a chart, and per-hospital changes. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain, sign } from '../../display/number.ts';
import { fundDifference } from '../views/comparison.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import { shiftPoint } from '../../display/number.ts';
import { legendStyles } from './legend-styles.ts';
import type { AppState } from '../state/app-state.ts';
import type { FundResult } from '../../engine/result.ts';
import './gb-compare-hospitals.ts';
import './gb-source-diff.ts';
import type { CompareColumn } from './gb-compare-hospitals.ts';
import type { Scenario } from '../../format/types.ts';
import type { Unit } from '../../display/lang.ts';
import { refKeys, refName, scenarioOf } from '../../workspace/workspace.ts';

type Shown = { key: string; name: string; fund: FundResult | null; col: CompareColumn | null; scenario: Scenario | null };
type Row = [MsgKey, keyof FundResult, 'money' | 'pct' | 'months'];
const ROWS: Row[] = [
  ['globalTarget', 'globalTarget', 'money'], ['adjustmentFund', 'adjustmentFund', 'money'], ['allocatable', 'allocatable', 'money'],
  ['totalDeposit', 'totalDeposit', 'money'], ['hospitalsOwed', 'hospitalsOwed', 'money'], ['adjustmentFundUsed', 'adjustmentFundUsed', 'money'],
  ['totalBalance', 'totalBalance', 'money'], ['expenditure', 'expenditure', 'money'], ['closingBalance', 'closingBalance', 'money'],
  ['monthsOfCoverage', 'monthsOfCoverage', 'months'], ['currentSurplusRate', 'currentSurplusRate', 'pct'], ['cumulativeSurplusRate', 'cumulativeSurplusRate', 'pct'],
];
const CHART: (keyof FundResult)[] = ['globalTarget', 'hospitalsOwed', 'adjustmentFundUsed', 'totalBalance', 'closingBalance'];
const CHART_KEYS: MsgKey[] = ['globalTarget', 'hospitalsOwed', 'adjustmentFundUsed', 'totalBalance', 'closingBalance'];

function show(v: string | null, kind: Row[2], unit: Unit, signed = false): string {
  return kind === 'money' ? money(v, unit, signed) : kind === 'pct' ? percent(v, 2, signed) : plain(v);
}

export class GbCompare extends LitElement {
  static override properties = { state: { attribute: false } };
  /** App state (read only). */
  declare state: AppState;

  static override styles = [shared, css`
    .pick { display: flex; gap: 1rem; flex-wrap: wrap; }
    .wrap { position: relative; height: 260px; }
    td.d { font-size: 0.9em; }
    ${legendStyles}
  `];

  private toggle(k: string, on: boolean): void {
    const cur = this.state.compare;
    const next = on ? [...cur, k] : cur.filter((x) => x !== k);
    const order = refKeys(this.state.ws);
    if (next.length >= 1 && next.length <= 4) emit(this, { type: 'compare', refs: order.filter((x) => next.includes(x)) });
  }

  private held: Shown[] = [];

  /**
   * The columns shown. While some compared scenario is being recomputed the previous results stay
   * (differences are only taken between results of the same inputs), and the page is not
   * re-laid out for each result as it arrives: all columns change together.
   */
  private columns(): Shown[] {
    const s = this.state;
    const now = s.compare.map((k) => {
      const c = s.cols[k];
      const name = refName(s.ws, k);
      return { key: k, name, fund: c?.view?.fund ?? null, col: c?.view ? { name, view: c.view } : null, scenario: c?.scenario ?? null };
    });
    const running = s.compare.some((k) => s.cols[k]?.status === 'running');
    const same = now.length === this.held.length && now.every((c, i) => c.key === this.held[i]!.key && c.name === this.held[i]!.name && this.held[i]!.col);
    if (!running || !same) this.held = now;
    return this.held;
  }

  private diffMemo: { name: string; scenario: Scenario }[] = [];

  /** The compared scenarios for the parameter differences (the same array while unchanged). */
  private diffInput() {
    const s = this.state;
    const next = s.compare.flatMap((k) => { try { return [{ name: refName(s.ws, k), scenario: scenarioOf(s.ws, k) }]; } catch { return []; } });
    const same = next.length === this.diffMemo.length && next.every((x, i) => x.scenario === this.diffMemo[i]!.scenario && x.name === this.diffMemo[i]!.name);
    if (!same) this.diffMemo = next;
    return this.diffMemo;
  }

  private readyMemo: CompareColumn[] = [];

  /** The computed columns, the same array while their results are the same (so the table keeps its rendering). */
  private ready(cols: { col: CompareColumn | null }[]): CompareColumn[] {
    const next = cols.filter((c) => c.col).map((c) => c.col!);
    const same = next.length === this.readyMemo.length && next.every((c, i) => c.view === this.readyMemo[i]!.view && c.name === this.readyMemo[i]!.name);
    if (!same) this.readyMemo = next;
    return this.readyMemo;
  }

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    // Redraw once all columns are fresh, not once per arriving result.
    if (!canvas || this.state.compare.some((k) => this.state.cols[k]?.stale)) return;
    const t = (k: MsgKey) => msg(this.state.lang, k);
    const cols = this.columns();
    const v = (s: string | undefined) => plot(this.state.unit === 'wan' && s ? shiftPoint(s, -4) : s);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels: CHART_KEYS.map(t),
        datasets: cols.map((c, i) => ({ label: c.name, data: CHART.map((f) => v(c.fund?.[f] as string | undefined)), backgroundColor: PALETTE[i % PALETTE.length] })),
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }

  override render() {
    const s = this.state;
    const t = (k: MsgKey) => msg(s.lang, k);
    const cols = this.columns();
    const ref = cols[0];
    const ready = this.ready(cols);
    const stale = s.compare.some((k) => s.cols[k]?.stale);
    return html`
      <div class="card">
        <h2>${t('compareTitle')}</h2>
        <fieldset class="pick"><legend>${t('compareWith')}</legend>
          ${refKeys(s.ws).map((k) => html`<label><input type="checkbox" data-testid="compare-${k}" .checked=${s.compare.includes(k)}
            ?disabled=${(s.compare.includes(k) && s.compare.length <= 2) || (!s.compare.includes(k) && s.compare.length >= 4)}
            @change=${(e: Event) => this.toggle(k, (e.target as HTMLInputElement).checked)} /> ${refName(s.ws, k)}</label>`)}
        </fieldset>
      </div>
      <div class="grid2" aria-busy=${stale ? 'true' : 'false'} data-testid="compare" data-stale=${stale ? 'true' : 'false'}>
        <div class="card">
          <table data-testid="compare-fund">
            <thead><tr><th>${t('fundSummary')} (${t(s.unit)})</th>
              ${cols.map((c, i) => html`<th class="num">${c.name}</th>${i > 0 ? html`<th class="num">${t('delta')}</th>` : nothing}`)}</tr></thead>
            <tbody>${ROWS.map(([label, field, kind]) => html`<tr><th scope="row">${t(label)}</th>
              ${cols.map((c, i) => {
                const v = (c.fund?.[field] ?? null) as string | null;
                if (i === 0) return html`<td class="num">${show(v, kind, s.unit)}</td>`;
                const d = fundDifference(ref?.fund?.[field] as string | null, v);
                return html`<td class="num">${show(v, kind, s.unit)}</td><td class="num d ${sign(d) < 0 ? 'neg' : sign(d) > 0 ? 'pos' : ''}" data-delta=${field}>${show(d, kind, s.unit, true)}</td>`;
              })}</tr>`)}</tbody>
          </table>
        </div>
        <div class="card">
          <div class="wrap"><canvas role="img" aria-label="${t('compareTitle')}: ${t('chartAlt')} — ${t('fundSummary')}"></canvas></div>
          <ul class="legend" aria-hidden="true">${cols.map((c, i) => html`<li><span class="sw c${i % 6}"></span>${c.name}</li>`)}</ul>
        </div>
      </div>
      <gb-source-diff .scenarios=${this.diffInput()} .lang=${s.lang}></gb-source-diff>
      ${ready.length === cols.length ? html`<gb-compare-hospitals .columns=${ready} .stale=${stale} .scenario=${ref?.scenario ?? null} .lang=${s.lang} .unit=${s.unit}></gb-compare-hospitals>` : html`<p class="muted">${t('computing')}</p>`}`;
  }
}

customElements.define('gb-compare', GbCompare);
declare global {
  interface HTMLElementTagNameMap {
    'gb-compare': GbCompare;
  }
}
