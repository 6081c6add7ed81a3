import { useSyncExternalStore } from 'react';
import type { TrainingEvent } from '../../kinds/event/meta';
import { groupFamilies } from './families';
import { MetricChart } from './metric-chart';
import { useLiveScalars } from './use-live-scalars';
import '../shared/chart.css';
import '../event/event.css';
import './scalar.css';

export interface ScalarSectionProps {
  runId: string;
  running: boolean;
  /** The run's scalar tags at render time, so their charts are laid out before the points arrive. */
  initialTags: readonly string[];
  /** The run's training events, which every chart marks at their steps. */
  events: readonly TrainingEvent[];
}

/** One chart per metric family, live. */
export function ScalarSection({ runId, running, initialTags, events }: ScalarSectionProps) {
  const { store, loading, loadError } = useLiveScalars(runId, initialTags);
  const tags = useSyncExternalStore(store.subscribe, store.tags, store.tags);
  const families = groupFamilies(tags);
  return (
    <>
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored series: {loadError}. New points still appear as they arrive.
        </p>
      )}
      {families.length === 0 ? (
        <p className="empty" data-testid="no-scalars">
          {loading ? 'Loading…' : running ? 'Waiting for the first logged values…' : 'This run logged no scalars.'}
        </p>
      ) : (
        <div className="charts">
          {families.map(({ family, tags: familyTags }) => (
            <MetricChart key={family} runId={runId} family={family} tags={familyTags} store={store} events={events} />
          ))}
        </div>
      )}
    </>
  );
}
