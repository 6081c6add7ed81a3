import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withApp } from '@/lib/with-app';
import { runIdSchema } from '@/lib/protocol/ingest-messages';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: runIdSchema });

// GET /api/runs/{id}/op-graph - the ops the framework ran (GraphDef): name, op, inputs, device, output shapes
export const GET = withApp<{ id: string }>(({ app, params }) => {
  const { id } = paramsSchema.parse(params);
  return NextResponse.json(app.read['op-graph'].graph(id));
});
