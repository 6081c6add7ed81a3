import { csvNumber } from '../kinds/scalar/csv-number';
import { encodeNumber } from '../protocol/wire-number';
import type { TimedScalarColumn } from './scalar-column';

/**
 * Every point of the selected runs' scalars in one file, as CSV (`run,tag,step,wall_time,value`)
 * or JSON. Both come as chunks, one per run and tag, for `new Blob([...chunks])`: 50 runs of
 * 100,000 points make a file too large for one string.
 *
 * - `wall_time` is in seconds and values read as TensorBoard's CSV writes them (`nan`, `inf`,
 *   `-inf`), as in the per-series CSV of lib/kinds/scalar/reader.ts.
 * - `run` is the run's name, which a reader recognises, where ids are often UUIDs; when two exported
 *   runs share a name each becomes `name (id)` so that their rows stay apart.
 * - A CSV field holding a comma, a quote or a line break is quoted (RFC 4180).
 * - JSON has points as `[wall_time, step, value]`, the API's tuple order, with non-finite values as
 *   the strings "NaN", "Infinity", "-Infinity" (lib/protocol/wire-number.ts).
 */
export interface ExportRun {
  id: string;
  name: string;
  columns: readonly TimedScalarColumn[];
}

const CSV_HEADER = 'run,tag,step,wall_time,value\n';

function runLabels(runs: readonly ExportRun[]): string[] {
  const uses = new Map<string, number>();
  for (const run of runs) uses.set(run.name, (uses.get(run.name) ?? 0) + 1);
  return runs.map((run) => (uses.get(run.name)! > 1 ? `${run.name} (${run.id})` : run.name));
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function* scalarsCsvChunks(runs: readonly ExportRun[]): Generator<string> {
  yield CSV_HEADER;
  const labels = runLabels(runs);
  for (let r = 0; r < runs.length; r++) {
    for (const { tag, steps, wallTimes, values } of runs[r].columns) {
      const prefix = `${csvField(labels[r])},${csvField(tag)},`;
      let chunk = '';
      for (let i = 0; i < steps.length; i++) chunk += `${prefix}${steps[i]},${wallTimes[i] / 1000},${csvNumber(values[i])}\n`;
      yield chunk;
    }
  }
}

export function* scalarsJsonChunks(runs: readonly ExportRun[]): Generator<string> {
  yield '{"runs":[';
  for (let r = 0; r < runs.length; r++) {
    const { id, name, columns } = runs[r];
    yield `${r > 0 ? ',' : ''}{"id":${JSON.stringify(id)},"name":${JSON.stringify(name)},"scalars":{`;
    for (let c = 0; c < columns.length; c++) {
      const { tag, steps, wallTimes, values } = columns[c];
      const points: string[] = [];
      for (let i = 0; i < steps.length; i++) points.push(JSON.stringify([wallTimes[i] / 1000, steps[i], encodeNumber(values[i])]));
      yield `${c > 0 ? ',' : ''}${JSON.stringify(tag)}:[${points.join(',')}]`;
    }
    yield '}}';
  }
  yield ']}\n';
}
