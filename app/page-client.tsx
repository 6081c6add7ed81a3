'use client';

import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import { useLiveRuns } from '@/lib/view/run/use-live-runs';
import { LiveIndicator } from '@/lib/view/shared/live-indicator';
import { EmptyState } from '@/lib/view/run/empty-state';
import { RunListPanel } from '@/lib/view/run/run-list-panel';

export function RunListClient({ initialRuns }: { initialRuns: WireRunSummary[] }) {
  const { runs, status } = useLiveRuns(initialRuns);
  return (
    <section>
      <div className="page-title">
        <h1>Runs</h1>
        <span className="muted">{runs.length === 1 ? '1 run' : `${runs.length} runs`}</span>
        <LiveIndicator status={status} />
      </div>
      {runs.length === 0 ? <EmptyState /> : <RunListPanel runs={runs} />}
    </section>
  );
}
