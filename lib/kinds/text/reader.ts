import { getRunOrThrow } from '../../api/get-run-or-throw';
import { getTagOrThrow } from '../../api/get-tag-or-throw';
import type { KindData } from '../kind';
import { TEXT_KIND, type TextSeriesResponse, type TextTagInfo } from './meta';
import type { TextTable } from './sqlite-table';

/** The run's text tags, each with the steps it has text at. */
export function readTextTags({ store, tables }: KindData<TextTable>, runId: string): TextTagInfo[] {
  getRunOrThrow(store, runId);
  return tables.listTags(runId);
}

/** Every step's Markdown of one tag, in step order. */
export function readTextSeries({ store, tables }: KindData<TextTable>, runId: string, tag: string): TextSeriesResponse {
  const steps = getTagOrThrow(store, runId, TEXT_KIND, tag, () => tables.read(runId, tag));
  return { runId, tag, steps };
}
