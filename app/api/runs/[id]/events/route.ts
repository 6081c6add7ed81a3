import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { eventQuerySchema } from '@/lib/kinds/event/schema';
import { readEventList } from '@/lib/kinds/event/reader';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/events?kind=checkpoint - the run's training events in step order
export const GET = withErrors<{ id: string }>(({ store, params, searchParams }) => {
  const { kind } = eventQuerySchema.parse(Object.fromEntries(searchParams));
  return NextResponse.json(readEventList(store, params.id, kind));
});
