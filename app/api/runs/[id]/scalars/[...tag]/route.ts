import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { scalarQuerySchema, toCsv, toSeriesResponse } from '@/lib/kinds/scalar/reader';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/scalars/{tag}?max_points=&format=json|csv&from_step=&to_step= - one series, or a step range of it; JSON downsampled to max_points (default 2000), CSV whole
export const GET = withApp<{ id: string; tag: string[] }>(({ app, params, searchParams }) => {
  const query = scalarQuerySchema.parse(Object.fromEntries(searchParams));
  const tag = params.tag.join('/');
  const series = app.read.scalar.series(params.id, tag, query.maxPoints, query.range);
  if (query.format === 'csv') {
    const file = `${params.id}-${tag.replace(/[^\w.-]+/g, '_')}.csv`;
    return new NextResponse(toCsv(series), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}"` },
    });
  }
  return NextResponse.json(toSeriesResponse(params.id, series));
});
