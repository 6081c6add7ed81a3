import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { stepParamsSchema } from '@/lib/api/params';
import { projectionQuerySchema } from '@/lib/kinds/embedding/read-projection';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings/{step}/projection?method=umap|pca&tag=&neighbors=15&minDist=0.1 - a 2-D layout; 202 while UMAP is queued or running
export const GET = withApp<{ id: string; step: string }>(({ app, params, searchParams }) => {
  const { step } = stepParamsSchema.parse(params);
  const query = projectionQuerySchema.parse(Object.fromEntries(searchParams));
  const projection = app.read.embedding.projection(app.projections, params.id, step, query);
  const pending = projection.status === 'queued' || projection.status === 'running';
  return NextResponse.json(projection, { status: pending ? 202 : 200 });
});
