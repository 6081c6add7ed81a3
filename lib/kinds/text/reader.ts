import { ApiError } from '../../api/errors';
import { getRunOrThrow } from '../../api/get-run-or-throw';
import type { KindData } from '../kind';
import type { TextSeriesResponse, TextTagInfo } from './meta';
import type { TextTable } from './sqlite-table';

/** The run's text tags, each with the steps it has text at. */
export function readTextTags({ store, tables }: KindData<TextTable>, runId: string): TextTagInfo[] {
  getRunOrThrow(store, runId);
  return tables.listTags(runId);
}

/** Every step's Markdown of one tag, in step order. */
export function readTextSeries({ store, tables }: KindData<TextTable>, runId: string, tag: string): TextSeriesResponse {
  getRunOrThrow(store, runId);
  const steps = tables.read(runId, tag);
  if (!steps) throw new ApiError('not_found', `run "${runId}" has no text tag "${tag}"`);
  return { runId, tag, steps };
}
