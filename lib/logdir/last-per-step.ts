/**
 * Duplicate steps: a tag logged twice at one step (a resumed run, a writer restarted in the same
 * folder) shows its last written value, as TensorBoard shows it. The reader hands records on in
 * file order with duplicates left in; an importer that writes a whole batch keeps the last of each
 * step with this, and a live store replaces a step it already holds.
 */
import type { LogdirRecord } from './records';

/** What makes two records the same point: kind, tag (for the kinds that have one) and step. */
export function stepKey(r: LogdirRecord): string {
  return `${r.kind}\0${'tag' in r ? r.tag : ''}\0${r.kind === 'image' ? r.sample : ''}\0${r.step}`;
}

/** The last record of each step, in the order of their last appearance. */
export function keepLastPerStep(records: readonly LogdirRecord[]): LogdirRecord[] {
  const last = new Map<string, number>();
  records.forEach((r, i) => last.set(stepKey(r), i));
  return records.filter((r, i) => last.get(stepKey(r)) === i);
}
