/**
 * The formula box's helpers (policy tab): the names a formula of the scenario shown may use, with
 * their meaning in the user's language (the engine's `formulaNames`, the glossary's words), and
 * the check of a formula as it is typed — the engine's own compile (`checkFormula`), not run and
 * not applied: only Enter or leaving the box commits the text, through the one edit gate.
 */
import { checkFormula, formulaNames, type FormulaName } from '../../engine/compile.ts';
import { ALLOWED_FUNCTIONS } from '../../engine/formula.ts';
import { FORMULA_NAMES, historyName } from '../../display/glossary.ts';
import { renderMessage } from '../../format/messages.ts';
import type { Scenario } from '../../format/types.ts';
import type { Lang } from '../../display/lang.ts';

export interface FormulaNameRow {
  /** What is typed (and inserted at the cursor when clicked). */
  name: string;
  /** What it means, in the user's language. */
  meaning: string;
}

/** A typed formula's problem: the message in the user's language and its 1-based position, when known. */
export interface FormulaProblem {
  message: string;
  position: number | null;
}

/** Scenarios are copied on write (workspace/apply.ts), so the names of one object stay its names. */
const NAMES = new WeakMap<Scenario, FormulaName[]>();

function namesOf(s: Scenario): FormulaName[] {
  let n = NAMES.get(s);
  if (n === undefined) NAMES.set(s, (n = formulaNames(s)));
  return n;
}

/** The names of the scenario's formulas, each with its meaning: built-ins, history years, indicators, fields. */
export function formulaNameRows(s: Scenario, lang: Lang): FormulaNameRow[] {
  const years = s.policy.historyWeights.length;
  const year = s.meta.year ?? new Date().getFullYear();
  const sep = lang === 'zh' ? '：' : ': ';
  return namesOf(s).map((n) => {
    const base = FORMULA_NAMES[n.meaning][lang];
    if (n.meaning === 'history' && n.year !== undefined) return { name: n.name, meaning: `${base}${sep}${historyName(year, years, n.year - 1, lang)}` };
    if (n.meaning === 'indicator' && n.label) return { name: n.name, meaning: `${base}${sep}${n.label}` };
    return { name: n.name, meaning: base };
  });
}

/** The functions a formula may call (inserted as `name(`). */
export const FORMULA_FUNCTIONS: readonly string[] = ALLOWED_FUNCTIONS;

/** The problem of `raw` as a formula of `s` (null: it compiles, or is empty — an optional formula removed). */
export function formulaProblem(s: Scenario, raw: string, lang: Lang): FormulaProblem | null {
  if (raw.trim() === '') return null;
  const e = checkFormula(s, raw.trim(), namesOf(s));
  if (e === null) return null;
  // The engine checks the trimmed text (as the edit stores it): positions count from its start.
  const lead = raw.length - raw.trimStart().length;
  const at = typeof e.params.position === 'number' ? e.params.position + lead : null;
  return { message: renderMessage(e.code, at === null ? e.params : { ...e.params, position: at }, lang), position: at };
}
