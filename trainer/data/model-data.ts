import * as tf from '@tensorflow/tfjs';

/** What fit() takes as x or y: one tensor, one per model input/output in order, or one per name. */
export type ModelData = tf.Tensor | tf.Tensor[] | tf.NamedTensorMap;

/**
 * The tensors of x or y as a list; a named map in the order of `names` (the model's
 * inputNames or outputNames), the order the model's inputs and outputs take.
 */
export function tensorList(data: ModelData, names?: readonly string[]): tf.Tensor[] {
  if (data instanceof tf.Tensor) return [data];
  if (Array.isArray(data)) return data;
  const keys = names ?? Object.keys(data);
  return keys.map((name) => {
    const tensor = data[name];
    if (!tensor) throw new Error(`no data for "${name}"; given: ${Object.keys(data).join(', ')}`);
    return tensor;
  });
}

/** Samples in x or y: the first dimension, which fit() requires every tensor to share. */
export function rowCount(data: ModelData): number {
  return tensorList(data)[0].shape[0];
}

/** Rows [begin, begin + size) of every tensor, keeping the list or map shape. */
export function sliceRows<T extends ModelData>(data: T, begin: number, size: number): T {
  const rows = (t: tf.Tensor) => t.slice(begin, size);
  if (data instanceof tf.Tensor) return rows(data) as T;
  if (Array.isArray(data)) return data.map(rows) as T;
  return Object.fromEntries(Object.entries(data).map(([name, t]) => [name, rows(t)])) as T;
}

/** Row-major int32 sequences as a 2-D tensor, the form an Embedding input takes. */
export function sequenceTensor(values: Int32Array, rows: number, length: number): tf.Tensor2D {
  return tf.tensor2d(values, [rows, length], 'int32');
}

/** One-hot rows of `classes` columns. */
export function oneHotTensor(labels: Int32Array, classes: number): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D);
}
