'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import type { WireSweep } from '@/lib/kinds/sweep/meta';
import { trialRuns, type TrialRun } from '@/lib/hparams/run-metrics';
import { HParamsView } from '@/lib/view/hparams/hparams-view';
import { LiveIndicator } from '@/lib/view/shared/live-indicator';
import { SweepHeader } from '@/lib/view/sweep/sweep-header';
import { useLiveSweep } from '@/lib/view/sweep/use-live-sweep';
import { useTrialRuns } from '@/lib/view/sweep/use-trial-runs';
import { ValidationGapTable } from '@/lib/view/sweep/validation-gap-table';
import '@/lib/view/shared/chart.css';
import '@/lib/view/run/run-list.css';
import '@/lib/view/sweep/sweep.css';

export interface SweepPageClientProps {
  initialSweep: WireSweep;
  initialTrialRuns: WireRunSummary[];
}

const stateOf = (run: TrialRun) => run.state;

export function SweepPageClient({ initialSweep, initialTrialRuns }: SweepPageClientProps) {
  const { sweep, status, error } = useLiveSweep(initialSweep);
  const summaries = useTrialRuns(sweep, initialTrialRuns);
  const runs = useMemo(() => trialRuns(sweep, summaries), [sweep, summaries]);
  const objective = useMemo(() => ({ metric: sweep.metric, goal: sweep.goal }), [sweep.metric, sweep.goal]);
  return (
    <section className="sweep-page">
      <div className="page-title">
        <h1>{sweep.name}</h1>
        <span className="muted">sweep {sweep.id}</span>
        <LiveIndicator status={status} />
        <Link prefetch={false} href="/sweeps" className="back-link">
          All sweeps
        </Link>
      </div>
      {error && (
        <p className="alert" role="alert">
          Could not reload the sweep: {error}
        </p>
      )}
      <SweepHeader sweep={sweep} />
      <ValidationGapTable runs={runs} objective={objective} />
      <h2>Trials</h2>
      <HParamsView runs={runs} space={sweep.space} objective={objective} stateOf={stateOf} />
    </section>
  );
}
