/**
 * Checking variants: every change must apply to the baseline, and the scenario it makes must
 * pass the same validation as a scenario file. Used when a workspace file is opened, when the
 * stored workspace is restored, and by the UI after the baseline changes (checkWorkspace).
 */
import type { Scenario } from '../format/types.ts';
import { validateScenario } from '../scenario/open.ts';
import { formatPath, type Path } from '../format/path.ts';
import type { Issue } from '../format/issues.ts';
import { applyChanges, ChangeError } from './apply.ts';
import { indexOfId } from './ids.ts';
import { isPlainObject } from '../format/json.ts';
import { segmentId } from './paths.ts';
import type { Variant, Workspace } from './types.ts';

/** `scenario` is the validated scenario; `applied` what the changes make before validation. */
export type VariantCheck = { ok: true; scenario: Scenario; applied: Scenario } | { ok: false; issues: Issue[] };

/**
 * Apply a variant's changes and validate the result. `at` is where the variant sits
 * ("variants[1]"): change problems are reported at `variants[1].changes[3]`, validation problems
 * at `variants[1] (name): <field>` and, where a change touched that field, name the change.
 */
export function checkVariant(baseline: Scenario, v: Variant, at: string): VariantCheck {
  let applied: Scenario;
  try {
    applied = applyChanges(baseline, v.changes);
  } catch (e) {
    if (e instanceof ChangeError) return { ok: false, issues: [{ path: `${at}.changes[${e.index}]`, message: e.message }] };
    throw e;
  }
  const r = validateScenario(applied);
  if (r.ok) return { ok: true, scenario: r.scenario, applied };
  const touched = v.changes.map((c) => formatPath(resolvePath(applied, c.path)));
  const issues = r.issues.map((i) => ({
    ...i,
    path: i.path ? `${at} (${v.name}): ${i.path}` : `${at} (${v.name})`,
    message: i.message + culprit(i.path, touched, at),
  }));
  return { ok: false, issues };
}

/** Problems of every variant of a workspace (empty when all apply and validate). */
export function checkWorkspace(ws: Workspace): Issue[] {
  return ws.variants.flatMap((v, i) => {
    const r = checkVariant(ws.baseline, v, `variants[${i}]`);
    return r.ok ? [] : r.issues;
  });
}

/** " (changed by variants[1].changes[3])" for the last change at, above or below the field. */
function culprit(issuePath: string, touched: string[], at: string): string {
  for (let k = touched.length - 1; k >= 0; k--) {
    if (related(issuePath, touched[k]!)) return ` (changed by ${at}.changes[${k}])`;
  }
  return '';
}

function related(a: string, b: string): boolean {
  const under = (x: string, y: string) => x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return a !== '' && (a === b || under(a, b) || under(b, a));
}

/** A change's path with id segments replaced by indices in `root`, for matching issue paths. */
function resolvePath(root: unknown, path: Path): (string | number)[] {
  const out: (string | number)[] = [];
  let node = root;
  for (const seg of path) {
    const id = segmentId(seg);
    if (Array.isArray(node) && id !== null) {
      const i = indexOfId(node, id);
      out.push(i >= 0 ? i : seg);
      node = i >= 0 ? node[i] : undefined;
    } else {
      out.push(seg);
      node = Array.isArray(node) && typeof seg === 'number' ? node[seg] : isPlainObject(node) && typeof seg === 'string' ? node[seg] : undefined;
    }
  }
  return out;
}
