import { ViewEmpty } from '../shared/view-empty';

/** Before any snapshot: loading, or how to get one. */
export function EmbeddingEmpty({ loading, running }: { loading: boolean; running: boolean }) {
  return (
    <ViewEmpty testId="projector-empty" loading={loading} loadingText="Loading embeddings…" title="No embedding snapshots">
      Train with <code>--embeddings-freq 1</code> to record the Embedding layer after every epoch, e.g.{' '}
      <code>npm run train -- --model imdb-conv1d --embeddings-freq 1</code>.
      {running && ' Snapshots of this run appear here as soon as they arrive.'}
    </ViewEmpty>
  );
}
