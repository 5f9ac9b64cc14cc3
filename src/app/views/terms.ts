/** Display names of class / level / category keys: the workspace layer's table plus a few more. */
import { term, type TermKind } from '../../workspace/labels.ts';
import type { Lang } from '../../display/lang.ts';

const MORE: Record<TermKind, Record<string, string>> = {
  class: {},
  level: {},
  category: { chronic: '慢特病', township: '乡镇卫生院', hospital: '医院', primary: '基层' },
};

export function termOf(kind: TermKind, key: string, lang: Lang): string {
  if (lang === 'zh' && MORE[kind][key]) return MORE[kind][key]!;
  return term(kind, key, lang);
}
