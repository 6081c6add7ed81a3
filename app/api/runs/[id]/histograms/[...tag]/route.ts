import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { readHistogramSeries } from '@/lib/kinds/histogram/reader';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/histograms/{tensor} - every step's buckets, counts and distribution bands
export const GET = withErrors<{ id: string; tag: string[] }>(({ store, params }) =>
  NextResponse.json(readHistogramSeries(store, params.id, params.tag.join('/'))),
);
