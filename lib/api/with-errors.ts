import type { NextRequest, NextResponse } from 'next/server';
import { openStore } from '../storage/open-store';
import type { Store } from '../storage/store';
import { errorResponse } from './error-response';

export interface HandlerContext<P> {
  req: NextRequest;
  params: P;
  searchParams: URLSearchParams;
  store: Store;
}

/** Wraps a route handler: resolves params, hands it the store, and maps every error in one place. */
export function withErrors<P>(handler: (ctx: HandlerContext<P>) => Promise<Response> | Response) {
  return async (req: NextRequest, segment: { params: Promise<P> }): Promise<Response | NextResponse> => {
    try {
      const params = await segment.params;
      return await handler({ req, params, searchParams: req.nextUrl.searchParams, store: openStore() });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
