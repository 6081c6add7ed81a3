import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withErrors } from '@/lib/api/with-errors';
import { readGraph } from '@/lib/kinds/graph/reader';
import { runIdSchema } from '@/lib/protocol/ingest-messages';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: runIdSchema });

// GET /api/runs/{id}/graph - the run's model graph: layers as nodes (class, name, shapes, params, nested graph) and edges
export const GET = withErrors<{ id: string }>(({ store, params }) => {
  const { id } = paramsSchema.parse(params);
  return NextResponse.json(readGraph(store, id));
});
