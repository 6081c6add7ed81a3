'use client';

import Link from 'next/link';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ColumnChoiceState } from '@/lib/compare/column-choice';
import type { TableSort } from '@/lib/compare/table-sort';
import type { ChartLayout } from '@/lib/view/compare/chart-lines';
import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import { CompareCharts } from '@/lib/view/compare/compare-charts';
import { CompareData } from '@/lib/view/compare/compare-data';
import { CompareRunTable } from '@/lib/view/compare/compare-run-table';
import { CompareToolbar } from '@/lib/view/compare/compare-toolbar';
import { compareView } from '@/lib/view/compare/compare-view';
import { RunLegend } from '@/lib/view/compare/run-legend';
import { SmoothingChannel } from '@/lib/view/compare/smoothing-channel';
import { StepCursor } from '@/lib/view/compare/step-cursor';
import { parseTagFilter } from '@/lib/view/compare/tag-filter';
import { type UpdateCompareState, useCompareState } from '@/lib/view/compare/use-compare-state';
import { hparamRun } from '@/lib/hparams/run-metrics';
import { EnsembleButton } from '@/lib/view/ensemble/ensemble-button';
import { HParamsView } from '@/lib/view/hparams/hparams-view';
import { useAfterFirstDraw } from '@/lib/view/compare/use-after-first-draw';
import { useRunMetrics } from '@/lib/view/compare/use-run-metrics';
import { setRunColorOverride, useRunColorOverrides } from '@/lib/view/shared/run-color-overrides';
import '@/lib/view/shared/chart.css';
import '@/lib/view/run/run-list.css';
import '@/lib/view/scalar/scalar.css';
import '@/lib/view/compare/compare.css';

export interface ComparePageClientProps {
  /** The address' query as the server read it, so the first render matches the server's. */
  initialSearch: string;
  initialRuns: WireRunSummary[];
  initialTags: Record<string, string[]>;
}

