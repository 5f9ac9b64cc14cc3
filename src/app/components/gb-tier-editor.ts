/** A tier table (surplus retention or overspend sharing): rows, mode, caps. */
import { LitElement, html, css, nothing } from 'lit';
import { shared } from './shared.ts';
import { emit } from '../state/actions.ts';
import { msg, type MsgKey } from '../i18n/index.ts';
import { issuesAt, issuesUnder } from '../views/issues-at.ts';
import type { Issue } from '../../format/issues.ts';
import type { OverspendRule, SurplusRule, Tier } from '../../format/types.ts';
import './gb-field.ts';
import { sourceBadge } from './gb-source.ts';
import type { Provenance } from '../../format/types.ts';
import type { Lang } from '../../display/lang.ts';
import type { FormulaProblem } from '../views/formula.ts';

export class GbTierEditor extends LitElement {
  static override properties = { rule: { attribute: false }, kind: {}, issues: { attribute: false }, lang: {}, sources: { attribute: false },
    inherited: { attribute: false }, check: { attribute: false } };
  /** The rule being edited (absent: the rule is off). */
  declare rule: SurplusRule | OverspendRule | undefined;
  /** Which rule: decides the path and the extra fields. */
  declare kind: 'surplus' | 'overspend';
  declare issues: Issue[];
  declare lang: Lang;
  /** The scenario's sources (policy.sources). */
  declare sources: Record<string, Provenance> | undefined;
  /** Keys whose source is the baseline's although this variant changed the value (flagged). */
  declare inherited: ReadonlySet<string> | null;
  /** Checks the eligibility formula while it is typed (the engine's compile, from the policy tab). */
  declare check: ((raw: string) => FormulaProblem | null) | null;

  constructor() {
    super();
    this.rule = undefined;
    this.kind = 'surplus';
    this.issues = [];
    this.lang = 'zh';
    this.check = null;
  }

  static override styles = [shared, css`
    td gb-field { margin: 0; }
    .mode { display: flex; gap: 1rem; align-items: center; margin-bottom: 0.4rem; }
    fieldset { border: none; padding: 0; margin: 0; display: flex; gap: 0.8rem; }
    legend { float: left; margin-right: 0.6rem; color: var(--gb-muted); }
  `];

  private get base(): string[] {
    return ['policy', this.kind];
  }

  private setTiers(tiers: Tier[]): void {
    emit(this, { type: 'edit', path: [...this.base, 'tiers'], value: tiers });
  }

  private addTier(): void {
    const tiers = this.rule!.tiers.map((x) => ({ ...x }));
    const last = tiers[tiers.length - 1];
    // The new tier goes before the open last one; its bound sits above the previous bound.
    const prevBound = tiers.length >= 2 ? tiers[tiers.length - 2]!.upTo : null;
    const bound = prevBound ? String(Math.round((Number(prevBound) + 0.05) * 1000) / 1000) : '0.05';
    if (last && last.upTo === null) tiers.splice(tiers.length - 1, 0, { upTo: bound, share: last.share });
    else tiers.push({ upTo: null, share: last?.share ?? '0.5' });
    this.setTiers(tiers);
  }

  private enable(): void {
    const value = this.kind === 'surplus'
      ? { mode: 'marginal', tiers: [{ upTo: '0.05', share: '0.7' }, { upTo: null, share: '0.5' }] }
      : { mode: 'marginal', tiers: [{ upTo: '0.05', share: '0.7' }, { upTo: null, share: '0' }] };
    emit(this, { type: 'edit', path: this.base, value });
  }

  override render() {
    const t = (k: MsgKey) => msg(this.lang, k);
    const r = this.rule;
    const title = t(this.kind === 'surplus' ? 'surplusRule' : 'overspendRule');
    const badge = sourceBadge(this.sources, `policy.${this.kind}`, this.lang, this.inherited);
    if (!r) return html`<div class="card"><h2>${title}${badge}</h2><p class="muted">${t('none')}</p>
    <button @click=${this.enable}>＋ ${t('addTier')}</button></div>`;
    const b = this.base;
    const f = (label: MsgKey, path: (string | number)[], kind: 'pct' | 'pctOpen' | 'formula', value: string | undefined, optional = false) =>
      html`<gb-field .label=${t(label)} .path=${path} .kind=${kind} .value=${value} .lang=${this.lang} ?optional=${optional}
        .check=${kind === 'formula' ? this.check : null}
        ?wide=${kind === 'formula'} ?bare=${path.includes('tiers')} .issues=${issuesAt(this.issues, path, this.lang)} data-path=${path.join('.')}
          .sources=${this.sources ?? {}} .inherited=${this.inherited}></gb-field>`;
    const rowIssues = issuesUnder(this.issues, [...b, 'tiers'], this.lang).filter((m) => !/\]\.(upTo|share):/.test(m));
    return html`<div class="card" data-testid="tiers-${this.kind}">
      <h2>${title}${badge}</h2>
      <div class="mode">
        <fieldset><legend>${t('tierMode')}</legend>
          ${(['marginal', 'step'] as const).map((m) => html`<label><input type="radio" name="mode-${this.kind}" .checked=${r.mode === m}
            @change=${() => emit(this, { type: 'edit', path: [...b, 'mode'], value: m })} /> ${t(m)}</label>`)}
        </fieldset>
      </div>
      <table>
        <thead><tr><th>#</th><th>${t('upTo')}</th><th>${t('share')}</th><th><span class="sr-only">${t('remove')}</span></th></tr></thead>
        <tbody>${r.tiers.map((tier, i) => html`<tr>
          <td>${i + 1}</td>
          <td>${tier.upTo === null && i === r.tiers.length - 1 ? html`<span class="muted">${t('openTier')}</span>` :
            f('upTo', [...b, 'tiers', i, 'upTo'], 'pctOpen', tier.upTo ?? undefined)}</td>
          <td>${f('share', [...b, 'tiers', i, 'share'], 'pct', tier.share)}</td>
          <td><button ?disabled=${r.tiers.length <= 1} aria-label="${t('remove')} ${i + 1}"
            @click=${() => this.setTiers(r.tiers.filter((_, j) => j !== i))}>${t('remove')}</button></td>
        </tr>`)}</tbody>
      </table>
      ${rowIssues.length ? html`<div class="err" role="alert">${rowIssues.map((m) => html`<div>${m}</div>`)}</div>` : nothing}
      <p><button @click=${this.addTier}>＋ ${t('addTier')}</button></p>
      ${f('cap', [...b, 'cap'], 'pctOpen', r.cap, true)}
      ${this.kind === 'overspend' ? f('reasonableShare', [...b, 'reasonableShare'], 'pct', (r as OverspendRule).reasonableShare, true) : nothing}
      ${this.kind === 'surplus' ? f('eligibility', [...b, 'eligibility'], 'formula', (r as SurplusRule).eligibility, true) : nothing}
    </div>`;
  }
}

customElements.define('gb-tier-editor', GbTierEditor);
declare global {
  interface HTMLElementTagNameMap {
    'gb-tier-editor': GbTierEditor;
  }
}
