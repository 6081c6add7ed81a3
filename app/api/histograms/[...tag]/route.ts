import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withApp } from '@/lib/app-context';
import { tagPathSchema } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ tag: tagPathSchema });

// GET /api/histograms/{tensor} - the runs that recorded this tensor, newest first, each with its steps
export const GET = withApp<{ tag: string[] }>(({ app, params }) => {
  const { tag } = paramsSchema.parse(params);
  return NextResponse.json(app.read.histogram.tagRuns(tag));
});
