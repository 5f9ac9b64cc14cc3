/**
 * The negotiation brief of one institution: one printable A4 page. Identity and peers; history
 * and this year's claims (chart and table); how the target is derived; deposit and monthly
 * payments; settlement under each scenario; position among peers; a what-if on its target;
 * and the sources of the rules used. In a pool settled by points (DESIGN §7) there is no target
 * up front: the derivation is that of its entitlement by points, and the what-if point
 * inflation's. Numbers come from the engine (explanation, results) as decimal strings; this
 * only lays them out.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import type { BriefView } from '../views/brief.ts';
import type { Lang } from '../../display/lang.ts';
import { adjustments, derivation, depositSchedule, peerGroup, peers, settlement, sources } from './gb-brief-parts.ts';
import type { GbBriefChart } from './gb-brief-chart.ts';
import './gb-brief-chart.ts';
import './gb-brief-whatif.ts';
import { pointsDerivation, pointsSection, pointsWhatIf } from './gb-brief-points.ts';

export class GbBrief extends LitElement {
  static override properties = { view: { attribute: false }, lang: {} };
  /** What the brief shows (null while the institution is being explained). */
  declare view: BriefView | null;
  /** The language of the placeholder shown meanwhile. */
  declare lang: Lang;

  constructor() {
    super();
    this.view = null;
    this.lang = 'zh';
  }

  static override styles = [shared, css`
    :host { display: block; }
    article { background: #fff; border: 1px solid var(--gb-line); border-radius: 6px; padding: 0.8rem 1rem; }
    header.bh { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem 1rem; border-bottom: 2px solid var(--gb-blue); padding-bottom: 0.4rem;
      margin-bottom: 0.5rem; }
    header.bh h2 { font-size: 1.3rem; margin: 0; }
    header.bh .title { font-size: 0.85em; color: var(--gb-muted); width: 100%; }
    header.bh .gen { margin-left: auto; font-size: 0.8em; color: var(--gb-muted); }
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem 1.2rem; }
    .full { grid-column: 1 / -1; }
    section h3 { font-size: 0.95rem; margin: 0.2rem 0 0.3rem; color: var(--gb-blue); border-bottom: 1px solid var(--gb-line); }
    ol.steps { margin: 0; padding-left: 1.3rem; }
    ol.steps li { margin: 0.15rem 0; }
    ol.steps.pts { list-style: none; padding-left: 0; }
    .v { font-weight: 600; font-variant-numeric: tabular-nums; }
    .kv { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; margin: 0 0 0.3rem; }
    table.months { font-size: 0.8em; }
    table.months td, table.months th { padding: 0.1rem 0.25rem; }
    .small { font-size: 0.85em; margin: 0.2rem 0; }
    ul.src { margin: 0; padding-left: 1rem; font-size: 0.85em; }
    ul.src li { margin: 0.1rem 0; }
    ul.src .it { white-space: normal; }
    ul.src .badge { margin: 0 0.2em 0 0; }
    .badge.official { background: #e3f3e8; color: var(--gb-pos); }
    .badge.assumption { background: #fff1d6; color: #8a5a00; }
    @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
    @media print {
      :host { font-size: 8pt; break-after: page; }
      :host(:last-of-type) { break-after: auto; }
      article { border: none; padding: 0; border-radius: 0; }
      header.bh h2 { font-size: 13pt; }
      section { break-inside: avoid; }
      section h3 { font-size: 9pt; margin: 0.1rem 0 0.15rem; }
      th, td { padding: 0.05rem 0.25rem; }
      .grid { gap: 0.15rem 0.8rem; grid-template-columns: 1fr 1fr; }
      ol.steps li { margin: 0; }
    }
  `];

  /** Resolves once its chart is drawn (and captured for printing). */
  async whenReady(): Promise<void> {
    await this.updateComplete;
    await (this.renderRoot.querySelector('gb-brief-chart') as GbBriefChart | null)?.whenDrawn();
  }

  override render() {
    const b = this.view;
    if (!b) return html`<article><p class="muted">${msg(this.lang, 'computing')}</p></article>`;
    const ex = b.explanation;
    const t = (k: MsgKey) => msg(b.lang, k);
    const u = b.unit;
    const date = new Date().toISOString().slice(0, 10);
    return html`<article data-testid="brief" data-id=${b.id}>
      <header class="bh" data-testid="hospital-head">
        <span class="title">${t('brief')}${b.year ? ` · ${b.year}` : ''}</span>
        <h2>${b.name}</h2>
        <span>${b.id} · ${b.level} · ${b.category} · ${b.klass}${b.pool ? ` · ${t('pool')}${t('colon')}${b.pool}` : ''}</span>
        <span class="muted">${peerGroup(ex, b.lang)}</span>
        <span class="gen">${msg(b.lang, 'generated', { date, scenario: b.scenarioName, fp: b.fingerprint ?? '—' })}</span>
      </header>
      <div class="grid">
        <section data-testid="brief-history"><h3>${t('historyAndClaims')} (${t(u)})</h3>
          <gb-brief-chart .points=${b.points} .target=${ex.hospital.target} .targetLabel=${b.pointsSteps ? 'ptsEntitlement' : 'target'}
            .lang=${b.lang} .unit=${u}></gb-brief-chart></section>
        ${b.pointsSteps ? html`<section data-testid="derivation" data-by="points"><h3>${t('ptsDerivation')}</h3>${pointsDerivation(b.pointsSteps)}</section>`
          : html`<section data-testid="derivation"><h3>${t('derivation')}</h3>${derivation(ex, b.lang, u)}</section>`}
        <section class="full" data-testid="brief-deposit"><h3>${t(ex.points ? 'ptsDepositSchedule' : 'depositSchedule')}</h3>
          ${depositSchedule(ex, b.lang, u)}</section>
        <section class="full" data-testid="settlement"><h3>${t('settlementByScenario')} (${t(u)})</h3>${settlement(b.settlement, b.lang, u)}</section>
        ${b.byPoints ? html`<section class="full" data-testid="brief-points"><h3>${msg(b.lang, 'ptsBriefTitle', { pool: b.byPoints.pool })}</h3>
          ${pointsSection(b.byPoints, b.lang, u)}</section>` : nothing}
        ${b.adjustments.length ? html`<section class="full" data-testid="brief-adjustments"><h3>${t('monAdjustments')} (${t(u)})</h3>
          ${adjustments(b.adjustments, b.lang, u)}</section>` : nothing}
        <section data-testid="peers"><h3>${t('position')}</h3>${peers(ex, b.lang, u)}</section>
        ${b.risk ? html`<section data-testid="brief-risk"><h3>${msg(b.lang, 'riskBrief', { n: b.risk.draws, seed: b.risk.seed })}</h3>
          <dl><dt>${msg(b.lang, 'pOverspend', { t: b.risk.threshold })}</dt><dd data-field="pOverspend">${b.risk.pOverspend}</dd>
          <dt>${msg(b.lang, 'pReward')}</dt><dd data-field="pReward">${b.risk.pReward}</dd></dl></section>` : nothing}
        ${b.whatIf ? html`<section data-testid="brief-whatif"><h3>${t('whatIf')}</h3>
          <gb-brief-whatif .view=${b.whatIf} .lang=${b.lang} .unit=${b.unit}></gb-brief-whatif></section>`
          : html`<section class="full" data-testid="brief-points-whatif"><h3>${t('ptsWhatIf')}</h3>
            ${pointsWhatIf(b.byPoints?.inflation ?? null, b.lang)}</section>`}
        <section class="full" data-testid="brief-sources"><h3>${t('sourcesUsed')}</h3>${sources(b.sources, b.lang)}</section>
      </div>
      ${nothing}
    </article>`;
  }
}

customElements.define('gb-brief', GbBrief);
declare global {
  interface HTMLElementTagNameMap {
    'gb-brief': GbBrief;
  }
}
