/**
 * The SQL of a case import, the same text for DuckDB in Node and in the browser.
 *
 * 1. `gb_inst` / `gb_grp`: ENUM types of the base's institution ids and the catalogue's group
 *    ids; `gb_cat`: per group its score s (10^-4 points), reference cost c (fen) and, computed
 *    exactly in TypeScript, its outlier bounds and the high-branch coefficients.
 * 2. `gb_cases` (one pass over the file, order preserved so `rowid` is the row's position):
 *    every cell parsed to integers — fen, 10^-4 points, year, month — and a bit mask of the
 *    row's problems. Looking codes up by ENUM cast (not by join) keeps the pass a projection.
 * 3. One aggregation over the accepted rows: case points by integer arithmetic (HUGEINT where
 *    a product may pass 64 bits), summed per (institution, month) and (institution, group).
 * 4. The report: problem counts by mask, the first rows of each, the most frequent unknown codes.
 *
 * No DOUBLE ever holds a point or an amount: decimal text is cast to DECIMAL(p, s) and scaled to
 * BIGINT; a case's points are integer quotients rounded half-up, ⌊(2n + d) / 2d⌋. Only a
 * Parquet column that is itself floating point is converted, once, to whole fen — and refused
 * when it is not a whole number of fen.
 */
import { bitOf } from './problems.ts';
import type { PreparedSetup } from './setup.ts';
import type { CaseColumn } from './types.ts';

/** How a source column is typed (CSV: always text). */
export type SourceType = 'text' | 'integer' | 'decimal' | 'float' | 'date' | 'other';

export interface SourceColumn {
  /** SQL expression of the column in the source (a quoted identifier). */
  expr: string;
  type: SourceType;
  /** DECIMAL scale, when type is 'decimal'. */
  scale?: number;
}

export interface SourcePlan {
  /** The table function reading the file. */
  from: string;
  columns: Partial<Record<CaseColumn, SourceColumn>>;
}

export const quoteString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
export const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export const REJECTS_TABLE = 'gb_rejects';
export const REJECTS_SCAN = 'gb_rejects_scan';

/** read_csv with everything stated (no sniffing): all columns as text, malformed lines kept aside. */
export function readCsvCall(path: string, columnCount: number, delimiter: string): string {
  const cols = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  return `read_csv(${quoteString(path)}, header = false, skip = 1, auto_detect = false, delim = ${quoteString(delimiter)}, quote = '"', escape = '"', ` +
    `columns = {${cols}}, store_rejects = true, rejects_table = '${REJECTS_TABLE}', rejects_scan = '${REJECTS_SCAN}')`;
}

export function readParquetCall(path: string): string {
  return `read_parquet(${quoteString(path)})`;
}

/** DuckDB type name → how we parse it. */
export function sourceType(duckType: string): { type: SourceType; scale?: number } {
  const t = duckType.toUpperCase();
  if (t === 'VARCHAR' || t.startsWith('VARCHAR(')) return { type: 'text' };
  if (/^(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|HUGEINT|UHUGEINT)$/.test(t)) return { type: 'integer' };
  const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  if (dec) return { type: 'decimal', scale: Number(dec[2]) };
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') return { type: 'float' };
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return { type: 'date' };
  return { type: 'other' };
}

const DROP = [
  'DROP TABLE IF EXISTS gb_cases', 'DROP TABLE IF EXISTS gb_cat',
  `DROP TABLE IF EXISTS ${REJECTS_TABLE}`, `DROP TABLE IF EXISTS ${REJECTS_SCAN}`,
  'DROP TYPE IF EXISTS gb_inst', 'DROP TYPE IF EXISTS gb_grp',
];

export const cleanupStatements = (): string[] => [...DROP];

const CHUNK = 2000;

