import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';

export const dynamic = 'force-dynamic';

// GET /api/runs - every run, newest first, with the last value of each scalar tag
export const GET = withApp(({ app }) => NextResponse.json(app.read.scalar.runs().map(toWireRun)));
