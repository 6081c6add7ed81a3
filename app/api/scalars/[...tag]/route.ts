import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { tagParamsSchema } from '@/lib/api/params';
import { tagRunsQuerySchema } from '@/lib/kinds/scalar/tag-runs-reader';

export const dynamic = 'force-dynamic';

// GET /api/scalars/{tag}?runs=a,b,c&max_points=2000 - one tag of many runs, each downsampled as /api/runs/{id}/scalars/{tag}
export const GET = withApp<{ tag: string[] }>(({ app, params, searchParams }) => {
  const { tag } = tagParamsSchema.parse(params);
  const { runIds, maxPoints } = tagRunsQuerySchema.parse(Object.fromEntries(searchParams));
  return NextResponse.json(app.read.scalar.tagRuns(tag, runIds, maxPoints));
});
