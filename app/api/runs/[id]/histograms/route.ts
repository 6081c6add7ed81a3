import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/histograms - the run's histogram tags (tensors) with their step ranges
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read.histogram.tags(params.id)));
