/**
 * The hparams plugin's three summaries (plugin_data.proto): the experiment (declared hparams and
 * metrics), a session's start (its hparam values: the run's config) and its end (status).
 */
import { decodeAs, HParamsPluginDataType, type HParamsPluginDataMessage, type StructValueMessage } from './proto/messages';
import type { At, HParamsEndRecord, HParamsExperimentRecord, HParamsRecord, HParamValue } from './records';

const HPARAM_TYPES = ['unset', 'string', 'bool', 'float64'] as const;
const DATASETS = ['unknown', 'training', 'validation'] as const;
const STATUSES = ['unknown', 'success', 'failure', 'running'] as const;

/** A google.protobuf.Value; lists and structs (never written by the hparams API) become JSON text. */
function plainValue(v: StructValueMessage): HParamValue {
  switch (v.kind) {
    case 'numberValue':
      return v.numberValue ?? 0;
    case 'stringValue':
      return v.stringValue ?? '';
    case 'boolValue':
      return v.boolValue ?? false;
    case 'structValue':
      return JSON.stringify(Object.fromEntries(Object.entries(v.structValue?.fields ?? {}).map(([k, f]) => [k, plainValue(f)])));
    case 'listValue':
      return JSON.stringify((v.listValue?.values ?? []).map(plainValue));
    default:
      return null;
  }
}

function pick<T extends readonly string[]>(names: T, i: number | undefined): T[number] {
  return names[i ?? 0] ?? names[0];
}

export type HParamsPart = HParamsRecord | HParamsExperimentRecord | HParamsEndRecord;

/** The record a hparams summary carries, or an error message when its content is unreadable. */
export function decodeHParams(content: Uint8Array, at: At): HParamsPart | string {
  let data: HParamsPluginDataMessage;
  try {
    data = decodeAs<HParamsPluginDataMessage>(HParamsPluginDataType, content);
  } catch (err) {
    return `hparams content is not HParamsPluginData: ${(err as Error).message}`;
  }
  if (data.data === 'sessionStartInfo' && data.sessionStartInfo) {
    const s = data.sessionStartInfo;
    const hparams = Object.fromEntries(Object.entries(s.hparams ?? {}).map(([k, v]) => [k, plainValue(v)]));
    return { kind: 'hparams', ...at, hparams, group: s.groupName ?? '' };
  }
  if (data.data === 'experiment' && data.experiment) {
    const e = data.experiment;
    return {
      kind: 'hparams-experiment',
      ...at,
      hparams: e.hparamInfos.map((h) => ({ name: h.name ?? '', displayName: h.displayName ?? '', type: pick(HPARAM_TYPES, h.type) })),
      metrics: e.metricInfos.map((m) => ({
        tag: m.name?.tag ?? '',
        group: m.name?.group ?? '',
        displayName: m.displayName ?? '',
        dataset: pick(DATASETS, m.datasetType),
      })),
    };
  }
  if (data.data === 'sessionEndInfo' && data.sessionEndInfo) return { kind: 'hparams-end', ...at, status: pick(STATUSES, data.sessionEndInfo.status) };
  return 'hparams content holds none of experiment, session_start_info, session_end_info';
}