/** The ENUM types and the catalogue table. */
export function setupStatements(p: PreparedSetup): string[] {
  const out = [...DROP];
  out.push(`CREATE TYPE gb_inst AS ENUM (${p.hospitalIds.map(quoteString).join(', ')})`);
  out.push(`CREATE TYPE gb_grp AS ENUM (${p.groups.map((g) => quoteString(g.id)).join(', ')})`);
  // High branch: p = s·(x·hd − hn·c + hd·c)/(hd·c) = (a·x + b)/d with a = s·hd, b = s·c·(hd − hn), d = hd·c.
  out.push('CREATE TABLE gb_cat (gi INTEGER, s BIGINT, c BIGINT, lo BIGINT, hi BIGINT, a HUGEINT, b HUGEINT, d HUGEINT)');
  const { num: hn, den: hd } = p.rule.high;
  for (let i = 0; i < p.groups.length; i += CHUNK) {
    const rows = p.groups.slice(i, i + CHUNK).map((g, j) =>
      `(${i + j}, ${g.score}, ${g.refFen}, ${g.lowBelow}, ${g.highAbove}, ${g.score * hd}, ${g.score * g.refFen * (hd - hn)}, ${hd * g.refFen})`);
    out.push(`INSERT INTO gb_cat VALUES ${rows.join(', ')}`);
  }
  return out;
}

const bit = bitOf;

/**
 * Decimal text → scaled BIGINT. The text is read at two more decimals than kept (DECIMAL(p, dp+2))
 * and must then be a whole number of units: "12.345" is refused, never rounded; float
 * artefacts such as "1234.5600000001" read as 1234.56. (DuckDB's cast also takes "1e3" and
 * "1_000", which mean what they say.)
 */
function scaledFromText(v: string, dp: number, prec: number): { d: string; value: (d: string) => string } {
  const wide = 10 ** (dp + 2);
  return {
    d: `(TRY_CAST(${v} AS DECIMAL(${prec + 2}, ${dp + 2})) * ${wide})::BIGINT`,
    value: (dd) => `CASE WHEN ${dd} % 100 = 0 THEN ${dd} // 100 END`,
  };
}

interface Scaled {
  /** Level-1 select item (the DECIMAL), or null. */
  decimal: string | null;
  /** Level-2 expression of the scaled BIGINT (may use the level-1 alias). */
  value: string;
}

function scaled(col: SourceColumn, v: string, alias: string, dp: number, prec: number): Scaled {
  const d = `${alias}_d`;
  switch (col.type) {
    case 'text': {
      const s = scaledFromText(v, dp, prec);
      return { decimal: `${s.d} AS ${d}`, value: s.value(d) };
    }
    case 'integer':
      return { decimal: `TRY_CAST(${v} AS DECIMAL(${prec}, ${dp})) AS ${d}`, value: `(${d} * ${10 ** dp})::BIGINT` };
    case 'decimal':
      return {
        decimal: `TRY_CAST(${v} AS DECIMAL(${prec}, ${dp})) AS ${d}`,
        value: (col.scale ?? 0) <= dp ? `(${d} * ${10 ** dp})::BIGINT` : `CASE WHEN ${d} = ${v} THEN (${d} * ${10 ** dp})::BIGINT END`,
      };
    case 'float': {
      // A binary float from the file: accepted only when it is a whole number of units up to float noise.
      const u = `(${v} * ${10 ** dp})`;
      return {
        decimal: null,
        value: `CASE WHEN isfinite(${v}) AND abs(${v}) < ${10 ** (prec - dp)} AND abs(${u} - round(${u})) <= greatest(1e-6, abs(${u}) * 1.5e-14) THEN round(${u})::BIGINT END`,
      };
    }
    default: {
      const s = scaledFromText(`CAST(${v} AS VARCHAR)`, dp, prec);
      return { decimal: `${s.d} AS ${d}`, value: s.value(d) };
    }
  }
}

/** The text of a cell, for the report. */
const asText = (col: SourceColumn | undefined, v: string): string =>
  !col ? 'NULL::VARCHAR' : col.type === 'text' ? v : `CAST(${v} AS VARCHAR)`;

/** Blank: NULL, or only spaces (text). */
const blank = (col: SourceColumn, v: string): string =>
  col.type === 'text' ? `(${v} IS NULL OR trim(${v}) = '')` : `${v} IS NULL`;

