import { NextResponse } from 'next/server';
import { withErrors } from '@/lib/api/with-errors';
import { histogramTagParamsSchema, readHistogramTagRuns } from '@/lib/kinds/histogram/tag-runs-reader';

export const dynamic = 'force-dynamic';

// GET /api/histograms/{tensor} - the runs that recorded this tensor, newest first, each with its steps
export const GET = withErrors<{ tag: string[] }>(({ store, params }) => {
  const { tag } = histogramTagParamsSchema.parse(params);
  return NextResponse.json(readHistogramTagRuns(store, tag));
});
