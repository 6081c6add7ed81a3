/** Typed arrays on memory a helper thread sees too (a SharedArrayBuffer is shared, not copied, when posted). */
export const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(4 * length));
export const sharedFloat32 = (length: number) => new Float32Array(new SharedArrayBuffer(4 * length));

export function sharedCopy<T extends Float32Array | Float64Array>(a: T): T {
  const out = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