/** CREATE TEMP TABLE gb_cases: one row per file row, in file order. */
export function readStatement(p: PreparedSetup, src: SourcePlan): string {
  const c = src.columns;
  const need = (k: CaseColumn): SourceColumn => {
    const col = c[k];
    if (!col) throw new Error(`readStatement: no ${k} column`);
    return col;
  };
  const ch = need('institution'), cg = need('group'), cx = need('cost'), cf = need('fund'), cm = need('month');
  const cs = c.special;

  // Level 0: the source columns under fixed names.
  const l0 = [
    `${ch.expr} AS v_h`, `${cg.expr} AS v_g`, `${cx.expr} AS v_x`, `${cf.expr} AS v_f`, `${cm.expr} AS v_m`,
    `${cs ? cs.expr : 'NULL::VARCHAR'} AS v_s`,
  ];
  // Codes are looked up as written, and trimmed only when that fails (coalesce evaluates lazily).
  const code = (col: SourceColumn, v: string, type: string) => {
    const t = col.type === 'text' ? v : `CAST(${v} AS VARCHAR)`;
    return `coalesce(enum_code(TRY_CAST(${t} AS ${type})), enum_code(TRY_CAST(trim(${t}) AS ${type})))`;
  };
  const x = scaled(cx, 'v_x', 'x', 2, 12); // < 10^10 yuan a case
  const f = scaled(cf, 'v_f', 'f', 2, 12);
  const s = cs ? scaled(cs, 'v_s', 's', 4, 12) : null; // < 10^8 points a case

  // Month: a month number, a year and month, or a date (see README). Each form is tried only
  // on the rows the previous ones did not read: plain integers (1–12, YYYYMM, YYYYMMDD), then
  // "YYYY-MM", then a date or date-time; only text none of these read is normalised
  // (年/月/日 and / → -) and tried again.
  const mText = cm.type === 'text' ? 'v_m' : cm.type === 'other' || cm.type === 'float' ? 'CAST(v_m AS VARCHAR)' : null;
  // DuckDB casts "3.5" to the INTEGER 4: text with a point is never a month number.
  const asInt = (t: string) => `CASE WHEN instr(${t}, '.') = 0 THEN TRY_CAST(${t} AS INTEGER) END`;
  const isYm = (t: string) => `(length(${t}) BETWEEN 6 AND 7 AND substr(${t}, 5, 1) = '-')`;
  const ymY = (t: string) => `CASE WHEN ${isYm(t)} THEN TRY_CAST(substr(${t}, 1, 4) AS INTEGER) END`;
  const ymM = (t: string) => `CASE WHEN ${isYm(t)} THEN ${asInt(`substr(${t}, 6)`)} END`;
  const tsOf = (t: string, mi: string, ym: string) => `CASE WHEN ${mi} IS NULL AND ${ym} IS NULL AND ${t} IS NOT NULL THEN TRY_CAST(${t} AS TIMESTAMP) END`;
  const monthLevels: string[][] = cm.type === 'integer'
    ? [['TRY_CAST(v_m AS INTEGER) AS mi0', 'NULL::INTEGER AS ymy0', 'NULL::INTEGER AS ymm0'], ['NULL::TIMESTAMP AS ts0'], ['NULL::VARCHAR AS mn']]
    : cm.type === 'date'
      ? [['NULL::INTEGER AS mi0', 'NULL::INTEGER AS ymy0', 'NULL::INTEGER AS ymm0'], ['CAST(v_m AS TIMESTAMP) AS ts0'], ['NULL::VARCHAR AS mn']]
      : [
          [`${asInt(mText!)} AS mi0`, `${ymY(mText!)} AS ymy0`, `${ymM(mText!)} AS ymm0`],
          [`${tsOf(mText!, 'mi0', 'ymm0')} AS ts0`],
          [`CASE WHEN mi0 IS NULL AND ymm0 IS NULL AND ts0 IS NULL AND ${mText} IS NOT NULL THEN ` +
            `rtrim(replace(replace(replace(replace(trim(${mText}), '/', '-'), '年', '-'), '月', '-'), '日', ''), '-') END AS mn`],
        ];
  const l4 = ['coalesce(mi0, ' + asInt('mn') + ') AS mi', `coalesce(ymy0, ${ymY('mn')}) AS ymy`, `coalesce(ymm0, ${ymM('mn')}) AS ymm`];
  const l5 = [
    `coalesce(ts0, CASE WHEN mi BETWEEN 10000000 AND 99999999 THEN TRY_STRPTIME(CAST(mi AS VARCHAR), '%Y%m%d') END, ${tsOf('mn', 'mi', 'ymm')}) AS ts`,
  ];
  const l6 = [
    `CASE WHEN mi BETWEEN 100000 AND 999999 THEN mi // 100 WHEN mi BETWEEN 10000000 AND 99999999 THEN year(ts) WHEN mi IS NOT NULL THEN NULL ` +
      `WHEN ymm IS NOT NULL THEN ymy WHEN ts IS NOT NULL THEN year(ts) END AS y`,
    `CASE WHEN mi BETWEEN 100000 AND 999999 THEN mi % 100 WHEN mi BETWEEN 10000000 AND 99999999 THEN month(ts) WHEN mi IS NOT NULL THEN mi ` +
      `WHEN ymm IS NOT NULL THEN (CASE WHEN ymy IS NOT NULL THEN ymm END) WHEN ts IS NOT NULL THEN month(ts) END AS mm`,
  ];

  const l1 = [
    `${code(ch, 'v_h', 'gb_inst')} AS hi`, `${code(cg, 'v_g', 'gb_grp')} AS gi`,
    ...(x.decimal ? [x.decimal] : []), ...(f.decimal ? [f.decimal] : []), ...(s?.decimal ? [s.decimal] : []),
    ...monthLevels[0]!,
  ];
  const l2 = [`${x.value} AS xf`, `${f.value} AS ff`, `${s ? s.value : 'NULL::BIGINT'} AS spu`, ...monthLevels[1]!];
  const l3 = monthLevels[2]!;

  const amountFlags = (v: string, col: SourceColumn, fen: string, k: CaseColumn) =>
    `CASE WHEN ${fen} IS NOT NULL THEN (CASE WHEN ${fen} < 0 THEN ${bit('negative', k)} ELSE 0 END) ` +
    `WHEN ${blank(col, v)} THEN ${bit('missing', k)} ELSE ${bit('unparsable', k)} END`;
  const yearFlag = p.year === null ? '' : ` | CASE WHEN y IS NOT NULL AND mm BETWEEN 1 AND 12 AND y <> ${p.year} THEN ${bit('otherYear', 'month')} ELSE 0 END`;
  const mask = [
    `CASE WHEN hi IS NOT NULL THEN 0 WHEN ${blank(ch, 'v_h')} THEN ${bit('missing', 'institution')} ELSE ${bit('unknownInstitution', 'institution')} END`,
    `CASE WHEN gi IS NOT NULL THEN 0 WHEN ${blank(cg, 'v_g')} THEN ${bit('missing', 'group')} ELSE ${bit('unknownGroup', 'group')} END`,
    amountFlags('v_x', cx, 'xf', 'cost'),
    amountFlags('v_f', cf, 'ff', 'fund'),
    `CASE WHEN mm BETWEEN 1 AND 12 THEN 0 WHEN mm IS NOT NULL THEN ${bit('monthRange', 'month')} WHEN ${blank(cm, 'v_m')} THEN ${bit('missing', 'month')} ELSE ${bit('unparsable', 'month')} END${yearFlag}`,
    cs ? `CASE WHEN spu IS NOT NULL THEN (CASE WHEN spu < 0 THEN ${bit('negative', 'special')} ELSE 0 END) WHEN ${blank(cs, 'v_s')} THEN 0 ELSE ${bit('unparsable', 'special')} END` : '0',
  ].map((e) => `(${e})`).join(' | ');

  const raw = `[${[asText(ch, 'v_h'), asText(cg, 'v_g'), asText(cx, 'v_x'), asText(cf, 'v_f'), asText(cm, 'v_m'), cs ? asText(cs, 'v_s') : 'NULL::VARCHAR']
    .map((e) => `left(${e}, 60)`).join(', ')}]`;

  return `CREATE TEMP TABLE gb_cases AS
SELECT hi::INTEGER AS hi, gi::INTEGER AS gi, xf, ff, y::SMALLINT AS y, CASE WHEN mask = 0 THEN mm END::TINYINT AS m, spu, mask,
  CASE WHEN mask <> 0 THEN ${raw} END AS raw
FROM (SELECT *, ${mask} AS mask
FROM (SELECT *, ${l6.join(', ')}
FROM (SELECT *, ${l5.join(', ')}
FROM (SELECT *, ${l4.join(', ')}
FROM (SELECT *, ${l3.join(', ')}
FROM (SELECT *, ${l2.join(', ')}
FROM (SELECT *, ${l1.join(', ')}
FROM (SELECT ${l0.join(", ")} FROM ${src.from}))))))))`;
}

