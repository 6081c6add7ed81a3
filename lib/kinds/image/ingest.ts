import type { IngestContext } from '../kind';
import type { ImagesEvent } from './meta';
import type { ImagesMessage } from './schema';
import type { ImageTable } from './sqlite-table';

/** Stores images once per (run, tag, step, sample), the last written winning, and pushes what arrived (not the bytes). */
export function ingestImages({ runId, images }: ImagesMessage, { store, tables, live }: IngestContext<ImageTable, ImagesEvent>): void {
  store.transaction(() => {
    tables.write(runId, images);
    store.touchRun(runId, Math.max(...images.map((i) => i.wallTime)));
  });
  live.push({ type: 'images', runId, images: images.map(({ data: _data, ...info }) => info) });
}
