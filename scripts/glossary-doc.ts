/** docs/GLOSSARY.md written out from the code table (src/display/glossary.ts): `npx tsx scripts/glossary-doc.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  FORMULA_NAMES, FUND_FIGURES, HOSPITAL_FIGURES, MIXED_STEPS, MONITOR_WORDS, POINTS_STEPS, RULE_MODES, SETTINGS, TERMS, WATERFALL_STEPS, WORDS,
  type Name,
} from '../src/display/glossary.ts';

const TEMPLATE = new URL('./glossary-template.md', import.meta.url);

const rows = (table: Record<string, Name>): string =>
  Object.entries(table).map(([k, n]) => `| ${n.zh} | ${n.en} | \`${k}\` |`).join('\n');

/** The Markdown document: the template's prose with the tables filled in from the code. */
export function glossaryMarkdown(): string {
  const terms = (Object.keys(TERMS) as (keyof typeof TERMS)[])
    .flatMap((kind) => Object.entries(TERMS[kind]).map(([code, n]) => `| ${kind} | \`${code}\` | ${n.zh} | ${n.en} |`)).join('\n');
  return readFileSync(TEMPLATE, 'utf8')
    .replace('FUND_ROWS', rows(FUND_FIGURES))
    .replace('HOSPITAL_ROWS', rows(HOSPITAL_FIGURES))
    .replace('POINTS_STEP_ROWS', rows(POINTS_STEPS))
    .replace('MIXED_STEP_ROWS', rows(MIXED_STEPS))
    .replace('STEP_ROWS', rows(WATERFALL_STEPS))
    .replace('WORD_ROWS', rows(WORDS))
    .replace('MONITOR_ROWS', rows(MONITOR_WORDS))
    .replace('MODE_ROWS', rows(RULE_MODES))
    .replace('SETTING_ROWS', rows(SETTINGS))
    .replace('FORMULA_ROWS', rows(FORMULA_NAMES))
    .replace('TERM_ROWS', terms);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/GLOSSARY.md', import.meta.url), glossaryMarkdown());
  console.log('wrote docs/GLOSSARY.md');
}
