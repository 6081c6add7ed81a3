import type { PrCurveSnapshot } from '../../kinds/pr-curve/meta';
import type { PrCurveSeriesResponse } from '../../kinds/pr-curve/reader';
import { useLiveTagSteps, type LiveTagSteps, type TagStepsSource } from '../shared/use-live-tag-steps';
import { prCurveApiUrl, prCurveTagsApiUrl } from './api-paths';

export type PrCurveStep = Omit<PrCurveSnapshot, 'tag'>;

const source: TagStepsSource<PrCurveStep> = {
  tagsUrl: prCurveTagsApiUrl,
  seriesUrl: prCurveApiUrl,
  fromSeries: (body: PrCurveSeriesResponse) => body.curves,
  fromPush: (event) => (event.type === 'pr-curves' ? event.curves.map(({ tag, ...curve }): [string, PrCurveStep] => [tag, curve]) : null),
  key: (curve) => String(curve.step),
};

/** The run's PR curves by tag, one per step, kept current by pushes. */
export function useLivePrCurves(runId: string): LiveTagSteps<PrCurveStep> {
  return useLiveTagSteps(runId, source);
}
