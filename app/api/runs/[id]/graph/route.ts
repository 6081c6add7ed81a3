import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { readGraph } from '@/lib/kinds/graph/reader';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/graph - the run's model graph: layers as nodes (class, name, shapes, params, nested graph) and edges
export const GET = withErrors<{ id: string }>(({ store, params }) => NextResponse.json(readGraph(store, params.id)));
