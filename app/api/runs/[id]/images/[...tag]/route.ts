import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { tagParamsSchema } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/images/{tag} - every image of the tag (step, sample, size, type), without the bytes
export const GET = withApp<{ id: string; tag: string[] }>(({ app, params }) => {
  const { tag } = tagParamsSchema.parse(params);
  return NextResponse.json(app.read.image.list(params.id, tag));
});
