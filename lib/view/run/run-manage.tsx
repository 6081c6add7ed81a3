import { useState } from 'react';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { ConfirmDelete } from './confirm-delete';
import { deleteRun, patchRun } from './run-api';
import '../shared/controls.css';

/** Tags as typed in the box: comma-separated, trimmed, empty ones dropped. */
function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * A document load, not a client navigation: the deletion's own push re-renders this page (the
 * deleted notice) while a client navigation to the list is in flight, and such navigations were
 * seen to stall there (E2E, twice under load).
 */
function leaveForRunList(): void {
  window.location.assign('/');
}

/**
 * The run's name, tags and note, edited in place; archive; and delete, which asks first. Saved
 * changes come back by push, to this page and every other one showing the run.
 */
export function RunManage({ run }: { run: WireRunSummary }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: run.name, tags: run.tags.join(', '), note: run.note });

  const act = (action: Promise<unknown>, after: () => void) => {
    setError(null);
    return action.then(after).catch((e: Error) => setError(e.message));
  };
  const startEditing = () => {
    setDraft({ name: run.name, tags: run.tags.join(', '), note: run.note });
    setEditing(true);
  };

  return (
    <div className="run-manage">
      {!editing && (run.tags.length > 0 || run.note) && (
        <div className="run-annotations">
          {run.tags.map((tag) => (
            <span key={tag} className="tag-chip" data-run-tag={tag}>
              {tag}
            </span>
          ))}
          {run.note && <p className="run-note-full" data-run-note>{run.note}</p>}
        </div>
      )}
      {editing ? (
        <form
          className="run-edit"
          onSubmit={(e) => {
            e.preventDefault();
            act(patchRun(run.id, { name: draft.name, tags: parseTags(draft.tags), note: draft.note }), () => setEditing(false));
          }}
        >
          <label>
            Name <input className="field" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={200} />
          </label>
          <label>
            Tags <input className="field" value={draft.tags} placeholder="baseline, lr-sweep" onChange={(e) => setDraft({ ...draft, tags: e.target.value })} />
          </label>
          <label>
            Note <textarea className="field" value={draft.note} rows={3} maxLength={10_000} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
          </label>
          <span className="run-actions">
            <button type="submit" className="button primary">
              Save
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </span>
        </form>
      ) : (
        <span className="run-actions">
          <button type="button" className="button" onClick={startEditing}>
            Edit name, tags, note
          </button>
          <button type="button" className="button" onClick={() => act(patchRun(run.id, { archived: !run.archived }), () => undefined)}>
            {run.archived ? 'Unarchive' : 'Archive'}
          </button>
          <ConfirmDelete question="Delete this run with all its data and checkpoints? This cannot be undone." onDelete={() => act(deleteRun(run.id), leaveForRunList)} />
        </span>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