/**
 * Case points and totals of the accepted rows, one result row per (institution, month) and
 * per (institution, group) among its top groups:
 * [byGroup 0|1, hi, month or gi, cases, Σp, Σfund, Σcost, low, high, special, groups].
 */
export function aggregateQuery(p: PreparedSetup): string {
  return `WITH t AS (
  SELECT k.hi, k.gi, k.m, k.ff, k.xf,
    CASE WHEN k.spu IS NOT NULL THEN 3 WHEN k.xf < g.lo THEN 1 WHEN k.xf > g.hi THEN 2 ELSE 0 END AS cls,
    CASE WHEN k.spu IS NOT NULL THEN k.spu::HUGEINT
         WHEN k.xf < g.lo THEN (2 * g.s::HUGEINT * k.xf + g.c) // (2 * g.c)
         WHEN k.xf > g.hi THEN (2 * (g.a * k.xf + g.b) + g.d) // (2 * g.d)
         ELSE g.s::HUGEINT END AS p
  FROM gb_cases k JOIN gb_cat g ON g.gi = k.gi
  WHERE k.mask = 0
), a AS (
  SELECT GROUPING(m) AS by_group, hi, coalesce(m, gi) AS key, count(*) AS n, sum(p) AS pts, sum(ff) AS fund, sum(xf) AS cost,
    count(*) FILTER (WHERE cls = 1) AS lo, count(*) FILTER (WHERE cls = 2) AS hg, count(*) FILTER (WHERE cls = 3) AS sp
  FROM t GROUP BY GROUPING SETS ((hi, m), (hi, gi))
)
SELECT by_group::INTEGER, hi, key::INTEGER, n::INTEGER, pts::VARCHAR, fund::VARCHAR, cost::VARCHAR, lo::INTEGER, hg::INTEGER, sp::INTEGER,
  (count(*) FILTER (WHERE by_group = 1) OVER (PARTITION BY hi))::INTEGER AS groups
FROM a
QUALIFY by_group = 0 OR row_number() OVER (PARTITION BY by_group, hi ORDER BY pts DESC, key) <= ${p.topGroups}
ORDER BY by_group, hi, (CASE WHEN by_group = 1 THEN -pts END), key`;
}

