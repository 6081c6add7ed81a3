'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { SWEEP_MODEL } from '@/lib/kinds/sweep/meta';
import { sweepPagePath } from '@/lib/view/sweep/api-paths';
import { ensembleMembers } from '@/lib/ensemble/ensemble-members';
import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import { EnsembleMembersTable } from '@/lib/view/ensemble/ensemble-members';
import { EventList } from '@/lib/view/event/event-list';
import { useLiveEvents } from '@/lib/view/event/use-live-events';
import { HistogramSection } from '@/lib/view/histogram/histogram-section';
import { ImageSection } from '@/lib/view/image/image-section';
import { PrCurveSection } from '@/lib/view/pr-curve/pr-curve-section';
import { RunHeader } from '@/lib/view/run/run-header';
import { RunNav } from '@/lib/view/run/run-nav';
import { useLiveRun } from '@/lib/view/run/use-live-run';
import { RunDeletedNotice } from '@/lib/view/run/run-deleted-notice';
import { ScalarSection } from '@/lib/view/scalar/scalar-section';

export interface RunPageClientProps {
  initialRun: WireRunSummary;
  /** The run's scalar tags at render time, so their charts are laid out before the points arrive. */
  initialTags: string[];
}

export function RunPageClient({ initialRun, initialTags }: RunPageClientProps) {
  const { run, status, deleted } = useLiveRun(initialRun);
  const { events, loadError: eventsError } = useLiveEvents(run.id);
  const members = useMemo(() => ensembleMembers(run), [run]);
  return (
    <div className="run-page">
      <RunNav runId={run.id} runName={run.name} current="metrics" />
      {deleted && <RunDeletedNotice />}
      <RunHeader run={run} live={status} />
      {members && <EnsembleMembersTable runId={run.id} members={members} />}
      {run.model === SWEEP_MODEL && (
        <p>
          This run is a hyperparameter sweep: <Link prefetch={false} href={sweepPagePath(run.id)}>its trials, the HParams view and validation against test</Link>.
        </p>
      )}
      <ScalarSection runId={run.id} running={run.status === 'running'} initialTags={initialTags} events={events} />
      <EventList events={events} loadError={eventsError} />
      <HistogramSection runId={run.id} />
      <PrCurveSection runId={run.id} />
      <ImageSection runId={run.id} />
    </div>
  );
}
