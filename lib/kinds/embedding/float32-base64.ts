/** The wire is little-endian whatever the host is; every machine we run on is, so that path copies nothing. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Node's base64 decoder skips characters it does not know; the wire must be exact, so we check first. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function swapBytes(bytes: Uint8Array): void {
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    [bytes[i], bytes[i + 3]] = [bytes[i + 3], bytes[i]];
    [bytes[i + 1], bytes[i + 2]] = [bytes[i + 2], bytes[i + 1]];
  }
}

export function encodeFloat32(values: Float32Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  if (HOST_IS_LITTLE_ENDIAN) return bytes.toString('base64');
  const copy = Buffer.from(bytes);
  swapBytes(copy);
  return copy.toString('base64');
}

/** The bytes of strict, padded base64, or null when the text is not that. */
export function decodeBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  return Buffer.from(text, 'base64');
}

/** Copies into a fresh, aligned buffer: a decoded Buffer may sit at any offset of Node's pool. */
export function float32FromBytes(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  if (!HOST_IS_LITTLE_ENDIAN) swapBytes(copy);
  return new Float32Array(copy.buffer, 0, copy.byteLength >> 2);
}
