import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { getRunOrThrow } from '@/lib/api/get-run-or-throw';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/histograms - the run's histogram tags (tensors) with their step ranges
export const GET = withErrors<{ id: string }>(({ store, params }) => {
  getRunOrThrow(store, params.id);
  return NextResponse.json(store.listHistogramTags(params.id));
});
