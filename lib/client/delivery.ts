import type { IngestErrorCode } from '../protocol/ingest-messages';

/**
 * Refusals that say nothing wrong about the message: the server could not store it now (a full
 * disk, a run.start that did not land yet), so the message is kept and sent again.
 */
const TRANSIENT_CODES: ReadonlySet<IngestErrorCode> = new Set(['storage', 'unknown_run']);

export function isTransient(code: IngestErrorCode): boolean {
  return TRANSIENT_CODES.has(code);
}

/** A message the server refused for good: its data is lost. */
export interface Refusal {
  /** null when the server could not even read a sequence number. */
  seq: number | null;
  type: string;
  code: IngestErrorCode;
  message: string;
}

export interface DeliveryReport {
  /** Every message was acknowledged and none was refused. */
  delivered: boolean;
  refused: Refusal[];
  /** Messages still waiting for an acknowledgement. */
  unconfirmed: number;
}

/** One line per problem, for a trainer's last words. */
export function describeDelivery(report: DeliveryReport): string[] {
  const lines = report.refused.map((r) => `refused ${r.type} message ${r.seq ?? '?'}: [${r.code}] ${r.message}`);
  if (report.unconfirmed > 0) lines.push(`${report.unconfirmed} message(s) were never confirmed by the server`);
  return lines;
}
