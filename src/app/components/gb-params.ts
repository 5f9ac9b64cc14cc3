/** The policy of the scenario shown: fund, allocation, deposit, months, tiers, assessment. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { issuesAt } from '../views/issues-at.ts';
import type { ParamsView } from '../views/params.ts';
import type { Issue } from '../../format/issues.ts';
import type { Scenario } from '../../format/types.ts';
import type { FieldKind } from '../views/validate-field.ts';
import { distinct } from '../views/table-model.ts';
import { termOf as term } from '../views/terms.ts';
import { historyYearsOf } from '../views/brief-sources.ts';
import { yearName } from '../../display/glossary.ts';
import './gb-field.ts';
import './gb-fund-editor.ts';
import './gb-tier-editor.ts';
import './gb-quality-editor.ts';
import { sourceBadge } from './gb-source.ts';
import type { GbField } from './gb-field.ts';
import { FORMULA_FUNCTIONS, formulaNameRows, formulaProblem } from '../views/formula.ts';

export class GbParams extends LitElement {
  static override properties = { view: { attribute: false } };
  /** The scenario shown, its problems and sources. */
  declare view: ParamsView;

  private get sources() {
    return this.view.sources;
  }

  /** Sources this variant carries from the baseline for values it changed (flagged on their badges). */
  private get inherited(): ReadonlySet<string> {
    return this.view.inherited;
  }

  private badge(key: string) {
    return sourceBadge(this.sources, key, this.view.lang, this.inherited);
  }

  static override styles = [shared, css`
    td gb-field { margin: 0; }
    .months { display: grid; grid-template-columns: repeat(6, max-content); gap: 0 0.2rem; }
    fieldset { border: none; padding: 0; margin: 0 0 0.4rem; display: flex; gap: 0.8rem; flex-wrap: wrap; }
    legend { float: left; margin-right: 0.6rem; color: var(--gb-muted); }
    .names { font-size: 0.85em; margin-top: 0.3rem; }
    .names h4 { font-size: 1em; font-weight: normal; color: var(--gb-muted); margin: 0 0 0.2rem; }
    .names ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.6rem; }
    .names li { display: contents; }
    .names button { font-family: ui-monospace, monospace; padding: 0 0.35rem; justify-self: start; }
    .names .fns { margin-top: 0.3rem; display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
  `];

  /** Inserts a name at the weight formula's cursor (the box keeps the focus; Enter applies it). */
  private insert(text: string): void {
    this.renderRoot.querySelector<GbField>('gb-field[data-path="policy.weightFormula"]')?.insertText(text);
  }

  /** The names the weight formula may use, with their meaning, and the functions; a click inserts one. */
  private formulaNames(s: Scenario) {
    const lang = this.view.lang;
    const keep = (e: Event) => e.preventDefault(); // the formula box keeps the focus and its cursor
    return html`<div class="names" data-testid="formula-names">
      <h4>${msg(lang, 'formulaNames')}</h4>
      <ul>${formulaNameRows(s, lang).map((r) => html`<li><button type="button" translate="no" data-name=${r.name} @mousedown=${keep}
        @click=${() => this.insert(r.name)}>${r.name}</button><span>${r.meaning}</span></li>`)}</ul>
      <div class="fns"><span>${msg(lang, 'formulaFunctions')}</span>${FORMULA_FUNCTIONS.map((f) => html`<button type="button" translate="no" data-name=${f}
        @mousedown=${keep} @click=${() => this.insert(`${f}(`)}>${f}()</button>`)}</div>
    </div>`;
  }

  private f(label: string, path: (string | number)[], kind: FieldKind, value: string | number | undefined, issues: Issue[], optional = false, hint = '',
    look: 'bare' | 'short' | '' = '') {
    const s = this.view.scenario;
    const lang = this.view.lang;
    const check = kind === 'formula' && s ? (raw: string) => formulaProblem(s, raw, lang) : null;
    return html`<gb-field .label=${label} .path=${path} .kind=${kind} .value=${value} .lang=${this.view.lang} ?optional=${optional} .check=${check}
      ?bare=${look === 'bare'} ?short=${look === 'short'}
      ?wide=${kind === 'formula'} .hint=${hint} .issues=${issuesAt(issues, path, this.view.lang)} data-path=${path.join('.')} .sources=${this.sources}
        .inherited=${this.inherited}></gb-field>`;
  }

  private allocation(s: Scenario, issues: Issue[]) {
    const t = (k: MsgKey) => msg(this.view.lang, k);
    const p = s.policy;
    const pools = p.pools ?? [];
    const lang = this.view.lang;
    const levels = [...new Set([...distinct(s, 'level'), ...Object.keys(p.levelCoefficients ?? {})])];
    const cats = [...new Set([...distinct(s, 'category'), ...Object.keys(p.categoryCoefficients ?? {})])];
    const years = historyYearsOf(s);
    return html`<div class="card" data-testid="allocation-editor">
      <h2>${t('allocation')}</h2>
      <h3>${t('pools')}${this.badge('policy.pools')}</h3>
      <table>
        <thead><tr><th>${t('name')}</th><th>${t('poolShare')}</th><th>${t('poolClasses')}</th><th><span class="sr-only">${t('remove')}</span></th></tr></thead>
        <tbody>${pools.map((pool, i) => html`<tr>
          <td>${this.f(t('name'), ['policy', 'pools', i, 'name'], 'text', pool.name, issues, false, '', 'bare')}</td>
          <td>${this.f(t('poolShare'), ['policy', 'pools', i, 'share'], 'pct', pool.share, issues, false, '', 'bare')}</td>
          <td>${this.poolClasses(s, i, pool.classes, issues)}</td>
          <td><button @click=${() => emit(this, { type: 'edit', path: ['policy', 'pools'],
            value: pools.filter((_, j) => j !== i) })}>${t('remove')}</button></td>
        </tr>`)}</tbody>
      </table>
      ${issuesAt(issues, ['policy', 'pools'], this.view.lang).map((m) => html`<div class="err" role="alert">${m}</div>`)}
      <button @click=${() => emit(this, { type: 'edit', path: ['policy', 'pools'],
        value: [...pools, { id: `pool${pools.length + 1}`, name: `${t('pool')} ${pools.length + 1}`, share: '0',
        classes: ['primary'] }] })}>＋ ${t('addPool')}</button>
      <h3>${t('historyWeights')}${this.badge('policy.historyWeights')}</h3>
      <div>${p.historyWeights.map((w, i) => this.f(yearName(years[i]!, lang), ['policy', 'historyWeights', i], 'nonneg', w, issues, false, '', 'short'))}</div>
      ${issuesAt(issues, ['policy', 'historyWeights'], this.view.lang).map((m) => html`<div class="err" role="alert">${m}</div>`)}
      <h3>${t('levelCoefficients')}${this.badge('policy.levelCoefficients')}</h3>
      <div>${levels.map((l) => this.f(term('level', l, lang), ['policy', 'levelCoefficients', l], 'nonneg', p.levelCoefficients?.[l], issues, true))}</div>
      <h3>${t('categoryCoefficients')}${this.badge('policy.categoryCoefficients')}</h3>
      <div>${cats.map((c) => this.f(term('category', c, lang), ['policy', 'categoryCoefficients', c], 'nonneg', p.categoryCoefficients?.[c], issues,
        true))}</div>
      <h3>${t('weightFormula')}</h3>
      ${this.f(t('weightFormula'), ['policy', 'weightFormula'], 'formula', p.weightFormula, issues, true, t('weightFormulaHint'))}
      ${this.formulaNames(s)}
    </div>`;
  }

  /** A pool's classes, ticked by name (the codes stay in the file): every class the institutions or the deposit rates use. */
  private poolClasses(s: Scenario, i: number, chosen: string[], issues: Issue[]) {
    const lang = this.view.lang;
    const all = [...new Set([...distinct(s, 'class'), ...Object.keys(s.policy.deposit.rates), ...chosen])];
    const path = ['policy', 'pools', i, 'classes'];
    const toggle = (c: string, on: boolean) => emit(this, { type: 'edit', path, value: all.filter((x) => (x === c ? on : chosen.includes(x))) });
    return html`<fieldset class="classes" data-testid="pool-classes-${i}"><legend class="sr-only">${msg(lang, 'poolClasses')}</legend>
      ${all.map((c) => html`<label><input type="checkbox" value=${c} .checked=${chosen.includes(c)}
        @change=${(e: Event) => toggle(c, (e.target as HTMLInputElement).checked)} /> ${term('class', c, lang)}</label>`)}
      ${issuesAt(issues, path, lang).map((m) => html`<div class="err" role="alert">${m}</div>`)}</fieldset>`;
  }

  private deposit(s: Scenario, issues: Issue[]) {
    const t = (k: MsgKey) => msg(this.view.lang, k);
    const d = s.policy.deposit;
    const classes = [...new Set([...distinct(s, 'class'), ...Object.keys(d.rates)])];
    const profile = s.policy.monthlyProfile;
    return html`<div class="card" data-testid="deposit-editor">
      <h2>${t('depositRules')}${this.badge('policy.deposit')}</h2>
      <fieldset><legend>${t('depositBase')}${this.badge('policy.deposit.base')}</legend>
        ${(['target', 'claims'] as const).map((b) => html`<label><input type="radio" name="dbase" .checked=${d.base === b}
          @change=${() => emit(this, { type: 'edit', path: ['policy', 'deposit', 'base'], value: b })}
            /> ${t(b === 'target' ? 'baseTarget' : 'baseClaims')}</label>`)}
      </fieldset>
      <div>${classes.map((c) => this.f(`${t('depositRate')} · ${term('class', c, this.view.lang)}`, ['policy', 'deposit', 'rates', c], 'pct', d.rates[c],
        issues))}</div>
      <h3>${t('monthlyProfile')}${this.badge('policy.monthlyProfile')}</h3>
      <div class="months">
        ${(profile ?? new Array(12).fill(undefined)).map((w: string | undefined, i: number) =>
          this.f(msg(this.view.lang, 'month', { m: i + 1 }), ['policy', 'monthlyProfile', i], 'nonneg', w ?? (profile ? undefined : '1'), issues, false, '',
          'short'))}
      </div>
      ${profile ? html`<button @click=${() => emit(this, { type: 'edit', path: ['policy', 'monthlyProfile'],
        value: undefined })}>${t('evenProfile')}</button>` : nothing}
      ${issuesAt(issues, ['policy', 'monthlyProfile'], this.view.lang).map((m) => html`<div class="err" role="alert">${m}</div>`)}
      <h3>${t('volumeFloorRule')}${this.badge('policy.volumeFloor')}</h3>
      <label><input type="checkbox" data-testid="volume-floor" .checked=${s.policy.volumeFloor === true}
        @change=${(e: Event) => emit(this, { type: 'edit', path: ['policy', 'volumeFloor'], value: (e.target as HTMLInputElement).checked })}
          /> ${t('volumeFloorOn')}</label>
      <h3>${t('growth')}</h3>
      ${this.f(t('growth'), ['policy', 'growth', 'region'], 'growthPct', s.policy.growth?.region, issues, true)}
    </div>`;
  }

  /** Editing month 3 of an even profile writes all twelve weights. */
  private onProfileEdit(e: CustomEvent): void {
    const a = e.detail as { type: string; path: (string | number)[]; value: unknown };
    const s = this.view.scenario;
    if (!s || a.type !== 'edit' || a.path[1] !== 'monthlyProfile' || a.path.length !== 3 || s.policy.monthlyProfile) return;
    e.stopPropagation();
    const profile = new Array(12).fill('1');
    profile[a.path[2] as number] = a.value;
    emit(this, { type: 'edit', path: ['policy', 'monthlyProfile'], value: profile });
  }

  override render() {
    const st = this.view;
    const s = st.scenario;
    if (!s) return html`<div class="card err">${st.error}</div>`;
    const issues = st.issues;
    return html`<div class="grid2" @gb-action=${this.onProfileEdit}>
      <div>
        <gb-fund-editor .scenario=${s} .issues=${issues} .lang=${st.lang} .unit=${st.unit} .inherited=${this.inherited}></gb-fund-editor>
        ${this.allocation(s, issues)}
      </div>
      <div>
        ${this.deposit(s, issues)}
        <gb-tier-editor kind="surplus" .check=${(raw: string) => formulaProblem(s, raw, st.lang)} .rule=${s.policy.surplus} .issues=${issues} .lang=${st.lang}
          .sources=${s.policy.sources} .inherited=${this.inherited}></gb-tier-editor>
        <gb-tier-editor kind="overspend" .rule=${s.policy.overspend} .issues=${issues} .lang=${st.lang} .sources=${s.policy.sources}
          .inherited=${this.inherited}></gb-tier-editor>
        <gb-quality-editor .rule=${s.policy.quality} .issues=${issues} .lang=${st.lang} .sources=${s.policy.sources}
          .inherited=${this.inherited}></gb-quality-editor>
      </div>
    </div>`;
  }
}

customElements.define('gb-params', GbParams);
declare global {
  interface HTMLElementTagNameMap {
    'gb-params': GbParams;
  }
}
