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

/**
 * The ENUM types and the catalogue table: s (10^-4 points) and c (fen) per group in ENUM order,
 * and, computed here once per group in exact integers, the outlier bounds
 * (low: x < lo = ⌈low·c⌉; high: x > hi = ⌊high·c⌋) and the high branch as (a·x + b) / d,
 * a = s·hd, b = s·c·(hd − hn), d = hd·c, with high = hn/hd. `lo_ok` / `hi_max` say where the
 * BIGINT form of a branch cannot overflow (else the HUGEINT form is used).
 */
export function setupStatements(p: PreparedSetup): string[] {
  // The file's size is unknown to the planner (no sniffing), which would otherwise build the
  // hash join on the file and probe it with the catalogue.
  const out = ["SET disabled_optimizers = 'build_side_probe_side'", ...DROP];
  out.push(`CREATE TYPE gb_inst AS ENUM (${p.hospitalIds.map(quoteString).join(', ')})`);
  out.push(`CREATE TYPE gb_grp AS ENUM (${p.groups.map((g) => quoteString(g.id)).join(', ')})`);
  const { num: ln, den: ld } = p.rule.low;
  const { num: hn, den: hd } = p.rule.high;
  const LIM = '4611686018427387904::HUGEINT'; // 2^62: twice it still fits in a BIGINT
  out.push(`CREATE TABLE gb_cat AS
SELECT gi::INTEGER AS gi, s, c, lo, hi, a, b, d,
  (2 * s::HUGEINT * c + c < ${LIM}) AS lo_ok,
  CASE WHEN abs(b) + d < ${LIM} AND a < ${LIM} THEN ((${LIM} - abs(b) - d) // (2 * a))::BIGINT ELSE -1 END AS hi_max,
  a::BIGINT AS a64, CASE WHEN abs(b) < ${LIM} THEN b::BIGINT END AS b64, CASE WHEN d < ${LIM} THEN d::BIGINT END AS d64
FROM (SELECT gi, s, c,
    ((${ln} * c::HUGEINT + ${ld - 1n}) // ${ld})::BIGINT AS lo, ((${hn} * c::HUGEINT) // ${hd})::BIGINT AS hi,
    s::HUGEINT * ${hd} AS a, s::HUGEINT * c * ${hd - hn} AS b, ${hd} * c::HUGEINT AS d
  FROM (SELECT unnest(range(${p.groups.length})) AS gi,
    unnest([${p.groups.map((g) => g.score).join(',')}]::BIGINT[]) AS s,
    unnest([${p.groups.map((g) => g.refFen).join(',')}]::BIGINT[]) AS c))`);
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
        value: `CASE WHEN isfinite(${v}) AND abs(${v}) < ${10 ** (prec - dp)} AND abs(${u} - round(${u})) <= greatest(1e-6, abs(${u}) * 1.5e-14) `
          + `THEN round(${u})::BIGINT END`,
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

/**
 * One row per file row, in file order: the institution and group (ENUM codes), cost and
 * fund-payable (fen), year and month, special points (10^-4), the problem mask, and — for a
 * row with a problem only — its cells as text.
 */
export function parsedSelect(p: PreparedSetup, src: SourcePlan): string {
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
  const x = scaled(cx, 'v_x', 'x', 2, 11); // < 10^9 yuan a case; DECIMAL(13, 4) × 10^4 stays in 64 bits
  const f = scaled(cf, 'v_f', 'f', 2, 11);
  const s = cs ? scaled(cs, 'v_s', 's', 4, 12) : null; // < 10^8 points a case

  // Month: a month number, a year and month, or a date (see README). Each form is tried only
  // on the rows the previous ones did not read: plain integers (1–12, YYYYMM, YYYYMMDD), then
  // "YYYY-MM", then a date or date-time; only text none of these read is normalised
  // (年/月/日 and / → -) and tried again.
  const mText = cm.type === 'text' ? 'v_m' : cm.type === 'other' || cm.type === 'float' ? 'CAST(v_m AS VARCHAR)' : null;
  // DuckDB casts "3.5" to the INTEGER 4: text with a point is never a month number. A failing
  // TRY_CAST costs far more than a success, so text with a separator is not even tried.
  const asInt = (t: string) => `CASE WHEN instr(${t}, '.') = 0 AND instr(${t}, '-') <= 1 AND instr(${t}, '/') = 0 THEN TRY_CAST(${t} AS INTEGER) END`;
  const isYm = (t: string) => `(length(${t}) BETWEEN 6 AND 7 AND substr(${t}, 5, 1) = '-')`;
  const ymY = (t: string) => `CASE WHEN ${isYm(t)} THEN TRY_CAST(substr(${t}, 1, 4) AS INTEGER) END`;
  const ymM = (t: string) => `CASE WHEN ${isYm(t)} THEN ${asInt(`substr(${t}, 6)`)} END`;
  const tsOf = (t: string, mi: string, ym: string) =>
    `CASE WHEN ${mi} IS NULL AND ${ym} IS NULL AND ${t} IS NOT NULL THEN (CASE WHEN length(${t}) = 10 THEN TRY_CAST(${t} AS DATE)::TIMESTAMP `
      + `ELSE TRY_CAST(${t} AS TIMESTAMP) END) END`;
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
    `CASE WHEN mm BETWEEN 1 AND 12 THEN 0 WHEN mm IS NOT NULL THEN ${bit('monthRange', 'month')} WHEN ${blank(cm, 'v_m')} THEN ${bit('missing',
      'month')} ELSE ${bit('unparsable', 'month')} END${yearFlag}`,
    cs ? `CASE WHEN spu IS NOT NULL THEN (CASE WHEN spu < 0 THEN ${bit('negative', 'special')} ELSE 0 END) WHEN ${blank(cs,
      'v_s')} THEN 0 ELSE ${bit('unparsable', 'special')} END` : '0',
  ].map((e) => `(${e})`).join(' | ');

  const raw = `[${[asText(ch, 'v_h'), asText(cg, 'v_g'), asText(cx, 'v_x'), asText(cf, 'v_f'), asText(cm, 'v_m'), cs ? asText(cs, 'v_s') : 'NULL::VARCHAR']
    .map((e) => `left(${e}, 60)`).join(', ')}]`;

  return `SELECT hi::INTEGER AS hi, gi::INTEGER AS gi, xf, ff, y::SMALLINT AS y, CASE WHEN mask = 0 THEN mm END::TINYINT AS m, spu, mask,
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
 * One pass over the file: case points and totals of the accepted rows per (institution, month)
 * and per (institution, group) — only each institution's top groups are returned — and row
 * counts per problem mask (mask 0: the accepted rows). The top groups are picked by a top-n
 * aggregate (max_by over (points, −group) keeps the ORDER BY points DESC, group order), not by
 * windows: a window numbering every (institution, group) row sorted them all, about a fifth of
 * the import's time (a province has millions of such rows). Result rows:
 * [kind 0 month | 1 group | 2 mask, hi, month | gi | mask, cases, Σp, Σfund, Σcost, low, high, special, groups of hi].
 * Rejected rows fall out of the first two sets (their keys are NULL); their fund-payable counts
 * in the mask set where it could be read (≥ 0).
 */
export function aggregateQuery(p: PreparedSetup, src: SourcePlan): string {
  return `WITH t AS (
  SELECT CASE WHEN k.mask = 0 THEN k.hi END AS hi, CASE WHEN k.mask = 0 THEN k.gi END AS gi, k.m, k.mask,
    CASE WHEN k.ff >= 0 THEN k.ff END AS ff, CASE WHEN k.mask = 0 THEN k.xf END AS xf,
    CASE WHEN k.mask <> 0 THEN NULL WHEN k.spu IS NOT NULL THEN 3 WHEN k.xf < g.lo THEN 1 WHEN k.xf > g.hi THEN 2 ELSE 0 END AS cls,
    CASE WHEN k.mask <> 0 THEN NULL
         WHEN k.spu IS NOT NULL THEN k.spu
         WHEN k.xf < g.lo THEN CASE WHEN g.lo_ok THEN (2 * g.s * k.xf + g.c) // (2 * g.c)
                                    ELSE ((2 * g.s::HUGEINT * k.xf + g.c) // (2 * g.c))::BIGINT END
         WHEN k.xf > g.hi THEN CASE WHEN k.xf <= g.hi_max THEN (2 * (g.a64 * k.xf + g.b64) + g.d64) // (2 * g.d64)
                                    ELSE ((2 * (g.a * k.xf + g.b) + g.d) // (2 * g.d))::BIGINT END
         ELSE g.s END AS p
  FROM (${parsedSelect(p, src)}) k LEFT JOIN gb_cat g ON g.gi = k.gi
), a AS MATERIALIZED (
  SELECT CASE WHEN GROUPING(mask) = 0 THEN 2 WHEN GROUPING(m) = 0 THEN 0 ELSE 1 END AS kind,
    hi, CASE WHEN GROUPING(mask) = 0 THEN mask WHEN GROUPING(m) = 0 THEN m ELSE gi END AS key,
    count(*) AS n, sum(p) AS pts, sum(ff) AS fund, sum(xf) AS cost,
    count(*) FILTER (WHERE cls = 1) AS lo, count(*) FILTER (WHERE cls = 2) AS hg, count(*) FILTER (WHERE cls = 3) AS sp
  FROM t GROUP BY GROUPING SETS ((hi, m), (hi, gi), (mask))
), g AS MATERIALIZED (
  SELECT hi, count(*) AS groups${p.topGroups > 0 ? `,
    max_by({key: key, n: n, pts: pts, fund: fund, cost: cost, lo: lo, hg: hg, sp: sp}, {pts: pts, key: -key}, ${p.topGroups}) AS top` : ''}
  FROM a WHERE kind = 1 AND hi IS NOT NULL GROUP BY hi
), r AS (
  SELECT a.kind, a.hi, a.key, a.n, a.pts, a.fund, a.cost, a.lo, a.hg, a.sp, coalesce(g.groups, 0) AS groups
  FROM a LEFT JOIN g ON g.hi = a.hi WHERE a.kind = 2 OR (a.kind = 0 AND a.hi IS NOT NULL)${p.topGroups > 0 ? `
  UNION ALL
  SELECT 1, hi, u.key, u.n, u.pts, u.fund, u.cost, u.lo, u.hg, u.sp, groups FROM (SELECT hi, groups, unnest(top) AS u FROM g)` : ''}
)
SELECT kind::INTEGER, hi, key::INTEGER, n::INTEGER, coalesce(pts, 0)::VARCHAR, coalesce(fund, 0)::VARCHAR, coalesce(cost, 0)::VARCHAR,
  lo::INTEGER, hg::INTEGER, sp::INTEGER, groups::INTEGER AS groups
FROM r
ORDER BY kind, hi, (CASE WHEN kind = 1 THEN -pts END), key`;
}

/**
 * The second pass, only when the first found rejected rows: their positions (rowid, as the
 * table keeps file order) and cells.
 */
export function rejectedStatement(p: PreparedSetup, src: SourcePlan): string {
  return `CREATE TEMP TABLE gb_cases AS SELECT mask, raw FROM (${parsedSelect(p, src)})`;
}

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
