import type { RunStatus } from '../../protocol/ingest-messages';
import './status-badge.css';

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {status}
    </span>
  );
}
