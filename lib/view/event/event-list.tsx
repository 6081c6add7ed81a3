import { eventKey, type TrainingEvent } from '../../kinds/event/meta';
import { eventClass, eventStyle } from './event-style';
import { LocalTime } from '../shared/local-time';
import './event.css';

export interface EventListProps {
  events: readonly TrainingEvent[];
  loadError: string | null;
}

/** What the callbacks did, in step order: the same events the charts mark, with their reasons in words. */
export function EventList({ events, loadError }: EventListProps) {
  if (events.length === 0 && !loadError) return null;
  return (
    <section className="card event-list" data-testid="events" aria-label="Training events">
      <h2 className="event-list-title">Events</h2>
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored events: {loadError}. New events still appear as they arrive.
        </p>
      )}
      <ol className="event-items">
        {events.map((e) => (
          <li key={eventKey(e)} className={`event-item ${eventClass(e.kind)}`} data-kind={e.kind} data-step={e.step}>
            <span className="event-icon" aria-hidden="true" />
            <span className="event-step">step {e.step}</span>
            <span className="event-kind">{eventStyle(e.kind).label}</span>
            <span className="event-reason">{e.reason}</span>
            <span className="event-time">
              <LocalTime ms={e.wallTime} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
