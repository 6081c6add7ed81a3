/**
 * One Summary.Value as a typed record. Legacy values say what they are by their oneof member
 * (simple_value, histo, image); tensor values by the plugin named in their metadata, which TF2
 * writers put only on a tag's first value: the caller remembers it per tag and passes it in.
 */
import { sniffImageType } from '../kinds/image/meta';
import { fromBucketTensor, fromHistogramProto } from './histogram-buckets';
import { decodeHParams } from './hparams';
import type { ImageMessage, SummaryValueMessage, TensorMessage } from './proto/messages';
import type { At, ImageRecord, LogdirRecord } from './records';
import { shapeOf, tensorNumbers, tensorStrings } from './tensor-values';

function image(tag: string, at: At, bytes: Uint8Array, size: Pick<ImageMessage, 'width' | 'height' | 'colorspace'>, sample: number): ImageRecord {
  const encoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { kind: 'image', tag, ...at, sample, width: size.width ?? 0, height: size.height ?? 0, colorspace: size.colorspace ?? 0, contentType: sniffImageType(encoded), encoded };
}

/** TF2's tf.summary.image: a string tensor [width, height, image, image, …]. */
function imageTensor(tag: string, at: At, t: TensorMessage): LogdirRecord[] | string {
  const strings = t.dtype === 7 ? t.stringVal : undefined;
  if (!strings || strings.length < 3) return 'an images tensor holds [width, height, image…] strings';
  const [width, height] = strings.slice(0, 2).map((s) => Number(Buffer.from(s).toString('utf8')));
  return strings.slice(2).map((bytes, i) => image(tag, at, bytes, { width, height }, i));
}

function prCurve(tag: string, at: At, t: TensorMessage): LogdirRecord[] | string {
  const shape = shapeOf(t.tensorShape);
  const values = tensorNumbers(t);
  if (!values || shape.length !== 2 || shape[0] !== 6) return `a PR curve is a [6,k] number tensor, not [${shape}]`;
  const k = shape[1];
  const row = (i: number) => Array.from(values.subarray(i * k, (i + 1) * k));
  const thresholds = Array.from({ length: k }, (_, i) => (i + 1) / k);
  return [
    {
      kind: 'pr-curve',
      tag,
      ...at,
      thresholds,
      truePositives: row(0),
      falsePositives: row(1),
      trueNegatives: row(2),
      falseNegatives: row(3),
      precision: row(4),
      recall: row(5),
    },
  ];
}

function pluginTensor(tag: string, at: At, plugin: string, t: TensorMessage): LogdirRecord[] | string {
  switch (plugin) {
    case 'scalars': {
      const values = tensorNumbers(t);
      if (!values || values.length !== 1) return 'a scalar is a one-element number tensor';
      return [{ kind: 'scalar', tag, ...at, value: values[0] }];
    }
    case 'histograms': {
      const shape = shapeOf(t.tensorShape);
      const values = tensorNumbers(t);
      if (!values || shape.length !== 2 || shape[1] !== 3) return `a histogram is a [k,3] number tensor, not [${shape}]`;
      if (shape[0] === 0) return [];
      const h = fromBucketTensor(values, shape[0]);
      return h ? [{ kind: 'histogram', tag, ...at, ...h }] : 'histogram buckets are not finite';
    }
    case 'graph_keras_model': {
      const json = tensorStrings(t)?.[0];
      if (json === undefined) return 'a Keras model config is a string tensor';
      try {
        return [{ kind: 'keras-model', tag, ...at, config: JSON.parse(json) as unknown }];
      } catch {
        return 'the Keras model config is not JSON';
      }
    }
    case 'text': {
      const texts = tensorStrings(t);
      return texts ? [{ kind: 'text', tag, ...at, shape: shapeOf(t.tensorShape), texts }] : 'text is a string tensor';
    }
    case 'pr_curves':
      return prCurve(tag, at, t);
    case 'images':
      return imageTensor(tag, at, t);
    default:
      return [{ kind: 'other', tag, ...at, plugin: plugin || 'tensor' }];
  }
}

function valueRecords(v: SummaryValueMessage, tag: string, at: At, plugin: string): LogdirRecord[] | string {
  if (plugin === 'hparams') {
    // Its data is the metadata content itself; the value holds nothing (PyTorch) or an empty tensor (TF).
    const content = v.metadata?.pluginData?.content;
    const part = content ? decodeHParams(content, at) : 'hparams summary without plugin content';
    return typeof part === 'string' ? part : [part];
  }
  switch (v.value) {
    case 'simpleValue':
      return [{ kind: 'scalar', tag, ...at, value: v.simpleValue ?? 0 }];
    case 'histo': {
      const h = v.histo ? fromHistogramProto(v.histo) : undefined;
      return h ? [{ kind: 'histogram', tag, ...at, ...h }] : 'HistogramProto without finite buckets';
    }
    case 'image':
      return [image(tag, at, v.image?.encodedImageString ?? new Uint8Array(), v.image ?? {}, 0)];
    case 'tensor':
      return v.tensor ? pluginTensor(tag, at, plugin, v.tensor) : 'empty tensor';
    default:
      return [{ kind: 'other', tag, ...at, plugin: plugin || (v.value ?? 'empty') }];
  }
}

/**
 * The records one value holds (usually one; none for an empty histogram; several for a TF2 image
 * batch). A value of a known kind that cannot be read becomes `other` with the reason, never an error.
 */
export function decodeSummaryValue(v: SummaryValueMessage, at: At, plugin: string): LogdirRecord[] {
  const tag = v.tag ?? '';
  const out = valueRecords(v, tag, at, plugin);
  return typeof out === 'string' ? [{ kind: 'other', tag, ...at, plugin: plugin || (v.value ?? ''), reason: out }] : out;
}
