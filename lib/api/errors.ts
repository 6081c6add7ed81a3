export type ApiErrorCode = 'bad_request' | 'forbidden' | 'not_found' | 'unprocessable' | 'internal';

/** The one error type readers and handlers throw; its code decides the HTTP status. No Next here: kinds import this file. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
  }
}
