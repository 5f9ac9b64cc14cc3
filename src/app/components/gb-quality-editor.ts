/** The year-end assessment: score → deposit return ratio, as points (step or linear) with a small chart. */
import { LitElement, html, css } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { issuesAt, issuesUnder } from '../views/issues-at.ts';
import { percent } from '../../display/number.ts';
import { drawChart, plot } from '../views/charts.ts';
import type { Issue } from '../../format/issues.ts';
import type { QualityRule } from '../../format/types.ts';
import './gb-field.ts';
import { sourceBadge } from './gb-source.ts';
import type { Provenance } from '../../format/types.ts';
import type { Lang } from '../../display/lang.ts';

export class GbQualityEditor extends LitElement {
  static override properties = { rule: { attribute: false }, issues: { attribute: false }, lang: {}, sources: { attribute: false },
    inherited: { attribute: false } };
  /** The assessment rule (absent: every deposit comes back). */
  declare rule: QualityRule | undefined;
  declare issues: Issue[];
  declare lang: Lang;
  /** The scenario's sources (policy.sources). */
  declare sources: Record<string, Provenance> | undefined;
  /** Keys whose source is the baseline's although this variant changed the value (flagged). */
  declare inherited: ReadonlySet<string> | null;

  constructor() {
    super();
    this.rule = undefined;
    this.issues = [];
    this.lang = 'zh';
  }

  static override styles = [shared, css`
    .wrap { position: relative; height: 170px; max-width: 460px; }
    td gb-field { margin: 0; }
    fieldset { border: none; padding: 0; margin: 0 0 0.4rem; display: flex; gap: 0.8rem; }
    legend { float: left; margin-right: 0.6rem; color: var(--gb-muted); }
  `];

  override updated(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const r = this.rule;
    if (!canvas || !r) return;
    // Step: the ratio holds until the next point; linear: straight lines between points.
    const pts = [...r.points].sort((a, b) => a.score - b.score);
    const data: { x: number; y: number }[] = [];
    pts.forEach((p, i) => {
      if (r.mode === 'step' && i > 0) data.push({ x: p.score, y: plot(pts[i - 1]!.ratio) * 100 });
      data.push({ x: p.score, y: plot(p.ratio) * 100 });
    });
    if (pts.length && pts[pts.length - 1]!.score < 100) data.push({ x: 100, y: plot(pts[pts.length - 1]!.ratio) * 100 });
    drawChart(canvas, {
      type: 'line',
      data: { datasets: [{ label: msg(this.lang, 'ratio'), data, borderColor: '#1f4e8c', pointRadius: 3, stepped: false }] },
      options: {
        responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { type: 'linear', min: 0, max: 100, title: { display: true, text: msg(this.lang, 'score') } },
          y: { min: 0, max: 100, title: { display: true, text: '%' } } },
      },
    });
  }

  private setPoints(points: QualityRule['points']): void {
    emit(this, { type: 'edit', path: ['policy', 'quality', 'points'], value: points });
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const r = this.rule;
    if (!r) {
      return html`<div class="card"><h2>${t('qualityRule')}${sourceBadge(this.sources, 'policy.quality', this.lang, this.inherited)}</h2>
      <p class="muted">${t('none')}</p>
        <button @click=${() => emit(this, { type: 'edit', path: ['policy', 'quality'],
          value: { mode: 'linear', points: [{ score: 0, ratio: '0' }, { score: 60, ratio: '0' },
          { score: 90, ratio: '1' }] } })}>＋ ${t('addPoint')}</button></div>`;
    }
    const base = ['policy', 'quality', 'points'];
    const other = issuesUnder(this.issues, ['policy', 'quality'], this.lang).filter((m) => !/points\[\d+\]\.(score|ratio):/.test(m));
    return html`<div class="card" data-testid="quality-editor">
      <h2>${t('qualityRule')}${sourceBadge(this.sources, 'policy.quality', this.lang, this.inherited)}</h2>
      <fieldset><legend>${t('qualityMode')}</legend>
        ${(['step', 'linear'] as const).map((m) => html`<label><input type="radio" name="qmode" .checked=${r.mode === m}
          @change=${() => emit(this, { type: 'edit', path: ['policy', 'quality', 'mode'], value: m })} /> ${t(m === 'step' ? 'qualityStep' : m)}</label>`)}
      </fieldset>
      <div class="grid2">
        <table>
          <thead><tr><th>${t('score')}</th><th>${t('ratio')}</th><th><span class="sr-only">${t('remove')}</span></th></tr></thead>
          <tbody>${r.points.map((p, i) => html`<tr>
            <td><gb-field bare short .label=${t('score')} .path=${[...base, i, 'score']} kind="score" .value=${p.score} .lang=${this.lang}
              .issues=${issuesAt(this.issues, [...base, i, 'score'], this.lang)}></gb-field></td>
            <td><gb-field bare short .label=${t('ratio')} .path=${[...base, i, 'ratio']} kind="pct" .value=${p.ratio} .lang=${this.lang}
              .issues=${issuesAt(this.issues, [...base, i, 'ratio'], this.lang)}></gb-field></td>
            <td><button ?disabled=${r.points.length <= 1} aria-label="${t('remove')} ${i + 1}"
              @click=${() => this.setPoints(r.points.filter((_, j) => j !== i))}>${t('remove')}</button></td>
          </tr>`)}</tbody>
        </table>
        <figure>
          <div class="wrap"><canvas role="img" aria-label=${t('scoreToReturn')}></canvas></div>
          <figcaption class="muted">${t('scoreToReturn')}${t('colon')}${r.points.map((p) => `${p.score} → ${percent(p.ratio, 0)}`).join('；')}</figcaption>
        </figure>
      </div>
      ${other.length ? html`<div class="err" role="alert">${other.map((m) => html`<div>${m}</div>`)}</div>` : ''}
      <button @click=${() => this.setPoints([...r.points, { score: Math.min(100, (r.points[r.points.length - 1]?.score ?? 0) + 10),
        ratio: r.points[r.points.length - 1]?.ratio ?? '1' }])}>＋ ${t('addPoint')}</button>
    </div>`;
  }
}

customElements.define('gb-quality-editor', GbQualityEditor);
declare global {
  interface HTMLElementTagNameMap {
    'gb-quality-editor': GbQualityEditor;
  }
}
