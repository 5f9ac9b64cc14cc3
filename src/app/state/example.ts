/**
 * The bundled example city (scenarios/city.json), as text; validated like any opened file.
 * Falls back to the small e2e fixture while the example is being written (paths are relative to this file).
 */
import type { Scenario } from '../../format/types.ts';

const city = import.meta.glob('../../../scenarios/city.json', { query: '?raw', import: 'default' });
const fixture = import.meta.glob('../../../e2e/fixtures/small-city.json', { query: '?raw', import: 'default' });

export async function exampleText(): Promise<string> {
  const load = Object.values(city)[0] ?? Object.values(fixture)[0];
  if (!load) throw new Error('no example scenario is bundled');
  return (await load()) as string;
}

/** The city with its inpatient pool settled by points (scenarios/city-points.json), loaded only when asked for. */
const cityPoints = import.meta.glob('../../../scenarios/city-points.json', { query: '?raw', import: 'default' });

/** The name of the points variant of the bundled example (the file's own name, shortened for the scenario list). */
export const POINTS_VARIANT_NAME = '住院按病种分值付费（点数法）';

/**
 * The points example as a workspace file: the per-target city as the baseline and, as a variant,
 * what city-points.json changes (its pools, points rules, catalogue and institutions' points), so
 * the comparison says who gains and who loses. The text goes through the one gate like any file.
 */
export async function pointsExampleText(): Promise<string> {
  const load = Object.values(cityPoints)[0];
  if (!load) throw new Error('the points example is not bundled');
  const [{ diffScenarios }, { addVariant, newWorkspace, setVariantChanges }, { saveWorkspace }] = await Promise.all([
    import('../../workspace/diff.ts'), import('../../workspace/workspace.ts'), import('../../workspace/file.ts'),
  ]);
  const base = JSON.parse(await exampleText()) as Scenario;
  const points = JSON.parse((await load()) as string) as Scenario;
  const a = addVariant(newWorkspace(base), POINTS_VARIANT_NAME);
  return saveWorkspace(setVariantChanges(a.ws, a.id, diffScenarios(base, points)));
}
