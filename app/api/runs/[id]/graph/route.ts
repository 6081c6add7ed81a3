import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withApp } from '@/lib/with-app';
import { runIdSchema } from '@/lib/protocol/ingest-messages';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: runIdSchema });

// GET /api/runs/{id}/graph - the run's model graph: layers as nodes (class, name, shapes, params, nested graph) and edges
export const GET = withApp<{ id: string }>(({ app, params }) => {
  const { id } = paramsSchema.parse(params);
  return NextResponse.json(app.read.graph.graph(id));
});
