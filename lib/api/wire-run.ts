import { encodeNumber } from '../protocol/wire-number';
import type { RunSummary, ScalarTagInfo } from '../storage/store';
import type { WireLastPoint } from '../kinds/scalar/points';

export type WireRunSummary = Omit<RunSummary, 'lastScalars'> & { lastScalars: Record<string, WireLastPoint> };

export type WireScalarTagInfo = Omit<ScalarTagInfo, 'last'> & { last: WireLastPoint };

export function toWireRun(run: RunSummary): WireRunSummary {
  const lastScalars: Record<string, WireLastPoint> = {};
  for (const [tag, [step, wall, value]] of Object.entries(run.lastScalars)) lastScalars[tag] = [step, wall, encodeNumber(value)];
  return { ...run, lastScalars };
}

export function toWireTag(info: ScalarTagInfo): WireScalarTagInfo {
  const [step, wall, value] = info.last;
  return { ...info, last: [step, wall, encodeNumber(value)] };
}
