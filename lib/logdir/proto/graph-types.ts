/**
 * GraphDef as written by tf.summary.graph and PyTorch's add_graph, from the field numbers in
 * tensorboard/compat/proto/{graph,node_def,attr_value}.proto. Only what an op graph view needs:
 * names, ops, inputs, devices and the attrs that carry shapes and dtypes.
 */
import type { INamespace } from 'protobufjs';
import { packed, stringMap } from './field-helpers';

export const graphTypes: INamespace['nested'] = {
  GraphDef: {
    fields: { node: { rule: 'repeated', type: 'NodeDef', id: 1 } },
  },
  NodeDef: {
    fields: {
      name: { type: 'string', id: 1 },
      op: { type: 'string', id: 2 },
      input: { rule: 'repeated', type: 'string', id: 3 },
      device: { type: 'string', id: 4 },
      attr: stringMap('AttrValue', 5),
    },
  },
  AttrValue: {
    oneofs: { value: { oneof: ['list', 's', 'i', 'f', 'b', 'type', 'shape', 'tensor', 'placeholder', 'func'] } },
    fields: {
      list: { type: 'ListValue', id: 1 },
      s: { type: 'bytes', id: 2 },
      i: { type: 'int64', id: 3 },
      f: { type: 'float', id: 4 },
      b: { type: 'bool', id: 5 },
      type: { type: 'int32', id: 6 },
      shape: { type: 'TensorShapeProto', id: 7 },
      tensor: { type: 'bytes', id: 8 },
      placeholder: { type: 'string', id: 9 },
      func: { type: 'bytes', id: 10 },
    },
    nested: {
      ListValue: {
        fields: {
          s: { rule: 'repeated', type: 'bytes', id: 2 },
          i: { rule: 'repeated', type: 'int64', id: 3, options: packed },
          f: { rule: 'repeated', type: 'float', id: 4, options: packed },
          b: { rule: 'repeated', type: 'bool', id: 5, options: packed },
          type: { rule: 'repeated', type: 'int32', id: 6, options: packed },
          shape: { rule: 'repeated', type: 'TensorShapeProto', id: 7 },
        },
      },
    },
  },
};
