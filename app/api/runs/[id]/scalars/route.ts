import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/scalars - the run's scalar tags with point counts and latest points
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read.scalar.tags(params.id)));
