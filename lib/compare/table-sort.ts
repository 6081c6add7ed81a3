/**
 * The run table's sort in the address, as one parameter naming a column id, with a leading `-`
 * when descending (no column id starts with one: ids are `status`, `config:…`, `metric:…`):
 *
 *   sort=metric:best:epoch/acc   sort=-duration
 *
 * Absent means the runs in the address' order. A column that the table does not show (yet: its
 * tag may still be loading) is kept and simply not applied.
 */
export interface TableSort {
  column: string;
  descending: boolean;
}

/** Longer than any column id: a config path or a tag is never this long. */
const MAX_COLUMN = 1_000;

export function readTableSort(value: string | null): TableSort | null {
  if (value === null) return null;
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return column === '' || column.length > MAX_COLUMN ? null : { column, descending };
}

export function writeTableSort(sort: TableSort): string {
  return `${sort.descending ? '-' : ''}${sort.column}`;
}

/** A header click: a new column sorts ascending, the sorted one flips. */
export function nextTableSort(held: TableSort | null, column: string): TableSort {
  return held?.column === column ? { column, descending: !held.descending } : { column, descending: false };
}
