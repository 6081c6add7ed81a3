import type { ImageInfo } from '../../kinds/image/meta';
import type { ImageListResponse } from '../../kinds/image/reader';
import { useLiveTagSteps, type LiveTagSteps, type TagStepsSource } from '../shared/use-live-tag-steps';
import { imageListApiUrl, imageTagsApiUrl } from './api-paths';

const source: TagStepsSource<ImageInfo> = {
  tagsUrl: imageTagsApiUrl,
  seriesUrl: imageListApiUrl,
  fromSeries: (body: ImageListResponse) => body.images,
  fromPush: (event) => (event.type === 'images' ? event.images.map(({ tag, ...info }): [string, ImageInfo] => [tag, info]) : null),
  key: (image) => `${image.step}:${image.sample}`,
};

/** The run's images by tag (what they are, not their bytes), kept current by pushes. */
export function useLiveImages(runId: string): LiveTagSteps<ImageInfo> {
  return useLiveTagSteps(runId, source);
}
