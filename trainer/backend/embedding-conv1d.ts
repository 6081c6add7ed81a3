import * as tf from '@tensorflow/tfjs';
import { TAP_SCATTER, TAP_SUM, type TapAttrs } from './kernels/tap-sum';

export interface EmbeddingConv1dArgs {
  /** Token ids [batch, seqLen], int32. */
  ids: tf.Tensor;
  /** The Embedding's table [vocab, dim]. */
  table: tf.Tensor;
  /** The Conv1D's kernel [taps, dim, filters]. */
  kernel: tf.Tensor;
  /** [filters], or null for useBias: false. */
  bias: tf.Tensor | null;
  stride: number;
  padding: 'valid' | 'same';
}

/** Output length and left padding as tfjs (and TensorFlow) compute them for a 1D convolution. */
export function convGeometry(seqLen: number, taps: number, stride: number, padding: 'valid' | 'same'): { outLen: number; pad: number } {
  if (padding === 'valid') return { outLen: Math.max(0, Math.ceil((seqLen - taps + 1) / stride)), pad: 0 };
  const outLen = Math.ceil(seqLen / stride);
  const total = Math.max(0, (outLen - 1) * stride + taps - seqLen);
  return { outLen, pad: Math.floor(total / 2) };
}

/**
 * Conv1D(Embedding(ids)) before the activation, computed without the embedded sequence. This is
 * an algebraic rewrite, exact up to float rounding, that tfjs-layers (and PyTorch's twin of the
 * IMDB model, nn.Embedding then nn.Conv1d) does not do: tap k of the convolution multiplies the
 * embedded token ids[t + k] by W_k, so it can only ever add one of `vocab` rows P_k = table · W_k.
 * P = table · W for all taps is one [vocab, dim]·[dim, taps·filters] product; the convolution
 * is then a sum of `taps` rows per output position. The gradient is the same rewrite transposed:
 * dP_k gathers dY's rows by the token each tap read (a scatter-add), and
 * dTable = dP · Wᵀ, dW = tableᵀ · dP. Cheaper than the convolution whenever the vocabulary has
 * fewer rows than the batch has output positions (the IMDB model: 2,000 against 63,232).
 */
export function embeddingConv1d(args: EmbeddingConv1dArgs): tf.Tensor3D {
  const { table, kernel, bias, stride, padding } = args;
  const [taps, dim, filters] = kernel.shape as [number, number, number];
  const vocab = table.shape[0];
  const seqLen = args.ids.shape[1] as number;
  const tapAttrs: TapAttrs = { taps, stride, ...convGeometry(seqLen, taps, stride, padding) };
  const attrs = tapAttrs as unknown as tf.NamedAttrMap;
  return tf.tidy(() => {
    const ids = args.ids.dtype === 'int32' ? args.ids : tf.cast(args.ids, 'int32');
    const fused = tf.customGrad(((...inputs: [tf.Tensor, tf.Tensor, tf.Tensor, ...unknown[]]) => {
      // The last argument is the save function; the bias, when there is one, comes before it.
      const save = inputs.pop() as tf.GradSaveFunc;
      const [idsIn, tableIn, kernelIn, biasIn] = inputs as tf.Tensor[];
      // W as [dim, taps·filters]: column k·filters + f is tap k's filter f.
      const w = tf.reshape(tf.transpose(kernelIn, [1, 0, 2]), [dim, taps * filters]);
      const p = tf.matMul(tableIn, w);
      const sumInputs: tf.NamedTensorMap = biasIn ? { p, ids: idsIn, bias: biasIn } : { p, ids: idsIn };
      const value = tf.engine().runKernel(TAP_SUM, sumInputs, attrs) as tf.Tensor3D;
      save([idsIn, tableIn, w]);
      const gradFunc = (dy: tf.Tensor, [idsSaved, tableSaved, wSaved]: tf.Tensor[]) => {
        const dp = tf.engine().runKernel(TAP_SCATTER, { dy, ids: idsSaved }, { ...attrs, vocab }) as tf.Tensor2D;
        const dTable = tf.matMul(dp, wSaved, false, true);
        const dKernel = tf.transpose(tf.reshape(tf.matMul(tableSaved, dp, true, false), [dim, taps, filters]), [1, 0, 2]);
        // The ids are no weight: their gradient is never read, but customGrad wants one per input.
        const grads = [tf.zeros(idsSaved.shape), dTable, dKernel];
        return biasIn ? [...grads, tf.sum(dy, [0, 1])] : grads;
      };
      return { value, gradFunc };
    }) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (...inputs: tf.Tensor[]) => tf.Tensor3D;
    return bias ? fused(ids, table, kernel, bias) : fused(ids, table, kernel);
  });
}
