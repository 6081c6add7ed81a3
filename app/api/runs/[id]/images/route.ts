import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/images - the run's image tags with their step ranges
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read.image.tags(params.id)));
