import type { TextSeriesResponse, TextStep } from '../../kinds/text/meta';
import { type LiveTaggedSteps, useLiveTaggedSteps } from '../shared/use-live-tagged-steps';
import { textApiUrl, textTagsApiUrl } from './api-paths';

/** A run's text, tag by tag, live. */
export function useLiveText(runId: string): LiveTaggedSteps<TextStep> {
  return useLiveTaggedSteps<TextStep, TextSeriesResponse>(runId, {
    tagsUrl: textTagsApiUrl(runId),
    seriesUrl: (tag) => textApiUrl(runId, tag),
    fromSeries: (body) => body.steps,
    fromPush: (event) => (event.type === 'text' ? event.entries.map(({ tag, ...step }) => [tag, step] as const) : []),
  });
}
