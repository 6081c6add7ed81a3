import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { getRunOrThrow } from '@/lib/api/get-run-or-throw';
import { toWireRun } from '@/lib/api/wire-run';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id} - one run with its configuration and last values
export const GET = withErrors<{ id: string }>(({ store, params }) => NextResponse.json(toWireRun(getRunOrThrow(store, params.id))));
