/** Actions of pools settled by points (issue 11): the points example; the case list import. */
import type { Controller } from './controller.ts';
import { POINTS_VARIANT_NAME, pointsExampleText } from './example.ts';
import { BASELINE } from '../../workspace/workspace.ts';

/**
 * Open the city with its points variant (through the one gate, as any file), show the variant
 * and compare it with the per-target baseline: who gains and who loses.
 */
export async function openPointsExample(ctl: Controller, openText: (text: string, name: string) => Promise<void>): Promise<void> {
  const before = ctl.state.ws;
  await openText(await pointsExampleText(), 'city-points.json');
  const ws = ctl.state.ws;
  if (ws === before) return; // refused (the notice says why) or another tab edits
  const v = ws.variants.find((x) => x.name === POINTS_VARIANT_NAME);
  if (!v) return;
  ctl.setActive(v.id);
  ctl.setCompare([BASELINE, v.id]);
}
