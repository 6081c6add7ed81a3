import type { ReactNode } from 'react';

export interface ViewEmptyProps {
  testId: string;
  loading: boolean;
  /** Shown while the first fetch runs. */
  loadingText: string;
  title: string;
  /** How to get data into this view, shown once the fetch found none. */
  children: ReactNode;
}

/** A view of a run before it has anything to show: loading, or how to log what it shows. */
export function ViewEmpty({ testId, loading, loadingText, title, children }: ViewEmptyProps) {
  if (loading) {
    return (
      <p className="empty" data-testid={testId}>
        {loadingText}
      </p>
    );
  }
  return (
    <div className="empty" data-testid={testId}>
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  );
}
