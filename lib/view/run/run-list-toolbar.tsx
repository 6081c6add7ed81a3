import Link from 'next/link';
import type { RunFilterResult } from '../../compare/run-filter';
import type { StatusFilter } from './run-filters';
import '../shared/controls.css';

/** What the user set above the list; the filter box's text is parsed apart (see RunListToolbarProps.filter). */
export interface RunListChoice {
  text: string;
  status: StatusFilter;
  showArchived: boolean;
}

export interface RunListToolbarProps {
  choice: RunListChoice;
  onChoice: (choice: RunListChoice) => void;
  filter: RunFilterResult;
  /** The statuses the runs have, so the choice never offers one that matches nothing. */
  statuses: readonly string[];
  shown: number;
  total: number;
  /** Selected runs, in list order: what Compare opens. */
  selected: readonly string[];
  children?: React.ReactNode;
}

export function comparePath(runIds: readonly string[]): string {
  return `/compare?runs=${runIds.map(encodeURIComponent).join(',')}`;
}

/**
 * The run list's filter box (free text, /regex/, and key=value or key>value over config and last
 * metrics), status and archive filters, and Compare for the selected runs. A filter that does not
 * parse says where, under the box, and the list stays as it was.
 */
export function RunListToolbar({ choice, onChoice, filter, statuses, shown, total, selected, children }: RunListToolbarProps) {
  return (
    <div className="run-toolbar">
      <label className="run-filter">
        <input
          className="field"
          type="search"
          value={choice.text}
          placeholder="Filter: text, /regex/, lr<0.01 status=finished val_acc>0.8"
          aria-label="Filter runs"
          aria-invalid={!filter.ok}
          aria-describedby="run-filter-error"
          spellCheck={false}
          onChange={(e) => onChoice({ ...choice, text: e.target.value })}
        />
        {!filter.ok && (
          <span id="run-filter-error" className="field-error" role="alert" data-filter-error>
            {filter.error.message}
          </span>
        )}
      </label>
      <select className="field" aria-label="Status" value={choice.status} onChange={(e) => onChoice({ ...choice, status: e.target.value as StatusFilter })}>
        <option value="all">All statuses</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={choice.showArchived} onChange={(e) => onChoice({ ...choice, showArchived: e.target.checked })} /> Show archived
      </label>
      <span className="muted" data-shown-runs={shown}>
        {shown === total ? `${total} runs` : `${shown} of ${total} runs`}
      </span>
      <span className="run-actions">
        {children}
        <Link prefetch={false} className={`button primary${selected.length === 0 ? ' disabled' : ''}`} aria-disabled={selected.length === 0} data-compare href={selected.length === 0 ? '#' : comparePath(selected)}>
          Compare{selected.length > 0 ? ` (${selected.length})` : ''}
        </Link>
        <Link prefetch={false} className={`button${selected.length === 0 ? ' disabled' : ''}`} aria-disabled={selected.length === 0} data-hparams href={selected.length === 0 ? '#' : `${comparePath(selected)}&view=hparams`}>
          HParams
        </Link>
      </span>
    </div>
  );
}
