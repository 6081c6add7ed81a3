import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { tagParamsSchema } from '@/lib/api/params';
import { encodeTagRunColumns, TAG_RUNS_COLUMNS_TYPE } from '@/lib/kinds/scalar/tag-runs-columns';
import { tagRunsQuerySchema } from '@/lib/kinds/scalar/tag-runs-reader';

export const dynamic = 'force-dynamic';

// GET /api/scalars/{tag}?runs=a,b,c&max_points=2000&format=json|f64 - one tag of many runs, each downsampled as /api/runs/{id}/scalars/{tag}
export const GET = withApp<{ tag: string[] }>(({ app, params, searchParams }) => {
  const { tag } = tagParamsSchema.parse(params);
  const { runIds, maxPoints, format } = tagRunsQuerySchema.parse(Object.fromEntries(searchParams));
  if (format === 'json') return NextResponse.json(app.read.scalar.tagRuns(tag, runIds, maxPoints));
  const body = encodeTagRunColumns(tag, app.read.scalar.tagRunPoints(tag, runIds, maxPoints));
  return new NextResponse(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': TAG_RUNS_COLUMNS_TYPE } });
});
