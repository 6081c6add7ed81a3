/** The kind name every layer (protocol, storage, API, view) uses for text: TensorBoard's text dashboard. */
export const TEXT_KIND = 'text';

/** Largest Markdown text one step may hold, in characters: a page of tables, not a log file. */
export const MAX_TEXT_LENGTH = 64 * 1024;

/** Largest number of entries one message may carry; the message size limit usually binds first. */
export const MAX_TEXT_ENTRIES = 100;

/** One tag's Markdown at one step, as the trainer logs it and dashboards receive it. */
export interface TextEntry {
  tag: string;
  step: number;
  /** ms since the epoch */
  wallTime: number;
  /** Markdown; dashboards render it with raw HTML off. */
  text: string;
}

/** One step of one tag, as `GET /api/runs/{id}/text/{tag}` lists it. */
export type TextStep = Omit<TextEntry, 'tag'>;

/** A tag of `GET /api/runs/{id}/text`, with the steps it has text at. */
export interface TextTagInfo {
  tag: string;
  steps: number[];
}

export interface TextSeriesResponse {
  runId: string;
  tag: string;
  /** In step order. */
  steps: TextStep[];
}

/** The live push of the entries a message stored; a resent entry is not pushed again. */
export interface TextEvent {
  type: 'text';
  runId: string;
  entries: TextEntry[];
}
