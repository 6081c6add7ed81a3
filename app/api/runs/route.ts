import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { toWireRun } from '@/lib/api/wire-run';

export const dynamic = 'force-dynamic';

// GET /api/runs - every run, newest first, with the last value of each scalar tag
export const GET = withErrors(({ store }) => NextResponse.json(store.listRuns().map(toWireRun)));
