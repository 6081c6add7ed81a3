import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { stepParamsSchema } from '@/lib/api/params';
import { neighborsQuerySchema } from '@/lib/kinds/embedding/read-neighbors';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings/{step}/neighbors?word=good&k=10&tag= - nearest words by cosine similarity
export const GET = withApp<{ id: string; step: string }>(({ app, params, searchParams }) => {
  const { step } = stepParamsSchema.parse(params);
  return NextResponse.json(app.read.embedding.neighbors(params.id, step, neighborsQuerySchema.parse(Object.fromEntries(searchParams))));
});
