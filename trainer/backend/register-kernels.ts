import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterConfig } from './kernels/conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './kernels/conv2d-backprop-input';
import { depthwiseConv2dBackpropFilterConfig } from './kernels/depthwise-conv2d-backprop-filter';
import { depthwiseConv2dBackpropInputConfig } from './kernels/depthwise-conv2d-backprop-input';
import { gatherV2Config } from './kernels/gather-v2';
import { maxPoolGradConfig } from './kernels/max-pool-grad';
import { avgPoolGradConfig } from './kernels/avg-pool-grad';
import { unsortedSegmentSumConfig } from './kernels/unsorted-segment-sum';
import { explicitSamePaddingConfig } from './kernels/explicit-same-padding';
import { untransposedMatMulConfig } from './kernels/untransposed-matmul';
import { tileConfig } from './kernels/tile';
import { contiguousMeanConfig, contiguousSumConfig } from './kernels/contiguous-reduce';
import { installLstmFastPath, removeLstmFastPath } from './lstm-fast-path';
import { identityAliasConfig } from './kernels/identity-alias';
import { transposeConfig } from './kernels/transpose';
import { broadcastEqualConfig } from './kernels/broadcast-equal';
import { TAP_SCATTER, TAP_SUM, tapScatterConfig, tapSumConfig } from './kernels/tap-sum';
import { installEmbeddingConvFastPath, removeEmbeddingConvFastPath } from './embedding-conv-fast-path';
import { concatRowsConfig, splitRowsConfig } from './kernels/concat-split';
import { addConfig, multiplyConfig, realDivConfig, reluConfig } from './kernels/elementwise';
import { castAliasConfig } from './kernels/cast-alias';
import { BATCH_NORM_TRAINING, BATCH_NORM_TRAINING_GRAD, batchNormTrainingConfig, batchNormTrainingGradConfig } from './kernels/batch-norm-training';
import { installBatchNormFastPath, removeBatchNormFastPath } from './batch-norm-fast-path';
import { installReluGradient, RELU_GRAD, reluGradConfig, removeReluGradient } from './kernels/relu-grad';
import { DENSE, DENSE_GRAD, DENSE_GRAD_INPUT, denseConfig, denseGradConfig, denseGradInputConfig } from './kernels/dense';
import { installDenseFastPath, removeDenseFastPath } from './dense-fast-path';
import { CATEGORICAL_CROSSENTROPY, CATEGORICAL_CROSSENTROPY_GRAD, categoricalCrossentropyConfig, categoricalCrossentropyGradConfig } from './kernels/categorical-crossentropy';
import { installLossFastPath, removeLossFastPath } from './loss-fast-path';
import { CATEGORICAL_ACCURACY, categoricalAccuracyConfig } from './kernels/categorical-accuracy';
import { installSoftmaxGradient, removeSoftmaxGradient, SOFTMAX_GRAD, softmaxGradConfig } from './kernels/softmax-grad';

/** Builds our config from the stock one it displaces, if any; undefined = nothing to register. */
type ConfigBuilder = (backendName: string, stock?: tf.KernelConfig) => tf.KernelConfig | undefined;

