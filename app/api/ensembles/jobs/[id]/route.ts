import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { ApiError } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

// GET /api/ensembles/jobs/{id} - an ensemble job: its state, the command's output so far, and its run once stored
export const GET = withApp<{ id: string }>(({ app, params }) => {
  const job = app.ensembles?.get(params.id);
  if (!job) throw new ApiError('not_found', `ensemble job "${params.id}" not found`);
  return NextResponse.json(job);
});