/** [rows, accepted, Σfund of rejected rows with a readable non-negative amount]. */
export const summaryQuery = (): string =>
  `SELECT count(*)::INTEGER, (count(*) FILTER (WHERE mask = 0))::INTEGER, coalesce(sum(ff) FILTER (WHERE mask <> 0 AND ff >= 0), 0)::VARCHAR FROM gb_cases`;

/** [mask, rows] for every mask of rejected rows. */
export const maskCountsQuery = (): string =>
  'SELECT mask, count(*)::INTEGER FROM gb_cases WHERE mask <> 0 GROUP BY mask';

/**
 * The first `n` rows of every mask: [mask, position, institution, group, cost, fund, month, special].
 * (A window ordered by rowid over a table with a LIST column trips an internal error in
 * DuckDB 1.4–1.5, so the positions are picked by min_by first.)
 */
export const maskExamplesQuery = (n: number): string =>
  `SELECT mask, rowid::INTEGER, raw[1], raw[2], raw[3], raw[4], raw[5], raw[6] FROM gb_cases
WHERE mask <> 0 AND rowid IN (SELECT unnest(min_by(rowid, rowid, ${n})) FROM gb_cases WHERE mask <> 0 GROUP BY mask) ORDER BY rowid`;

/** The most frequent values of column `index` (1-based in raw) among rows with `bitValue`. */
export const unknownValuesQuery = (bitValue: number, index: number, n = 10): string =>
  `SELECT raw[${index}], count(*)::INTEGER AS k FROM gb_cases WHERE (mask & ${bitValue}) <> 0 GROUP BY raw[${index}] ORDER BY k DESC, raw[${index}] LIMIT ${n}`;

/** Lines the CSV reader could not split: [line, error type, line text] of the first n, and all line numbers. */
export const rejectExamplesQuery = (n: number): string =>
  `SELECT line::INTEGER, any_value(error_type)::VARCHAR, left(any_value(csv_line), 200) FROM ${REJECTS_TABLE} GROUP BY line ORDER BY line LIMIT ${n}`;
export const rejectLinesQuery = (): string => `SELECT DISTINCT line::INTEGER AS l FROM ${REJECTS_TABLE} ORDER BY l`;
