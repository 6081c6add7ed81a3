/**
 * What plot_model(show_shapes=True) prints for a layer, worked out from a Keras JSON config alone
 * (the TensorBoard callback writes no shapes): output shapes from input shapes, and the parameter
 * count, for the common layer classes. Any other class gets outputs of unknown size (None), never a guess.
 */
import type { Shape } from '../kinds/graph/meta';

export type LayerConfig = Record<string, unknown>;

export interface LayerCall {
  outputs: Shape[];
  params: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown, n: number): number[] => (Array.isArray(v) ? v.map(Number) : Array(n).fill(Number(v)));
const prod = (dims: readonly (number | null)[]): number | null => dims.reduce<number | null>((a, d) => (a === null || d === null ? null : a * d), 1);
const bias = (c: LayerConfig, n: number) => (c.use_bias === false ? 0 : n);

/** Channels-last spatial size after a window, as Keras computes it (conv_utils.conv_output_length). */
function windowed(size: number | null, kernel: number, stride: number, padding: unknown, dilation = 1): number | null {
  if (size === null) return null;
  const span = (kernel - 1) * dilation + 1;
  if (padding === 'same' || padding === 'causal') return Math.ceil(size / stride);
  return Math.max(0, Math.floor((size - span) / stride) + 1);
}

function spatialOf(input: Shape): number {
  return Math.max(0, input.length - 2);
}

function conv(c: LayerConfig, input: Shape): LayerCall | null {
  if (c.data_format === 'channels_first') return null;
  const n = spatialOf(input);
  const kernel = list(c.kernel_size, n);
  const strides = list(c.strides ?? 1, n);
  const dilation = list(c.dilation_rate ?? 1, n);
  const filters = num(c.filters);
  const channels = input[input.length - 1];
  if (filters === null) return null;
  const spatial = input.slice(1, -1).map((d, i) => windowed(d, kernel[i], strides[i], c.padding, dilation[i]));
  const groups = num(c.groups) ?? 1;
  const params = channels === null ? 0 : kernel.reduce((a, k) => a * k, 1) * (channels / groups) * filters + bias(c, filters);
  return { outputs: [[input[0], ...spatial, filters]], params };
}

function pool(c: LayerConfig, input: Shape): LayerCall | null {
  if (c.data_format === 'channels_first') return null;
  const n = spatialOf(input);
  const size = list(c.pool_size ?? 2, n);
  const strides = c.strides === null || c.strides === undefined ? size : list(c.strides, n);
  const spatial = input.slice(1, -1).map((d, i) => windowed(d, size[i], strides[i], c.padding));
  return { outputs: [[input[0], ...spatial, input[input.length - 1]]], params: 0 };
}

function recurrent(className: string, c: LayerConfig, input: Shape): LayerCall | null {
  const units = num(c.units);
  const d = input[input.length - 1];
  if (units === null) return null;
  const gates = className === 'LSTM' ? 4 : className === 'GRU' ? 3 : 1;
  // GRU's reset_after (the TF2 default) keeps a second bias per gate.
  const biases = className === 'GRU' && c.reset_after !== false ? 2 : 1;
  const params = d === null ? 0 : gates * units * (d + units) + bias(c, gates * units * biases);
  return { outputs: [c.return_sequences ? [input[0], input[1] ?? null, units] : [input[0], units]], params };
}

function concatenate(c: LayerConfig, inputs: Shape[]): LayerCall {
  const rank = inputs[0].length;
  const axis = ((num(c.axis) ?? -1) + rank) % rank;
  const out = inputs[0].map((d, i) => (i === axis ? inputs.reduce<number | null>((a, s) => (a === null || s[i] === null ? null : a + s[i]!), 0) : d));
  return { outputs: [out], params: 0 };
}

const IDENTITY = new Set([
  'Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'SpatialDropout3D', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout',
  'Activation', 'ReLU', 'LeakyReLU', 'ELU', 'Softmax', 'ThresholdedReLU', 'ActivityRegularization', 'Masking',
]);
const MERGE = new Set(['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum']);

function known(className: string, c: LayerConfig, inputs: Shape[]): LayerCall | null {
  const [input] = inputs;
  const last = input?.[input.length - 1] ?? null;
  if (IDENTITY.has(className)) return { outputs: [input], params: 0 };
  if (MERGE.has(className)) return { outputs: [input], params: 0 };
  switch (className) {
    case 'Dense': {
      const units = num(c.units);
      return units === null ? null : { outputs: [[...input.slice(0, -1), units]], params: last === null ? 0 : last * units + bias(c, units) };
    }
    case 'Conv1D':
    case 'Conv2D':
    case 'Conv3D':
      return conv(c, input);
    case 'MaxPooling1D': case 'MaxPooling2D': case 'MaxPooling3D':
    case 'AveragePooling1D': case 'AveragePooling2D': case 'AveragePooling3D':
      return pool(c, input);
    case 'GlobalMaxPooling1D': case 'GlobalMaxPooling2D': case 'GlobalMaxPooling3D':
    case 'GlobalAveragePooling1D': case 'GlobalAveragePooling2D': case 'GlobalAveragePooling3D':
      return c.keepdims || c.data_format === 'channels_first' ? null : { outputs: [[input[0], last]], params: 0 };
    case 'Flatten':
      return { outputs: [[input[0], prod(input.slice(1))]], params: 0 };
    case 'BatchNormalization':
      return { outputs: [input], params: last === null ? 0 : 4 * last };
    case 'LayerNormalization':
      return { outputs: [input], params: last === null ? 0 : 2 * last };
    case 'Embedding': {
      const [vocab, dim] = [num(c.input_dim), num(c.output_dim)];
      return vocab === null || dim === null ? null : { outputs: [[...input, dim]], params: vocab * dim };
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return recurrent(className, c, input);
    case 'Reshape':
      return Array.isArray(c.target_shape) ? { outputs: [[input[0], ...c.target_shape.map((d) => (d === -1 ? null : Number(d)))]], params: 0 } : null;
    case 'RepeatVector':
      return { outputs: [[input[0], num(c.n), last]], params: 0 };
    case 'Concatenate':
      return concatenate(c, inputs);
    default:
      return null;
  }
}

function bidirectional(c: LayerConfig, inputs: Shape[]): LayerCall | null {
  const inner = c.layer as { class_name?: unknown; config?: LayerConfig } | undefined;
  if (typeof inner?.class_name !== 'string' || !inner.config) return null;
  const one = known(inner.class_name, inner.config, inputs);
  if (!one) return null;
  const [out] = one.outputs;
  const width = out[out.length - 1];
  const merged = c.merge_mode === 'concat' || c.merge_mode === undefined ? [...out.slice(0, -1), width === null ? null : 2 * width] : out;
  return { outputs: [merged], params: 2 * one.params };
}

/** One call of a layer: its outputs and parameters, or outputs of unknown size when the class is not one of the above. */
export function callLayer(className: string, config: LayerConfig, inputs: Shape[]): LayerCall {
  const call = inputs.length === 0 ? null : className === 'Bidirectional' ? bidirectional(config, inputs) : known(className, config, inputs);
  if (call) return call;
  return { outputs: [inputs[0] ? inputs[0].map(() => null) : [null]], params: 0 };
}

/** An input layer's shape, batch first: Keras 2 writes `batch_input_shape`, Keras 3 `batch_shape`. */
export function batchInputShape(config: LayerConfig): Shape | null {
  const shape = config.batch_input_shape ?? config.batch_shape;
  return Array.isArray(shape) ? shape.map((d) => (typeof d === 'number' ? d : null)) : null;
}
