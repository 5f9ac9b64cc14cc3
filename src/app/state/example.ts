/**
 * The bundled example city (scenarios/city.json), as text; validated like any opened file.
 * Falls back to the small e2e fixture while the example is being written (paths are relative to this file).
 */
const city = import.meta.glob('../../../scenarios/city.json', { query: '?raw', import: 'default' });
const fixture = import.meta.glob('../../../e2e/fixtures/small-city.json', { query: '?raw', import: 'default' });

export async function exampleText(): Promise<string> {
  const load = Object.values(city)[0] ?? Object.values(fixture)[0];
  if (!load) throw new Error('no example scenario is bundled');
  return (await load()) as string;
}
