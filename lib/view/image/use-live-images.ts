import type { ImageInfo } from '../../kinds/image/meta';
import type { ImageListResponse } from '../../kinds/image/reader';
import { useLiveTaggedSteps, type LiveTaggedSteps } from '../shared/use-live-tagged-steps';
import { imageListApiUrl, imageTagsApiUrl } from './api-paths';

/** The run's images by tag (what they are, not their bytes), kept current by pushes. */
export function useLiveImages(runId: string): LiveTaggedSteps<ImageInfo> {
  return useLiveTaggedSteps<ImageInfo, ImageListResponse>(runId, {
    tagsUrl: imageTagsApiUrl(runId),
    seriesUrl: (tag) => imageListApiUrl(runId, tag),
    fromSeries: (body) => body.images,
    fromPush: (event) => (event.type === 'images' ? event.images.map(({ tag, ...info }) => [tag, info] as const) : []),
    key: (image) => `${image.step}:${image.sample}`,
  });
}
