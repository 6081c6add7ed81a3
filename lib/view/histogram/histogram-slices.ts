import type { HistogramStepResponse } from '../../kinds/histogram/reader';

/** One step of one tensor as the views draw it: fetches and pushes both carry its distribution bands. */
export type HistogramSlice = HistogramStepResponse;

/** tag → slices in step order */
export type HistogramSlices = Record<string, readonly HistogramSlice[]>;

/** Tags look like `weights/conv1d/kernel` or `activations/conv1d`: the layer is the second segment. */
export function groupByLayer(tags: readonly string[]): { layer: string; tags: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const tag of [...tags].sort()) {
    const parts = tag.split('/');
    const layer = parts.length > 1 ? parts[1] : parts[0];
    groups.set(layer, [...(groups.get(layer) ?? []), tag]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([layer, list]) => ({ layer, tags: list }));
}
