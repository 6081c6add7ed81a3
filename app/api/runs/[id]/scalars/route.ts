import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { getRunOrThrow } from '@/lib/api/get-run-or-throw';
import { toWireTag } from '@/lib/api/wire-run';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/scalars - the run's scalar tags with point counts and latest points
export const GET = withErrors<{ id: string }>(({ store, params }) => {
  getRunOrThrow(store, params.id);
  return NextResponse.json(store.listScalarTags(params.id).map(toWireTag));
});