export function ComparePageClient({ initialSearch, initialRuns, initialTags }: ComparePageClientProps) {
  const [state, update] = useCompareState(initialSearch);
  // A run deleted elsewhere leaves the view (and the address) as soon as the server says so.
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  const [data] = useState(
    () =>
      new CompareData(initialRuns, initialTags, (runId) => {
        const { runs, hidden } = latest.current;
        update({ runs: runs.filter((id) => id !== runId), hidden: hidden.filter((id) => id !== runId) }, 'replace');
      }),
  );
  const [cursor] = useState(() => new StepCursor());
  // A smoothing change goes to the charts first, in the event that made it; the state (address,
  // controls) follows. Back, forward and the method picker change the state, which is passed on.
  const [smoothingChannel] = useState(() => new SmoothingChannel(state.smoothing));
  useLayoutEffect(() => smoothingChannel.set(state.smoothing), [smoothingChannel, state.smoothing]);
  const change = useCallback<UpdateCompareState>(
    (next, mode) => {
      if (next.smoothing) smoothingChannel.set(next.smoothing);
      update(next, mode);
    },
    [smoothingChannel, update],
  );
  const version = useSyncExternalStore(data.subscribe, data.snapshot, data.snapshot);
  // Before any chart subscribes to a run's store (children's effects), so the stores exist.
  useLayoutEffect(() => {
    data.start();
    return () => data.close();
  }, [data]);
  useLayoutEffect(() => data.setRuns(state.runs), [data, state.runs]);

  // Memoised apart from the smoothing and the tag filter, so that moving the slider re-renders the
  // toolbar and nothing else: the charts, the legend and the run table keep their props.
  const overrides = useRunColorOverrides();
  // `version` changes with every summary and tag list the data holds.
  const selected = useMemo(() => state.runs.flatMap((id) => data.summary(id) ?? []), [data, state.runs, version]);
  const { colors: chosenColors, hidden, groupBy } = state;
  const view = useMemo(() => compareView({ hidden, groupBy }, selected, { ...overrides, ...chosenColors }), [selected, overrides, chosenColors, hidden, groupBy]);
  const { xAxis, logScale, ignoreOutliers, band } = state;
  const chartView = useMemo((): ChartLayout => ({ xAxis: view.groups ? 'step' : xAxis, logScale, ignoreOutliers, band }), [xAxis, logScale, ignoreOutliers, band, view.groups]);
  const metrics = useRunMetrics(data, state.runs);
  const chartsDrawn = useAfterFirstDraw(data);
  const tagFilter = useMemo(() => parseTagFilter(state.tagFilter), [state.tagFilter]);
  const allTags = useMemo(() => [...new Set(selected.flatMap((run) => data.tags(run.id)))].sort(), [data, selected]);
  const tags = useMemo(() => (tagFilter.ok ? allTags.filter(tagFilter.matches) : allTags), [allTags, tagFilter]);
  const missing = state.runs.length - selected.length;
  const hparamRuns = useMemo(() => selected.map(hparamRun), [selected]);

  const toggle = useCallback(
    (runId: string) => {
      const held = latest.current.hidden;
      update({ hidden: held.includes(runId) ? held.filter((id) => id !== runId) : [...held, runId] });
    },
    [update],
  );
  // Zooming is many small changes: the address follows without a history entry for each.
  const zoomTo = useCallback(
    (tag: string, zoom: [number, number] | null) => {
      const { [tag]: _dropped, ...others } = latest.current.zooms;
      update({ zooms: zoom ? { ...others, [tag]: zoom } : others }, 'replace');
    },
    [update],
  );
  const chooseColumns = useCallback((columns: ColumnChoiceState) => update({ columns }, 'replace'), [update]);
  // Each sort is a view of its own: back returns to the order before it.
  const sortTable = useCallback((sort: TableSort) => update({ sort }), [update]);
  const recolor = useCallback(
    (runId: string, color: string) => {
      setRunColorOverride(runId, color);
      update({ colors: { ...latest.current.colors, [runId]: color } }, 'replace');
    },
    [update],
  );

  return (
    <section className="compare-page">
      <div className="page-title">
        <h1>Compare runs</h1>
        <span className="muted">
          {selected.length === 1 ? '1 run' : `${selected.length} runs`}
          {missing > 0 && ` · ${missing} in the address not found`}
        </span>
        <Link prefetch={false} href="/" className="back-link">
          Choose runs
        </Link>
      </div>
      <nav className="compare-views" aria-label="View">
        {(['charts', 'hparams'] as const).map((view) => (
          <button key={view} type="button" className={`button${state.view === view ? ' primary' : ''}`} aria-pressed={state.view === view} onClick={() => update({ view })}>
            {view === 'charts' ? 'Charts' : 'HParams'}
          </button>
        ))}
        {state.view === 'charts' && <EnsembleButton runIds={state.runs} />}
      </nav>
      {selected.length === 0 ? (
        <p className="empty">
          No runs to compare. <Link prefetch={false} href="/">Pick runs in the run list</Link> and press Compare.
        </p>
      ) : state.view === 'hparams' ? (
        <HParamsView runs={hparamRuns} />
      ) : (
        <>
          <CompareToolbar state={state} update={change} tagFilter={tagFilter} configKeys={view.configKeys} exportRuns={view.lines} />
          <RunLegend runs={selected} colors={view.colors} hidden={view.hidden} onToggle={toggle} onColor={recolor} />
          {data.error && (
            <p className="alert" role="alert">
              Could not load every series: {data.error}
            </p>
          )}
          {tags.length === 0 ? (
            <p className="empty">{allTags.length === 0 ? 'These runs logged no scalars yet.' : 'No tag matches the filter.'}</p>
          ) : (
            <CompareCharts tags={tags} runs={view.lines} groups={view.chartGroups} data={data} view={chartView} smoothing={smoothingChannel} cursor={cursor} zooms={state.zooms} onZoom={zoomTo} />
          )}
          {chartsDrawn && <CompareRunTable runs={selected} metrics={metrics} tags={allTags} colors={view.colors} hidden={view.hidden} groups={view.groups} onToggle={toggle} onColor={recolor} choice={state.columns} onChoice={chooseColumns} sort={state.sort} onSort={sortTable} />}
        </>
      )}
    </section>
  );
}
