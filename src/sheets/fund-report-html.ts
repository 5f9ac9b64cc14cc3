/**
 * The fund report as one self-contained HTML page (gbsim report … -o report.html): the text model
 * of fund-report.ts in tables, with print CSS for A4 (each section on its own page, rows never
 * split, table heads repeated). Opens and prints in any browser; no script, no request.
 */
import type { FundReportView, ReportTable } from './fund-report.ts';

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The report's styles: shared by this page and the app's element, so both print alike. */
export const REPORT_CSS = `
.report { font: 12px/1.45 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #111; max-width: 1100px; margin: 0 auto; }
.report h1 { font-size: 20px; margin: 0 0 6px; text-align: center; }
.report .meta { display: flex; flex-wrap: wrap; gap: 4px 18px; justify-content: center; margin: 0 0 14px; color: #333; }
.report .meta b { font-weight: 600; }
.report section { margin: 0 0 18px; }
.report h2 { font-size: 15px; margin: 14px 0 6px; border-bottom: 2px solid #333; padding-bottom: 2px; }
.report table { border-collapse: collapse; width: 100%; margin: 0 0 10px; font-size: 11px; }
.report .wide { overflow-x: auto; }
.report table.narrow { width: auto; min-width: 60%; }
.report caption { text-align: left; font-weight: 600; padding: 4px 0; }
.report th, .report td { border: 1px solid #999; padding: 2px 5px; vertical-align: top; }
.report th { background: #eef1f5; font-weight: 600; }
.report td.num, .report th.num { text-align: right; font-variant-numeric: tabular-nums; }
.report td.num { white-space: nowrap; }
.report:lang(en) { font-family: "Noto Sans", "Segoe UI", Arial, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
.report td:first-child { min-width: 7em; }
.report td:nth-child(4) { white-space: nowrap; }
.report tr.total td { font-weight: 700; border-top: 2px solid #333; }
.report .notes { margin: 4px 0 0; padding-left: 18px; color: #333; }
.report .fp { margin-top: 18px; font-size: 9px; color: #666; word-break: break-all; }
@media print {
  .report { max-width: none; }
  .report .wide { overflow: visible; }
  .report section { break-before: page; }
  .report section:first-of-type { break-before: auto; }
  .report table { font-size: 9px; }
  .report thead { display: table-header-group; }
  .report tr, .report caption { break-inside: avoid; }
  .report h2, .report caption { break-after: avoid; }
}`;

function table(t: ReportTable): string {
  const cls = (i: number) => (t.num[i] ? ' class="num"' : '');
  return `<div class="wide"><table${t.narrow ? ' class="narrow"' : ''}>${t.caption ? `<caption>${esc(t.caption)}</caption>` :
    ''}<thead><tr>${t.head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr${r.total ? ' class="total"' : ''}>${r.cells.map((c, i) => `<td${cls(i)}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

export function fundReportHtml(v: FundReportView): string {
  const body = `<div class="report"><h1>${esc(v.title)}</h1><div class="meta">${v.meta.map((m) => `<span>${esc(m.label)}${v.lang === "zh" ? "：" :
    ": "}<b>${esc(m.value)}</b></span>`).join('')}</div>${v.sections
    .map((s) => `<section data-section="${s.id}"><h2>${esc(s.title)}</h2>${s.tables.map(table).join('')}${s.notes.length ?
      `<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}</section>`)
    .join('')}<div class="fp">${esc(v.fingerprint)}</div></div>`;
  return `<!doctype html><html lang="${v.lang === 'zh' ? 'zh-CN' :
    'en'}"><head><meta charset="utf-8"><title>${esc(v.title)}</title>`
    + `<style>@page { size: A4 landscape; margin: 10mm; }${REPORT_CSS}</style></head><body>${body}</body></html>\n`;
}
