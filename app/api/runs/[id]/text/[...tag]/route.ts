import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { tagParamsSchema } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/text/{tag} - every step's Markdown of one tag, in step order
export const GET = withApp<{ id: string; tag: string[] }>(({ app, params }) => {
  const { tag } = tagParamsSchema.parse(params);
  return NextResponse.json(app.read.text.series(params.id, tag));
});
