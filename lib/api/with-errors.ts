import type { NextRequest, NextResponse } from 'next/server';
import { errorResponse } from './error-response';

export interface HandlerRequest<P> {
  req: NextRequest;
  params: P;
  searchParams: URLSearchParams;
}

/** Wraps a route handler: resolves its params and maps every error it throws in one place. */
export function withErrors<P>(handler: (request: HandlerRequest<P>) => Promise<Response> | Response) {
  return async (req: NextRequest, segment: { params: Promise<P> }): Promise<Response | NextResponse> => {
    try {
      const params = await segment.params;
      return await handler({ req, params, searchParams: req.nextUrl.searchParams });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
