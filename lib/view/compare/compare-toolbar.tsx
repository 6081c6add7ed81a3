import { useState } from 'react';
import { type CompareState, GROUP_BANDS, X_AXES, type XAxis } from '../../compare/url-state';
import { exportScalars } from './export-scalars';
import { GroupPicker } from './group-picker';
import { SmoothingControl } from './smoothing-control';
import type { TagFilter } from './tag-filter';
import type { UpdateCompareState } from './use-compare-state';
import '../shared/controls.css';

const AXIS_LABEL: Record<XAxis, string> = { step: 'Step', relative: 'Relative', wall: 'Wall' };

export interface CompareToolbarProps {
  state: CompareState;
  update: UpdateCompareState;
  tagFilter: TagFilter;
  /** Config keys of the selected runs, those that differ first: what runs can be grouped by. */
  configKeys: readonly string[];
  /** The runs an export holds: the visible ones. */
  exportRuns: readonly { id: string; name: string }[];
}

/** Everything that changes how the charts draw, all of it kept in the address. */
export function CompareToolbar({ state, update, tagFilter, configKeys, exportRuns }: CompareToolbarProps) {
  const [exporting, setExporting] = useState<string | null>(null);
  const grouped = state.groupBy.length > 0;
  const runExport = (format: 'csv' | 'json') => {
    setExporting(`Exporting ${format.toUpperCase()}…`);
    exportScalars(exportRuns, format)
      .then(() => setExporting(null))
      .catch((e: Error) => setExporting(`Export failed: ${e.message}`));
  };
  return (
    <div className="compare-toolbar card">
      <label className="control tag-filter">
        <span>Tags</span>
        <input
          className="field"
          type="search"
          placeholder="filter tags: text or /regex/"
          value={state.tagFilter}
          aria-invalid={!tagFilter.ok}
          onChange={(e) => update({ tagFilter: e.target.value }, 'replace')}
        />
        {!tagFilter.ok && (
          <span className="field-error" role="alert">
            {tagFilter.error}
          </span>
        )}
      </label>
      <SmoothingControl smoothing={state.smoothing} update={update} />
      <fieldset className="control">
        <legend>X axis</legend>
        <span className="view-toggle" title={grouped ? 'Groups are drawn against steps' : undefined}>
          {X_AXES.map((axis) => (
            <button key={axis} type="button" aria-pressed={state.xAxis === axis} disabled={grouped && axis !== 'step'} onClick={() => update({ xAxis: axis, zooms: {} })}>
              {AXIS_LABEL[axis]}
            </button>
          ))}
        </span>
      </fieldset>
      <label className="control check">
        <input type="checkbox" checked={state.logScale} onChange={(e) => update({ logScale: e.target.checked })} /> Log scale
      </label>
      <label className="control check">
        <input type="checkbox" checked={state.ignoreOutliers} onChange={(e) => update({ ignoreOutliers: e.target.checked })} /> Ignore outliers
      </label>
      <GroupPicker keys={configKeys} groupBy={state.groupBy} onChange={(groupBy) => update({ groupBy, zooms: {} })} />
      {grouped && (
        <fieldset className="control">
          <legend>Band</legend>
          <span className="view-toggle">
            {GROUP_BANDS.map((band) => (
              <button key={band} type="button" aria-pressed={state.band === band} onClick={() => update({ band })}>
                {band === 'minmax' ? 'min–max' : '±std'}
              </button>
            ))}
          </span>
        </fieldset>
      )}
      <fieldset className="control">
        <legend>Export scalars</legend>
        <button type="button" className="csv" disabled={exportRuns.length === 0} onClick={() => runExport('csv')}>
          CSV
        </button>
        <button type="button" className="csv" disabled={exportRuns.length === 0} onClick={() => runExport('json')}>
          JSON
        </button>
        {exporting && <span className="muted">{exporting}</span>}
      </fieldset>
    </div>
  );
}
