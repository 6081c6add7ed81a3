import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findWord } from '../../../lib/view/embedding/find-word';
import { parseUmapParams } from '../../../lib/view/embedding/parse-umap-params';
import { neighborsApiUrl, projectionApiUrl } from '../../../lib/view/embedding/api-paths';

test('a search finds the exact word first, then one that differs only in case', () => {
  const words = ['<pad>', 'Good', 'good', 'bad', '<b>x</b>'];
  assert.equal(findWord(words, 'good'), 2);
  assert.equal(findWord(words, ' BAD '), 3);
  assert.equal(findWord(words, '<b>x</b>'), 4);
  assert.equal(findWord(words, 'great'), null);
  assert.equal(findWord(words, '   '), null);
});

test('UMAP parameters from the form are checked against the API ranges', () => {
  assert.deepEqual(parseUmapParams({ neighbors: '30', minDist: '0.25' }), { params: { neighbors: 30, minDist: 0.25 }, error: null });
  assert.match(parseUmapParams({ neighbors: '1', minDist: '0.1' }).error ?? '', /neighbours must be 2–200/);
  assert.match(parseUmapParams({ neighbors: '15.5', minDist: '0.1' }).error ?? '', /whole number/);
  assert.match(parseUmapParams({ neighbors: '15', minDist: '2' }).error ?? '', /min distance must be 0–1/);
  assert.match(parseUmapParams({ neighbors: '', minDist: '0.1' }).error ?? '', /both parameters/);
});

test('projection URLs send UMAP parameters only for UMAP; words and tags are encoded', () => {
  const params = { neighbors: 15, minDist: 0.1 };
  assert.equal(projectionApiUrl('r 1', 'embedding', 40, 'pca', params), '/api/runs/r%201/embeddings/40/projection?method=pca&tag=embedding');
  assert.equal(
    projectionApiUrl('r1', 'embedding', 40, 'umap', params),
    '/api/runs/r1/embeddings/40/projection?method=umap&tag=embedding&neighbors=15&minDist=0.1',
  );
  assert.equal(neighborsApiUrl('r1', 'emb', 2, 'a&b=c', 10), '/api/runs/r1/embeddings/2/neighbors?word=a%26b%3Dc&k=10&tag=emb');
});
