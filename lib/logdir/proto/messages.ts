/**
 * The decoders for event files, and the shapes protobufjs hands back for them. Optional fields are
 * absent when the writer left them out (message fields read as null); the oneof names (`what`,
 * `value`, `data`, `kind`) say which member is set, since a proto3 zero is otherwise
 * indistinguishable from "not written".
 */
import { parse, Root, type Type } from 'protobufjs';
import { GRAPH_PROTO } from './graph-proto';
import { HPARAMS_PROTO } from './hparams-proto';
import { SUMMARY_PROTO } from './summary-proto';

const root = new Root();
for (const proto of [SUMMARY_PROTO, GRAPH_PROTO, HPARAMS_PROTO]) parse(proto, root);

function type(name: string): Type {
  return root.lookupType(`tensorboard.${name}`);
}

export const EventType = type('Event');
export const GraphDefType = type('GraphDef');
export const HParamsPluginDataType = type('hparams.HParamsPluginData');

/** protobufjs gives 64-bit integers as `Long` objects (exact), or as numbers when they fit. */
export type Int64 = number | { toNumber(): number };

export function int64(v: Int64 | undefined): number {
  return v === undefined ? 0 : typeof v === 'number' ? v : v.toNumber();
}

export interface TensorShapeMessage {
  dim: { size?: Int64; name?: string }[];
  unknownRank?: boolean;
}

export interface TensorMessage {
  dtype?: number;
  tensorShape?: TensorShapeMessage | null;
  tensorContent?: Uint8Array;
  floatVal: number[];
  doubleVal: number[];
  intVal: number[];
  stringVal: Uint8Array[];
  int64Val: Int64[];
  boolVal: boolean[];
  halfVal: number[];
  uint32Val: number[];
  uint64Val: Int64[];
}

export interface HistogramMessage {
  min?: number;
  max?: number;
  num?: number;
  sum?: number;
  sumSquares?: number;
  bucketLimit: number[];
  bucket: number[];
}

export interface ImageMessage {
  height?: number;
  width?: number;
  colorspace?: number;
  encodedImageString?: Uint8Array;
}

export interface SummaryValueMessage {
  tag?: string;
  value?: 'simpleValue' | 'obsoleteOldStyleHistogram' | 'image' | 'histo' | 'audio' | 'tensor';
  simpleValue?: number;
  image?: ImageMessage | null;
  histo?: HistogramMessage | null;
  tensor?: TensorMessage | null;
  metadata?: { pluginData?: { pluginName?: string; content?: Uint8Array } | null } | null;
}

export interface EventMessage {
  wallTime?: number;
  step?: Int64;
  what?: 'fileVersion' | 'graphDef' | 'summary' | 'logMessage' | 'sessionLog' | 'taggedRunMetadata' | 'metaGraphDef';
  fileVersion?: string;
  graphDef?: Uint8Array;
  summary?: { value: SummaryValueMessage[] } | null;
  taggedRunMetadata?: { tag?: string; runMetadata?: Uint8Array } | null;
}

export interface AttrValueMessage {
  value?: 'list' | 's' | 'i' | 'f' | 'b' | 'type' | 'shape' | 'tensor' | 'placeholder' | 'func';
  s?: Uint8Array;
  i?: Int64;
  f?: number;
  b?: boolean;
  type?: number;
  shape?: TensorShapeMessage | null;
  list?: null | { s: Uint8Array[]; i: Int64[]; f: number[]; b: boolean[]; type: number[]; shape: TensorShapeMessage[] };
}

export interface GraphDefMessage {
  node: { name?: string; op?: string; input: string[]; device?: string; attr: Record<string, AttrValueMessage> }[];
}

export interface StructValueMessage {
  kind?: 'nullValue' | 'numberValue' | 'stringValue' | 'boolValue' | 'structValue' | 'listValue';
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  structValue?: { fields: Record<string, StructValueMessage> } | null;
  listValue?: { values: StructValueMessage[] } | null;
}

export interface HParamsPluginDataMessage {
  data?: 'experiment' | 'sessionStartInfo' | 'sessionEndInfo';
  experiment?: {
    name?: string;
    description?: string;
    timeCreatedSecs?: number;
    hparamInfos: { name?: string; displayName?: string; description?: string; type?: number }[];
    metricInfos: { name?: { group?: string; tag?: string }; displayName?: string; description?: string; datasetType?: number }[];
  };
  sessionStartInfo?: { hparams: Record<string, StructValueMessage>; groupName?: string; startTimeSecs?: number };
  sessionEndInfo?: { status?: number; endTimeSecs?: number };
}

/** Decodes with a library type and gives the shape above; the one place the library's loose type is narrowed. */
export function decodeAs<T>(t: Type, bytes: Uint8Array): T {
  return t.decode(bytes) as unknown as T;
}
