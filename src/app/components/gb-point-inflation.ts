/**
 * The point-inflation what-if of a scenario with a pool settled by points (DESIGN §7): x% (a
 * percentage, checked as any percent field) and which institutions (all, or one level), asked of
 * the scenario's worker (engine/point-inflation.ts); shows the point value before and after and
 * every institution's entitlement before, after and its change, as the view formatted them.
 */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { checkValue } from '../views/validate-field.ts';
import { shiftPoint } from '../../display/number.ts';
import type { InflationView } from '../views/point-inflation.ts';

export class GbPointInflation extends LitElement {
  static override properties = { view: { attribute: false }, error: { state: true } };
  declare view: InflationView | null;
  /** Why what was typed as x is refused. */
  declare error: string;

  constructor() {
    super();
    this.view = null;
    this.error = '';
  }

  static override styles = [shared, css`
    section { border: 1px solid var(--gb-line); border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.8rem 0; background: #fff; }
    h3 { margin: 0 0 0.4rem; font-size: 1rem; }
    .ctl { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; }
    .ctl input { width: 5rem; text-align: right; }
    .pv { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0.5rem 0; }
    .pv b { font-size: 1.1em; }
    .list { max-height: 22rem; overflow: auto; }
    table { font-size: 0.85em; }
    tbody th { background: none; font-weight: normal; text-align: left; }
    tr.up td, tr.up th { background: #f3fbf4; }
    tr.sum th, tr.sum td { border-top: 2px solid var(--gb-text); font-weight: 600; }
    p.note { font-size: 0.85em; margin: 0.2rem 0; }
  `];

  private run(): void {
    const v = this.view;
    if (!v) return;
    const root = this.renderRoot as ShadowRoot;
    const raw = (root.querySelector('#ix') as HTMLInputElement).value;
    const level = (root.querySelector('#il') as HTMLSelectElement).value;
    const pool = (root.querySelector('#ip') as HTMLSelectElement | null)?.value ?? v.query.pool;
    const c = checkValue('growthPct', raw, false);
    if (!c.ok) { this.error = msg(v.lang, c.key); return; }
    const pct = shiftPoint(String(c.value), 2);
    if (!/^-?\d{1,3}(\.\d{1,4})?$/.test(pct)) { this.error = msg(v.lang, 'inflRange'); return; }
    this.error = '';
    emit(this, { type: 'pointInflation', pool, level: level === '' ? null : level, pct });
  }

  override render() {
    const v = this.view;
    if (!v) return nothing;
    const t = (k: MsgKey, vars?: Record<string, string | number>) => msg(v.lang, k, vars);
    const r = v.result;
    const levels = v.levels[v.query.pool] ?? [];
    const problem = this.error || v.error;
    const cls = (s: -1 | 0 | 1) => (s < 0 ? 'neg' : s > 0 ? 'pos' : '');
    return html`<section data-testid="inflation" aria-busy=${v.busy ? 'true' : 'false'}>
      <h3>${t('inflTitle')}</h3>
      <div class="ctl">
        ${v.pools.length > 1 ? html`<label for="ip">${t('inflPool')}</label>
          <select id="ip" data-testid="inflation-pool">${v.pools.map((p) => html`<option value=${p.id}
            ?selected=${p.id === v.query.pool}>${p.name}</option>`)}</select>` : nothing}
        <label for="il">${t('inflLevel')}</label>
        <select id="il" data-testid="inflation-level">
          <option value="" ?selected=${v.query.level === null}>${t('inflAll')}</option>
          ${levels.map((l) => html`<option value=${l.code} ?selected=${l.code === v.query.level}>${l.name}</option>`)}
        </select>
        <label for="ix">${t('inflPct')}</label>
        <input id="ix" data-testid="inflation-pct" inputmode="decimal" .value=${v.query.pct} aria-invalid=${this.error ? 'true' : 'false'}
          @input=${() => { this.error = ''; }} @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.run(); }} />
        <button data-testid="inflation-run" ?disabled=${v.busy} @click=${() => this.run()}>${t('inflRun')}</button>
        ${problem ? html`<span class="err" role="alert">${problem}</span>` : nothing}
      </div>
      <p class="note muted">${t('inflNote')}</p>
      ${v.stale ? html`<p class="note warn" data-testid="inflation-stale">${t('inflStale')}</p>` : nothing}
      ${r ? html`
        <p data-testid="inflation-headline"><strong>${t('inflHeadline', { who: r.who, x: r.pct })}</strong> · ${r.poolName}
          ${r.capped ? html` <span class="badge">${t('ptsCapped')}</span>` : nothing}</p>
        <div class="pv">
          <span>${t('inflPv')} ${t('inflBefore')} <b class="num" data-field="pvBefore" data-raw=${r.rawPvBefore ?? ''}>${r.pvBefore}</b> →
            ${t('inflAfter')} <b class="num" data-field="pvAfter" data-raw=${r.rawPvAfter ?? ''}>${r.pvAfter}</b> ${t('ptsUnit')}</span>
          <span>${t('inflPoints')} ${r.pointsBefore} → ${r.pointsAfter}</span>
          <span class="muted">${t(v.unit)}</span>
        </div>
        <div class="list"><table data-testid="inflation-table">
          <thead><tr><th>${t('institution')}</th><th>${t('inflLevelCol')}</th><th class="num">${t('ptsPoints')}</th>
            <th class="num">${t('ptsEntitlement')} ${t('inflBefore')}</th><th class="num">${t('inflAfter')}</th><th class="num">${t('inflChange')}</th></tr>
            </thead>
          <tbody>
            ${r.rows.map((m) => html`<tr class=${m.inflated ? 'up' : ''} data-id=${m.id} data-diff=${m.rawDiff}>
              <th scope="row">${m.name}</th><td>${m.level}${m.inflated ? html` <span class="muted">(${t('inflInflated')})</span>` : nothing}</td>
              <td class="num">${m.points} → ${m.pointsAfter}</td><td class="num">${m.before}</td><td class="num">${m.after}</td>
              <td class="num ${cls(m.sign)}">${m.diff}</td></tr>`)}
            <tr class="sum" data-diff=${r.total.rawDiff}><th scope="row">${t('inflTotal')}</th><td></td><td></td>
              <td class="num">${r.total.before}</td><td class="num">${r.total.after}</td><td class="num">${r.total.diff}</td></tr>
          </tbody></table></div>` : v.busy ? html`<p class="muted">${t('computing')}</p>` : nothing}
    </section>`;
  }
}

customElements.define('gb-point-inflation', GbPointInflation);
declare global {
  interface HTMLElementTagNameMap {
    'gb-point-inflation': GbPointInflation;
  }
}
