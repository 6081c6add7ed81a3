import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { tagParamsSchema } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

// GET /api/histograms/{tensor} - the runs that recorded this tensor, newest first, each with its steps
export const GET = withApp<{ tag: string[] }>(({ app, params }) => {
  const { tag } = tagParamsSchema.parse(params);
  return NextResponse.json(app.read.histogram.tagRuns(tag));
});
