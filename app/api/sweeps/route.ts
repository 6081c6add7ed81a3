import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/sweeps - every sweep, newest first, with its trial counts and best value
export const GET = withApp(({ app }) => NextResponse.json(app.read.sweep.list()));
