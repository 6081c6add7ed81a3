import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { ApiError, type ApiErrorCode } from './errors';

const STATUS: Record<ApiErrorCode, number> = { bad_request: 400, forbidden: 403, not_found: 404, unprocessable: 422, internal: 500 };

/** Every error a route handler meets becomes a JSON body with a code, mapped here and nowhere else. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ApiError) {
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: STATUS[error.code] });
  }
  if (error instanceof ZodError) {
    const message = error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    return NextResponse.json({ error: { code: 'unprocessable', message } }, { status: 422 });
  }
  // Unexpected errors are not user-facing: log them, never leak their text.
  console.error('[tensorlens] unhandled API error', error);
  return NextResponse.json({ error: { code: 'internal', message: 'internal server error' } }, { status: 500 });
}
