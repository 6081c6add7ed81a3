import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { eventQuerySchema } from '@/lib/kinds/event/schema';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/events?kind=checkpoint - the run's training events in step order
export const GET = withApp<{ id: string }>(({ app, params, searchParams }) => {
  const { kind } = eventQuerySchema.parse(Object.fromEntries(searchParams));
  return NextResponse.json(app.read.event.list(params.id, kind));
});
