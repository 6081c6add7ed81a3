import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { tagParamsSchema } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/pr-curves/{tag} - every step's curve: thresholds, confusion counts, precision and recall
export const GET = withApp<{ id: string; tag: string[] }>(({ app, params }) => {
  const { tag } = tagParamsSchema.parse(params);
  return NextResponse.json(app.read['pr-curve'].series(params.id, tag));
});
