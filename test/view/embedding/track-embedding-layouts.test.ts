import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProjectionEvent } from '../../../lib/kinds/embedding/meta';
import {
  type LayoutAction,
  type LayoutRequest,
  type Layouts,
  layoutKey,
  layoutsReducer,
  needsFetch,
  NO_LAYOUTS,
  shownLayout,
  umapNote,
} from '../../../lib/view/embedding/layouts';
import type { ProjectionResponse as Projection } from '../../../lib/kinds/embedding/read-projection';

const params = { neighbors: 15, minDist: 0.1 };
const umap: LayoutRequest = { tag: 'embedding', step: 40, method: 'umap', params };
const pca: LayoutRequest = { ...umap, method: 'pca' };
const points = { x: [0, 1], y: [1, 0] };

function answer(method: 'umap' | 'pca', status: Projection['status'], extra: Partial<Projection> = {}): Projection {
  return {
    tag: 'embedding',
    step: 40,
    method,
    params,
    status,
    progress: null,
    error: null,
    points: status === 'ready' ? points : null,
    words: ['good', 'bad'],
    counts: [3, 2],
    logOdds: [0.7, -0.9],
    ...extra,
  };
}

function push(status: ProjectionEvent['status'], progress: ProjectionEvent['progress'], error: string | null = null): LayoutAction {
  return { type: 'pushed', event: { type: 'projection', runId: 'r', tag: 'embedding', step: 40, method: 'umap', params, status, progress, error } };
}

const run = (...actions: LayoutAction[]): Layouts => actions.reduce(layoutsReducer, NO_LAYOUTS);

test('PCA keys ignore the UMAP parameters; UMAP keys do not', () => {
  assert.equal(layoutKey(pca), layoutKey({ ...pca, params: { neighbors: 50, minDist: 0.5 } }));
  assert.notEqual(layoutKey(umap), layoutKey({ ...umap, params: { neighbors: 50, minDist: 0.1 } }));
  assert.notEqual(layoutKey(umap), layoutKey(pca));
});

test('PCA shows at once while UMAP goes queued → running with progress → ready', () => {
  const u = layoutKey(umap);
  const p = layoutKey(pca);
  let state = run({ type: 'requested', key: p }, { type: 'requested', key: u });
  assert.deepEqual(shownLayout(state.entries[p], state.entries[u]).method, null);
  assert.equal(needsFetch(state.entries[u]), false, 'a request in flight is not asked for again');

  state = run({ type: 'requested', key: p }, { type: 'requested', key: u }, { type: 'answered', key: p, projection: answer('pca', 'ready') });
  state = layoutsReducer(state, { type: 'answered', key: u, projection: answer('umap', 'queued') });
  let shown = shownLayout(state.entries[p], state.entries[u]);
  assert.equal(shown.method, 'pca');
  assert.equal(shown.note, 'UMAP queued…');
  assert.deepEqual(state.labels.embedding.words, ['good', 'bad']);

  state = layoutsReducer(state, push('running', { done: 120, total: 500 }));
  shown = shownLayout(state.entries[p], state.entries[u]);
  assert.equal(shown.note, 'UMAP 120/500 epochs…');

  state = layoutsReducer(state, push('ready', { done: 500, total: 500 }));
  assert.equal(needsFetch(state.entries[u]), true, 'ready without points: fetch the layout now');
  state = layoutsReducer(state, { type: 'answered', key: u, projection: answer('umap', 'ready') });
  shown = shownLayout(state.entries[p], state.entries[u]);
  assert.equal(shown.method, 'umap');
  assert.equal(shown.note, null);
  assert.equal(needsFetch(state.entries[u]), false);
});

test('a 202 that arrives after the "ready" push does not undo it', () => {
  const u = layoutKey(umap);
  const state = run({ type: 'requested', key: u }, push('ready', { done: 500, total: 500 }), {
    type: 'answered',
    key: u,
    projection: answer('umap', 'running', { progress: { done: 10, total: 500 } }),
  });
  assert.equal(state.entries[u].status, 'ready');
  assert.equal(needsFetch(state.entries[u]), true);
});

test('pushes for layouts this page never asked for are ignored', () => {
  const state = run(push('running', { done: 1, total: 500 }));
  assert.deepEqual(state.entries, {});
});

test('a failed UMAP keeps PCA up and says why', () => {
  const u = layoutKey(umap);
  const p = layoutKey(pca);
  const state = run(
    { type: 'requested', key: u },
    { type: 'answered', key: p, projection: answer('pca', 'ready') },
    push('failed', null, 'out of memory'),
  );
  const shown = shownLayout(state.entries[p], state.entries[u]);
  assert.equal(shown.method, 'pca');
  assert.equal(shown.failed, true);
  assert.equal(shown.note, 'UMAP failed: out of memory');
});

test('a fetch that fails marks the layout failed with the API message', () => {
  const u = layoutKey(umap);
  const state = run({ type: 'requested', key: u }, { type: 'fetchFailed', key: u, message: 'no step 40' });
  assert.equal(umapNote(state.entries[u]), 'UMAP failed: no step 40');
});

test('after a reconnect, layouts without points are asked for again and finished ones are kept', () => {
  const u = layoutKey(umap);
  const p = layoutKey(pca);
  const state = run(
    { type: 'requested', key: u },
    { type: 'answered', key: p, projection: answer('pca', 'ready') },
    push('running', { done: 3, total: 500 }),
    { type: 'stale' },
  );
  assert.equal(needsFetch(state.entries[u]), true);
  assert.equal(needsFetch(state.entries[p]), false);
});

test('the words are kept while answers repeat them, and replaced when a vocabulary arrives later', () => {
  const u = layoutKey(umap);
  const p = layoutKey(pca);
  const placeholders = { words: ['#0', '#1'], counts: [0, 0], logOdds: null };
  let state = run({ type: 'answered', key: p, projection: answer('pca', 'ready', placeholders) });
  const held = state.labels.embedding;
  state = layoutsReducer(state, { type: 'answered', key: u, projection: answer('umap', 'queued', placeholders) });
  assert.equal(state.labels.embedding, held);
  // A vocabulary without review counts: only the words and counts tell it apart.
  state = layoutsReducer(state, { type: 'answered', key: u, projection: answer('umap', 'ready', { logOdds: null }) });
  assert.deepEqual(state.labels.embedding, { words: ['good', 'bad'], counts: [3, 2], logOdds: null });
});
