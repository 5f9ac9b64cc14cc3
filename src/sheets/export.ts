/**
 * Results → one .xlsx: fund summary (a column per scenario, differences against the first),
 * hospitals (one sheet per scenario), monthly budget / claims / paid / deferred, comparison
 * of scenarios per hospital, and the parameters with their provenance and each scenario's
 * fingerprint. Amounts are real numbers with number formats; header rows are frozen.
 */
import type ExcelJS from 'exceljs';
import type { FundResult, Result } from '../engine/result.ts';
import type { Scenario } from '../format/types.ts';
import { fingerprint as computeFingerprint } from '../engine/fingerprint.ts';
import { cellOf, MONTHLY_ITEMS, monthlyFen, poolNames, resultColumns } from './result-columns.ts';
import { parameterRows } from './params.ts';
import {
  amountValue, commitRow, commitSheet, newWorkbook, ratioValue, sheetName, streamingWorkbook, tableSheet, toBytes, FMT, type Col, type WorkbookStream,
} from './style.ts';
import { columnsOfResult, difference, matchRows } from '../engine/compare.ts';
import type { AmountField } from '../engine/result.ts';
import type { Lang, Unit } from '../display/lang.ts';
import { fundName, hospitalName, word, type FundFigure } from '../display/glossary.ts';

export { hospitalsCsv } from './result-columns.ts';
export { exportHospitalData } from './hospital-data.ts';
import { addHospitalDataSheet } from './hospital-data.ts';

export interface ExportScenario {
  name: string;
  scenario: Scenario;
  result: Result;
  /** Shown on the parameters sheet; computed from the result when not given. */
  fingerprint?: string;
}

export interface ResultsWorkbookInput {
  lang: Lang;
  unit?: Unit;
  scenarios: ExportScenario[];
}

const T = {
  zh: { fund: '基金汇总', hospitals: '机构结果', monthly: '月度拨付', compare: '方案对比', params: '参数与出处', data: '机构数据', item: '项目', scenario: '方案', delta: '差额',
    code: '机构编码', name: '机构名称',
    month: (m: number) => `${m}月`, year: '全年', all: '全部机构', target: '指标', owed: '年终应付', balance: '清算补（扣）', yuan: '元', wan: '万元' },
  en: { fund: 'Fund summary', hospitals: 'Hospitals', monthly: 'Monthly', compare: 'Comparison', params: 'Parameters and sources', data: 'Institution data',
    item: 'Item',
    scenario: 'Scenario', delta: 'Δ', code: 'Institution code', name: 'Name', month: (m: number) =>
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]!, year: 'Year', all: 'All institutions', target: 'target',
    owed: 'owed', balance: 'balance', yuan: 'yuan', wan: '10k yuan' },
} as const;

/** value: a point value (元/分) or points, 4 decimals. */
type FundKind = 'amount' | 'months' | 'percent' | 'value';
const FUND_ROWS: [FundFigure, FundKind][] = [
  ['base', 'amount'],
  ['riskReserve', 'amount'],
  ['carveOuts', 'amount'],
  ['globalTarget', 'amount'],
  ['adjustmentFund', 'amount'],
  ['allocatable', 'amount'],
  ['totalTargets', 'amount'],
  ['volumeCuts', 'amount'],
  ['totalDeposit', 'amount'],
  ['totalPaid', 'amount'],
  ['totalDeferred', 'amount'],
  ['totalAdvance', 'amount'],
  ['fundSharesClaimed', 'amount'],
  ['adjustmentFundUsed', 'amount'],
  ['adjustmentFundTopUp', 'amount'],
  ['adjustmentFundUnused', 'amount'],
  ['retainedFromTargets', 'amount'],
  ['hospitalsOwed', 'amount'],
  ['totalBalance', 'amount'],
  ['expenditure', 'amount'],
  ['revenue', 'amount'],
  ['openingBalance', 'amount'],
  ['closingBalance', 'amount'],
  ['monthsOfCoverage', 'months'],
  ['currentSurplusRate', 'percent'],
  ['cumulativeSurplusRate', 'percent'],
];

/** The results workbook in memory, as bytes (the page's export worker). */
export async function resultsWorkbook(input: ResultsWorkbookInput): Promise<Uint8Array> {
  const wb = newWorkbook();
  addResultSheets(wb, input);
  return toBytes(wb);
}

/**
 * The same workbook streamed to `stream` as it is built (the command line's --xlsx): memory stays
 * bounded by one row, not by the whole workbook — 200,000 institutions' sheets held as cells ran
 * out of memory.
 */
