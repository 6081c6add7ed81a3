import Link from 'next/link';
import { runPagePath } from '@/lib/view/api-paths';

export type RunView = 'metrics' | 'projector' | 'graph';

const VIEWS: readonly { view: RunView; label: string; suffix: string }[] = [
  { view: 'metrics', label: 'Scalars & histograms', suffix: '' },
  { view: 'projector', label: 'Projector', suffix: '/projector' },
  { view: 'graph', label: 'Graph', suffix: '/graph' },
];

/** Breadcrumb plus one tab per view of a run; every view of a run page renders it. */
export function RunNav({ runId, runName, current }: { runId: string; runName: string; current: RunView }) {
  const base = runPagePath(runId);
  return (
    <>
      <nav className="crumbs">
        <Link href="/">Runs</Link> <span aria-hidden="true">/</span> <span>{runName}</span>
      </nav>
      <nav className="run-tabs" aria-label="Run views">
        {VIEWS.map(({ view, label, suffix }) => (
          <Link key={view} href={`${base}${suffix}`} aria-current={view === current ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
    </>
  );
}
