import { type ExportRun, scalarsCsvChunks, scalarsJsonChunks } from '../../compare/export';
import type { ScalarSeriesResponse, WireScalarTagInfo } from '../../kinds/scalar/reader';
import { decodeNumber } from '../../protocol/wire-number';
import { scalarTagsApiUrl, seriesApiUrl } from '../scalar/api-paths';
import { fetchJson } from '../shared/fetch-json';
import { RequestQueue } from './request-queue';
import { MAX_REQUESTS } from './resolution';

/** The API's largest max_points: an export has every point, not what the charts hold. */
const EVERY_POINT = 10_000_000;

async function readRun(queue: RequestQueue, id: string, name: string): Promise<ExportRun> {
  const tags = await queue.run(0, () => fetchJson<WireScalarTagInfo[]>(scalarTagsApiUrl(id)));
  const columns = await Promise.all(
    tags.map(({ tag }) =>
      queue.run(1, async () => {
        const { points } = await fetchJson<ScalarSeriesResponse>(seriesApiUrl(id, tag, EVERY_POINT));
        return { tag, steps: points.map((p) => p[1]), wallTimes: points.map((p) => p[0] * 1000), values: points.map((p) => decodeNumber(p[2])) };
      }),
    ),
  );
  return { id, name, columns };
}

/** Every stored point of the runs' scalars, in one CSV (`run,tag,step,wall_time,value`) or JSON file. */
export async function exportScalars(runs: readonly { id: string; name: string }[], format: 'csv' | 'json'): Promise<void> {
  const queue = new RequestQueue(MAX_REQUESTS);
  const read = await Promise.all(runs.map((run) => readRun(queue, run.id, run.name)));
  const chunks = format === 'csv' ? scalarsCsvChunks(read) : scalarsJsonChunks(read);
  const blob = new Blob([...chunks], { type: format === 'csv' ? 'text/csv' : 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `scalars-${runs.length}-runs.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