// Which kernels each backend gets added or replaced for training, with the reason
// measured on the IMDB Conv1D (batch 128, maxLen 500). tensorflow (tfjs-node) has
// native kernels for all of these and gets none.
const KERNELS: Record<string, Array<[kernelName: string, build: ConfigBuilder]>> = {
  wasm: [
    [tf.Conv2DBackpropFilter, conv2dBackpropFilterConfig], // missing on wasm
    [tf.UnsortedSegmentSum, unsortedSegmentSumConfig], // missing on wasm
    [tf.Conv2DBackpropInput, conv2dBackpropInputConfig], // stock is a scalar loop: 1.25 s per step
    [tf.GatherV2, gatherV2Config], // stock copies element by element: 0.25 s per step
    [tf.MaxPoolGrad, maxPoolGradConfig], // stock is a C++ loop, yet JS over the heap halves it: 47 -> 22 ms
    [tf.DepthwiseConv2dNativeBackpropFilter, depthwiseConv2dBackpropFilterConfig], // missing on wasm (SeparableConv2D)
    [tf.DepthwiseConv2dNativeBackpropInput, depthwiseConv2dBackpropInputConfig], // missing on wasm (SeparableConv2D)
    // stock gives all zeros for some strided 'same' shapes (x [1, 4, 9, 2], filter [2, 2], strides [1, 3])
    [tf.Conv2D, explicitSamePaddingConfig],
    [tf.FusedConv2D, explicitSamePaddingConfig], // what a Keras Conv2D layer runs
    [tf.DepthwiseConv2dNative, explicitSamePaddingConfig],
    [tf.FusedDepthwiseConv2D, explicitSamePaddingConfig],
    // stock transposes inside the product slowly: a [5120, 32]ᵀ·[5120, 128] gradient product 99 -> 6 ms
    [tf.BatchMatMul, untransposedMatMulConfig],
    [tf._FusedMatMul, untransposedMatMulConfig],
    // BatchNormalization's gradient and its moments (SeparableConv2D convnet, 18.9 s step, loaded): Tile 4.5 s, Sum + Mean 3.6 s
    [tf.Tile, tileConfig],
    [tf.Sum, contiguousSumConfig],
    [tf.Mean, contiguousMeanConfig],
    [tf.Identity, identityAliasConfig], // stock copies each tensor a gradient saves: ~60 copies per step
    [tf.Transpose, transposeConfig], // stock walks element by element: 45 ms per step, 10 of them an identity
    [tf.Equal, broadcastEqualConfig], // stock broadcasting is slow: 15-35 ms per step (the max's gradient)
    [TAP_SUM, tapSumConfig], // ours: the Embedding->Conv1D fusion (embedding-conv-fast-path.ts)
    [TAP_SCATTER, tapScatterConfig],
    // stock copies row by row from JS: Inception's channel concat and its SplitV gradient 2.0 + 2.3 -> 0.1 + 0.1 ms
    [tf.Concat, concatRowsConfig],
    [tf.SplitV, splitRowsConfig],
    // stock broadcasts in general strides: each conv layer's bias Add [128, 16, 16, 8] + [8] 0.55 -> 0.1 ms (zoo convnets, ~3.5 ms per step)
    [tf.Add, addConfig],
    // with threads stock hands each to XNNPACK's pool: a residual-net step (2 threads, load 16) spent 8.0 ms in Multiply, 5.3 in Relu, 2-9 in RealDiv
    [tf.Multiply, multiplyConfig],
    [tf.Relu, reluConfig],
    [tf.RealDiv, realDivConfig],
    [tf.Cast, castAliasConfig], // stock copies even to the same dtype: 14-16 such casts per zoo convnet step, 0.4-0.5 ms
    [tf.AvgPoolGrad, avgPoolGradConfig], // stock is a scalar C++ loop: Inception's 3x3 pool of [128, 16, 16, 8] 5.2 -> 0.6 ms
    // our own: BatchNormalization training fused (batch-norm-fast-path), in place of ~20 kernels per layer
    [BATCH_NORM_TRAINING, batchNormTrainingConfig],
    [BATCH_NORM_TRAINING_GRAD, batchNormTrainingGradConfig],
    [RELU_GRAD, reluGradConfig], // ours: Relu's gradient in one pass (relu-grad.ts), for tfjs's Step + Multiply
    // ours: a Dense layer's product, bias and relu, and their gradients, as 2-3 kernel calls in place of ~15 (dense-fast-path)
    [DENSE, denseConfig],
    [DENSE_GRAD, denseGradConfig],
    [DENSE_GRAD_INPUT, denseGradInputConfig],
    // ours: categoricalCrossentropy and its gradient as 2 kernel calls in place of ~38 (loss-fast-path)
    [CATEGORICAL_CROSSENTROPY, categoricalCrossentropyConfig],
    [CATEGORICAL_CROSSENTROPY_GRAD, categoricalCrossentropyGradConfig],
    [CATEGORICAL_ACCURACY, categoricalAccuracyConfig], // ours: the 'acc' metric in one pass, for 2 ArgMax (and their saved clones), Equal and Cast
    [SOFTMAX_GRAD, softmaxGradConfig], // ours: Softmax's gradient in one pass, for tfjs's Multiply, Sum, Multiply, Sub and Reshape
  ],
  cpu: [
    [tf.UnsortedSegmentSum, unsortedSegmentSumConfig], // stock is O(numSegments * size): minutes per step
    [tf.Conv2DBackpropFilter, conv2dBackpropFilterConfig], // stock reads through TensorBuffer.get: minutes per step
    [tf.MaxPoolGrad, maxPoolGradConfig], // stock reads through TensorBuffer.get: 1.5 s per step
    [tf.AvgPoolGrad, avgPoolGradConfig], // stock reads through TensorBuffer.get: a 2x2 avgPool step on x [16, 32, 32, 32] goes 89-133 -> 35 ms
    [tf.GatherV2, gatherV2Config], // stock recomputes each element's location: 0.6 s per step
    // stock reads through TensorBuffer.get: a 3x3 depthwiseConv2d step on x [16, 32, 32, 32] goes 1.0 s -> 0.28 s
    [tf.DepthwiseConv2dNativeBackpropFilter, depthwiseConv2dBackpropFilterConfig],
    [tf.DepthwiseConv2dNativeBackpropInput, depthwiseConv2dBackpropInputConfig],
    [TAP_SUM, tapSumConfig],
    [TAP_SCATTER, tapScatterConfig],
  ],
};

