import { TextCard } from './text-card';
import { TextEmpty } from './text-empty';
import { useLiveText } from './use-live-text';
import './text.css';

/** Every text tag of a run, one card each, live. */
export function TextSection({ runId, running }: { runId: string; running: boolean }) {
  const { byTag, loading, loadError } = useLiveText(runId);
  const tags = Object.keys(byTag).sort();
  return (
    <section className="text-section" data-testid="text">
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored text: {loadError}. New steps still appear as they arrive.
        </p>
      )}
      {tags.length === 0 ? (
        <TextEmpty loading={loading && !loadError} running={running} />
      ) : (
        tags.map((tag) => <TextCard key={tag} tag={tag} steps={byTag[tag]} />)
      )}
    </section>
  );
}
