import { getRunOrThrow } from '../../api/get-run-or-throw';
import { encodeNumber } from '../../protocol/wire-number';
import type { RunRecord } from '../../storage/store';
import type { KindData } from '../kind';
import type { LastPoint, WireLastPoint } from './points';
import type { ScalarTable } from './sqlite-table';

/** A run as the run list shows it: its record and the latest point of each scalar tag. */
export interface RunSummary extends RunRecord {
  lastScalars: Record<string, LastPoint>;
}

export type WireRunSummary = Omit<RunSummary, 'lastScalars'> & { lastScalars: Record<string, WireLastPoint> };

export function toWireLastPoint([step, wallTime, value]: LastPoint): WireLastPoint {
  return [step, wallTime, encodeNumber(value)];
}

export function toWireRun(run: RunSummary): WireRunSummary {
  const lastScalars: Record<string, WireLastPoint> = {};
  for (const [tag, last] of Object.entries(run.lastScalars)) lastScalars[tag] = toWireLastPoint(last);
  return { ...run, lastScalars };
}

function summarise(tables: ScalarTable, run: RunRecord): RunSummary {
  const lastScalars: Record<string, LastPoint> = {};
  for (const t of tables.listTags(run.id)) lastScalars[t.tag] = t.last;
  return { ...run, lastScalars };
}

/** Every run, newest first, with its latest values. */
export function readRunSummaries({ store, tables }: KindData<ScalarTable>): RunSummary[] {
  const lastPoints = tables.lastPointsByRun();
  return store.listRuns().map((run) => ({ ...run, lastScalars: lastPoints.get(run.id) ?? {} }));
}

/** One run with its latest values, or null when there is no such run. */
export function findRunSummary({ store, tables }: KindData<ScalarTable>, runId: string): RunSummary | null {
  const run = store.getRun(runId);
  return run && summarise(tables, run);
}

/** One run with its latest values; not_found when there is no such run. */
export function readRunSummary({ store, tables }: KindData<ScalarTable>, runId: string): RunSummary {
  return summarise(tables, getRunOrThrow(store, runId));
}
