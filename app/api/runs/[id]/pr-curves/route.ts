import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/pr-curves - the run's PR curve tags with their step ranges
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read['pr-curve'].tags(params.id)));
