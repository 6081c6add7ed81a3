import * as tf from '@tensorflow/tfjs';
import { convGeometry, embeddingConv1d } from './embedding-conv1d';
import { layerPrototype, type LayerCall } from './layer-fast-path';

// Routes a Conv1D whose input is an Embedding's output through embeddingConv1d. The
// Embedding still computes its output (anything may consume it: another layer, a model
// output, a callback's activations), and tags it with the ids and layer it came from; a
// Conv1D handed exactly that tensor computes from the ids and the table instead. The
// embedded sequence then has no consumer on the tape, so the backward pass skips it: what the
// fusion saves is the convolution and both its gradients, not the Embedding's forward gather.
// Layers, weights, summaries and saved models are tfjs-layers' own; only `call` is patched.

/** TENSORLENS_FUSE_EMBEDDING_CONV=0 keeps the stock path (to measure what the fusion gains). */
const ENV_SWITCH = 'TENSORLENS_FUSE_EMBEDDING_CONV';

interface EmbeddingLayer { maskZero?: boolean; embeddings: { read(): tf.Tensor } }
interface Conv1dLayer {
  rank: number;
  kernelSize: number[];
  strides: number[];
  dilationRate: number | number[];
  padding: string;
  dataFormat: string;
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  activation: { apply(x: tf.Tensor): tf.Tensor } | null;
}
type Call<T> = LayerCall<T>;
interface Patched<T> { prototype: { call: Call<T> }; stock: Call<T>; own: boolean }

/**
 * Each Embedding output of a fast-path backend: the ids it embedded, by the layer whose table it
 * read, and the data both held then (a variable assigned since holds other values).
 */
interface Source { layer: EmbeddingLayer; ids: tf.Tensor; idsData: tf.DataId; tableData: tf.DataId }
const sources = new WeakMap<tf.Tensor, Source>();
const backends = new Set<string>();
let patched: { embedding: Patched<EmbeddingLayer>; conv: Patched<Conv1dLayer> } | undefined;

function patch<T>(className: string, call: (stock: Call<T>) => Call<T>): Patched<T> {
  const prototype = layerPrototype<T>(className);
  const own = Object.prototype.hasOwnProperty.call(prototype, 'call');
  const stock = prototype.call;
  prototype.call = call(stock);
  return { prototype, stock, own };
}

function unpatch<T>({ prototype, stock, own }: Patched<T>): void {
  if (own) prototype.call = stock;
  else delete (prototype as Partial<typeof prototype>).call;
}

function single(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(inputs) && inputs.length === 1 ? inputs[0] : inputs as tf.Tensor;
}

function dilation(layer: Conv1dLayer): number {
  return Array.isArray(layer.dilationRate) ? layer.dilationRate[0] : layer.dilationRate;
}

/**
 * Whether the fusion computes this Conv1D, and cheaper: ids and table as they were when the
 * Embedding ran (unmasked), channels-last
 * valid or same padding without dilation, and no more vocabulary rows than half the output
 * positions (the precomputed table·W costs a convolution over `vocab` positions).
 */
function fits(layer: Conv1dLayer, { ids, idsData, tableData }: Source, table: tf.Tensor, kwargs: Record<string, unknown>): boolean {
  if (!backends.has(tf.getBackend()) || process.env[ENV_SWITCH] === '0') return false;
  if (ids.isDisposed || ids.dataId !== idsData || table.dataId !== tableData) return false;
  if (layer.rank !== 1 || layer.dataFormat !== 'channelsLast' || dilation(layer) !== 1 || kwargs?.mask != null) return false;
  if ((layer.padding !== 'valid' && layer.padding !== 'same') || ids.rank !== 2) return false;
  const { outLen } = convGeometry(ids.shape[1] as number, layer.kernelSize[0], layer.strides[0], layer.padding);
  return outLen > 0 && table.shape[0] * 2 <= ids.shape[0] * outLen;
}

function install(): void {
  const embedding = patch<EmbeddingLayer>('Embedding', (stock) => function (inputs, kwargs) {
    const output = stock.call(this, inputs, kwargs);
    const ids = single(inputs);
    if (!this.maskZero && output instanceof tf.Tensor && backends.has(tf.getBackend())) {
      sources.set(output, { layer: this, ids, idsData: ids.dataId, tableData: this.embeddings.read().dataId });
    }
    return output;
  });
  const conv = patch<Conv1dLayer>('Conv1D', (stock) => function (inputs, kwargs) {
    const x = single(inputs);
    const source = sources.get(x);
    const table = source?.layer.embeddings.read();
    if (!source || !table || !fits(this, source, table, kwargs)) return stock.call(this, inputs, kwargs);
    return tf.tidy(() => {
      const y = embeddingConv1d({
        ids: source.ids, table, kernel: this.kernel.read(), bias: this.bias ? this.bias.read() : null,
        stride: this.strides[0], padding: this.padding as 'valid' | 'same',
      });
      return this.activation ? this.activation.apply(y) : y;
    });
  });
  patched = { embedding, conv };
}

/** Fuses Embedding->Conv1D while `backendName` is the active backend. Idempotent. */
export function installEmbeddingConvFastPath(backendName: string): void {
  backends.add(backendName);
  if (!patched) install();
}

/** Turns the fusion off for `backendName`; with no backend left, tfjs-layers' calls are put back. */
export function removeEmbeddingConvFastPath(backendName: string): void {
  backends.delete(backendName);
  if (!patched || backends.size > 0) return;
  unpatch(patched.embedding);
  unpatch(patched.conv);
  patched = undefined;
}
