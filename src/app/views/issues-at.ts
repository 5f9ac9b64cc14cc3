/** Problems the engine reported, matched to the field they name. */
import type { Issue } from '../../format/issues.ts';
import { formatPath, type Path } from '../../format/path.ts';
import type { Lang } from '../../display/lang.ts';
import { issueMessage } from '../../workspace/issue-text.ts';

export function issuesAt(issues: readonly Issue[], path: Path, lang: Lang = 'en'): string[] {
  const p = formatPath(path);
  return issues.filter((i) => i.path === p).map((i) => issueMessage(i, lang));
}

/** Problems at a path or anywhere under it. */
export function issuesUnder(issues: readonly Issue[], path: Path, lang: Lang = 'en'): string[] {
  const p = formatPath(path);
  return issues.filter((i) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`)).map((i) => `${i.path}: ${issueMessage(i, lang)}`);
}
