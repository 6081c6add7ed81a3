import type { IngestErrorCode } from '../protocol/ingest-messages';

/** A message refused for a reason the client can act on; the seq is echoed in the error reply. */
export class IngestError extends Error {
  constructor(readonly code: IngestErrorCode, message: string, readonly seq: number | null) {
    super(message);
  }
}
