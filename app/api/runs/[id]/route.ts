import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { readJsonBody } from '@/lib/api/read-json-body';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';
import { deleteRun, patchRun } from '@/lib/runs/manage-run';
import { runPatchSchema } from '@/lib/runs/run-patch-schema';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id} - one run with its configuration and last values
export const GET = withApp<{ id: string }>(({ app, params }) => NextResponse.json(toWireRun(app.read.scalar.run(params.id))));

// PATCH /api/runs/{id} - rename, tag, annotate or archive a run: { name?, tags?, note?, archived? }
// Writes: the request guard (server/guard-request.ts) refuses a foreign Origin, and a missing token.
export const PATCH = withApp<{ id: string }>(async ({ app, req, params }) => {
  const patch = runPatchSchema.parse(await readJsonBody(req));
  return NextResponse.json(toWireRun(patchRun(app, params.id, patch)));
});

// DELETE /api/runs/{id} - the run and all its data: points, histograms, embeddings, events, graph, checkpoints
export const DELETE = withApp<{ id: string }>(({ app, params }) => {
  deleteRun(app, params.id);
  return NextResponse.json({ id: params.id, deleted: true });
});
