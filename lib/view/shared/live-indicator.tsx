import type { LiveStatus } from './live-socket';
import './live-indicator.css';

const LABEL: Record<LiveStatus, string> = {
  connecting: 'connecting…',
  live: 'live',
  offline: 'reconnecting…',
};

/** Tells the reader whether what they see is still being updated. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className={`live live-${status}`} data-live={status} title="Updates pushed from the server">
      <span className="live-dot" aria-hidden="true" />
      {LABEL[status]}
    </span>
  );
}
