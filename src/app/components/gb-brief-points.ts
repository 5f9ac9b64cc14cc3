/**
 * The brief's parts of a pool settled by points: its points section, how its entitlement is derived, and its what-if (point
 * inflation); figures as the engine gives them, formatted by src/display.
 */
import { html, nothing } from 'lit';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain, sign } from '../../display/number.ts';
import type { BriefInflation, BriefPoints } from '../views/brief-points.ts';
import type { Lang, Unit } from '../../display/lang.ts';

/** The steps of views/brief.ts's pointsSteps, as written (numbered already). */
export function pointsDerivation(steps: readonly string[]) {
  return html`<ol class="steps pts" data-testid="points-steps">${steps.map((x, i) => html`<li data-step=${i + 1}>${x}</li>`)}</ol>`;
}

export function pointsSection(b: BriefPoints, lang: Lang, u: Unit) {
  const t = (k: MsgKey) => msg(lang, k);
  const pv = t('ptsUnit');
  return html`<p class="kv" data-testid="brief-points-figures">
      <span>${t('ptsPoints')} <b data-field="points">${plain(b.points, 4)}</b>${b.projected ? html` <span class="badge">${t('ptsProjectedBadge')}</span>` :
        nothing}</span>
      <span>${t('ptsShare')} <b data-field="pointShare">${percent(b.pointShare, 4)}</b></span>
      <span>${t('ptsBudgetValue')} <b data-field="budgetPointValue">${plain(b.budgetPointValue, 4)}</b> ${pv}</span>
      <span>${t('ptsValue')} <b data-field="pointValue">${plain(b.pointValue, 4)}</b> ${pv}${b.pointValueCapped ?
        html` <span class="badge">${t('ptsCapped')}</span>` : nothing}</span>
      <span>${t('ptsEntitlement')} <b data-field="entitlement">${money(b.entitlement, u)}</b> ${t(u)}</span>
      <span>${t('actual')} <b>${money(b.actual, u)}</b> ${t(u)}</span>
      <span>${t('ptsPaymentRate')} <b data-field="paymentRate">${percent(b.paymentRate, 2)}</b></span>
      ${b.cases !== null ? html`<span>${t('ptsCases')} <b>${b.cases.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</b></span>` : nothing}
    </p>
    ${b.scenarios.length > 1 ? html`<table data-testid="brief-points-scenarios">
      <thead><tr><th>${t('scenario')}</th><th>${t('ptsSettledBy')}</th><th class="num">${t('ptsPoints')}</th><th class="num">${t('ptsValue')} (${pv})</th>
        <th class="num">${t('ptsTargetOrEntitlement')} (${t(u)})</th><th class="num">${t('ptsPaymentRate')}</th></tr></thead>
      <tbody>${b.scenarios.map((s) => html`<tr><th scope="row">${s.name}</th><td>${t(s.byPoints ? 'ptsByPoints' : 'ptsByTarget')}</td>
        <td class="num">${plain(s.points, 4)}</td><td class="num">${plain(s.pointValue, 4)}</td><td class="num">${money(s.target, u)}</td>
        <td class="num">${percent(s.paymentRate, 2)}</td></tr>`)}</tbody>
    </table>` : nothing}
    ${b.groups.length ? html`<table data-testid="brief-points-groups">
      <thead><tr><th>${t('ptsGroup')}</th><th class="num">${t('ptsCases')}</th><th class="num">${t('ptsPoints')}</th>
        <th class="num">${t('ptsLow')}</th><th class="num">${t('ptsHigh')}</th><th class="num">${t('ptsSpecial')}</th></tr></thead>
      <tbody>${b.groups.map((g) => html`<tr><td>${g.group}${g.name ? html` ${g.name}` : nothing}</td><td class="num">${g.cases}</td>
        <td class="num">${plain(g.points, 4)}</td><td class="num">${g.low}</td><td class="num">${g.high}</td><td class="num">${g.special}</td></tr>`)}</tbody>
    </table>` : nothing}`;
}

/**
 * The what-if of a points institution, in the place of the target's (it has none up front): why that one does not apply, and
 * point inflation's what-ifs for this institution, always in yuan to the fen and 元/分 to 4 decimals, whatever the brief's unit.
 */
export function pointsWhatIf(f: BriefInflation | null, lang: Lang) {
  const t = (k: MsgKey) => msg(lang, k);
  const why = `${t('ptsNoTargetWhatIf')}${lang === 'zh' ? '' : ' '}${t(f ? 'ptsInflBelow' : 'ptsInflElsewhere')}`;
  return html`<p class="small" data-testid="brief-no-target-whatif">${why}</p>
    ${f ? inflationTable(f, lang) : nothing}`;
}

function inflationTable(f: BriefInflation, lang: Lang) {
  const t = (k: MsgKey) => msg(lang, k);
  const pv = (v: string | null, capped: boolean) => html`${plain(v, 4)}${capped ? html` <span class="badge">${t('ptsCapped')}</span>` : nothing}`;
  const cls = (v: string) => `num ${sign(v) < 0 ? 'neg' : sign(v) > 0 ? 'pos' : ''}`;
  return html`<table data-testid="brief-points-inflation">
      <thead><tr><th>${t('ptsInflWhat')}</th><th class="num">${t('ptsValue')} (${t('ptsUnit')})</th>
        <th class="num">${t('ptsInflEntitlement')}</th><th class="num">${t('ptsInflChange')}</th></tr></thead>
      <tbody><tr data-scope="now" data-pv=${f.pointValue ?? ''} data-entitlement=${f.entitlement}><th scope="row">${t('ptsInflNow')}</th>
        <td class="num">${pv(f.pointValue, f.capped)}</td><td class="num">${money(f.entitlement, 'yuan')}</td><td></td></tr>
      ${f.rows.map((r) => html`<tr data-scope=${r.scope} data-pct=${r.pct} data-pv=${r.pointValue ?? ''}
        data-entitlement=${r.entitlement} data-diff=${r.diff}>
        <th scope="row">${r.what}</th><td class="num">${pv(r.pointValue, r.capped)}</td><td class="num">${money(r.entitlement, 'yuan')}</td>
        <td class=${cls(r.diff)}>${money(r.diff, 'yuan', true)}</td></tr>`)}</tbody>
    </table>
    <p class="small muted">${t('ptsInflNote')}</p>`;
}
