import { z } from 'zod';
import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import { getTagOrThrow } from '../../api/get-tag-or-throw';
import { tagSchema } from '../../protocol/tag-schema';
import type { KindData } from '../kind';
import { IMAGE_KIND, type ImageContentType, type ImageInfo, type ImageTagInfo } from './meta';
import type { ImageTable } from './sqlite-table';

export interface ImageListResponse {
  runId: string;
  tag: string;
  images: ImageInfo[];
}

/** `GET /api/runs/{id}/image?tag=…&step=…&sample=…`: which image. */
export const imageQuerySchema = z.object({
  tag: tagSchema,
  step: z.string().regex(/^\d{1,15}$/, 'step must be an integer ≥ 0').transform(Number),
  sample: z.string().regex(/^\d{1,4}$/, 'sample must be an integer ≥ 0').transform(Number).default(0),
});

/** The run's image tags with their step ranges. */
export function readImageTags({ store, tables }: KindData<ImageTable>, runId: string): ImageTagInfo[] {
  getRunOrThrow(store, runId);
  return tables.listTags(runId);
}

/** Every image of one tag, without the bytes. */
export function readImageList({ store, tables }: KindData<ImageTable>, runId: string, tag: string): ImageListResponse {
  const images = getTagOrThrow(store, runId, IMAGE_KIND, tag, () => tables.list(runId, tag));
  return { runId, tag, images };
}

/** One image's bytes and type. */
export function readImageData({ store, tables }: KindData<ImageTable>, runId: string, tag: string, step: number, sample: number): { contentType: ImageContentType; data: Buffer } {
  getRunOrThrow(store, runId);
  const image = tables.data(runId, tag, step, sample);
  if (!image) throw new ApiError('not_found', `run "${runId}" has no image "${tag}" at step ${step}, sample ${sample}`);
  return image;
}
