/** Display names of class / level / category keys: the one glossary's (src/display/glossary.ts). */
import { termName, type TermKind } from '../../display/glossary.ts';
import type { Lang } from '../../display/lang.ts';

export function termOf(kind: TermKind, key: string, lang: Lang): string {
  return termName(kind, key, lang);
}
