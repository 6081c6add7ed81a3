import type { PrCurveSnapshot } from '../../kinds/pr-curve/meta';
import type { PrCurveSeriesResponse } from '../../kinds/pr-curve/reader';
import { useLiveTaggedSteps, type LiveTaggedSteps } from '../shared/use-live-tagged-steps';
import { prCurveApiUrl, prCurveTagsApiUrl } from './api-paths';

export type PrCurveStep = Omit<PrCurveSnapshot, 'tag'>;

/** The run's PR curves by tag, one per step, kept current by pushes. */
export function useLivePrCurves(runId: string): LiveTaggedSteps<PrCurveStep> {
  return useLiveTaggedSteps<PrCurveStep, PrCurveSeriesResponse>(runId, {
    tagsUrl: prCurveTagsApiUrl(runId),
    seriesUrl: (tag) => prCurveApiUrl(runId, tag),
    fromSeries: (body) => body.curves,
    fromPush: (event) => (event.type === 'pr-curves' ? event.curves.map(({ tag, ...curve }) => [tag, curve] as const) : []),
  });
}
