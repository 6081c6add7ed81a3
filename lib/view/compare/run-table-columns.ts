import type { ConfigColumn } from '../../compare/config-diff';
import type { MetricSummary } from '../../compare/metric-summary';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { MetricStat } from '../../compare/column-choice';

export interface TableRun {
  run: WireRunSummary;
  /** By tag. */
  metrics: ReadonlyMap<string, MetricSummary>;
  /** Where the run sits in the config diff's cells. */
  index: number;
}

/** A cell's sort key and what it shows: a number, a text, or nothing. */
export type CellValue = { kind: 'number'; value: number; step?: number } | { kind: 'text'; value: string } | null;

export interface TableColumn {
  id: string;
  label: string;
  title?: string;
  numeric: boolean;
  cell: (row: TableRun) => CellValue;
}

/** Null for a running run until the browser's clock is known (the server render has none). */
export function runDuration(run: WireRunSummary, now: number | null): number | null {
  const end = run.finishedAt ?? (run.status === 'running' ? now : run.updatedAt);
  return end === null ? null : end - run.startedAt;
}

export function fixedColumns(now: number | null): TableColumn[] {
  return [
    { id: 'status', label: 'Status', numeric: false, cell: ({ run }) => ({ kind: 'text', value: run.status }) },
    {
      id: 'duration',
      label: 'Duration',
      numeric: true,
      cell: ({ run }) => {
        const ms = runDuration(run, now);
        return ms === null ? null : { kind: 'number', value: ms };
      },
    },
    { id: 'model', label: 'Model', numeric: false, cell: ({ run }) => (run.model ? { kind: 'text', value: run.model } : null) },
  ];
}

export function configColumns(columns: readonly ConfigColumn[]): TableColumn[] {
  return columns.map((column) => ({
    id: `config:${column.key}`,
    label: column.key,
    title: column.differs ? 'differs among these runs' : 'the same in every run',
    numeric: column.cells.every((c) => c.missing || typeof c.value === 'number'),
    cell: ({ index }) => {
      const c = column.cells[index];
      if (!c || c.missing) return null;
      return typeof c.value === 'number' ? { kind: 'number', value: c.value } : { kind: 'text', value: c.text };
    },
  }));
}

export function metricColumn(tag: string, stat: MetricStat): TableColumn {
  return {
    id: `metric:${stat}:${tag}`,
    label: `${tag} ${stat}`,
    title: stat === 'best' ? 'best value (the lowest, or the highest for accuracy-like metrics) and its step' : `${stat} value`,
    numeric: true,
    cell: ({ metrics }) => {
      const point = metrics.get(tag)?.[stat];
      return point ? { kind: 'number', value: point.value, step: point.step } : null;
    },
  };
}

/** Missing cells sort last either way; numbers by value, with NaN after every number. */
export function compareCells(a: CellValue, b: CellValue): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  if (a.kind === 'number' && b.kind === 'number') {
    if (Number.isNaN(a.value) || Number.isNaN(b.value)) return Number.isNaN(a.value) ? (Number.isNaN(b.value) ? 0 : 1) : -1;
    return a.value - b.value;
  }
  return String(a.value).localeCompare(String(b.value), 'en', { numeric: true });
}
