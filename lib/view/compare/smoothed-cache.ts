import { type Smoothing, smoothColumn, smoothingAmount } from '../../compare/smoothing/smoothing';
import type { RunColumn } from './draw-run';
import type { SeriesColumns } from '../scalar/series-store';

interface Entry {
  version: number;
  column: RunColumn;
  smoothingKey: string;
  smoothed: Float64Array;
  /** What was drawn of the raw values, and for which view (axis, zoom, scale…). */
  raw?: { key: string; value: unknown };
}

/** Smoothing that leaves every value as it is: no faint raw line is needed behind it. */
export function isIdentity(smoothing: Smoothing): boolean {
  const amount = smoothingAmount(smoothing);
  return smoothing.method === 'average' ? amount <= 1 : !(amount > 0);
}

/**
 * One chart's runs as columns and smoothed columns, rebuilt only when what they come from changed:
 * a run's points (its version goes up when its store says the tag changed) or the smoothing. A
 * smoothing change then costs one pass per run, with no new columns and no new smoothed arrays.
 */
export class SmoothedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly versions = new Map<string, number>();

  /** The run's points for this chart's tag changed. */
  touch(runId: string): void {
    this.versions.set(runId, (this.versions.get(runId) ?? 0) + 1);
  }

  get(runId: string, tag: string, columns: SeriesColumns, smoothing: Smoothing): { column: RunColumn; smoothed: Float64Array } {
    const version = this.versions.get(runId) ?? 0;
    const smoothingKey = `${smoothing.method}:${smoothingAmount(smoothing)}`;
    let entry = this.entries.get(runId);
    if (!entry || entry.version !== version) {
      const column = { tag, ...columns };
      entry = { version, column, smoothingKey: '', smoothed: column.values };
      this.entries.set(runId, entry);
    }
    if (entry.smoothingKey !== smoothingKey) {
      // Into the run's last smoothed buffer: a slider change would otherwise allocate every series
      // of the page again, and the collector's pauses show as slow redraws.
      const reusable = entry.smoothed !== entry.column.values && entry.smoothed.length === entry.column.values.length;
      entry.smoothed = smoothColumn(entry.column, smoothing, reusable ? entry.smoothed : undefined);
      entry.smoothingKey = smoothingKey;
    }
    return entry;
  }

  /**
   * What `draw` makes of the run's raw column for a view `key`, made again only when the run's
   * points or the key changed: a smoothing change redraws only the smoothed lines. `fresh` says
   * whether it was made now. Call after get() for the run.
   */
  raw<T>(runId: string, key: string, draw: () => T): { value: T; fresh: boolean } {
    const entry = this.entries.get(runId)!;
    if (entry.raw?.key === key) return { value: entry.raw.value as T, fresh: false };
    entry.raw = { key, value: draw() };
    return { value: entry.raw.value as T, fresh: true };
  }

  /** Forgets runs no longer on the chart. */
  keep(runIds: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!runIds.has(id)) this.entries.delete(id);
  }
}
