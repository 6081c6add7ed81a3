import '../shared/controls.css';

import { useState } from 'react';

/** "Delete…", then the question and a second, explicit Delete: nothing is deleted on one click. */
export function ConfirmDelete({ question, onDelete }: { question: string; onDelete: () => Promise<unknown> }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        Delete…
      </button>
    );
  }
  return (
    <span className="confirm" role="alertdialog" aria-label="Confirm delete">
      {question}
      <button type="button" className="button primary danger" data-confirm-delete onClick={() => onDelete().finally(() => setConfirming(false))}>
        Delete
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
