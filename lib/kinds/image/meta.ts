/** The kind name every layer (protocol, storage, API, view) uses for logged images. */
export const IMAGE_KIND = 'image';

/** The encodings browsers show as they are; TensorBoard's writers produce PNG. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'] as const;
export type ImageContentType = (typeof IMAGE_TYPES)[number];

/** An image of a few megapixels; ingest over the socket is bounded by its message size anyway. */
export const MAX_IMAGE_BYTES = 16 << 20;
export const MAX_IMAGES_PER_BATCH = 64;

/**
 * One image of a tag at a step: `sample` is its place in the step's batch (tf.summary.image writes
 * several, PyTorch one). Stored once per (run, tag, step, sample); a step logged again takes the
 * image written last. The bytes are served apart (`imageDataUrl`), never inside JSON.
 */
export interface ImageInfo {
  step: number;
  sample: number;
  /** ms since the epoch */
  wallTime: number;
  width: number;
  height: number;
  contentType: ImageContentType;
}

export interface TaggedImageInfo extends ImageInfo {
  tag: string;
}

/** The live push of one stored batch: what arrived, the bytes to be fetched by URL. */
export interface ImagesEvent {
  type: 'images';
  runId: string;
  images: TaggedImageInfo[];
}

export interface ImageTagInfo {
  tag: string;
  /** Images stored, samples included. */
  count: number;
  firstStep: number;
  lastStep: number;
}

/** The first bytes of each encoding, checked at ingest so a served image is what its type says. */
export function sniffImageType(bytes: Uint8Array): ImageContentType | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  return null;
}
