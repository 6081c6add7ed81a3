import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/text - the run's text tags, each with the steps it has Markdown at
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read.text.tags(params.id)));
