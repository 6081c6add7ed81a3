import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestMessageSchema } from '../../../lib/app-context';
import { embeddingChunks } from '../../../lib/kinds/embedding/writer';
import { toEmbeddingChunk } from '../../../lib/kinds/embedding/schema';
import { MAX_MESSAGE_BYTES } from '../../../lib/protocol/version';

const rows = 5;
const dim = 3;
const matrix = Float32Array.from({ length: rows * dim }, (_, i) => i / 7 - 1);

function message(extra: Record<string, unknown> = {}) {
  const [chunk] = embeddingChunks('embedding', matrix, rows, dim, 8, 1, 1000);
  return { v: 1, seq: 4, type: 'embedding', runId: 'run-1', ...chunk, ...extra };
}

const base64Of = (values: number[]) => Buffer.from(Float32Array.from(values).buffer).toString('base64');

function issues(input: unknown): string {
  const parsed = ingestMessageSchema.safeParse(input);
  assert.equal(parsed.success, false, 'the message must be refused');
  return parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

test('a chunk from the writer validates and decodes to the same float32 values', () => {
  const parsed = ingestMessageSchema.parse(message());
  assert.equal(parsed.type, 'embedding');
  const chunk = toEmbeddingChunk(parsed as Extract<typeof parsed, { type: 'embedding' }>);
  assert.deepEqual([chunk.rowOffset, chunk.chunkRows, chunk.rows, chunk.dim, chunk.epoch], [0, 5, 5, 3, 1]);
  assert.deepEqual(Array.from(chunk.values), Array.from(matrix));
});

test('the writer splits a Keras-sized matrix into chunks that each fit a message', () => {
  const big = new Float32Array(2000 * 128).map((_, i) => Math.sin(i));
  const chunks = embeddingChunks('embedding', big, 2000, 128, 40, 2, 1);
  assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
  let next = 0;
  for (const chunk of chunks) {
    assert.equal(chunk.rowOffset, next);
    next += chunk.chunkRows;
    const text = JSON.stringify({ v: 1, seq: 1, type: 'embedding', runId: 'r', ...chunk });
    assert.ok(text.length < MAX_MESSAGE_BYTES / 2, `${text.length} bytes`);
    assert.ok(ingestMessageSchema.safeParse(JSON.parse(text)).success);
  }
  assert.equal(next, 2000);
  assert.throws(() => embeddingChunks('embedding', big, 2000, 127, 40, 2, 1), /not 2000 x 127/);
});

const refused: [string, Record<string, unknown>, RegExp][] = [
  ['base64 with foreign characters', { values: '!!!!' + message().values.slice(4) }, /values: values must be standard padded base64/],
  ['unpadded base64', { values: message().values.slice(0, -1) }, /values: values must be standard padded base64/],
  ['too few bytes for chunkRows x dim', { chunkRows: 4, values: base64Of(Array(4 * 3 - 1).fill(0)) }, /values: values decode to 44 bytes, expected chunkRows x dim x 4 = 48/],
  ['more rows than the matrix has', { rowOffset: 3 }, /chunkRows: rows 3-7 lie beyond the matrix's 5 rows/],
  ['a NaN value', { values: base64Of([0, 1, 2, 3, NaN, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) }, /values: embedding values must be finite: row 1, column 1 is NaN/],
  ['an infinite value', { values: base64Of([...Array(14).fill(0), -Infinity]) }, /row 4, column 2 is -Infinity/],
  ['a matrix over the size cap', { rows: 100_000, dim: 4096 }, /rows: rows x dim must be at most 16777216 values/],
  ['too many rows', { rows: 10_000_000 }, /rows: Too big: expected number to be <=200000/],
  ['a dim of zero', { dim: 0 }, /dim: Too small: expected number to be >=1/],
  ['a chunk over the byte cap', { rows: 2000, dim: 128, chunkRows: 1500 }, /chunkRows: a chunk may carry at most 524288 bytes/],
  ['a fractional step', { step: 1.5 }, /step: /],
  ['an epoch of zero', { epoch: 0 }, /epoch: /],
  ['a bad tag', { tag: 'emb<script>' }, /tag: /],
  ['values that are not a string', { values: [1, 2, 3] }, /values: Invalid input: expected string/],
  ['an oversized values string', { values: 'A'.repeat(800_000) }, /values: Too big: expected string/],
];

for (const [name, extra, pattern] of refused) {
  test(`refuses ${name} with a clear message`, () => {
    assert.match(issues(message(extra)), pattern);
  });
}
