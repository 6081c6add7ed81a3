'use client';

import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import { RunNav } from '@/lib/view/run/run-nav';
import { TextSection } from '@/lib/view/text/text-section';

export function TextPageClient({ run }: { run: WireRunSummary }) {
  return (
    <div className="run-page">
      <RunNav runId={run.id} runName={run.name} current="text" />
      <TextSection runId={run.id} running={run.status === 'running'} />
    </div>
  );
}
