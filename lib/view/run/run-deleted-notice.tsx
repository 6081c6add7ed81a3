import Link from 'next/link';

/** Shown on a run's page once the run is deleted, here or in another tab: what is on screen is all that is left. */
export function RunDeletedNotice() {
  return (
    <p className="alert run-deleted" role="alert" data-run-deleted>
      This run was deleted: its data is gone from the server. <Link prefetch={false} href="/">Back to the run list</Link>
    </p>
  );
}
