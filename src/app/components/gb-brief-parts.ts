/** Sections of the hospital brief, as templates rendered inside gb-brief's shadow root. */
import { html, nothing } from 'lit';
import { msg, type MsgKey } from '../i18n/index.ts';
import { money, percent, plain, sign } from '../../display/number.ts';
import type { Explanation, PeerBasis } from '../../engine/explain.ts';
import type { SourceGroup } from '../views/brief-sources.ts';
import { SETTLEMENT_FIELDS, type BriefAdjustment, type SettlementField, type SettlementRow } from '../views/brief.ts';
import type { Lang, Unit } from '../../display/lang.ts';

/** How many institutions share the pool, in words (never a bare 「(20)」). */
const members = (n: number, lang: Lang) => (n === 1 ? msg(lang, 'poolMembersOne') : msg(lang, 'poolMembers', { n }));

export function derivation(ex: Explanation, lang: Lang, u: Unit) {
  const t = (k: MsgKey) => msg(lang, k);
  const m = (v: string | null | undefined) => html`<span class="v">${money(v, u)} ${t(u)}</span>`;
  return html`<ol class="steps">
    <li>${t('history')}${t('colon')}${ex.history.map((y) => html`${money(y.amount, u)} × ${y.weight}${y.year < ex.history.length ? ' + ' : ''}`)}</li>
    <li>${t('weightedHistory')} = ${m(ex.weightedHistory)}</li>
    <li>× ${t('levelCoef')} ${ex.levelCoefficient} × ${t('categoryCoef')} ${ex.categoryCoefficient}
      = ${t('defaultWeight')} ${m(ex.defaultWeight)}${ex.formula
        ? html` <span class="badge">${t('weightFormula')}${t('colon')}<code translate="no">${ex.formula}</code></span>` : nothing}</li>
    ${ex.pool ? html`<li>${t('pool')} ${ex.pool.name}${t('colon')}${t('poolAmount')} ${m(ex.pool.amount)}${t('semicolon')}
      ${t('lockedTarget')} ${m(ex.pool.locked)}${t('semicolon')}
      ${t('poolRemainder')} ${m(ex.pool.remainder)}${members(ex.pool.members, lang)}</li>` : nothing}
    <li>${ex.hospital.locked ? html`${t('lockedTarget')}` : html`${t('weightShareLabel')} <span class="v">${percent(ex.weightShare, 6)}</span>`}
      → ${t('allocatedTarget')} ${m(ex.hospital.allocatedTarget)}</li>
    ${sign(ex.hospital.volumeCut) ? html`<li>${t('volumeCut')} −${money(ex.hospital.volumeCut, u)}</li>` : nothing}
    <li>${t('target')} <span data-testid="brief-target">${m(ex.hospital.target)}</span></li>
  </ol>`;
}

/**
 * Deposit and the 12 months: monthly budget, claims, paid, deferred to year-end. In a pool settled
 * by points: the monthly pre-settlement, the deposit withheld from it and what it paid.
 */
