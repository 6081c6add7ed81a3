import Link from 'next/link';
import { type RunView, runPagePath } from './page-paths';
import './run-nav.css';

const VIEWS: readonly { view: RunView; label: string }[] = [
  { view: 'metrics', label: 'Scalars & histograms' },
  { view: 'projector', label: 'Projector' },
  { view: 'graph', label: 'Graph' },
  { view: 'text', label: 'Text' },
];

/** Breadcrumb plus one tab per view of a run; every view of a run page renders it. */
export function RunNav({ runId, runName, current }: { runId: string; runName: string; current: RunView }) {
  return (
    <>
      <nav className="crumbs">
        <Link prefetch={false} href="/">Runs</Link> <span aria-hidden="true">/</span> <span>{runName}</span>
      </nav>
      <nav className="run-tabs" aria-label="Run views">
        {VIEWS.map(({ view, label }) => (
          <Link prefetch={false} key={view} href={runPagePath(runId, view)} aria-current={view === current ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
    </>
  );
}
