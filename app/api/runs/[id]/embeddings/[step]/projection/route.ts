import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { stepParamsSchema } from '@/lib/api/params';
import { projectionQuerySchema, readProjection } from '@/lib/kinds/embedding/read-projection';
import { projectionsFor } from '@/lib/kinds/embedding/projection-registry';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/embeddings/{step}/projection?method=umap|pca&tag=&neighbors=15&minDist=0.1 - a 2-D layout; 202 while UMAP is queued or running
export const GET = withErrors<{ id: string; step: string }>(({ store, params, searchParams }) => {
  const { step } = stepParamsSchema.parse(params);
  const query = projectionQuerySchema.parse(Object.fromEntries(searchParams));
  const projection = readProjection(store, projectionsFor(store.path), params.id, step, query);
  const pending = projection.status === 'queued' || projection.status === 'running';
  return NextResponse.json(projection, { status: pending ? 202 : 200 });
});
