import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { stepParamsSchema } from '@/lib/api/params';
import { neighborsQuerySchema, readNeighbors } from '@/lib/kinds/embedding/read-neighbors';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings/{step}/neighbors?word=good&k=10&tag= - nearest words by cosine similarity
export const GET = withErrors<{ id: string; step: string }>(({ store, params, searchParams }) => {
  const { step } = stepParamsSchema.parse(params);
  return NextResponse.json(readNeighbors(store, params.id, step, neighborsQuerySchema.parse(Object.fromEntries(searchParams))));
});