export function depositSchedule(ex: Explanation, lang: Lang, u: Unit) {
  const t = (k: MsgKey) => msg(lang, k);
  const h = ex.hospital;
  const months = h.monthlyBudget.map((_, i) => i);
  const pts = !!ex.points;
  return html`<p class="kv"><span>${t('depositRate')} <b>${percent(ex.depositRate, 2)}</b></span>
      <span>${t('deposit')} <b>${money(h.deposit, u)}</b></span>
      <span>${t(pts ? 'ptsPaidTotal' : 'totalPaid')} <b>${money(h.paidTotal, u)}</b></span>
      <span>${t('deferred')} <b>${money(h.deferred, u)}</b></span> <span class="muted">(${t(u)})</span></p>
    <table class="months" data-testid="brief-months">
      <thead><tr><th></th>${months.map((m) => html`<th class="num">${msg(lang, 'month', { m: m + 1 })}</th>`)}</tr></thead>
      <tbody>
        <tr><th scope="row">${t(pts ? 'ptsPreSettlement' : 'monthlyBudget')}</th>
          ${h.monthlyBudget.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
        <tr><th scope="row">${t('claims')}</th>${h.claims.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
        ${pts ? html`<tr><th scope="row">${t('ptsMonthWithheld')}</th>${h.withheld.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>` : nothing}
        <tr><th scope="row">${t(pts ? 'ptsMonthPaid' : 'paidMonthly')}</th>${h.paid.map((x) => html`<td class="num">${money(x, u)}</td>`)}</tr>
      </tbody>
    </table>`;
}

const SIGNED = new Set(['surplusOverspend', 'balance']);

export function settlement(rows: SettlementRow[], lang: Lang, unit: Unit) {
  const t = (k: MsgKey) => msg(lang, k);
  // Where a scenario settles its pool by points, its "target" is the entitlement by points.
  const head = (k: SettlementField) => t(k === 'target' && rows.some((r) => r.byPoints) ? 'ptsTargetOrEntitlement' : k);
  return html`<table>
    <thead><tr><th>${t('scenario')}</th>${SETTLEMENT_FIELDS.map((k) => html`<th class="num">${head(k)}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr><th scope="row">${r.name}</th>${SETTLEMENT_FIELDS.map((key) => {
      const val = r.cells[key];
      const signed = SIGNED.has(key);
      return html`<td class="num ${signed && sign(val) < 0 ? 'neg' : ''}">${key === 'rate' ? percent(val, 2, true) : money(val, unit, signed)}</td>`;
    })}</tr>`)}</tbody>
  </table>
  <p class="muted small">${t('monthsOfCoverage')}${t('colon')}${rows.map((r) => `${r.name} ${plain(r.monthsOfCoverage)}`).join(' · ')}</p>`;
}

const BASIS_WORDS: Record<PeerBasis, MsgKey> = {
  'level+category': 'peerBasis', level: 'peerBasisLevelWide', category: 'peerBasisCategory', pool: 'peerBasisPool', all: 'peerBasisAll',
};

/** Who the institution is compared with, and how many: 「同组机构 5 家 · 同类（同级不足 3 家）」. */
export function peerGroup(ex: Explanation, lang: Lang): string {
  const p = ex.peers;
  return `${msg(lang, 'peerCount', { n: p.count })} · ${msg(lang, BASIS_WORDS[p.basis], { min: p.minimum })}`;
}

export function peers(ex: Explanation, lang: Lang, u: Unit) {
  const t = (k: MsgKey) => msg(lang, k);
  const p = ex.peers;
  const pct = (n: number | null) => (n === null ? '—' : `P${n}`);
  return html`<p class="muted small" data-testid="peer-group">${peerGroup(ex, lang)}</p>
    <table>
      <thead><tr><th></th><th class="num">${t('thisHospital')}</th><th class="num">${t('median')}</th><th class="num">${t('percentileLabel')}</th></tr></thead>
      <tbody>
        <tr><th scope="row">${t('history')} (${t(u)})</th><td class="num">${money(p.cost.mine, u)}</td><td class="num">${money(p.cost.median, u)}</td>
        <td class="num">—</td></tr>
        <tr data-testid="peer-per-case"><th scope="row">${t('costPerCase')} (${t('yuan')})</th><td class="num">${money(p.perCase.mine, 'yuan')}</td>
        <td class="num">${money(p.perCase.median, 'yuan')}</td><td class="num">${pct(p.perCase.percentile)}</td></tr>
        <tr data-testid="peer-growth"><th scope="row">${t('growthLast')}</th><td class="num">${percent(p.growth.mine)}</td>
        <td class="num">${percent(p.growth.median)}</td><td class="num">${pct(p.growth.percentile)}</td></tr>
      </tbody>
    </table>`;
}

export function sources(groups: SourceGroup[], lang: Lang) {
  const t = (k: MsgKey) => msg(lang, k);
  if (!groups.length) return html`<p class="muted">${t('noSources')}</p>`;
  return html`<ul class="src">${groups.map((g) => html`<li><b>${g.document}</b>${g.number ? ` ${g.number}` : ''}${g.date ? ` (${g.date})` : ''}:
    ${g.items.map((c, i) => html`<span class="it" data-key=${c.key} title=${c.note ??
      ''}><span class="badge ${c.status}">${t(c.status)}</span>${c.label}${c.value ? html`<span class="val"
      data-testid="source-value">${lang === 'zh' ? `「${c.value}」` : ` “${c.value}”`}</span>` : nothing}${c.article ?
      html` <span class="muted">〔${c.article}〕</span>` : nothing}${i < g.items.length - 1 ? (lang === 'zh' ? '；' : '; ') : ''}</span>`)}</li>`)}</ul>`;
}

/** The mid-year adjustments that moved this institution's target: month, institution adjusted, amount, this one's change, reason. */
export function adjustments(rows: readonly BriefAdjustment[], lang: Lang, unit: Unit) {
  const t = (k: MsgKey) => msg(lang, k);
  return html`<table class="months"><thead><tr><th>${t('monAdjFrom')}</th><th>${t('monAdjInst')}</th><th class="num">${t('monAdjAmount')}</th>
    <th class="num">${t('monAdjOwn')}</th><th>${t('monAdjReason')}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr data-self=${r.self ? 'yes' : 'no'}><td>${msg(lang, 'monFromMonth', { k: r.from })}</td><td>${r.hospital} ${r.name}</td>
      <td class="num">${money(r.change, unit, true)}</td><td class="num">${money(r.own, unit, true)}</td><td>${r.reason}${r.date ? ` (${r.date})` : ''}</td>
      </tr>`)}</tbody></table>`;
}
