import { type SyntheticEvent, useState } from 'react';
import type { HistogramTagRunsResponse } from '../../kinds/histogram/tag-runs-reader';
import type { HistogramTagRun } from '../../kinds/histogram/meta';
import { MAX_COMPARED_RUNS } from './compare-runs-param';
import { fetchJson } from '../shared/fetch-json';
import { histogramTagRunsApiUrl } from './api-paths';

export interface HistogramComparePickerProps {
  tag: string;
  runId: string;
  /** The page's compared runs, in the order they were chosen. */
  chosen: readonly string[];
  onChange: (runIds: string[]) => void;
}

/** "Compare runs": the other runs that recorded this tensor, listed afresh each time it opens. */
export function HistogramComparePicker({ tag, runId, chosen, onChange }: HistogramComparePickerProps) {
  const [runs, setRuns] = useState<HistogramTagRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open) return;
    setError(null);
    fetchJson<HistogramTagRunsResponse>(histogramTagRunsApiUrl(tag))
      .then((body) => setRuns(body.runs.filter((r) => r.runId !== runId)))
      .catch((e: Error) => setError(e.message));
  };

  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);

  return (
    <details className="compare-picker" onToggle={onToggle}>
      <summary>Compare runs{chosen.length > 0 && ` (${chosen.length})`}</summary>
      <div className="compare-menu">
        {error ? (
          <p className="alert" role="alert">
            Could not list the runs: {error}
          </p>
        ) : runs === null ? (
          <p className="muted">Loading…</p>
        ) : runs.length === 0 ? (
          <p className="muted">No other run recorded this tensor.</p>
        ) : (
          <ul>
            {runs.map((r) => {
              const checked = chosen.includes(r.runId);
              return (
                <li key={r.runId} data-compare-option={r.runId}>
                  <label title={checked || chosen.length < MAX_COMPARED_RUNS ? undefined : `At most ${MAX_COMPARED_RUNS} runs at once`}>
                    <input type="checkbox" checked={checked} disabled={!checked && chosen.length >= MAX_COMPARED_RUNS} onChange={() => toggle(r.runId)} />
                    <span className="mono">{r.name}</span>
                    <span className="muted">
                      {r.steps.length} step{r.steps.length === 1 ? '' : 's'} · {r.status}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </details>
  );
}
