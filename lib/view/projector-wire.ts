import type { EmbeddingSnapshotInfo, Progress, ProjectionMethod, ProjectionStatus, UmapParams } from '../kinds/embedding/meta';

/** The embedding API's answers as the projector page reads them; the shared pieces are the kind's own types. */

export interface EmbeddingList {
  runId: string;
  vocabularySize: number;
  hasSentiment: boolean;
  snapshots: EmbeddingSnapshotInfo[];
}

export interface Projection {
  tag: string;
  step: number;
  method: ProjectionMethod;
  params: UmapParams;
  status: ProjectionStatus;
  progress: Progress | null;
  error: string | null;
  /** Null until a UMAP layout is computed. */
  points: { x: number[]; y: number[] } | null;
  /** One entry per embedding row, in row order. */
  words: string[];
  counts: number[];
  logOdds: number[] | null;
}

export interface WordNeighbor {
  word: string;
  index: number;
  similarity: number;
  count: number;
  logOdds: number | null;
}

export interface NeighborsAnswer {
  tag: string;
  step: number;
  word: string;
  index: number;
  neighbors: WordNeighbor[];
}