export async function streamResultsWorkbook(input: ResultsWorkbookInput, stream: WorkbookStream): Promise<void> {
  const wb = streamingWorkbook(stream);
  addResultSheets(wb, input);
  await wb.commit();
}

/** Every sheet, in order; each row committed once styled and each sheet once done (see style.ts streamingWorkbook). */
function addResultSheets(wb: ExcelJS.Workbook, input: ResultsWorkbookInput): void {
  const { lang, scenarios } = input;
  const unit = input.unit ?? 'yuan';
  if (scenarios.length === 0) throw new Error('resultsWorkbook: no scenarios');
  const taken = new Set<string>();
  fundSheet(wb, sheetName(T[lang].fund, taken), input, unit);
  scenarios.forEach((s) => {
    const name = scenarios.length === 1 ? T[lang].hospitals : `${T[lang].hospitals}-${s.name}`;
    hospitalsSheet(wb, sheetName(name, taken), s, lang, unit);
  });
  monthlySheet(wb, sheetName(T[lang].monthly, taken), input, unit);
  compareSheet(wb, sheetName(T[lang].compare, taken), input, unit);
  paramsSheet(wb, sheetName(T[lang].params, taken), input);
  // The institutions' data in the import layout, so the workbook edited in Excel imports back (app and gbsim import).
  scenarios.forEach((s) => {
    addHospitalDataSheet(wb, sheetName(scenarios.length === 1 ? T[lang].data : `${T[lang].data}-${s.name}`, taken), s.scenario, lang);
  });
}

const unitLabel = (lang: Lang, unit: Unit) => (lang === 'zh' ? `（${T.zh[unit]}）` : ` (${T.en[unit]})`);

function fundSheet(wb: ExcelJS.Workbook, name: string, { lang, scenarios }: ResultsWorkbookInput, unit: Unit): void {
  const t = T[lang];
  const variants = scenarios.slice(1);
  const cols: Col[] = [
    { header: `${t.item}${unitLabel(lang, unit)}`, kind: 'text', width: 26 },
    ...scenarios.map((s) => ({ header: s.name, kind: 'number' as const, width: 20 })),
    ...variants.map((s) => ({ header: `${t.delta} ${s.name}`, kind: 'number' as const, width: 20 })),
  ];
  const ws = tableSheet(wb, name, cols, { unit, freezeCols: 1 });
  const fmt = (k: FundKind) => (k === 'amount' ? FMT.amount : k === 'months' ? FMT.months : k === 'value' ? FMT.points : FMT.percent);
  const add = (label: string, kind: FundKind, vals: (string | null | undefined)[]) => {
    const base = vals[0];
    const v = (x: string | null | undefined) => (kind === 'amount' ? amountValue(x, unit) : ratioValue(x));
    const d = (x: string | null | undefined) => v(difference(base, x));
    const row = ws.addRow([label, ...vals.map(v), ...vals.slice(1).map(d)]);
    for (let c = 2; c <= cols.length; c++) row.getCell(c).numFmt = fmt(kind);
    commitRow(row);
  };
  for (const [key, kind] of FUND_ROWS) {
    add(fundName(key, lang), kind, scenarios.map((s) => s.result.fund[key] as string | null));
    if (key === 'carveOuts') {
      const ids = unionBy(scenarios.map((s) => s.result.fund.carveOutItems));
      for (const [id, label] of ids) add(`  ${label}`, 'amount', scenarios.map((s) => s.result.fund.carveOutItems.find((c) => c.id === id)?.amount ?? null));
    }
    if (key === 'allocatable') {
      const ids = unionBy(scenarios.map((s) => s.result.fund.pools));
      for (const [id, label] of ids) add(`  ${label}`, 'amount', scenarios.map((s) => s.result.fund.pools.find((p) => p.id === id)?.amount ?? null));
      // Pools settled by points (DESIGN §7): their points and point values (元/分), in any scenario that has them.
      for (const [id, label] of ids) {
        const pools = scenarios.map((s) => s.result.fund.pools.find((p) => p.id === id && p.settlement === 'points'));
        if (!pools.some(Boolean)) continue;
        const per = lang === 'zh' ? `（${word('pointValueUnit', lang)}）` : ` (${word('pointValueUnit', lang)})`;
        add(`  ${label} · ${hospitalName('points', lang)}`, 'value', pools.map((p) => p?.points ?? null));
        add(`  ${label} · ${word('budgetPointValue', lang)}${per}`, 'value', pools.map((p) => p?.budgetPointValue ?? null));
        add(`  ${label} · ${word('pointValue', lang)}${per}`, 'value', pools.map((p) => p?.pointValue ?? null));
        add(`  ${label} · ${word('entitlement', lang)}`, 'amount', pools.map((p) => p?.entitled ?? null));
      }
    }
  }
  commitSheet(ws);
}

