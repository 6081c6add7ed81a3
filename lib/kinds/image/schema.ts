import { z } from 'zod';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { tagSchema } from '../../protocol/tag-schema';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, MAX_IMAGES_PER_BATCH, sniffImageType } from './meta';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const count = z.number().int().nonnegative().max(1 << 20);

/** One encoded image, its bytes in base64; the bytes must be the encoding `contentType` names. */
export const wireImageSchema = z
  .object({
    tag: tagSchema,
    step: z.number().int().nonnegative().refine(Number.isSafeInteger, 'step must be a safe integer'),
    sample: z.number().int().nonnegative().max(1000),
    wallTime: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
    width: count,
    height: count,
    contentType: z.enum(IMAGE_TYPES),
    data: z
      .string()
      .min(4)
      .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4, `an image may hold at most ${MAX_IMAGE_BYTES} bytes`)
      .regex(BASE64, 'data must be base64')
      .transform((data) => Buffer.from(data, 'base64')),
  })
  .refine((image) => sniffImageType(image.data) === image.contentType, { message: 'data is not the encoding contentType names', path: ['data'] });

export const imagesMessageSchema = kindMessageSchema('images', { images: z.array(wireImageSchema).min(1).max(MAX_IMAGES_PER_BATCH) });
export type ImagesMessage = z.infer<typeof imagesMessageSchema>;
export type WireImage = z.input<typeof wireImageSchema>;
