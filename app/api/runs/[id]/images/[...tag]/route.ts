import { NextResponse } from 'next/server';
import { withApp } from '@/lib/app-context';
import { tagPathSchema } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/images/{tag} - every image of the tag (step, sample, size, type), without the bytes
export const GET = withApp<{ id: string; tag: string[] }>(({ app, params }) =>
  NextResponse.json(app.read.image.list(params.id, tagPathSchema.parse(params.tag))),
);
