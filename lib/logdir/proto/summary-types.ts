/**
 * Message definitions for TensorBoard's event files, written from the field numbers in
 * tensorboard/compat/proto/{event,summary,tensor,tensor_shape,histogram}.proto. Only the fields
 * Tensorlens reads are declared: protobuf skips the rest. Enums are read as their int32 values.
 */
import type { INamespace } from 'protobufjs';
import { packed } from './field-helpers';

export const summaryTypes: INamespace['nested'] = {
  Event: {
    oneofs: { what: { oneof: ['fileVersion', 'graphDef', 'summary', 'logMessage', 'sessionLog', 'taggedRunMetadata', 'metaGraphDef'] } },
    fields: {
      wallTime: { type: 'double', id: 1 },
      step: { type: 'int64', id: 2 },
      fileVersion: { type: 'string', id: 3 },
      graphDef: { type: 'bytes', id: 4 },
      summary: { type: 'Summary', id: 5 },
      logMessage: { type: 'bytes', id: 6 },
      sessionLog: { type: 'bytes', id: 7 },
      taggedRunMetadata: { type: 'TaggedRunMetadata', id: 8 },
      metaGraphDef: { type: 'bytes', id: 9 },
    },
  },
  TaggedRunMetadata: {
    fields: { tag: { type: 'string', id: 1 }, runMetadata: { type: 'bytes', id: 2 } },
  },
  Summary: {
    fields: { value: { rule: 'repeated', type: 'Value', id: 1 } },
    nested: {
      Image: {
        fields: {
          height: { type: 'int32', id: 1 },
          width: { type: 'int32', id: 2 },
          colorspace: { type: 'int32', id: 3 },
          encodedImageString: { type: 'bytes', id: 4 },
        },
      },
      Value: {
        oneofs: { value: { oneof: ['simpleValue', 'obsoleteOldStyleHistogram', 'image', 'histo', 'audio', 'tensor'] } },
        fields: {
          tag: { type: 'string', id: 1 },
          simpleValue: { type: 'float', id: 2 },
          obsoleteOldStyleHistogram: { type: 'bytes', id: 3 },
          image: { type: 'Image', id: 4 },
          histo: { type: 'HistogramProto', id: 5 },
          audio: { type: 'bytes', id: 6 },
          tensor: { type: 'TensorProto', id: 8 },
          metadata: { type: 'SummaryMetadata', id: 9 },
        },
      },
    },
  },
  SummaryMetadata: {
    fields: {
      pluginData: { type: 'PluginData', id: 1 },
      displayName: { type: 'string', id: 2 },
      summaryDescription: { type: 'string', id: 3 },
      dataClass: { type: 'int32', id: 4 },
    },
    nested: {
      PluginData: { fields: { pluginName: { type: 'string', id: 1 }, content: { type: 'bytes', id: 2 } } },
    },
  },
  HistogramProto: {
    fields: {
      min: { type: 'double', id: 1 },
      max: { type: 'double', id: 2 },
      num: { type: 'double', id: 3 },
      sum: { type: 'double', id: 4 },
      sumSquares: { type: 'double', id: 5 },
      bucketLimit: { rule: 'repeated', type: 'double', id: 6, options: packed },
      bucket: { rule: 'repeated', type: 'double', id: 7, options: packed },
    },
  },
  TensorShapeProto: {
    fields: { dim: { rule: 'repeated', type: 'Dim', id: 2 }, unknownRank: { type: 'bool', id: 3 } },
    nested: { Dim: { fields: { size: { type: 'int64', id: 1 }, name: { type: 'string', id: 2 } } } },
  },
  TensorProto: {
    fields: {
      dtype: { type: 'int32', id: 1 },
      tensorShape: { type: 'TensorShapeProto', id: 2 },
      versionNumber: { type: 'int32', id: 3 },
      tensorContent: { type: 'bytes', id: 4 },
      floatVal: { rule: 'repeated', type: 'float', id: 5, options: packed },
      doubleVal: { rule: 'repeated', type: 'double', id: 6, options: packed },
      intVal: { rule: 'repeated', type: 'int32', id: 7, options: packed },
      stringVal: { rule: 'repeated', type: 'bytes', id: 8 },
      int64Val: { rule: 'repeated', type: 'int64', id: 10, options: packed },
      boolVal: { rule: 'repeated', type: 'bool', id: 11, options: packed },
      halfVal: { rule: 'repeated', type: 'int32', id: 13, options: packed },
      uint32Val: { rule: 'repeated', type: 'uint32', id: 16, options: packed },
      uint64Val: { rule: 'repeated', type: 'uint64', id: 17, options: packed },
    },
  },
};
