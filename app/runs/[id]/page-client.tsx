'use client';

import { useSyncExternalStore } from 'react';
import type { WireRunSummary } from '@/lib/api/wire-run';
import { groupFamilies } from '@/lib/view/scalar/families';
import { useLiveRun } from '@/lib/view/use-live-run';
import { useLiveEvents } from '@/lib/view/event/use-live-events';
import { EventList } from '@/lib/view/event/event-list';
import { HistogramSection } from '@/lib/view/histogram/histogram-section';
import { MetricChart } from '@/lib/view/scalar/metric-chart';
import { RunHeader } from '@/lib/view/run/run-header';
import { RunNav } from '@/lib/view/run/run-nav';

export interface RunPageClientProps {
  initialRun: WireRunSummary;
  /** The run's scalar tags at render time, so their charts are laid out before the points arrive. */
  initialTags: string[];
}

export function RunPageClient({ initialRun, initialTags }: RunPageClientProps) {
  const { run, status, store, loading, loadError } = useLiveRun(initialRun, initialTags);
  const tags = useSyncExternalStore(store.subscribe, store.tags, store.tags);
  const { events, loadError: eventsError } = useLiveEvents(run.id);
  const families = groupFamilies(tags);
  return (
    <div className="run-page">
      <RunNav runId={run.id} runName={run.name} current="metrics" />
      <RunHeader run={run} live={status} />
      {loadError && (
        <p className="alert" role="alert">
          Could not load the stored series: {loadError}. New points still appear as they arrive.
        </p>
      )}
      {families.length === 0 ? (
        <p className="empty" data-testid="no-scalars">
          {loading ? 'Loading…' : run.status === 'running' ? 'Waiting for the first logged values…' : 'This run logged no scalars.'}
        </p>
      ) : (
        <div className="charts">
          {families.map(({ family, tags: familyTags }) => (
            <MetricChart key={family} runId={run.id} family={family} tags={familyTags} store={store} events={events} />
          ))}
        </div>
      )}
      <EventList events={events} loadError={eventsError} />
      <HistogramSection runId={run.id} />
    </div>
  );
}
