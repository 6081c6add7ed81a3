import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { driftQuerySchema } from '@/lib/kinds/embedding/read-drift';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings/drift?word=good&k=10&tag=&compare= - a word's neighbours at every snapshot, entered and left
export const GET = withApp<{ id: string }>(({ app, params, searchParams }) =>
  NextResponse.json(app.read.embedding.drift(params.id, driftQuerySchema.parse(Object.fromEntries(searchParams)))),
);
