import * as tf from '@tensorflow/tfjs';

const MISSING_KERNEL = /Kernel '(\w+)' not registered for backend '(\w+)'/;

interface EngineTape {
  state: { gradientDepth: number; activeTape: Array<{ saved?: tf.Tensor[] }> | null };
}

/**
 * tfjs keeps the tensors each op saves for its gradient out of tidy() and frees them
 * only once backprop finishes; a kernel missing in backprop throws past that, so the
 * saved tensors would leak. Frees them as the engine would have.
 */
function releaseAbandonedTape(): void {
  const { state } = tf.engine() as unknown as EngineTape;
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) tf.dispose(node.saved ?? []);
  state.activeTape = null;
}

function missingKernelOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (e) {
    releaseAbandonedTape();
    const match = MISSING_KERNEL.exec((e as Error).message ?? '');
    if (!match) throw e;
    return match[1];
  }
}

function firstRows(t: tf.Tensor): tf.Tensor {
  return t.slice(0, Math.min(2, t.shape[0]));
}

/** Forward and backward through the model's compiled loss, gradients for every trainable weight. */
function trainingStep(model: tf.LayersModel, x: tf.Tensor[], y: tf.Tensor[]): void {
  // A Sequential keeps its compiled loss functions on the LayersModel it wraps
  // (a private field); Sequential.compile copies only the loss names across.
  const { lossFunctions } = (model as unknown as { model?: tf.LayersModel }).model ?? model;
  tf.tidy(() => {
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    tf.variableGrads(() => {
      const out = model.apply(x.length === 1 ? x[0] : x, { training: true }) as tf.Tensor | tf.Tensor[];
      const predictions = ([] as tf.Tensor[]).concat(out);
      const losses = predictions.map((p, i) => tf.mean(lossFunctions[i](y[i], p)));
      return tf.addN(losses) as tf.Scalar;
    }, variables);
  });
}

/**
 * A batch of one for each input of a layer, shaped from the built model's symbolic
 * inputs. Zeros, because an Embedding's input is often typed float32 and any other
 * value could be an index outside its vocabulary; only which kernels run matters.
 */
function probeInputs(layer: tf.layers.Layer): tf.Tensor[] {
  return ([] as tf.SymbolicTensor[]).concat(layer.input).map((s) => tf.zeros(s.shape.map((d) => d ?? 1), s.dtype));
}

/** Which kernel a layer's own forward and backward pass lacks, if any. */
function missingInLayer(layer: tf.layers.Layer): string | undefined {
  return missingKernelOf(() => tf.tidy(() => {
    const inputs = probeInputs(layer);
    const floats = inputs.filter((t) => t.dtype === 'float32');
    const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    const loss = (...xs: tf.Tensor[]) => {
      let next = 0;
      const all = inputs.map((t) => (t.dtype === 'float32' ? xs[next++] : t));
      const out = layer.apply(all.length === 1 ? all[0] : all, { training: true });
      return tf.addN(([] as tf.Tensor[]).concat(out as tf.Tensor | tf.Tensor[]).map((o) => o.sum())) as tf.Scalar;
    };
    if (variables.length) tf.variableGrads(() => loss(...floats), variables);
    if (floats.length) tf.grads(loss)(floats);
  }));
}

/**
 * Runs one training step (forward, loss, gradients; weights untouched) on the first
 * rows of the real data, so a kernel the backend lacks fails the run before fit()
 * starts rather than midway through an epoch. When one is missing, each layer is
 * run alone to name the layers that need it.
 */
export function assertBackendCanTrain(model: tf.LayersModel, x: tf.Tensor | tf.Tensor[], y: tf.Tensor | tf.Tensor[]): void {
  const xs = ([] as tf.Tensor[]).concat(x);
  const ys = ([] as tf.Tensor[]).concat(y);
  const missing = missingKernelOf(() => tf.tidy(() => trainingStep(model, xs.map(firstRows), ys.map(firstRows))));
  if (!missing) return;
  const backend = tf.getBackend();
  const needs = model.layers
    .filter((layer) => layer.getClassName() !== 'InputLayer')
    .map((layer) => ({ layer, kernel: missingInLayer(layer) }))
    .filter((n): n is { layer: tf.layers.Layer; kernel: string } => n.kernel !== undefined)
    .map(({ layer, kernel }) => `no kernel ${kernel} needed by layer ${layer.name} (${layer.getClassName()})`);
  const detail = needs.length ? needs.join('; ') : `no kernel ${missing} needed by the loss or its gradient`;
  throw new Error(`backend ${backend} has ${detail}: training cannot run on it; pick another backend`);
}
