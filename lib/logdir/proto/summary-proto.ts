/**
 * Event, Summary and the value messages, written from the field numbers of TensorBoard's
 * tensorboard/compat/proto/{event,summary,tensor,tensor_shape,histogram}.proto. Only the fields
 * Tensorlens reads are declared (protobuf skips the others); enums are read as their numbers.
 */
export const SUMMARY_PROTO = `
syntax = "proto3";
package tensorboard;

message Event {
  double wall_time = 1;
  int64 step = 2;
  oneof what {
    string file_version = 3;
    bytes graph_def = 4;
    Summary summary = 5;
    bytes log_message = 6;
    bytes session_log = 7;
    TaggedRunMetadata tagged_run_metadata = 8;
    bytes meta_graph_def = 9;
  }
}

message TaggedRunMetadata {
  string tag = 1;
  bytes run_metadata = 2;
}

message Summary {
  message Image {
    int32 height = 1;
    int32 width = 2;
    int32 colorspace = 3;
    bytes encoded_image_string = 4;
  }
  message Value {
    string tag = 1;
    SummaryMetadata metadata = 9;
    oneof value {
      float simple_value = 2;
      bytes obsolete_old_style_histogram = 3;
      Image image = 4;
      HistogramProto histo = 5;
      bytes audio = 6;
      TensorProto tensor = 8;
    }
  }
  repeated Value value = 1;
}

message SummaryMetadata {
  message PluginData {
    string plugin_name = 1;
    bytes content = 2;
  }
  PluginData plugin_data = 1;
  string display_name = 2;
  string summary_description = 3;
  int32 data_class = 4;
}

message HistogramProto {
  double min = 1;
  double max = 2;
  double num = 3;
  double sum = 4;
  double sum_squares = 5;
  repeated double bucket_limit = 6;
  repeated double bucket = 7;
}

message TensorShapeProto {
  message Dim {
    int64 size = 1;
    string name = 2;
  }
  repeated Dim dim = 2;
  bool unknown_rank = 3;
}

message TensorProto {
  int32 dtype = 1;  // DataType, types.proto
  TensorShapeProto tensor_shape = 2;
  int32 version_number = 3;
  bytes tensor_content = 4;
  repeated float float_val = 5;
  repeated double double_val = 6;
  repeated int32 int_val = 7;
  repeated bytes string_val = 8;
  repeated int64 int64_val = 10;
  repeated bool bool_val = 11;
  repeated int32 half_val = 13;  // float16 and bfloat16 bits
  repeated uint32 uint32_val = 16;
  repeated uint64 uint64_val = 17;
}
`;
