import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id} - one run with its configuration and last values
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(toWireRun(app.read.scalar.run(params.id))));