function unionBy(lists: { id: string; name: string }[][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of lists) for (const x of l) if (!m.has(x.id)) m.set(x.id, x.name || x.id);
  return m;
}

function hospitalsSheet(wb: ExcelJS.Workbook, name: string, s: ExportScenario, lang: Lang, unit: Unit): void {
  const columns = resultColumns(s.result);
  const cols: Col[] = columns.map((c) => ({ header: c.kind === 'amount' ? `${c[lang]}${unitLabel(lang, unit)}` : c[lang], kind: c.kind,
    width: c.zh === '机构名称' ? 28 : undefined }));
  const ws = tableSheet(wb, name, cols, { unit, freezeCols: 2 });
  const byId = new Map(s.scenario.hospitals.map((h) => [h.id, h]));
  const pools = poolNames(s.scenario);
  for (const r of s.result.hospitals) {
    const h = byId.get(r.id);
    commitRow(ws.addRow(columns.map((c) => cellOf(c, r, h, lang, unit, pools))));
  }
  commitSheet(ws);
}

function monthlySheet(wb: ExcelJS.Workbook, name: string, { lang, scenarios }: ResultsWorkbookInput, unit: Unit): void {
  const t = T[lang];
  const many = scenarios.length > 1;
  const lead: Col[] = [
    ...(many ? [{ header: t.scenario, kind: 'text' as const, width: 18 }] : []),
    { header: t.code, kind: 'text', width: 14 },
    { header: t.name, kind: 'text', width: 28 },
    { header: `${t.item}${unitLabel(lang, unit)}`, kind: 'text', width: 18 },
  ];
  const months: Col[] = Array.from({ length: 12 }, (_, i) => ({ header: t.month(i + 1), kind: 'amount', width: 15 }));
  const ws = tableSheet(wb, name, [...lead, ...months, { header: t.year, kind: 'amount', width: 17 }], { unit, freezeCols: lead.length });
  const money = (fen: number) => (unit === 'wan' ? fen / 1e6 : fen / 100);
  for (const s of scenarios) {
    const items = MONTHLY_ITEMS.filter((it) => it.key !== 'withheld' || s.result.hospitals.some((r) => r.withheld.some((w) => w !== '0.00')));
    const pre = many ? [s.name] : [];
    for (const it of items) {
      const total = new Array<number>(12).fill(0);
      let year = 0;
      for (const r of s.result.hospitals) {
        const m = monthlyFen(r, it.key);
        m.months.forEach((x, i) => (total[i]! += x));
        year += m.year;
      }
      const row = ws.addRow([...pre, '', t.all, it[lang], ...total.map(money), money(year)]);
      row.font = { bold: true };
      commitRow(row);
    }
    const byId = new Map(s.scenario.hospitals.map((h) => [h.id, h]));
    for (const r of s.result.hospitals) {
      for (const it of items) {
        const m = monthlyFen(r, it.key);
        commitRow(ws.addRow([...pre, r.id, byId.get(r.id)?.name ?? '', it[lang], ...m.months.map(money), money(m.year)]));
      }
    }
  }
  commitSheet(ws);
}

function compareSheet(wb: ExcelJS.Workbook, name: string, { lang, scenarios }: ResultsWorkbookInput, unit: Unit): void {
  const t = T[lang];
  const fields = [['target', t.target], ['owed', t.owed], ['balance', t.balance]] as const;
  const cols: Col[] = [
    { header: t.code, kind: 'text', width: 14 },
    { header: t.name, kind: 'text', width: 28 },
    ...scenarios.flatMap((s) => fields.map(([, l]) => ({ header: `${s.name} ${l}`, kind: 'amount' as const }))),
    ...scenarios.slice(1).flatMap((s) => fields.map(([, l]) => ({ header: `${t.delta} ${s.name} ${l}`, kind: 'amount' as const }))),
  ];
  const ws = tableSheet(wb, name, cols, { unit, freezeCols: 2 });
  // Every institution of any scenario, in the order first seen; differences against the first.
  const ids: string[] = [];
  const names = new Map<string, string>();
  for (const s of scenarios) for (const h of s.scenario.hospitals) if (!names.has(h.id)) { names.set(h.id, h.name); ids.push(h.id); }
  const tables = scenarios.map((s) => columnsOfResult(s.result.hospitals));
  const rows = tables.map((t) => matchRows(ids, t.ids));
  const value = (k: number, f: AmountField, i: number) => (rows[k]![i]! < 0 ? null : tables[k]!.fen(f)[rows[k]![i]!]!);
  const shown = (fen: number | null) => (fen === null ? null : unit === 'wan' ? fen / 1e6 : fen / 100);
  ids.forEach((id, i) => {
    const base = fields.map(([f]) => value(0, f, i));
    commitRow(ws.addRow([
      id, names.get(id) ?? '',
      ...tables.flatMap((_, k) => fields.map(([f]) => shown(value(k, f, i)))),
      ...tables.slice(1).flatMap((_, k) => fields.map(([f], c) => {
        const b = value(k + 1, f, i);
        return b === null || base[c] === null ? null : shown(b - base[c]!);
      })),
    ]));
  });
  commitSheet(ws);
}

