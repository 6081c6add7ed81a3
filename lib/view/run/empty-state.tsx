import './run-list.css';

export function EmptyState() {
  return (
    <div className="empty" data-testid="empty-runs">
      <h2>No runs yet</h2>
      <p>Start a training run in another terminal; it appears here as soon as it logs, and its charts fill in live.</p>
      <pre className="code">npm run train -- --model imdb-conv1d</pre>
      <p className="muted">
        Any script can log too: <code>new Run(&#123; server, name &#125;)</code> from <code>lib/client</code>, then{' '}
        <code>run.log(&#123; &apos;batch/loss&apos;: 0.42 &#125;, step)</code> and <code>await run.finish()</code>.
      </p>
    </div>
  );
}
