/**
 * Case lists (one row per discharged case) → case points → totals per institution and month.
 * Plain data only: decimal strings for points (4 decimals) and amounts (2 decimals), numbers
 * for counts, so results cross to workers and into scenario files unchanged.
 */

/** Outlier thresholds on ρ = cost / reference cost, as decimal strings (national DIP spec: "0.5", "2"). */
export interface Thresholds {
  low: string;
  high: string;
}

/** One group of the catalogue (病种/病组目录). */
export interface CatalogueGroup {
  id: string;
  name?: string;
  /** 分值 s_g: a decimal string with at most 4 decimals, > 0. */
  score: string;
  /** 次均费用 c_g: an amount in yuan with at most 2 decimals, > 0. */
  refCost: string;
}

/** What an import needs besides the file: the base scenario's institutions and year, the catalogue, the thresholds. */
export interface CaseSetup {
  /** The base scenario's hospital ids, in file order. */
  hospitalIds: string[];
  /** The scenario's `meta.year`: a case discharged in another year is reported. */
  year?: number;
  catalogue: CatalogueGroup[];
  thresholds: Thresholds;
  /** How many groups per institution the brief lists (default 20). */
  topGroups?: number;
  /** How many example rows per problem (default 5). */
  examples?: number;
}

/** Totals of accepted cases; `points` is the raw Σp, before the institution coefficient k_h. */
export interface CaseTotals {
  cases: number;
  /** Σ case points, 4 decimals. */
  points: string;
  /** Σ fund-payable (基金支付), yuan with 2 decimals. */
  fundPayable: string;
  /** Σ total cost (总费用), yuan with 2 decimals. */
  cost: string;
  /** Cases with ρ < low (费用极低病例). */
  low: number;
  /** Cases with ρ > high (费用极高病例). */
  high: number;
  /** Special-review cases (特例单议) scored with their approved points. */
  special: number;
}

export interface GroupTotals extends CaseTotals {
  group: string;
}

export interface InstitutionCases extends CaseTotals {
  id: string;
  /** Twelve months, January first; the months add up to the year exactly. */
  months: CaseTotals[];
  /** How many distinct groups the institution's cases fall in. */
  groups: number;
  /** Its top groups by points (ties: catalogue order), at most `topGroups`. */
  topGroups: GroupTotals[];
}

export interface CaseAggregation {
  /** Institutions with at least one accepted case, in the base scenario's order. */
  institutions: InstitutionCases[];
  /** Base institutions without any accepted case. */
  withoutCases: string[];
  /** The region by month and for the year. */
  months: CaseTotals[];
  total: CaseTotals;
}

/** The six columns of a case list. */
export type CaseColumn = 'institution' | 'group' | 'cost' | 'fund' | 'month' | 'special';

export type RowProblemKind =
  | 'missing' // a required cell is blank
  | 'unparsable' // not a number / not a month / more decimals than allowed / too large
  | 'negative' // a cost, fund-payable amount or special points below zero
  | 'unknownInstitution' // not one of the base scenario's hospital ids
  | 'unknownGroup' // not in the catalogue
  | 'monthRange' // a month outside 1–12
  | 'otherYear' // a year other than the scenario's meta.year
  | 'malformed'; // a CSV line the reader could not split into the header's columns

/** A row as found in the file: values cut to 40 characters. */
export interface ProblemRow {
  /** CSV: the line number (the header is line 1). Parquet: the record number (from 1). */
  row: number;
  values: Partial<Record<CaseColumn, string | null>>;
  /** For malformed CSV lines: the line itself (cut) and the reader's reason. */
  line?: string;
  reason?: string;
}

export interface RowProblem {
  kind: RowProblemKind;
  /** The column at fault (none for malformed lines). */
  column: CaseColumn | null;
  /** Rows with this problem in this column. */
  count: number;
  /** The first rows, in file order. */
  examples: ProblemRow[];
  /** For unknown codes: the most frequent values with their counts. */
  values?: { value: string; count: number }[];
}

export type FileProblemKind = 'unreadable' | 'empty' | 'missingColumn' | 'duplicateColumn' | 'unsupportedUnit' | 'engine';

export interface FileProblem {
  kind: FileProblemKind;
  column?: CaseColumn;
  /** The header or detail concerned. */
  detail?: string;
}

export interface CaseReport {
  file: {
    name: string;
    format: 'csv' | 'parquet';
    /** CSV only: the encoding read ('utf-8', 'gbk', …) and the delimiter. */
    encoding?: string;
    delimiter?: string;
    /** The header found for each column (null: not in the file). */
    columns: Partial<Record<CaseColumn, string | null>>;
    /** Columns of the file that are not used. */
    ignored: string[];
  };
  /** Data rows read (CSV: lines after the header, malformed ones included). */
  rows: number;
  accepted: number;
  /** Rows left out of the totals because of a problem (each counted once). */
  rejected: number;
  /** Σ fund-payable of the rejected rows whose amount could be read (yuan): what the totals miss. */
  rejectedFundPayable: string;
  problems: RowProblem[];
  /** Problems that stop the import (then there is no aggregation). */
  fatal: FileProblem[];
  /** Seconds spent by phase. */
  timings?: Partial<Record<CasePhase, number>>;
  /** Browser only: the case engine failed inside and was restarted this many times (the import was run again). */
  engineRestarts?: number;
}

export type CaseImportResult =
  | { ok: true; aggregation: CaseAggregation; report: CaseReport }
  | { ok: false; report: CaseReport };

export type CasePhase = 'engine' | 'read' | 'aggregate' | 'report';

export interface CaseProgress {
  phase: CasePhase | 'done';
  /** 0–1 where the engine knows it (the read), else null. */
  fraction: number | null;
  /** Rows read so far, about (estimated from the file's size and its first lines), where known. */
  rows?: number;
}