const STATUS = { zh: { official: '官方文件', assumption: '假设' }, en: { official: 'official', assumption: 'assumption' } } as const;

function paramsSheet(wb: ExcelJS.Workbook, name: string, { lang, scenarios }: ResultsWorkbookInput): void {
  const zh = lang === 'zh';
  const rows = parameterRows(scenarios.map((s) => s.scenario), lang);
  const differs = rows.some((r) => r.sources.some((p) => JSON.stringify(p) !== JSON.stringify(r.sources[0])));
  const cols: Col[] = [
    { header: zh ? '参数' : 'Parameter', kind: 'text', width: 30 },
    { header: zh ? '路径' : 'Path', kind: 'text', width: 34 },
    ...scenarios.map((s) => ({ header: s.name, kind: 'number' as const, width: 22 })),
    { header: zh ? '依据文件' : 'Document', kind: 'text', width: 40 },
    { header: zh ? '文号' : 'Number', kind: 'text', width: 20 },
    { header: zh ? '条款' : 'Article', kind: 'text', width: 30 },
    { header: zh ? '日期' : 'Date', kind: 'text', width: 12 },
    { header: zh ? '性质' : 'Status', kind: 'text', width: 10 },
    { header: zh ? '说明' : 'Note', kind: 'text', width: 60 },
    ...(differs ? [{ header: zh ? '其他方案的来源' : 'Sources in other scenarios', kind: 'text' as const, width: 50 }] : []),
  ];
  const ws = tableSheet(wb, name, cols, { freezeCols: 1 });
  const blank = new Array<string>(6).fill('');
  const fp = ws.addRow([zh ? '结果指纹' : 'Result fingerprint', 'fingerprint', ...scenarios.map((s) => s.fingerprint ?? computeFingerprint(s.result)), ...blank]);
  fp.font = { bold: true };
  commitRow(fp);
  commitRow(ws.addRow([zh ? '方案名称' : 'Scenario name', 'meta.name', ...scenarios.map((s) => s.scenario.meta.name), ...blank]));
  commitRow(ws.addRow([zh ? '统筹地区' : 'Region', 'meta.region', ...scenarios.map((s) => s.scenario.meta.region ?? ''), ...blank]));
  commitRow(ws.addRow([zh ? '年度' : 'Year', 'meta.year', ...scenarios.map((s) => s.scenario.meta.year ?? null), ...blank]));
  commitRow(ws.addRow([zh ? '机构数' : 'Institutions', 'hospitals', ...scenarios.map((s) => s.scenario.hospitals.length), ...blank]));
  const n = scenarios.length;
  for (const r of rows) {
    const p = r.sources.find((x) => x !== undefined);
    const others = differs
      ? r.sources.map((x, i) => (i > 0 && JSON.stringify(x) !== JSON.stringify(r.sources[0]) ? `${scenarios[i]!.name}: ${x ?
        [x.document, x.number, x.article, STATUS[lang][x.status]].filter(Boolean).join(' ') : zh ? '（无）' : '(none)'}` : '')).filter(Boolean).join('\n')
      : undefined;
    const values = r.values.map((v) => {
      if (v === undefined || v === null) return null;
      if (typeof v === 'boolean') return v ? (zh ? '是' : 'yes') : zh ? '否' : 'no';
      if (typeof v === 'string' && /^-?\d{1,15}(\.\d{1,12})?$/.test(v) && v.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15) return Number(v);
      return v;
    });
    const row = ws.addRow([r.label, r.path, ...values, p?.document ?? '', p?.number ?? '', p?.article ?? '', p?.date ?? '', p ? STATUS[lang][p.status] : '',
      p?.note ?? '', ...(others !== undefined ? [others] : [])]);
    for (let c = 3; c < 3 + n; c++) if (typeof row.getCell(c).value === 'number') row.getCell(c).numFmt = r.amount ? FMT.amount : 'General';
    row.alignment = { vertical: 'top', wrapText: true };
    commitRow(row);
  }
  commitSheet(ws);
}
