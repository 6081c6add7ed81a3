import { buf as crc32c } from 'crc-32/crc32c';

/** The constant TFRecord adds after rotating a CRC (tensorflow/core/lib/hash/crc32c.h). */
const MASK_DELTA = 0xa282ead8;

/**
 * TFRecord stores CRC32C "masked": a CRC computed over data that itself holds CRCs is a poor check,
 * so the value is rotated right by 15 bits and offset before it is written.
 */
export function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c(data) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}
