import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { readEmbeddingList } from '@/lib/kinds/embedding/reader';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings - the run's complete embedding snapshots, and what its vocabulary offers
export const GET = withErrors<{ id: string }>(({ store, params }) => NextResponse.json(readEmbeddingList(store, params.id)));
