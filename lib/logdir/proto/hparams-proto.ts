/**
 * The hparams plugin's content, from the field numbers of tensorboard/plugins/hparams/
 * {plugin_data,api}.proto, and google.protobuf.Value (struct.proto) that holds each value.
 */
export const HPARAMS_PROTO = `
syntax = "proto3";
package tensorboard.hparams;

message HParamsPluginData {
  int32 version = 1;
  oneof data {
    Experiment experiment = 2;
    SessionStartInfo session_start_info = 3;
    SessionEndInfo session_end_info = 4;
  }
}

message Experiment {
  string description = 1;
  double time_created_secs = 3;
  repeated HParamInfo hparam_infos = 4;
  repeated MetricInfo metric_infos = 5;
  string name = 6;
}

message HParamInfo {
  string name = 1;
  string display_name = 2;
  string description = 3;
  int32 type = 4;  // DataType: unset, string, bool, float64
}

message MetricName {
  string group = 1;
  string tag = 2;
}

message MetricInfo {
  MetricName name = 1;
  string display_name = 3;
  string description = 4;
  int32 dataset_type = 5;  // unknown, training, validation
}

message SessionStartInfo {
  map<string, Value> hparams = 1;
  string model_uri = 2;
  string monitor_url = 3;
  string group_name = 4;
  double start_time_secs = 5;
}

message SessionEndInfo {
  int32 status = 1;  // unknown, success, failure, running
  double end_time_secs = 2;
}

message Value {
  oneof kind {
    int32 null_value = 1;
    double number_value = 2;
    string string_value = 3;
    bool bool_value = 4;
    Struct struct_value = 5;
    ListValue list_value = 6;
  }
}

message Struct {
  map<string, Value> fields = 1;
}

message ListValue {
  repeated Value values = 1;
}
`;