/** Per backend: kernel name -> the config we registered and the stock one it displaced. */
const registered = new Map<string, Map<string, { ours: tf.KernelConfig; stock?: tf.KernelConfig }>>();

/**
 * Where tf.layers.lstm runs fusedLstm (its step loop costs thousands of tiny kernel calls a batch
 * there) and an Embedding->Conv1D runs embeddingConv1d (its kernels are registered above).
 */
const FUSED_LAYER_BACKENDS = new Set(['wasm', 'cpu']);
/** Where tf.layers.batchNormalization trains, and Relu's gradient runs, through our kernels (registered above). */
const FUSED_BATCH_NORM_BACKENDS = new Set(['wasm']);

/**
 * Registers Tensorlens's training kernels for a backend and returns their names.
 * Idempotent: kernels already registered by us are left in place.
 */
export function registerTrainingKernels(backendName: string): string[] {
  if (FUSED_LAYER_BACKENDS.has(backendName)) {
    installLstmFastPath(backendName);
    installEmbeddingConvFastPath(backendName);
  }
  if (FUSED_BATCH_NORM_BACKENDS.has(backendName)) {
    installBatchNormFastPath(backendName);
    installReluGradient(backendName);
    installDenseFastPath(backendName);
    installLossFastPath(backendName);
    installSoftmaxGradient(backendName);
  }
  const ours = registered.get(backendName) ?? new Map();
  registered.set(backendName, ours);
  for (const [kernelName, build] of KERNELS[backendName] ?? []) {
    const current = tf.getKernel(kernelName, backendName);
    const mine = ours.get(kernelName);
    if (mine && current === mine.ours) continue;
    const stock = mine ? mine.stock : current;
    const config = build(backendName, stock);
    if (!config) continue;
    // tf.registerKernel refuses (with a console warning) to overwrite an existing
    // registration, so a stock kernel we replace has to be unregistered first; it is
    // kept so unregisterTrainingKernels can put it back (e.g. to benchmark stock).
    if (current) tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(config);
    ours.set(kernelName, { ours: config, stock });
  }
  return [...ours.keys()];
}

/** Removes our kernels from a backend and restores the stock ones they replaced. */
export function unregisterTrainingKernels(backendName: string): void {
  removeLstmFastPath(backendName);
  removeEmbeddingConvFastPath(backendName);
  removeBatchNormFastPath(backendName);
  removeReluGradient(backendName);
  removeDenseFastPath(backendName);
  removeLossFastPath(backendName);
  removeSoftmaxGradient(backendName);
  const ours = registered.get(backendName);
  if (!ours) return;
  for (const [kernelName, { ours: config, stock }] of ours) {
    if (tf.getKernel(kernelName, backendName) === config) tf.unregisterKernel(kernelName, backendName);
    if (stock && !tf.getKernel(kernelName, backendName)) tf.registerKernel(stock);
  }
  registered.delete(backendName);
}
