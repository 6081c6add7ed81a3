import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings - the run's complete embedding snapshots, and what its vocabulary offers
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(app.read.embedding.list(params.id)));
