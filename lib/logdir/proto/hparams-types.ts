/**
 * The hparams plugin's content, from the field numbers in tensorboard/plugins/hparams/
 * {plugin_data,api}.proto, and google.protobuf.Value (struct.proto) that holds each value.
 */
import type { INamespace } from 'protobufjs';
import { stringMap } from './field-helpers';

export const hparamsTypes: INamespace['nested'] = {
  HParamsPluginData: {
    oneofs: { data: { oneof: ['experiment', 'sessionStartInfo', 'sessionEndInfo'] } },
    fields: {
      version: { type: 'int32', id: 1 },
      experiment: { type: 'Experiment', id: 2 },
      sessionStartInfo: { type: 'SessionStartInfo', id: 3 },
      sessionEndInfo: { type: 'SessionEndInfo', id: 4 },
    },
  },
  Experiment: {
    fields: {
      description: { type: 'string', id: 1 },
      timeCreatedSecs: { type: 'double', id: 3 },
      hparamInfos: { rule: 'repeated', type: 'HParamInfo', id: 4 },
      metricInfos: { rule: 'repeated', type: 'MetricInfo', id: 5 },
      name: { type: 'string', id: 6 },
    },
  },
  HParamInfo: {
    oneofs: { domain: { oneof: ['domainDiscrete', 'domainInterval'] } },
    fields: {
      name: { type: 'string', id: 1 },
      displayName: { type: 'string', id: 2 },
      description: { type: 'string', id: 3 },
      type: { type: 'int32', id: 4 },
      domainDiscrete: { type: 'ListValue', id: 5 },
      domainInterval: { type: 'Interval', id: 6 },
    },
  },
  Interval: { fields: { minValue: { type: 'double', id: 1 }, maxValue: { type: 'double', id: 2 } } },
  MetricName: { fields: { group: { type: 'string', id: 1 }, tag: { type: 'string', id: 2 } } },
  MetricInfo: {
    fields: {
      name: { type: 'MetricName', id: 1 },
      displayName: { type: 'string', id: 3 },
      description: { type: 'string', id: 4 },
      datasetType: { type: 'int32', id: 5 },
    },
  },
  SessionStartInfo: {
    fields: {
      hparams: stringMap('Value', 1),
      modelUri: { type: 'string', id: 2 },
      monitorUrl: { type: 'string', id: 3 },
      groupName: { type: 'string', id: 4 },
      startTimeSecs: { type: 'double', id: 5 },
    },
  },
  SessionEndInfo: { fields: { status: { type: 'int32', id: 1 }, endTimeSecs: { type: 'double', id: 2 } } },
  Value: {
    oneofs: { kind: { oneof: ['nullValue', 'numberValue', 'stringValue', 'boolValue', 'structValue', 'listValue'] } },
    fields: {
      nullValue: { type: 'int32', id: 1 },
      numberValue: { type: 'double', id: 2 },
      stringValue: { type: 'string', id: 3 },
      boolValue: { type: 'bool', id: 4 },
      structValue: { type: 'Struct', id: 5 },
      listValue: { type: 'ListValue', id: 6 },
    },
  },
  Struct: { fields: { fields: stringMap('Value', 1) } },
  ListValue: { fields: { values: { rule: 'repeated', type: 'Value', id: 1 } } },
};
