import { encodeFloat32 } from './float32-base64';
import { chunkRowsFor } from './meta';

/** One `embedding` message's fields after `type` and `runId`. */
export interface WireEmbeddingChunk {
  tag: string;
  step: number;
  epoch: number | null;
  wallTime: number;
  rows: number;
  dim: number;
  rowOffset: number;
  chunkRows: number;
  values: string;
}

/**
 * Splits a rows x dim matrix into messages of consecutive rows, encoded now so that training
 * may go on changing the weights while the chunks wait to be sent.
 */
export function embeddingChunks(tag: string, matrix: Float32Array, rows: number, dim: number, step: number, epoch: number | null, wallTime: number): WireEmbeddingChunk[] {
  if (matrix.length !== rows * dim) throw new Error(`embedding "${tag}" has ${matrix.length} values, not ${rows} x ${dim}`);
  const perChunk = chunkRowsFor(dim);
  const chunks: WireEmbeddingChunk[] = [];
  for (let rowOffset = 0; rowOffset < rows; rowOffset += perChunk) {
    const chunkRows = Math.min(perChunk, rows - rowOffset);
    const values = encodeFloat32(matrix.subarray(rowOffset * dim, (rowOffset + chunkRows) * dim));
    chunks.push({ tag, step, epoch, wallTime, rows, dim, rowOffset, chunkRows, values });
  }
  return chunks;
}
