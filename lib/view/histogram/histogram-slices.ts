import { basisPointValues } from '../../kinds/histogram/basis-points';
import type { HistogramData } from '../../kinds/histogram/meta';

/** One step of one tensor as the views draw it; pushes lack basisPoints, so they are computed here. */
export interface HistogramSlice extends HistogramData {
  step: number;
  wallTime: number;
  basisPoints: number[];
}

/** tag → slices in step order */
export type HistogramSlices = Record<string, readonly HistogramSlice[]>;

export function withBasisPoints<T extends HistogramData & { step: number; wallTime: number }>(h: T & { basisPoints?: number[] }): HistogramSlice {
  return { ...h, basisPoints: h.basisPoints ?? basisPointValues(h) };
}

/**
 * A fetch and the pushes racing it can both carry a step; keyed by step, the later copy wins,
 * and the result stays sorted so the views can draw it in order.
 */
export function mergeSlices(held: readonly HistogramSlice[] | undefined, incoming: readonly HistogramSlice[]): HistogramSlice[] {
  const byStep = new Map<number, HistogramSlice>();
  for (const slice of held ?? []) byStep.set(slice.step, slice);
  for (const slice of incoming) byStep.set(slice.step, slice);
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

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
