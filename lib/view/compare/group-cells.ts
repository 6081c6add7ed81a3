import type { CellValue, TableColumn, TableRun } from './run-table-columns';

/**
 * A group row's cell: the mean of its runs' numbers (a metric's last value, a duration), or the
 * text they share; where the runs' texts differ, how many distinct ones there are.
 */
export function groupCell(column: TableColumn, members: readonly TableRun[]): CellValue {
  const cells = members.map((row) => column.cell(row)).filter((c): c is NonNullable<CellValue> => c !== null);
  if (cells.length === 0) return null;
  if (cells.every((c) => c.kind === 'number')) {
    const finite = cells.map((c) => c.value as number).filter(Number.isFinite);
    return { kind: 'number', value: finite.length > 0 ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN };
  }
  const texts = new Set(cells.map((c) => String(c.value)));
  return { kind: 'text', value: texts.size === 1 ? [...texts][0] : `${texts.size} values` };
}
