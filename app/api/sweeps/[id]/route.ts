import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/sweeps/{id} - one sweep: its definition, status and every trial
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read.sweep.get(params.id)));
