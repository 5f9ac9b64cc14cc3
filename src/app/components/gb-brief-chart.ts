/**
 * Three years of history and this year's claims, against this year's target: a bar chart with
 * its table. chart.js draws on a canvas once edits pause; the drawing is then kept as an image,
 * which is what prints (a canvas resized by the print layout can come out blank or stretched).
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, shiftPoint } from '../../display/number.ts';
import { drawChartSoon, PALETTE, plot } from '../views/charts.ts';
import type { ChartConfiguration } from 'chart.js';
import { legendStyles } from './legend-styles.ts';
import type { Lang, Unit } from '../../display/lang.ts';

import type { HistoryPoint } from '../views/brief.ts';

export class GbBriefChart extends LitElement {
  static override properties = { points: { attribute: false }, target: {}, targetLabel: {}, lang: {}, unit: {}, image: { state: true } };
  /** Years, oldest first, then this year's claims. */
  declare points: HistoryPoint[];
  /** This year's target (drawn as a line). */
  declare target: string | null;
  /** What the line is called: the target, or, in a pool settled by points, the entitlement by points. */
  declare targetLabel: MsgKey;
  declare lang: Lang;
  declare unit: Unit;
  declare image: string;
  private ready: Promise<void> = Promise.resolve();
  private settle: (() => void) | null = null;

  constructor() {
    super();
    this.points = [];
    this.target = null;
    this.targetLabel = 'target';
    this.lang = 'zh';
    this.unit = 'wan';
    this.image = '';
  }

  static override styles = [shared, legendStyles, css`
    figure { margin: 0; }
    .wrap { position: relative; height: 150px; }
    img { display: none; width: 100%; height: auto; }
    table { font-size: 0.85em; margin-top: 0.3rem; }
    @media print {
      .wrap { display: none; }
      img { display: block; width: 100%; max-height: 40mm; object-fit: contain; }
      ul.legend { margin-top: 0.1rem; }
    }
  `];

  /** Resolves once the chart is drawn and captured as an image (for printing). */
  async whenDrawn(): Promise<void> {
    await this.updateComplete;
    await this.ready;
    await this.updateComplete; // the captured image rendered
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('points') || changed.has('target') || changed.has('targetLabel') || changed.has('unit') || changed.has('lang')) {
      this.settle?.(); // a waiter on the previous drawing is not left hanging
      this.ready = new Promise((ok) => { this.settle = ok; });
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.size === 1 && changed.has('image')) return;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || !this.points.length) { this.settle?.(); return; }
    const v = (s: string | null) => plot(s && this.unit === 'wan' ? shiftPoint(s, -4) : s);
    const t = (k: MsgKey) => msg(this.lang, k);
    const config: ChartConfiguration = {
      type: 'bar',
      data: {
        labels: this.points.map((p) => p.label),
        datasets: [
          { type: 'bar', label: t('history'), data: this.points.map((p) => v(p.amount)),
            backgroundColor: this.points.map((p) => (p.current ? PALETTE[1]! : PALETTE[0]!)) },
          ...(this.target ? [{ type: 'line' as const, label: t(this.targetLabel), data: this.points.map(() => v(this.target)), borderColor: PALETTE[2],
            borderDash: [5, 4], pointRadius: 0, backgroundColor: PALETTE[2] }] : []),
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    };
    const settle = this.settle;
    drawChartSoon(canvas, config, (chart) => {
      // The drawing as it is on screen, as an image (a PNG of a small canvas: a few milliseconds).
      const img = chart ? chart.toBase64Image('image/png', 1) : '';
      if (img && img !== this.image) this.image = img;
      settle?.();
    });
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const u = this.unit;
    const label = `${t('historyAndClaims')} (${t(u)})`;
    return html`<figure class="m0">
      <div class="wrap"><canvas role="img" aria-label=${label} aria-describedby="bc-t"></canvas></div>
      ${this.image ? html`<img src=${this.image} alt=${label} />` : nothing}
      <ul class="legend" aria-hidden="true"><li><span class="sw c0"></span>${t('history')}</li>
      <li><span class="sw c1"></span>${t('claimsTotal')}</li>${this.target ? html`<li><span class="sw c2"></span>${t(this.targetLabel)}</li>` : nothing}</ul>
      <table id="bc-t" data-testid="brief-history-table">
        <thead><tr><th></th>${this.points.map((p) => html`<th class="num">${p.label}</th>`)}${this.target ? html`<th class="num">${t(this.targetLabel)}</th>` :
          nothing}</tr></thead>
        <tbody><tr><th scope="row">${t(u)}</th>${this.points.map((p) => html`<td class="num">${money(p.amount, u)}</td>`)}${this.target ?
          html`<td class="num">${money(this.target, u)}</td>` : nothing}</tr></tbody>
      </table>
    </figure>`;
  }
}

customElements.define('gb-brief-chart', GbBriefChart);
declare global {
  interface HTMLElementTagNameMap {
    'gb-brief-chart': GbBriefChart;
  }
}
