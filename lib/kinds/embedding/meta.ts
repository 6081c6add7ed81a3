/** The kind name every layer (protocol, storage, API, view) uses for embedding snapshots. */
export const EMBEDDING_KIND = 'embedding';

/** Keras' max_features are thousands; a word2vec-sized table still fits, a runaway one does not. */
export const MAX_EMBEDDING_ROWS = 200_000;
export const MAX_EMBEDDING_DIM = 4096;
/** 64 MiB of float32: the whole matrix is read into memory for a projection. */
export const MAX_EMBEDDING_VALUES = 1 << 24;

/**
 * Raw bytes per chunk message: base64 makes them 4/3 larger, which leaves a 1 MiB message
 * room to spare. The client aims at a quarter of it so a resend burst stays small.
 */
export const MAX_CHUNK_BYTES = 512 * 1024;
export const TARGET_CHUNK_BYTES = 256 * 1024;

/** Rows per chunk for a matrix of `dim` columns: at least one, about TARGET_CHUNK_BYTES each. */
export function chunkRowsFor(dim: number): number {
  return Math.max(1, Math.floor(TARGET_CHUNK_BYTES / (dim * 4)));
}

/** A complete snapshot as listed by the API and pushed live. */
export interface EmbeddingSnapshotInfo {
  tag: string;
  step: number;
  /** The 1-based epoch the snapshot closed, or null. */
  epoch: number | null;
  rows: number;
  dim: number;
  /** Wall time in ms since the epoch. */
  wallTime: number;
}

/** Rows [rowOffset, rowOffset + chunkRows) of one snapshot, decoded. */
export interface EmbeddingChunk extends EmbeddingSnapshotInfo {
  rowOffset: number;
  chunkRows: number;
  values: Float32Array;
}

export interface EmbeddingMatrix {
  info: EmbeddingSnapshotInfo;
  /** rows x dim, row-major. */
  matrix: Float32Array;
}

export type ProjectionMethod = 'umap' | 'pca';
export type ProjectionStatus = 'ready' | 'queued' | 'running' | 'failed';

export interface UmapParams {
  neighbors: number;
  minDist: number;
}

/** umap-js' defaults; layouts with these are computed for every snapshot without being asked. */
export const DEFAULT_UMAP_PARAMS: UmapParams = { neighbors: 15, minDist: 0.1 };

/** The cache key of one parameter set; two requests for the same numbers share one layout. */
export function paramsKey(params: UmapParams): string {
  return `n=${params.neighbors};d=${params.minDist}`;
}

export function isDefaultParams(params: UmapParams): boolean {
  return paramsKey(params) === paramsKey(DEFAULT_UMAP_PARAMS);
}

export interface Progress {
  done: number;
  total: number;
}

/** A cached projection: its layout (rows x 2) or why it could not be computed. */
export type StoredProjection = { status: 'ready'; layout: Float32Array } | { status: 'failed'; error: string };

/** Live push as a UMAP job is queued, progresses, finishes or fails. */
export interface ProjectionEvent {
  type: 'projection';
  runId: string;
  tag: string;
  step: number;
  method: 'umap';
  params: UmapParams;
  status: ProjectionStatus;
  progress: Progress | null;
  error: string | null;
}

/** Live push when a snapshot completes: every complete snapshot of the run. */
export interface EmbeddingsEvent {
  type: 'embeddings';
  runId: string;
  snapshots: EmbeddingSnapshotInfo[];
}
