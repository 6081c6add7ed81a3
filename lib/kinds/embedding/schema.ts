import { z } from 'zod';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { tagSchema } from '../../protocol/tag-schema';
import { TIMESTAMP_RULE, isTimestampMs } from '../../protocol/timestamp';
import { decodeBase64, float32FromBytes } from './float32-base64';
import { EmbeddingChunk, MAX_CHUNK_BYTES, MAX_EMBEDDING_DIM, MAX_EMBEDDING_ROWS, MAX_EMBEDDING_VALUES } from './meta';
import { vocabularySchema } from './vocabulary-schema';

const count = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * One chunk of rows of one embedding snapshot. A matrix is larger than a message may be,
 * so the trainer sends it as consecutive row ranges of the same (tag, step).
 */
const embeddingChunkFields = {
  tag: tagSchema.describe("The Embedding layer's name"),
  step: z.number().int().nonnegative().describe('Global batch count when the snapshot was taken'),
  epoch: z.number().int().min(1).nullable().describe('The 1-based epoch the snapshot closed, or null'),
  wallTime: z.number().refine(isTimestampMs, TIMESTAMP_RULE),
  rows: count(1, MAX_EMBEDDING_ROWS).describe('Rows of the whole matrix (Keras input_dim)'),
  dim: count(1, MAX_EMBEDDING_DIM).describe('Columns (Keras output_dim)'),
  rowOffset: z.number().int().nonnegative().describe('First row this chunk carries'),
  chunkRows: count(1, MAX_EMBEDDING_ROWS).describe('Rows this chunk carries'),
  values: z
    .string()
    .max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4)
    .describe('chunkRows x dim float32, row-major, little-endian, base64'),
};

const wireChunkSchema = kindMessageSchema('embedding', embeddingChunkFields);
type WireChunk = z.infer<typeof wireChunkSchema>;

/** Which value is the first non-finite one, as "row r, column c is NaN", or null when all are finite. */
function firstNonFinite(values: Float32Array, rowOffset: number, dim: number): string | null {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return `row ${rowOffset + Math.floor(i / dim)}, column ${i % dim} is ${values[i]}`;
  }
  return null;
}

/**
 * Sizes must agree with each other and with the decoded bytes; the values must be finite. The
 * base64 is decoded here, once: the message that comes out carries the floats themselves.
 */
function decodeChunk(c: WireChunk, ctx: z.RefinementCtx): Omit<WireChunk, 'values'> & { values: Float32Array } {
  const issue = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message });
    return z.NEVER;
  };
  if (c.rows * c.dim > MAX_EMBEDDING_VALUES) return issue('rows', `rows x dim must be at most ${MAX_EMBEDDING_VALUES} values, got ${c.rows} x ${c.dim}`);
  if (c.rowOffset + c.chunkRows > c.rows) return issue('chunkRows', `rows ${c.rowOffset}-${c.rowOffset + c.chunkRows - 1} lie beyond the matrix's ${c.rows} rows`);
  const expected = c.chunkRows * c.dim * 4;
  if (expected > MAX_CHUNK_BYTES) return issue('chunkRows', `a chunk may carry at most ${MAX_CHUNK_BYTES} bytes, ${c.chunkRows} rows x ${c.dim} x 4 is ${expected}`);
  const bytes = decodeBase64(c.values);
  if (!bytes) return issue('values', 'values must be standard padded base64');
  if (bytes.length !== expected) return issue('values', `values decode to ${bytes.length} bytes, expected chunkRows x dim x 4 = ${expected}`);
  const values = float32FromBytes(bytes);
  const bad = firstNonFinite(values, c.rowOffset, c.dim);
  if (bad) return issue('values', `embedding values must be finite: ${bad}`);
  return { ...c, values };
}

/** One chunk of rows of an embedding snapshot (a whole matrix exceeds the message limit), decoded. */
export const embeddingMessageSchema = wireChunkSchema.transform(decodeChunk);
export type EmbeddingMessage = z.output<typeof embeddingMessageSchema>;

/** The run's tokenizer, index → word, with the corpus counts the projector colours by. */
export const vocabularyMessageSchema = kindMessageSchema('vocabulary', { vocabulary: vocabularySchema });
export type VocabularyMessage = z.infer<typeof vocabularyMessageSchema>;

/** The chunk a decoded message carries. */
export function toEmbeddingChunk({ v: _v, seq: _seq, type: _type, runId: _runId, ...chunk }: EmbeddingMessage): EmbeddingChunk {
  return chunk;
}
