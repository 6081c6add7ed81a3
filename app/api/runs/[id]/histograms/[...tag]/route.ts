import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/histograms/{tensor} - every step's buckets, counts and distribution bands
export const GET = withApp<{ id: string; tag: string[] }>(({ app, params }) =>
  NextResponse.json(app.read.histogram.series(params.id, params.tag.join('/'))),
);
