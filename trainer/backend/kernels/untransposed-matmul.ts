import * as tf from '@tensorflow/tfjs';

// tfjs-backend-wasm's BatchMatMul takes transposeA/transposeB through a slow path: a
// [5120, 32]ᵀ·[5120, 128] product took 99 ms against 6 ms for an explicit Transpose and a
// plain product (1 thread). Every matMul gradient asks for a transposed operand (dW = xᵀ·dy,
// dx = dy·Wᵀ), so a Dense or LSTM layer's backward pass ran mostly on that path. The
// operand is transposed by the stock Transpose kernel instead, and the product runs plain.

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

type Backend = { disposeData(dataId: tf.DataId): void };

/** Wraps a stock wasm BatchMatMul or _FusedMatMul (inputs `a` and `b`) so neither operand arrives transposed. */
export function untransposedMatMulConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  const transpose = tf.getKernel(tf.Transpose, backendName);
  if (!stock || !transpose) return undefined;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
    if (!transposeA && !transposeB) return stock.kernelFunc({ inputs, backend, attrs });
    const made: tf.TensorInfo[] = [];
    const plain = (t: tf.TensorInfo) => {
      const rank = t.shape.length;
      const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
      const out = transpose.kernelFunc({ inputs: { x: t }, backend, attrs: { perm } }) as tf.TensorInfo;
      made.push(out);
      return out;
    };
    const { a, b } = inputs as Record<'a' | 'b', tf.TensorInfo>;
    try {
      return stock.kernelFunc({
        inputs: { ...inputs, a: transposeA ? plain(a) : a, b: transposeB ? plain(b) : b },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of made) (backend as Backend).disposeData(t.dataId);
    }
  };
  return { ...stock, backendName, kernelFunc };
}
