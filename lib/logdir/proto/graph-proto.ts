/**
 * GraphDef as tf.summary.graph and PyTorch's add_graph write it, from the field numbers of
 * tensorboard/compat/proto/{graph,node_def,attr_value}.proto: what an op graph view needs (names,
 * ops, inputs, devices, and the attrs that carry shapes and dtypes).
 */
export const GRAPH_PROTO = `
syntax = "proto3";
package tensorboard;

message GraphDef {
  repeated NodeDef node = 1;
}

message NodeDef {
  string name = 1;
  string op = 2;
  repeated string input = 3;
  string device = 4;
  map<string, AttrValue> attr = 5;
}

message AttrValue {
  message ListValue {
    repeated bytes s = 2;
    repeated int64 i = 3;
    repeated float f = 4;
    repeated bool b = 5;
    repeated int32 type = 6;
    repeated TensorShapeProto shape = 7;
  }
  oneof value {
    ListValue list = 1;
    bytes s = 2;
    int64 i = 3;
    float f = 4;
    bool b = 5;
    int32 type = 6;  // DataType, types.proto
    TensorShapeProto shape = 7;
    bytes tensor = 8;
    string placeholder = 9;
    bytes func = 10;
  }
}
`;
