/** Before any snapshot: loading, or how to get one. */
export function EmbeddingEmpty({ loading, running }: { loading: boolean; running: boolean }) {
  if (loading) {
    return (
      <p className="empty" data-testid="projector-empty">
        Loading embeddings…
      </p>
    );
  }
  return (
    <div className="empty" data-testid="projector-empty">
      <h2>No embedding snapshots</h2>
      <p>
        Train with <code>--embeddings-freq 1</code> to record the Embedding layer after every epoch, e.g.{' '}
        <code>npm run train -- --model imdb-conv1d --embeddings-freq 1</code>.
        {running && ' Snapshots of this run appear here as soon as they arrive.'}
      </p>
    </div>
  );
}
