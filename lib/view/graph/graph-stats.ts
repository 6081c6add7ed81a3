import type { GraphNode } from '../../kinds/graph/meta';
import type { HistogramData } from '../../kinds/histogram/meta';
import { tagSafe } from '../../protocol/tag';
import type { PlacedGraph } from './graph-layout';
import type { HistogramSlices } from '../histogram/histogram-slices';

/** What one layer node shows live, from its latest histogram step. */
export interface LayerStats {
  step: number;
  /** sqrt of the sum of squares over every weight of the layer. */
  weightNorm?: number;
  /** (norm − previous norm) / previous norm, against the layer's previous recorded step. */
  weightChange?: number;
  activationMean?: number;
  activationStd?: number;
  /** NaN or ±Inf in the latest weights or activations. */
  nonFinite: boolean;
}

/** How much the weight norm moved between the last two histogram steps; the node's colour and the legend's rows. */
export type ChangeBand = 'frozen' | 'steady' | 'fast' | 'jumping' | 'non-finite';

export const CHANGE_BANDS: readonly { band: ChangeBand; label: string }[] = [
  { band: 'frozen', label: 'still (< 0.1 %)' },
  { band: 'steady', label: '0.1 – 1 %' },
  { band: 'fast', label: '1 – 10 %' },
  { band: 'jumping', label: '≥ 10 %' },
  { band: 'non-finite', label: 'NaN or ±Inf' },
];

/** The layers whose weights are the node's: its own, or for a nested model every layer inside. */
export function weightLayerNames(node: GraphNode): string[] {
  return node.nested ? node.nested.nodes.flatMap(weightLayerNames) : [node.name];
}

/** Steps at which every one of the series has a slice, ascending. */
function commonSteps(series: readonly (readonly { step: number }[])[]): number[] {
  if (series.length === 0) return [];
  const [first, ...rest] = series.map((s) => new Set(s.map((h) => h.step)));
  return [...first].filter((step) => rest.every((s) => s.has(step))).sort((a, b) => a - b);
}

const sliceAt = (slices: HistogramSlices, tag: string, step: number) => slices[tag].find((h) => h.step === step)!;
const hasNonFinite = (h: HistogramData) => h.nanCount + h.posInfCount + h.negInfCount > 0;

function tagsUnder(slices: HistogramSlices, prefix: string, exact?: string): string[] {
  return Object.keys(slices).filter((tag) => tag === exact || tag.startsWith(prefix));
}

/**
 * The layer's latest weight norm (and its change since the previous step) and activation mean
 * and standard deviation, from the histograms `weights/<layer>/…` and `activations/<layer>[/i]`.
 * A step counts once all of the layer's tensors have arrived at it. Null without histograms.
 */
export function layerStats(slices: HistogramSlices, node: GraphNode): LayerStats | null {
  const weightTags = weightLayerNames(node).flatMap((name) => tagsUnder(slices, `weights/${tagSafe(name)}/`));
  const own = tagSafe(node.name);
  const activationTags = tagsUnder(slices, `activations/${own}/`, `activations/${own}`);
  const weightSteps = commonSteps(weightTags.map((t) => slices[t]));
  const activationSteps = commonSteps(activationTags.map((t) => slices[t]));
  if (weightSteps.length === 0 && activationSteps.length === 0) return null;
  const stats: LayerStats = { step: Math.max(weightSteps.at(-1) ?? -1, activationSteps.at(-1) ?? -1), nonFinite: false };
  const normAt = (step: number) => Math.sqrt(weightTags.reduce((sum, tag) => sum + sliceAt(slices, tag, step).sumSquares, 0));
  const latestWeights = weightSteps.at(-1);
  if (latestWeights !== undefined) {
    stats.weightNorm = normAt(latestWeights);
    const previous = weightSteps.at(-2);
    if (previous !== undefined) {
      const before = normAt(previous);
      if (before > 0) stats.weightChange = (stats.weightNorm - before) / before;
    }
    stats.nonFinite ||= weightTags.some((tag) => hasNonFinite(sliceAt(slices, tag, latestWeights)));
  }
  const latestActivations = activationSteps.at(-1);
  if (latestActivations !== undefined) {
    const hs = activationTags.map((tag) => sliceAt(slices, tag, latestActivations));
    const finite = hs.reduce((n, h) => n + h.count - h.nanCount - h.posInfCount - h.negInfCount, 0);
    if (finite > 0) {
      const mean = hs.reduce((s, h) => s + h.sum, 0) / finite;
      stats.activationMean = mean;
      stats.activationStd = Math.sqrt(Math.max(0, hs.reduce((s, h) => s + h.sumSquares, 0) / finite - mean * mean));
    }
    stats.nonFinite ||= hs.some(hasNonFinite);
  }
  return stats;
}

/** The node's colour: null until the layer has weights recorded at two steps. */
export function changeBand(stats: LayerStats | null): ChangeBand | null {
  if (!stats) return null;
  if (stats.nonFinite || (stats.weightNorm !== undefined && !Number.isFinite(stats.weightNorm))) return 'non-finite';
  if (stats.weightChange === undefined) return null;
  const change = Math.abs(stats.weightChange);
  if (change < 1e-3) return 'frozen';
  if (change < 1e-2) return 'steady';
  if (change < 1e-1) return 'fast';
  return 'jumping';
}

/** The node's weight-norm bar, as a fraction of the largest norm drawn, on a log scale so small layers still show. */
export function normFraction(norm: number | undefined, largest: number): number {
  if (norm === undefined || !(largest > 0) || !Number.isFinite(norm)) return 0;
  return Math.min(1, Math.log1p(norm) / Math.log1p(largest));
}

/** Stats of every node drawn, open nested models' layers included, keyed like the layout. */
export function statsByNode(graph: PlacedGraph, slices: HistogramSlices, into = new Map<string, LayerStats | null>()): Map<string, LayerStats | null> {
  for (const placed of graph.nodes) {
    into.set(placed.key, layerStats(slices, placed.node));
    if (placed.inner) statsByNode(placed.inner, slices, into);
  }
  return into;
}
