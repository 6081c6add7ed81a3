import Link from 'next/link';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import { runPagePath } from '../run/page-paths';
import { StatusBadge } from '../run/status-badge';
import { formatDuration } from '../shared/format';
import { MetricValue } from '../shared/metric-value';
import { RunColorInput } from './run-color-input';
import type { CellValue, TableColumn, TableRun } from './run-table-columns';

/** `plain` for a group row, whose status cell may read "2 values". */
export function Cell({ column, value, plain = false }: { column: TableColumn; value: CellValue; plain?: boolean }) {
  if (value === null) return <td className={column.numeric ? 'num muted' : 'muted'}>—</td>;
  if (column.id === 'status' && !plain) return <td><StatusBadge status={value.value as WireRunSummary['status']} /></td>;
  if (column.id === 'duration' && value.kind === 'number') return <td className="num">{formatDuration(value.value)}</td>;
  if (value.kind === 'text') return <td className="mono">{value.value}</td>;
  return (
    <td className="num">
      <MetricValue value={value.value} />
      {value.step !== undefined && <span className="sub"> @ {value.step.toLocaleString('en')}</span>}
    </td>
  );
}

export interface RunRowProps {
  row: TableRun;
  columns: readonly TableColumn[];
  color: string;
  hidden: boolean;
  nested?: boolean;
  onToggle: (runId: string) => void;
  onColor: (runId: string, color: string) => void;
}

/** One run: its visibility (the same toggle as the legend), colour, name and the chosen columns. */
export function RunRow({ row, columns, color, hidden, nested, onToggle, onColor }: RunRowProps) {
  const { run } = row;
  return (
    <tr data-run-id={run.id} className={[hidden ? 'row-hidden' : '', nested ? 'row-nested' : ''].join(' ')}>
      <td>
        <input type="checkbox" checked={!hidden} aria-label={`Show ${run.name}`} data-table-toggle={run.id} onChange={() => onToggle(run.id)} />
      </td>
      <td className="name">
        <RunColorInput runId={run.id} runName={run.name} color={color} onChange={(c) => onColor(run.id, c)} />
        <Link prefetch={false} href={runPagePath(run.id)}>{run.name}</Link>
        {run.tags.length > 0 && <div className="sub">{run.tags.map((t) => `#${t}`).join(' ')}</div>}
      </td>
      {columns.map((column) => (
        <Cell key={column.id} column={column} value={column.cell(row)} />
      ))}
    </tr>
  );
}
