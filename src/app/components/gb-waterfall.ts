/**
 * A waterfall: each bar starts where the one before ended (money leaving runs left, money added
 * runs right, totals stand from zero, amounts only carried across grey), in the unit chosen, with
 * the figures as a table (the text alternative). The bars and their names come from the view (views/waterfall.ts); this only draws.
 */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { msg } from '../i18n/index.ts';
import { money, shiftPoint } from '../../display/number.ts';
import { drawChartSoon, plot } from '../views/charts.ts';
import type { WaterfallBar } from '../views/waterfall.ts';
import type { Lang, Unit } from '../../display/lang.ts';

const COLOURS = { total: '#1f4e8c', out: '#e07b39', in: '#3a9a5b', carried: '#aab4bf' };

/**
 * A long name on two or three lines, so the axis keeps its width and nothing is clipped. Chinese
 * names break after a colon (月度拨付：/ 预留质量保证金), else before a bracket.
 */
function lines(label: string, lang: Lang): string | string[] {
  const max = lang === 'zh' ? 11 : 26;
  if (label.length <= max) return label;
  if (lang === 'zh') {
    const colon = label.indexOf('：');
    if (colon > 0 && colon + 1 < label.length) return [label.slice(0, colon + 1), label.slice(colon + 1)];
    const cut = label.search(/[（(]/);
    if (cut > 0) return [label.slice(0, cut), label.slice(cut)];
    return [label.slice(0, max), label.slice(max)];
  }
  // "Paid monthly: deposit held back" → "Paid monthly:" / "deposit held back".
  const colon = label.indexOf(': ');
  if (colon > 0 && colon < max && label.length - colon - 2 <= max) return [label.slice(0, colon + 1), label.slice(colon + 2)];
  const out: string[] = [];
  let line = '';
  for (const w of label.split(' ')) {
    if (line && (line + ' ' + w).length > max) { out.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

export class GbWaterfall extends LitElement {
  static override properties = { bars: { attribute: false }, lang: {}, unit: {}, heading: {}, testid: {} };
  declare bars: WaterfallBar[] | null;
  declare lang: Lang;
  declare unit: Unit;
  /** The card's heading (the view's words). */
  declare heading: string;
  /** data-testid of the figures' table. */
  declare testid: string;

  constructor() {
    super();
    this.bars = null;
    this.lang = 'zh';
    this.unit = 'wan';
    this.heading = '';
    this.testid = 'waterfall-table';
  }

  static override styles = [shared, css`
    :host { display: block; }
    .wrap { position: relative; }
    details { margin-top: 0.2rem; font-size: 0.9em; }
    td.sub, th.sub { font-weight: 600; }
  `];

  private shown(s: string): number {
    return plot(this.unit === 'wan' ? shiftPoint(s, -4) : s);
  }

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const bars = this.bars;
    if (!canvas || !bars) return;
    const labels = bars.map((b) => lines(b.label, this.lang));
    // Bars are equally tall: room for the longest name's lines. Set through the CSSOM (the page's
    // content-security policy refuses style attributes).
    const most = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
    // A bar of names on several lines needs their height (11px type, 1.2 line height) and some air;
    // the x axis below (ticks and its title) takes about 56px.
    canvas.parentElement!.style.height = `${Math.max(140, bars.length * (most === 1 ? 21 : 14 * most + 6) + 56)}px`;
    const unitName = msg(this.lang, this.unit);
    const amounts = bars.map((b) => `${money(b.amount, this.unit, b.kind === 'step')} ${unitName}`);
    drawChartSoon(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: [{
          label: unitName,
          data: bars.map((b) => [this.shown(b.from), this.shown(b.to)] as [number, number]),
          backgroundColor: bars.map((b) => (b.kind === 'total' ? COLOURS.total : b.carried ? COLOURS.carried
            : b.amount.startsWith('-') ? COLOURS.out : COLOURS.in)),
          barPercentage: 0.8,
          categoryPercentage: 0.9,
        }],
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => amounts[c.dataIndex] ?? '' } } },
        scales: {
          x: { title: { display: true, text: unitName }, ticks: { maxRotation: 0, autoSkipPadding: 16, maxTicksLimit: 6 } },
          y: { ticks: { autoSkip: false, font: { size: 11 } } },
        },
      },
    });
  }

  override render() {
    const bars = this.bars ?? [];
    const t = (k: 'chartAlt' | 'yuan' | 'wan' | 'runningTotal') => msg(this.lang, k);
    return html`<div class="wrap"><canvas role="img" aria-label=${this.heading}></canvas></div>
      <details>
        <summary>${t('chartAlt')}</summary>
        <table data-testid=${this.testid}>
          <tr><th>${this.heading}</th><th class="num">${t(this.unit)}</th><th class="num">${t('runningTotal')}</th></tr>
          ${bars.map((b) => html`<tr data-key=${b.key}>
            <td class=${b.kind === 'total' ? 'sub' : ''}>${b.label}</td>
            <td class="num ${b.kind === 'total' ? 'sub' : ''}">${money(b.amount, this.unit, b.kind === 'step')}</td>
            <td class="num">${money(b.to, this.unit)}</td></tr>`)}
        </table>
      </details>`;
  }
}

customElements.define('gb-waterfall', GbWaterfall);
declare global {
  interface HTMLElementTagNameMap {
    'gb-waterfall': GbWaterfall;
  }
}
