import { Fragment, memo, useMemo, useState } from 'react';
import { diffConfigs } from '../../compare/config-diff';
import type { RunGroup } from '../../compare/grouping';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { useNow } from '../shared/use-now';
import { type ColumnChoiceState, FIXED_COLUMN_IDS, METRIC_STATS, type MetricStat } from '../../compare/column-choice';
import { nextTableSort, type TableSort } from '../../compare/table-sort';
import { ColumnPicker } from './column-picker';
import { groupCell } from './group-cells';
import { Cell, RunRow } from './table-cells';
import { compareCells, configColumns, fixedColumns, metricColumn, type TableRun } from './run-table-columns';
import type { RunMetrics } from './use-run-metrics';

export interface CompareRunTableProps {
  runs: readonly WireRunSummary[];
  metrics: RunMetrics;
  tags: readonly string[];
  colors: ReadonlyMap<string, string>;
  hidden: ReadonlySet<string>;
  groups: readonly RunGroup[] | null;
  onToggle: (runId: string) => void;
  onColor: (runId: string, color: string) => void;
  /** The columns the user chose (kept in the address), or null for the defaults. */
  choice: ColumnChoiceState | null;
  onChoice: (choice: ColumnChoiceState) => void;
  /** The sort (kept in the address), or null for the runs in address order. */
  sort: TableSort | null;
  onSort: (sort: TableSort) => void;
}

/** Metric columns a table starts with: Keras' epoch values when there are any, else every tag; at most six. */
function defaultTags(tags: readonly string[]): string[] {
  const epoch = tags.filter((t) => t.startsWith('epoch/'));
  return (epoch.length > 0 ? epoch : tags).slice(0, 6);
}

const DEFAULT_STATS: MetricStat[] = ['last', 'best'];

/** The selected runs side by side: what differs in their configs and how each metric ended. Sortable; memoised, as the charts redraw far more often. */
export const CompareRunTable = memo(function CompareRunTable({ runs, metrics, tags, colors, hidden, groups, onToggle, onColor, choice, onChoice, sort, onSort }: CompareRunTableProps) {
  const now = useNow(runs.some((r) => r.status === 'running'), 5_000);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const chosen: ColumnChoiceState = choice ?? { fixed: [...FIXED_COLUMN_IDS], config: 'differences', stats: DEFAULT_STATS, tags: defaultTags(tags) };

  const diff = useMemo(() => diffConfigs(runs.map((run) => ({ id: run.id, config: run.config }))), [runs]);
  const columns = [
    ...fixedColumns(now).filter((c) => chosen.fixed.includes(c.id)),
    ...configColumns(chosen.config === 'all' ? diff.all : diff.differences),
    ...tags.filter((t) => chosen.tags.includes(t)).flatMap((tag) => METRIC_STATS.filter((s) => chosen.stats.includes(s)).map((stat) => metricColumn(tag, stat))),
  ];
  const rows: TableRun[] = runs.map((run, index) => ({ run, index, metrics: metrics.get(run.id) ?? new Map() }));
  const sortColumn = sort && columns.find((c) => c.id === sort.column);
  if (sortColumn) {
    rows.sort((x, y) => {
      const a = sortColumn.cell(x);
      const b = sortColumn.cell(y);
      return a === null || b === null || !sort.descending ? compareCells(a, b) : -compareCells(a, b);
    });
  }
  const byId = new Map(rows.map((row) => [row.run.id, row]));
  const runRow = (row: TableRun, nested = false) => (
    <RunRow key={row.run.id} row={row} columns={columns} color={colors.get(row.run.id) ?? '#888888'} hidden={hidden.has(row.run.id)} nested={nested} onToggle={onToggle} onColor={onColor} />
  );

  return (
    <section className="compare-table">
      <div className="table-head">
        <h2>Runs</h2>
        <span className="view-toggle" title="Config columns">
          {(['differences', 'all'] as const).map((mode) => (
            <button key={mode} type="button" aria-pressed={chosen.config === mode} onClick={() => onChoice({ ...chosen, config: mode })}>
              {mode === 'differences' ? `Differences only (${diff.differences.length})` : `All keys (${diff.all.length})`}
            </button>
          ))}
        </span>
        <ColumnPicker choice={chosen} tags={tags} onChange={onChoice} />
      </div>
      <div className="table-wrap">
        <table className="runs compare-runs">
          <thead>
            <tr>
              <th aria-label="Shown" />
              <th>Run</th>
              {columns.map((c) => (
                <th key={c.id} className={c.numeric ? 'num sortable' : 'sortable'} title={c.title} aria-sort={sort?.column === c.id ? (sort.descending ? 'descending' : 'ascending') : undefined} onClick={() => onSort(nextTableSort(sort, c.id))}>
                  {c.label}
                  {sort?.column === c.id ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {!groups && rows.map((row) => runRow(row))}
            {groups?.map((group) => {
              const members = rows.filter((row) => group.runIds.includes(row.run.id));
              const open = expanded.has(group.id);
              return (
                <Fragment key={group.id}>
                  <tr className="group-row" data-group={group.label}>
                    <td>
                      <button type="button" className="expand" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${group.label}`} onClick={() => setExpanded((held) => new Set(open ? [...held].filter((g) => g !== group.id) : [...held, group.id]))}>
                        {open ? '▾' : '▸'}
                      </button>
                    </td>
                    <td className="name">
                      <span className="run-color-chip" style={{ background: colors.get(`group:${group.id}`) }} aria-hidden="true" />
                      {group.label} <span className="sub">{group.runIds.length} runs</span>
                    </td>
                    {columns.map((c) => (
                      <Cell key={c.id} column={c} value={groupCell(c, members)} plain />
                    ))}
                  </tr>
                  {open && group.runIds.flatMap((id) => (byId.has(id) ? [runRow(byId.get(id)!, true)] : []))}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
